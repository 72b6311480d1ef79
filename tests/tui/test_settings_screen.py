"""The project defaults screen against the emulator: create, read, update, checks, read-only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from porting_tui.emulator import Emulator
from porting_tui.tui.app import PortingApp
from porting_tui.tui.dialogs.changes_dialog import ChangesDialog
from porting_tui.tui.dialogs.confirm_dialog import ConfirmDialog
from porting_tui.tui.screens.settings_screen import SettingsScreen, error_id, field_id
from tests.tui.conftest import RecordingTransport, make_emulator, make_session, settle

CONFIG_PATH = "/v1/projects/demo-project/configuration"
EXISTING = {
    "contact": {"name": "Porting desk", "email": "desk@example.com", "phone": "+13125550143"},
    "webhookUrl": "https://hooks.example.com/porting-events",
    "defaultPortTime": "09:00:00",
    "defaultPortTimeZone": "US/Eastern",
}


@pytest.fixture
def emulator() -> Emulator:
    # A few orders are enough behind the list: these tests are about the settings screen.
    return make_emulator(orders=5)


async def open_settings(app: PortingApp, pilot: Pilot[None]) -> SettingsScreen:
    await settle(pilot)
    await pilot.press("S")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, SettingsScreen)
    return screen


def config_requests(transport: RecordingTransport) -> list[tuple[str, Any]]:
    import json

    return [
        (r.method, json.loads(r.content) if r.content else None)
        for r in transport.requests
        if r.url.path == CONFIG_PATH
    ]


async def type_into(pilot: Pilot[None], screen: SettingsScreen, path: str, text: str) -> None:
    field = screen.query_one(f"#{field_id(path)}", Input)
    field.focus()
    field.value = text
    await pilot.pause()


def error_text(screen: SettingsScreen, path: str) -> str:
    return str(screen.query_one(f"#{error_id(path)}", Static).content)


async def test_without_defaults_the_screen_offers_to_create_them(
    session: Any, transport: RecordingTransport, emulator: Emulator
) -> None:
    app = PortingApp(session)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_settings(app, pilot)
        assert screen.creating and screen.loaded
        assert "no porting defaults yet" in str(screen.query_one("#notice", Static).content)
        transport.forget()
        await type_into(pilot, screen, "contact.email", "ops@example.com")
        await type_into(pilot, screen, "defaultPortTime", "8:30")
        screen.query_one(f"#{field_id('defaultPortTimeZone')}", Select).value = "US/Central"
        await pilot.press("ctrl+s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ChangesDialog)
        assert config_requests(transport) == []
        await pilot.press("y")
        await settle(pilot)
        assert config_requests(transport) == [
            (
                "POST",
                {
                    "contact": {"email": "ops@example.com"},
                    "defaultPortTime": "08:30:00",
                    "defaultPortTimeZone": "US/Central",
                },
            )
        ]
        assert emulator.store.configuration == config_requests(transport)[0][1]
        assert app.screen is screen and not screen.creating
        assert screen.form_values()["defaultPortTime"] == "08:30:00"


async def test_existing_defaults_are_shown_and_saved_with_put(
    session: Any, transport: RecordingTransport, emulator: Emulator
) -> None:
    emulator.store.configuration = dict(EXISTING)
    app = PortingApp(session)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_settings(app, pilot)
        assert screen.form_values() == {
            "contact.name": "Porting desk",
            "contact.email": "desk@example.com",
            "contact.phone": "+13125550143",
            "webhookUrl": "https://hooks.example.com/porting-events",
            "defaultPortTime": "09:00:00",
            "defaultPortTimeZone": "US/Eastern",
        }
        transport.forget()
        await type_into(pilot, screen, "contact.phone", "(646) 555-0100")
        await pilot.press("ctrl+s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ChangesDialog)
        assert [(c.label, c.before, c.after) for c in dialog.changes] == [
            ("Contact phone", "+13125550143", "+16465550100")
        ]
        await pilot.press("y")
        await settle(pilot)
        [(method, body)] = config_requests(transport)
        assert method == "PUT"
        assert body == {**EXISTING, "contact": {**EXISTING["contact"], "phone": "+16465550100"}}


async def test_a_secret_in_the_webhook_url_is_masked_until_ctrl_t(
    session: Any, emulator: Emulator
) -> None:
    emulator.store.configuration = {
        **EXISTING,
        "webhookUrl": "https://hooks.example.com/p?secret=hook-s3cret",
    }
    app = PortingApp(session)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_settings(app, pilot)
        editor = screen.query_one(f"#{field_id('webhookUrl')}", Input)
        assert editor.password
        assert "hook-s3cret" not in str(editor.render())
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert not editor.password
        assert screen.form_values()["webhookUrl"].endswith("secret=hook-s3cret")


async def test_the_changes_preview_masks_the_webhook_secret_until_ctrl_t(
    session: Any, transport: RecordingTransport, emulator: Emulator
) -> None:
    emulator.store.configuration = {
        **EXISTING,
        "webhookUrl": "https://hooks.example.com/p?secret=old-s3cret",
    }
    app = PortingApp(session)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_settings(app, pilot)
        new_url = "https://hooks.example.com/p?secret=new-s3cret"
        await type_into(pilot, screen, "webhookUrl", new_url)
        await pilot.press("ctrl+s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ChangesDialog)
        [change] = dialog.changes
        assert "s3cret" not in change.before + change.after
        assert change.after.startswith("https://hooks.example.com/p?secret=")
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("ctrl+t", "ctrl+s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ChangesDialog)
        assert [(c.before, c.after) for c in dialog.changes] == [
            ("https://hooks.example.com/p?secret=old-s3cret", new_url)
        ]


async def test_cancelling_the_changes_sends_nothing(
    session: Any, transport: RecordingTransport, emulator: Emulator
) -> None:
    emulator.store.configuration = dict(EXISTING)
    app = PortingApp(session)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_settings(app, pilot)
        transport.forget()
        await type_into(pilot, screen, "contact.name", "Night shift")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is screen
        assert config_requests(transport) == []
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ChangesDialog)


BAD_VALUES = [
    ("contact.email", "ops-at-example.com", "not an email address"),
    ("contact.phone", "555-01", "not a valid phone number"),
    ("webhookUrl", "my.callback.server", "not an absolute URL"),
    ("webhookUrl", "http://hooks.example.com/x", "uses plain http"),
    ("defaultPortTime", "25:61", "not a time"),
]


async def test_each_bad_value_is_shown_at_its_field_and_nothing_is_sent(
    session: Any, transport: RecordingTransport
) -> None:
    app = PortingApp(session)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_settings(app, pilot)
        transport.forget()
        for path, typed, message in BAD_VALUES:
            await type_into(pilot, screen, path, typed)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.screen is screen
            assert message in error_text(screen, path), path
            assert screen.query_one(f"#{field_id(path)}").has_focus
            await type_into(pilot, screen, path, "")
        assert config_requests(transport) == []
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert all(error_text(screen, path) == "" for path, _, _ in BAD_VALUES)


async def test_a_shown_error_goes_as_soon_as_the_field_is_fixed(
    session: Any, transport: RecordingTransport
) -> None:
    app = PortingApp(session)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_settings(app, pilot)
        path, typed, message = BAD_VALUES[0]
        await type_into(pilot, screen, path, typed)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert message in error_text(screen, path)
        field = screen.query_one(f"#{field_id(path)}", Input)
        field.value = "ops@"
        await pilot.pause()
        assert message in error_text(screen, path), "still wrong: the error stays"
        field.value = "ops@example.com"
        await pilot.pause()
        assert error_text(screen, path) == ""
        assert not field.has_class("-invalid")


async def test_a_zone_outside_the_documented_set_is_shown_and_refused(
    session: Any, transport: RecordingTransport, emulator: Emulator
) -> None:
    emulator.store.configuration = {"defaultPortTimeZone": "Europe/Paris"}
    app = PortingApp(session)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_settings(app, pilot)
        zone = screen.query_one(f"#{field_id('defaultPortTimeZone')}", Select)
        assert zone.value == "Europe/Paris"
        transport.forget()
        await type_into(pilot, screen, "contact.name", "Ops")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "not a port time zone" in error_text(screen, "defaultPortTimeZone")
        assert config_requests(transport) == []


async def test_a_read_only_profile_can_view_but_not_save(
    transport: RecordingTransport, emulator: Emulator, tmp_path: Path
) -> None:
    emulator.store.configuration = dict(EXISTING)
    app = PortingApp(make_session(transport, tmp_path, read_only=True))
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_settings(app, pilot)
        assert screen.form_values()["contact.email"] == "desk@example.com"
        assert all(field.disabled for field in screen.query(".field-row Input"))
        assert "read-only" in str(screen.query_one("#notice", Static).content)
        transport.forget()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert config_requests(transport) == []
        assert "save" not in {
            b.binding.action for b in screen.active_bindings.values() if b.enabled
        }


async def test_settings_and_events_are_in_the_help_and_the_palette(session: Any) -> None:
    from porting_tui.tui.screens.help_screen import described_bindings

    app = PortingApp(session)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        entries = {entry.description: entry.keys for entry in described_bindings(app.screen)}
        assert entries["Project defaults"] == "S"
        assert entries["Webhook events"] == "W"


async def test_leaving_with_unsaved_edits_asks_first(session: Any) -> None:
    app = PortingApp(session)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_settings(app, pilot)
        await type_into(pilot, screen, "contact.name", "Ops")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is screen
        await pilot.press("escape", "y")
        await settle(pilot)
        assert app.screen is not screen


async def test_quitting_with_unsaved_edits_asks_first(session: Any) -> None:
    app = PortingApp(session)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_settings(app, pilot)
        await type_into(pilot, screen, "contact.name", "Ops")
        await pilot.press("ctrl+q")
        await settle(pilot)
        confirm = app.screen
        assert isinstance(confirm, ConfirmDialog)
        assert "Project defaults: your unsaved changes are lost." in str(
            confirm.query_one("#question", Static).render()
        )
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is screen and app.is_running


async def test_a_failed_load_says_what_happened_and_reload_recovers(
    session: Any, transport: RecordingTransport, emulator: Emulator
) -> None:
    app = PortingApp(session)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        transport.failure = 500
        await pilot.press("S")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        assert not screen.loaded
        assert "could not be loaded" in str(screen.query_one("#notice", Static).content)
        transport.failure = None
        emulator.store.configuration = dict(EXISTING)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert screen.loaded and screen.form_values()["contact.name"] == "Porting desk"


def test_snapshot_of_the_settings_screen_with_a_field_to_fix(
    snap_compare: Any, transport: RecordingTransport, emulator: Emulator, tmp_path: Path
) -> None:
    emulator.store.configuration = dict(EXISTING)
    app = PortingApp(make_session(transport, tmp_path))

    async def run_before(pilot: Pilot[None]) -> None:
        screen = await open_settings(app, pilot)
        await type_into(pilot, screen, "contact.email", "desk@example")
        await pilot.press("ctrl+s")
        await settle(pilot)
        for field in screen.query(Input):
            field.cursor_blink = False
        # Toasts come and go (and follow the app's styles): the screen is what is compared.
        app.clear_notifications()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_snapshot_of_the_changes_shown_before_saving(
    snap_compare: Any, transport: RecordingTransport, emulator: Emulator, tmp_path: Path
) -> None:
    emulator.store.configuration = dict(EXISTING)
    app = PortingApp(make_session(transport, tmp_path))

    async def run_before(pilot: Pilot[None]) -> None:
        screen = await open_settings(app, pilot)
        await type_into(pilot, screen, "webhookUrl", "https://hooks.acme.example/sinch")
        await type_into(pilot, screen, "contact.name", "")
        await pilot.press("ctrl+s")
        await settle(pilot)
        for field in screen.query(Input):
            field.cursor_blink = False
        # Toasts come and go (and follow the app's styles): the screen is what is compared.
        app.clear_notifications()

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)
