"""PreflightDialog: what pre-flight found on a pending order, ranked, each with its fix."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from porting_tui.domain.preflight import Finding, OrderFacts
from porting_tui.tui.dialogs.dialog import Dialog
from porting_tui.tui.widgets.preflight_panel import count_text, findings_lines, risk_text

INTRO = (
    "What the losing carriers are likely to reject in the numbers still pending, and what to "
    "do about it. Nothing here blocks; E edits the order. Esc closes."
)


class PreflightDialog(Dialog[None]):
    """The risk per carrier group, then every finding with its fix; Esc or p closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,p", "close", "Close"),
    ]
    DEFAULT_CSS = """
    PreflightDialog {
        & > #dialog { width: 100; }
        & #intro { color: $text-muted; margin-bottom: 1; }
        & #risk { margin-bottom: 1; }
        & VerticalScroll { height: auto; max-height: 20; }
    }
    """

    def __init__(self, order_id: int, findings: Sequence[Finding], facts: OrderFacts) -> None:
        super().__init__()
        self.order_id = order_id
        self.findings = list(findings)
        self.facts = facts

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = f"Pre-flight · order {self.order_id}"
            dialog.border_subtitle = count_text(self.findings)
            yield Static(INTRO, id="intro", markup=False)
            with VerticalScroll():
                risk = risk_text(self.findings, self.facts, with_advice=False)
                yield Static(risk, id="risk", markup=False)
                findings = findings_lines(self.findings) if self.findings else Content("")
                yield Static(findings, id="findings", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
