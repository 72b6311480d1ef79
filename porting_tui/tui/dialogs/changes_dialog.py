"""ChangesDialog: what saving an edited order or the porting defaults will change, first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Protocol

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from porting_tui.tui.dialogs.dialog import Dialog
from porting_tui.tui.widgets.changes_table import changes_table


class Change(Protocol):
    """One changed field or setting, as the order edit and the configuration checks give it."""

    @property
    def label(self) -> str: ...
    @property
    def before(self) -> str: ...
    @property
    def after(self) -> str: ...


class ChangesDialog(Dialog[bool]):
    """Returns True when the operator confirms sending; Esc and "n" go back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "answer(False)", "Back"),
        Binding("y", "answer(True)", "Send"),
    ]
    DEFAULT_CSS = """
    ChangesDialog {
        & #intro { margin-bottom: 1; }
        & VerticalScroll { height: auto; max-height: 16; }
        & #resubmitted { color: $text-warning; margin-top: 1; height: auto; }
        & #buttons { height: auto; align-horizontal: right; margin-top: 1; }
        & Button { margin-left: 1; min-width: 8; }
        &.-wide > #dialog { width: 100; }
    }
    """

    def __init__(
        self,
        title: str,
        intro: str,
        changes: Sequence[Change],
        *,
        label_title: str,
        label_ratio: int | None = None,
        yes: str,
        no: str,
        resubmitted: Sequence[str] = (),
        wide: bool = False,
    ) -> None:
        super().__init__(classes="-warning -wide" if wide else "-warning")
        self.title_text = title
        self.intro = intro
        self.changes = list(changes)
        self.label_title = label_title
        self.label_ratio = label_ratio
        self.yes, self.no = yes, no
        self.resubmitted = list(resubmitted)
        """Rejected numbers that saving sends to the losing carrier again."""

    @classmethod
    def order_edit(
        cls, order_id: int, changes: Sequence[Change], resubmitted: Sequence[str] = ()
    ) -> ChangesDialog:
        """Before saving an edited order; ``resubmitted`` numbers go back to PENDING."""
        count = len(changes)
        intro = (
            f"Save order {order_id} with {count} change{'s' if count != 1 else ''}? "
            "Everything else on the order stays as the server has it."
        )
        return cls(
            "What will change",
            intro,
            changes,
            label_title="Field",
            label_ratio=2,
            yes="Save (y)",
            no="Back (n)",
            resubmitted=resubmitted,
            wide=True,
        )

    @classmethod
    def configuration(cls, changes: Sequence[Change], *, creating: bool) -> ChangesDialog:
        """Before creating (POST) or saving (PUT) the project's porting defaults."""
        verb = "Create" if creating else "Save"
        request = "POST" if creating else "PUT"
        count = len(changes)
        intro = (
            f"{verb} the project's porting defaults ({request} /configuration) with "
            f"{count} change{'s' if count != 1 else ''}:"
        )
        return cls(
            f"{verb} porting defaults",
            intro,
            changes,
            label_title="Setting",
            yes=f"{verb} (y)",
            no="Cancel (n)",
        )

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = self.title_text
            yield Static(Text(self.intro), id="intro")
            with VerticalScroll():
                rows = [(change.label, change.before, change.after) for change in self.changes]
                table = changes_table(
                    rows, label_title=self.label_title, label_ratio=self.label_ratio
                )
                yield Static(table, id="changes")
            if self.resubmitted:
                numbers = ", ".join(self.resubmitted)
                again = f"Rejected numbers go back to the losing carrier (PENDING again): {numbers}"
                yield Static(Text(again), id="resubmitted")
            with Horizontal(id="buttons"):
                yield Button(self.yes, variant="warning", id="yes")
                yield Button(self.no, id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
