"""ResumeDraftDialog: offered at start when an order was left unfinished."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from porting_tui.local.drafts import DraftSummary
from porting_tui.tui.dialogs.dialog import Dialog
from porting_tui.tui.screens.create_order.drafts_dialog import saved_at

ResumeChoice = Literal["resume", "list", "new"]


class ResumeDraftDialog(Dialog[ResumeChoice | None]):
    """``resume`` the newest draft, ``list`` all of them, ``new`` (when offered), or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "choose(None)", "Later"),
        Binding("r", "choose('resume')", "Resume"),
        Binding("l", "choose('list')", "All drafts"),
        Binding("n", "choose('new')", "New order"),
    ]
    DEFAULT_CSS = """
    ResumeDraftDialog {
        & > #dialog { width: 70; border: round $accent; }
        & #buttons { height: auto; align-horizontal: right; margin-top: 1; }
        & Button { margin-left: 1; }
    }
    """

    def __init__(self, newest: DraftSummary, count: int, *, offer_new: bool = False) -> None:
        """``offer_new``: asked on ``n``, so starting a new order afresh is one of the answers."""
        super().__init__()
        self._newest = newest
        self._count = count
        self._offer_new = offer_new

    def compose(self) -> ComposeResult:
        newest = self._newest
        others = self._count - 1
        text = (
            f"An order was left unfinished: {newest.title} ({newest.step_title}), "
            f"saved {saved_at(newest)}."
        )
        if others:
            text += f" {others} more draft{'s' if others > 1 else ''} are waiting."
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Resume the draft?"
            yield Static(text, id="resume-text", markup=False)
            with Horizontal(id="buttons"):
                yield Button("Resume (r)", variant="primary", id="resume")
                yield Button("All drafts (l)", id="list")
                if self._offer_new:
                    yield Button("New order (n)", id="new")
                yield Button("Later (esc)", id="later")

    def on_mount(self) -> None:
        self.query_one("#resume", Button).focus()

    def action_choose(self, choice: ResumeChoice | None) -> None:
        if choice == "new" and not self._offer_new:
            return
        self.dismiss(choice)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        choices: dict[str | None, ResumeChoice] = {"resume": "resume", "list": "list", "new": "new"}
        self.dismiss(choices.get(event.button.id))
