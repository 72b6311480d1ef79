"""AuditLogScreen: every change made through the app or the command line, newest first."""

from __future__ import annotations

from datetime import tzinfo
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Static

from porting_tui.local.audit_log import AuditEntry, AuditLog
from porting_tui.tui.widgets.key_footer import KeyFooter
from porting_tui.tui.widgets.table_keys import KeyedDataTable

COLUMNS = ("When", "User", "Via", "Profile", "Order", "Action", "Outcome", "Request")


def audit_cells(entry: AuditEntry, zone: tzinfo | None = None) -> tuple[Text, ...]:
    """One row of the log as literal text; a failure stands out."""
    outcome_style = "" if entry.outcome.startswith("ok") else "bold red"
    return (
        Text(f"{entry.at.astimezone(zone):%Y-%m-%d %H:%M:%S}"),
        Text(entry.os_user),
        Text(entry.via),
        Text(entry.profile),
        Text(entry.order_id or "—"),
        Text(entry.action),
        Text(entry.outcome, style=outcome_style),
        Text(f"{entry.method} {entry.path}", style="dim"),
    )


class AuditLogScreen(Screen[None]):
    """The audit log of this profile (or of all profiles), read from the local store."""

    HELP_TITLE = "Audit log"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("a", "toggle_profiles", "All profiles / this profile"),
        Binding("r", "reload", "Reload"),
    ]
    DEFAULT_CSS = """
    AuditLogScreen {
        #audit-title { padding: 0 1; background: $panel; color: $text-accent; text-style: bold; }
        #audit-table { height: 1fr; }
        #audit-empty { padding: 1 2; color: $text-muted; }
    }
    """

    def __init__(self, audit: AuditLog, profile: str | None, *, zone: tzinfo | None = None) -> None:
        super().__init__()
        self.audit = audit
        self.profile = profile
        self.all_profiles = profile is None
        self._zone = zone

    def compose(self) -> ComposeResult:
        yield Static(id="audit-title")
        yield KeyedDataTable[Text](id="audit-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="audit-empty")
        yield KeyFooter()

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#audit-table", DataTable)

    def on_mount(self) -> None:
        self.table.add_columns(*COLUMNS)
        self.action_reload()
        self.table.focus()

    def entries(self) -> list[AuditEntry]:
        return self.audit.entries(profile=None if self.all_profiles else self.profile)

    def action_reload(self) -> None:
        entries = self.entries()
        table = self.table
        table.clear()
        for entry in entries:
            table.add_row(*audit_cells(entry, self._zone), key=str(entry.id))
        scope = "all profiles" if self.all_profiles else f"profile {self.profile}"
        noun = "change" if len(entries) == 1 else "changes"
        self.query_one("#audit-title", Static).update(
            Text(f"Audit log · {scope} · {len(entries)} {noun}, newest first")
        )
        empty = self.query_one("#audit-empty", Static)
        empty.display = not entries
        empty.update(
            "Nothing changed through the app or the command line yet: notes, uploads, edits, "
            "cancellations and activations are listed here."
        )

    def action_toggle_profiles(self) -> None:
        if self.profile is None:
            return
        self.all_profiles = not self.all_profiles
        self.action_reload()
