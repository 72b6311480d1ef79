"""Saved views in the app belong to the profile they were saved on, or to all profiles; the
demo's views never reach a real profile."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Static, Tab

from porting_tui.listing.filters import OrderFilters
from porting_tui.local.saved_views import DEMO_PROFILE, SavedView, load_views
from porting_tui.tui.app import PortingApp
from porting_tui.tui.dialogs.confirm_dialog import ConfirmDialog
from porting_tui.tui.dialogs.save_view_dialog import SaveViewDialog
from tests.tui.conftest import RecordingTransport, list_screen, make_session, settle


def view_names(app: PortingApp) -> list[str]:
    return [view.name for view in list_screen(app).views]


def dialog_text(app: PortingApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def save_as(pilot: Pilot[Any], name: str, *, all_profiles: bool = False) -> None:
    """Save the current filters under ``name`` with the ``s`` dialog."""
    await pilot.press("s")
    await pilot.pause()
    pilot.app.screen.query_one(Input).value = name
    if all_profiles:
        pilot.app.screen.query_one(Checkbox).value = True
        await pilot.pause()
    pilot.app.screen.query_one(Input).focus()
    await pilot.press("enter")
    await settle(pilot)


async def views_on(transport: RecordingTransport, tmp_path: Path, **session: Any) -> list[str]:
    """The views a new run on ``session`` shows, with the same views file."""
    app = PortingApp(make_session(transport, tmp_path, **session))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        return view_names(app)


async def test_a_view_saved_on_one_profile_is_absent_on_another(
    transport: RecordingTransport, tmp_path: Path
) -> None:
    app = PortingApp(make_session(transport, tmp_path, profile_name="stage"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        list_screen(app).set_filters(OrderFilters(status="COMPLETED"))
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert dialog_text(app, "#where") == "Saved to profile 'stage'"
        await pilot.press(*"Stage only", "enter")
        await settle(pilot)
        assert "Stage only" in view_names(app)
        assert any(
            "Saved view 'Stage only' for profile 'stage'" in str(n.message)
            for n in app._notifications
        )
    assert "Stage only" not in await views_on(transport, tmp_path, profile_name="prod")
    assert "Stage only" in await views_on(transport, tmp_path, profile_name="stage")


async def test_an_all_profiles_view_shows_on_every_profile(
    transport: RecordingTransport, tmp_path: Path
) -> None:
    app = PortingApp(make_session(transport, tmp_path, profile_name="stage"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one(Checkbox).value = True
        await pilot.pause()
        assert dialog_text(app, "#where") == "Saved for every profile"
        app.screen.query_one(Input).focus()
        await pilot.press(*"Shared", "enter")
        await settle(pilot)
    assert load_views("prod", tmp_path / "views.toml").views == [
        SavedView("Shared", {"status": "PENDING"}, all_profiles=True)
    ]
    assert "Shared" in await views_on(transport, tmp_path, profile_name="prod")


async def test_views_saved_in_the_demo_stay_in_the_demo(
    transport: RecordingTransport, tmp_path: Path
) -> None:
    app = PortingApp(make_session(transport, tmp_path, profile_name="demo", demo=True))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert app.screen.query_one(Checkbox).disabled
        assert dialog_text(app, "#where").startswith("Saved to the demo only")
        await pilot.press(*"Played with", "enter")
        await settle(pilot)
        assert "Played with" in view_names(app)
    assert load_views(DEMO_PROFILE, tmp_path / "views.toml").views[0].name == "Played with"
    # Even a real profile that happens to be called "demo" does not see it.
    assert "Played with" not in await views_on(transport, tmp_path, profile_name="demo")
    assert "Played with" in await views_on(transport, tmp_path, profile_name="demo", demo=True)


async def test_deleting_a_view_removes_only_this_profiles_one(
    transport: RecordingTransport, tmp_path: Path
) -> None:
    for profile in ("prod", "stage"):
        app = PortingApp(make_session(transport, tmp_path, profile_name=profile))
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await save_as(pilot, "Mine")
    app = PortingApp(make_session(transport, tmp_path, profile_name="stage"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("4", "D")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert "Mine" not in view_names(app)
    assert "Mine" in await views_on(transport, tmp_path, profile_name="prod")


async def test_deleting_an_all_profiles_view_says_it_goes_everywhere(
    transport: RecordingTransport, tmp_path: Path
) -> None:
    app = PortingApp(make_session(transport, tmp_path, profile_name="stage"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await save_as(pilot, "Shared", all_profiles=True)
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        question = str(app.screen.query_one("#question", Static).render())
        assert "shared by all profiles: it goes from every one" in question
        await pilot.press("y")
        await settle(pilot)
    assert await views_on(transport, tmp_path, profile_name="prod") == [
        "Pending",
        "Confirmed",
        "All",
    ]


async def test_the_demo_leaves_all_profiles_views_alone(
    transport: RecordingTransport, tmp_path: Path
) -> None:
    app = PortingApp(make_session(transport, tmp_path, profile_name="prod"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await save_as(pilot, "Shared", all_profiles=True)
    app = PortingApp(make_session(transport, tmp_path, profile_name="demo", demo=True))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Shared" in view_names(app)
        await pilot.press("s", *"Shared", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SaveViewDialog)
        assert "cannot be changed from the demo" in dialog_text(app, "#error")
        await pilot.press("escape", "4", "D")
        await settle(pilot)
        assert list_screen(app) is app.screen, "no question: nothing to confirm"
        assert any("delete it on a real profile" in str(n.message) for n in app._notifications)
    assert "Shared" in await views_on(transport, tmp_path, profile_name="prod")


async def test_an_all_profiles_name_may_not_be_another_profiles_view(
    transport: RecordingTransport, tmp_path: Path
) -> None:
    app = PortingApp(make_session(transport, tmp_path, profile_name="stage"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await save_as(pilot, "Mine")
    app = PortingApp(make_session(transport, tmp_path, profile_name="prod"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await save_as(pilot, "Mine", all_profiles=True)
        assert isinstance(app.screen, SaveViewDialog), "the name dialog stays open"
        assert "another profile has a view 'Mine'" in dialog_text(app, "#error")
        app.screen.query_one(Checkbox).value = False
        app.screen.query_one(Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert "Mine" in view_names(app)
    assert load_views("stage", tmp_path / "views.toml").views == [
        SavedView("Mine", {"status": "PENDING"})
    ]


async def test_a_bad_view_is_reported_and_the_others_are_shown(
    transport: RecordingTransport, tmp_path: Path
) -> None:
    (tmp_path / "views.toml").write_text(
        '[[views]]\nname = "Bad"\nprofile = 3\n\n[[views]]\nname = "Good"\nprofile = "acme-test"\n'
    )
    app = PortingApp(make_session(transport, tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert view_names(app)[3:] == ["Good"]
        assert any(
            "view 'Bad' is not shown: profile must be a profile name" in str(n.message)
            for n in app._notifications
        )
        assert [str(tab.label) for tab in list_screen(app).query(Tab)][3].startswith("4 Good")
