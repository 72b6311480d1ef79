"""WizardStepBar: the six steps of the order wizard in one line, the current one highlighted."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from porting_tui.domain.draft_fields import Step

_DIGITS = "①②③④⑤⑥"


class WizardStepBar(Static):
    """``① Numbers ─ ② Portability ─ …``: done steps dimmed green, the current one reversed."""

    DEFAULT_CSS = """
    WizardStepBar { height: 1; width: 1fr; padding: 0 1; }
    """

    current: reactive[Step] = reactive(Step.NUMBERS)

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        for step in Step:
            if step:
                text.append(" ─ ", style="dim")
            label = f"{_DIGITS[step]} {step.title}"
            if step == self.current:
                text.append(label, style="bold reverse")
            elif step < self.current:
                text.append(label, style="green")
            else:
                text.append(label, style="dim")
        return text
