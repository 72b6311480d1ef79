"""ProblemBanner: the last failure of a screen, what to do about it, shown until it is solved."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from porting_tui.listing.problems import Problem


class ProblemBanner(Static):
    """Hidden while there is no problem; server text in it is shown literally."""

    DEFAULT_CSS = """
    ProblemBanner {
        display: none;
        height: auto;
        max-height: 6;
        padding: 0 1;
        background: $error-muted;
        color: $text;
        &.-shown { display: block; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.problem: Problem | None = None

    def show(self, problem: Problem | None) -> None:
        self.problem = problem
        self.set_class(problem is not None, "-shown")
        if problem is None:
            self.update("")
            return
        text = Text()
        text.append(problem.title, style="bold")
        text.append("\n")
        text.append(problem.detail)
        self.update(text)
