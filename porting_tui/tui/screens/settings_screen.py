"""SettingsScreen: the project's porting defaults (``/configuration``), viewed and edited."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from porting_tui.client import (
    Configuration,
    NotFoundError,
    PortingError,
    PortingStatusError,
    PortingValidationError,
)
from porting_tui.domain.configuration_checks import (
    CONFIGURATION_FIELDS,
    FIELD_BY_PATH,
    check_configuration_input,
    configuration_changes,
    read_path,
)
from porting_tui.domain.masking import mask_url_secrets, url_has_secret
from porting_tui.domain.value_checks import PORT_TIME_ZONES
from porting_tui.listing.problems import describe_problem
from porting_tui.listing.session import Session
from porting_tui.tui.dialogs.changes_dialog import ChangesDialog
from porting_tui.tui.dialogs.confirm_dialog import ConfirmDialog
from porting_tui.tui.screens.session_screen import SessionScreen
from porting_tui.tui.widgets.form_keys import IMMEDIATE_FOCUS_KEYS
from porting_tui.tui.widgets.key_footer import KeyFooter
from porting_tui.tui.widgets.problem_banner import ProblemBanner
from porting_tui.tui.widgets.status_header import StatusHeader

ZONE_PATH = "defaultPortTimeZone"
WEBHOOK_PATH = "webhookUrl"
PLACEHOLDERS = {
    "contact.name": "not set: who Sinch contacts about orders",
    "contact.email": "not set, e.g. porting@example.com",
    "contact.phone": "not set, e.g. +13125550143",
    "webhookUrl": "not set, e.g. https://hooks.example.com/porting-events",
    "defaultPortTime": "not set, e.g. 09:00",
}


def field_id(path: str) -> str:
    return "field-" + path.replace(".", "-")


def error_id(path: str) -> str:
    return "error-" + path.replace(".", "-")


class SettingsScreen(SessionScreen):
    """GET shows the defaults; ctrl+s checks, shows the changes, then POSTs or PUTs them."""

    HELP_TITLE = "Project defaults"
    CSS_PATH = "settings_screen.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        *IMMEDIATE_FOCUS_KEYS,
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+r", "reload", "Reload"),
        Binding("ctrl+t", "reveal", "Show secret", show=False),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.loaded = False
        self.current: dict[str, Any] | None = None
        """The defaults as the API last sent them (wire names); None when none exist."""
        self.revealed = False
        """Whether the webhook URL's secret is shown (ctrl+t); masked until asked for."""
        self._api_problems: dict[str, tuple[str, str]] = {}
        """Field path -> (the value sent, what the API said of it), from the last refusal."""

    @property
    def creating(self) -> bool:
        return self.current is None

    def compose(self) -> ComposeResult:
        yield StatusHeader(self.session, subtitle="project defaults")
        yield ProblemBanner()
        yield Static(Text("Loading the project's porting defaults…"), id="notice")
        with VerticalScroll(id="form"):
            for field in CONFIGURATION_FIELDS:
                with Horizontal(classes="field-row"):
                    yield Label(field.label, classes="field-label")
                    yield self._editor(field.path)
                yield Static(id=error_id(field.path), classes="field-error", markup=False)
        yield KeyFooter()

    def _editor(self, path: str) -> Widget:
        if path == ZONE_PATH:
            return Select(
                [(zone, zone) for zone in PORT_TIME_ZONES],
                prompt="(not set)",
                id=field_id(path),
                compact=True,
                disabled=True,
            )
        return Input(
            placeholder=PLACEHOLDERS.get(path, ""), id=field_id(path), compact=True, disabled=True
        )

    def on_mount(self) -> None:
        self.load()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save":
            # A read-only profile can look, never send: the key is hidden rather than refused.
            return not self.session.read_only
        return True

    @work(exclusive=True, group="configuration")
    async def load(self) -> None:
        banner = self.query_one(ProblemBanner)
        try:
            configuration = await self.session.client.configuration.get()
        except NotFoundError:
            configuration = None
        except PortingError as error:
            banner.show(describe_problem(error, self.session))
            if not self.loaded:
                self._notice("The porting defaults could not be loaded; ctrl+r tries again.")
            return
        banner.show(None)
        self._show(configuration.to_wire() if configuration is not None else None)
        self.refreshed()

    def _show(self, body: dict[str, Any] | None) -> None:
        self.current = body
        self.loaded = True
        values = body or {}
        for field in CONFIGURATION_FIELDS:
            self._set_value(field.path, read_path(values, field.path))
            editor = self.query_one(f"#{field_id(field.path)}")
            editor.disabled = self.session.read_only
        self._show_problems({})
        self._notice(self._notice_text())
        first = self.query_one(f"#{field_id(CONFIGURATION_FIELDS[0].path)}")
        if not first.disabled:
            first.focus()

    def _notice_text(self) -> str:
        if self.session.read_only:
            prefix = f"Profile {self.session.profile_name!r} is read-only: view only."
            if self.creating:
                return f"{prefix} This project has no porting defaults yet."
            return prefix
        if self.creating:
            return (
                "This project has no porting defaults yet. Fill in what you want and press "
                "ctrl+s to create them."
            )
        return "Edit and press ctrl+s: you will see what changes before anything is sent."

    def _notice(self, text: str) -> None:
        self.query_one("#notice", Static).update(Text(text))

    def _set_value(self, path: str, value: str) -> None:
        editor = self.query_one(f"#{field_id(path)}")
        if isinstance(editor, Select):
            if value and value not in PORT_TIME_ZONES:
                # A zone this version does not know is shown, so the check can point at it.
                options = [(zone, zone) for zone in (*PORT_TIME_ZONES, value)]
                editor.set_options(options)
            editor.value = value if value else Select.NULL
        elif isinstance(editor, Input):
            editor.value = value
            if path == WEBHOOK_PATH:
                # The URL may carry the receiver's secret (?secret=): hidden until ctrl+t.
                editor.password = url_has_secret(value) and not self.revealed

    def action_reveal(self) -> None:
        self.revealed = not self.revealed
        editor = self.query_one(f"#{field_id(WEBHOOK_PATH)}", Input)
        editor.password = url_has_secret(editor.value) and not self.revealed

    def form_values(self) -> dict[str, str]:
        """What the form holds, by API field path ("" for an empty field)."""
        values: dict[str, str] = {}
        for field in CONFIGURATION_FIELDS:
            editor = self.query_one(f"#{field_id(field.path)}")
            if isinstance(editor, Select):
                values[field.path] = "" if editor.is_blank() else str(editor.value)
            elif isinstance(editor, Input):
                values[field.path] = editor.value
        return values

    def _edited(self) -> bool:
        current = self.current or {}
        return any(
            value.strip() != read_path(current, path) for path, value in self.form_values().items()
        )

    def _show_problems(self, problems: dict[str, str], *, focus: bool = True) -> None:
        for field in CONFIGURATION_FIELDS:
            message = problems.get(field.path, "")
            error = self.query_one(f"#{error_id(field.path)}", Static)
            error.update(Text(message))
            error.set_class(bool(message), "-shown")
            self.query_one(f"#{field_id(field.path)}").set_class(bool(message), "-invalid")
        if problems and focus:
            first = next(f.path for f in CONFIGURATION_FIELDS if f.path in problems)
            self.query_one(f"#{field_id(first)}").focus()

    @on(Input.Changed)
    @on(Select.Changed)
    def _recheck_shown_problems(self) -> None:
        """Problems already shown follow the typing: a fixed field loses its error at once.

        An error the API gave stays until the field changes; fields without one get none
        while typing.
        """
        if not self.loaded:
            return
        shown = {
            field.path
            for field in CONFIGURATION_FIELDS
            if self.query_one(f"#{error_id(field.path)}", Static).has_class("-shown")
        }
        if not shown:
            return
        values = self.form_values()
        checked = check_configuration_input(values, self.current)
        kept = {
            path: checked.problems.get(path) or self._api_problem(path, values) for path in shown
        }
        self._show_problems({p: m for p, m in kept.items() if m}, focus=False)

    def _api_problem(self, path: str, values: dict[str, str]) -> str:
        """The API's complaint about ``path`` while the field still holds what was sent."""
        sent, message = self._api_problems.get(path, ("", ""))
        return message if values.get(path, "") == sent else ""

    def action_save(self) -> None:
        if self.session.read_only or not self.loaded:
            return
        checked = check_configuration_input(self.form_values(), self.current)
        self._show_problems(checked.problems)
        if checked.problems:
            count = len(checked.problems)
            self.notify(
                f"{count} setting{'s' if count != 1 else ''} to fix before saving",
                severity="error",
                timeout=4,
            )
            return
        changes = configuration_changes(self.current, checked.body)
        if not self.revealed:
            # The preview masks the webhook URL's secret as the form does until ctrl+t.
            changes = [
                replace(
                    change,
                    before=mask_url_secrets(change.before),
                    after=mask_url_secrets(change.after),
                )
                for change in changes
            ]
        if not changes:
            self.notify("Nothing to save: the defaults are as shown.", timeout=3)
            return
        creating = self.creating

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.send(checked.body, creating)

        self.app.push_screen(ChangesDialog.configuration(changes, creating=creating), confirmed)

    @work(exclusive=True, group="configuration")
    async def send(self, body: dict[str, Any], creating: bool) -> None:
        """POST (create) or PUT (replace) the defaults, then show what the API answered."""
        client = self.session.client
        banner = self.query_one(ProblemBanner)
        try:
            wanted = Configuration.model_validate(body)
            if creating:
                saved = await client.configuration.create(wanted)
            else:
                saved = await client.configuration.update(wanted)
        except (PortingValidationError, PortingStatusError) as error:
            at_fields = {
                v.field: v.description for v in error.field_violations if v.field in FIELD_BY_PATH
            }
            typed = self.form_values()
            self._api_problems = {path: (typed.get(path, ""), m) for path, m in at_fields.items()}
            self._show_problems(at_fields)
            banner.show(describe_problem(error, self.session))
            return
        except PortingError as error:
            banner.show(describe_problem(error, self.session))
            return
        banner.show(None)
        self._show(saved.to_wire())
        self.refreshed()
        verb = "Created" if creating else "Saved"
        self.notify(f"{verb} the project's porting defaults", timeout=4)

    def action_reload(self) -> None:
        self.load()

    def input_on_quit(self) -> str | None:
        """What quitting now would do to edits not saved yet (see ``typed_input_on_quit``)."""
        if self.loaded and not self.session.read_only and self._edited():
            return "Project defaults: your unsaved changes are lost."
        return None

    def action_back(self) -> None:
        if self.loaded and not self.session.read_only and self._edited():

            def answered(leave: bool | None) -> None:
                if leave:
                    self.dismiss()

            question = "Leave without saving your changes?"
            self.app.push_screen(ConfirmDialog("Unsaved changes", question, "Leave"), answered)
            return
        self.dismiss()
