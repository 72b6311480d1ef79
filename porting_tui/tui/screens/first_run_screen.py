"""FirstRunScreen: no profile yet — create one, test it, save it, or start the demo instead."""

from __future__ import annotations

from typing import ClassVar

import httpx
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from porting_tui.listing.session import DEMO_CHOICE
from porting_tui.local.errors import ProfileError
from porting_tui.local.profile import DEFAULT_API_URL, Profile, check_profile_name
from porting_tui.local.profile_check import test_profile
from porting_tui.local.profiles import save_profile
from porting_tui.tui.widgets.form_keys import IMMEDIATE_FOCUS_KEYS
from porting_tui.tui.widgets.key_footer import KeyFooter

DEMO = DEMO_CHOICE
"""What the screen returns when the user chose the demo instead of a profile."""

_TEXT_FIELDS = (
    ("name", "Profile name", "e.g. acme-prod"),
    ("project_id", "Project id", "from the Sinch dashboard"),
    ("key_id", "Access key id", "Settings → Access Keys"),
    ("key_secret", "Access key secret", "shown once when the key was made"),
    ("api_url", "API URL", DEFAULT_API_URL),
)


class FirstRunScreen(Screen[str | None]):
    """Returns the name of the saved profile, DEMO, or None when the user quits."""

    CSS_PATH = "first_run_screen.tcss"
    HELP_TITLE = "First run"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+t", "test", "Test"),
        Binding("ctrl+s", "save", "Save and open"),
        # ctrl+d would delete a character in the focused field.
        Binding("ctrl+o", "demo", "Start the demo"),
        Binding("escape", "quit", "Quit"),
        *IMMEDIATE_FOCUS_KEYS,
    ]

    def __init__(self, transport: httpx.AsyncBaseTransport | None = None) -> None:
        super().__init__()
        # Tests put an in-process emulator here; a real run connects to the profile's api_url.
        self._transport = transport

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="page"), Vertical(id="form"):
            yield Static(
                Text.assemble(
                    ("Welcome to porting-tui. ", "bold"),
                    "There is no profile yet: enter the access key of a Sinch project, "
                    "test it and save it. Or try everything on the built-in emulator first.",
                ),
                id="intro",
            )
            with Grid(id="fields"):
                for name, label, placeholder in _TEXT_FIELDS:
                    with Vertical(classes="field"):
                        yield Label(label)
                        yield Input(
                            "default" if name == "name" else "",
                            placeholder=placeholder,
                            password=name == "key_secret",
                            id=f"field-{name}",
                            compact=True,
                        )
                        yield Static(id=f"error-{name}", classes="error", markup=False)
                with Vertical(classes="field"):
                    yield Label("Authentication")
                    yield Select(
                        [("Basic (key id and secret)", "basic"), ("OAuth2 token", "oauth")],
                        value="basic",
                        allow_blank=False,
                        id="field-auth",
                        compact=True,
                    )
                    yield Static(id="error-auth", classes="error", markup=False)
            yield Checkbox(
                "Read-only: never change anything in this project", id="read-only", compact=True
            )
            yield Static(id="result", markup=False)
            yield Static(
                "The secret is saved in config.toml, readable only by you. For a secret from "
                "an environment variable, a command or the keyring: porting-tui profile add",
                id="note",
                markup=False,
            )
            with Horizontal(id="buttons"):
                yield Button("Test", id="test")
                yield Button("Save and open", variant="primary", id="save")
                yield Button("Start the demo", variant="warning", id="demo")
        yield KeyFooter()

    def on_mount(self) -> None:
        # The first field first; its suggested "default" is selected, so typing replaces it.
        self.query_one("#field-name", Input).focus()

    def _value(self, name: str) -> str:
        return self.query_one(f"#field-{name}", Input).value.strip()

    def _profile(self) -> Profile | None:
        """The profile typed so far, or None after showing what is wrong at each field."""
        errors: dict[str, str] = {}
        name = self._value("name")
        try:
            check_profile_name(name)
        except ProfileError as error:
            errors["name"] = error.message
        auth = self.query_one("#field-auth", Select).value
        profile = None
        try:
            profile = Profile(
                name=name or "default",
                project_id=self._value("project_id"),
                key_id=self._value("key_id"),
                key_secret=self._value("key_secret") or None,
                auth="oauth" if auth == "oauth" else "basic",
                api_url=(self._value("api_url") or DEFAULT_API_URL).rstrip("/"),
                read_only=self.query_one("#read-only", Checkbox).value,
            )
        except ProfileError as error:
            errors.update(error.fields or {"name": error.message})
        self._show_errors(errors)
        return None if errors else profile

    def _show_errors(self, errors: dict[str, str]) -> None:
        for name in [*(field for field, _, _ in _TEXT_FIELDS), "auth"]:
            error = self.query_one(f"#error-{name}", Static)
            error.update(errors.get(name, ""))
            error.set_class(name in errors, "-shown")
        if errors:
            first = next(iter(errors))
            target = self.query(f"#field-{first}")
            if target:
                target.first().focus()

    def _show_result(self, ok: bool, message: str) -> None:
        result = self.query_one("#result", Static)
        result.set_class(ok, "-ok")
        result.set_class(not ok, "-failed")
        result.update(message)

    def action_test(self) -> None:
        profile = self._profile()
        if profile is not None:
            self._show_result(True, f"Testing against {profile.api_url} …")
            self._test(profile)

    @work(exclusive=True, group="test")
    async def _test(self, profile: Profile) -> None:
        outcome = await test_profile(profile, transport=self._transport)
        self._show_result(outcome.ok, outcome.message)

    def action_save(self) -> None:
        profile = self._profile()
        if profile is None:
            return
        try:
            path = save_profile(profile, make_default=True)
        except ProfileError as error:
            self._show_result(False, error.message)
            return
        self.notify(f"Saved profile {profile.name!r} in {path}", markup=False)
        self.dismiss(profile.name)

    def action_demo(self) -> None:
        self.dismiss(DEMO)

    def action_quit(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        actions = {"test": self.action_test, "save": self.action_save, "demo": self.action_demo}
        actions[event.button.id or "test"]()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        # An error about what the field held before would only mislead; ctrl+t or ctrl+s
        # checks again.
        name = (event.input.id or "").removeprefix("field-")
        errors = self.query(f"#error-{name}")
        if errors:
            error = errors.first(Static)
            error.update("")
            error.set_class(False, "-shown")

    @on(Input.Submitted)
    def _submitted(self) -> None:
        # Enter moves on, as in a paper form; saving is an explicit ctrl+s or button.
        self.focus_next()
