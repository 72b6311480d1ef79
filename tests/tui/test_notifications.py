"""Word of new attention reasons: a notification naming project and order, in the board
across projects and in the one-project app; a bell and desktop escapes only while the
terminal is not looked at and only for profiles that ask, with server text made inert."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from textual.app import App

from porting_tui.attention.known_reasons import NewReason
from porting_tui.tui.all_projects_app import AllProjectsApp
from porting_tui.tui.app import PortingApp
from porting_tui.tui.reason_alerts import ReasonAlerts
from porting_tui.tui.terminal_alerts import (
    BELL,
    TerminalAlerts,
    desktop_escapes,
    escape_safe,
    tmux_passthrough,
)
from porting_tui.tui.widgets.attention_view import AttentionView
from tests.attention.projects import EmulatedProject, create_order, emulated
from tests.tui.all_projects_support import (
    TWO_HOURS,
    RecordedAlerts,
    board_screen,
    loaded,
    project_sessions,
)
from tests.waiting import wait_until

HOSTILE = "ACME\x1b]52;c;ZXZpbA==\x07\x1b[2J\u202eevil;x\r\nnext"


def test_control_characters_never_reach_an_escape_sequence() -> None:
    cleaned = escape_safe(HOSTILE)
    assert cleaned == "ACME]52,c,ZXZpbA==[2Jevil,x next"
    assert all(ord(char) >= 0x20 for char in cleaned)
    written = desktop_escapes("acme: order 1", HOSTILE, in_tmux=False)
    # Only the sequences' own ESCs and BELs: the bell, and two OSCs each opened and closed.
    assert written.count("\x1b") == 2 and written.count(BELL) == 3
    assert written.startswith(BELL + "\x1b]9;acme: order 1: ACME]52,c")
    assert "\x1b]777;notify;acme: order 1;ACME]52,c" in written


def test_inside_tmux_the_notifications_pass_through_and_the_bell_goes_to_tmux() -> None:
    written = desktop_escapes("acme", "order 7", in_tmux=True)
    inner = "\x1b]9;acme: order 7\x07\x1b]777;notify;acme;order 7\x07"
    assert written == BELL + tmux_passthrough(inner)
    assert tmux_passthrough("\x1b]9;x\x07") == "\x1bPtmux;\x1b\x1b]9;x\x07\x1b\\"


def reason(project: str, order_id: int, reference: str | None = "ACME-42") -> NewReason:
    at = datetime(2025, 3, 11, tzinfo=UTC)
    return NewReason(project, order_id, "rejected", "2 rejected", "fix PIN", reference, at)


async def test_escapes_are_written_only_unfocused_and_only_for_profiles_that_ask() -> None:
    app: App[None] = App()
    async with app.run_test() as pilot:
        written: list[str] = []
        shown = {"window": True}
        terminal = TerminalAlerts(
            app, write=written.append, window_shown=lambda: shown["window"], environ={}
        )
        alerts = ReasonAlerts(app, lambda project: project == "acme", terminal)

        alerts.tell([reason("acme", 1)])
        await app.workers.wait_for_complete()
        assert written == []  # looked at: the notification is enough

        app.app_focus = False
        alerts.tell([reason("globex", 2)])
        await app.workers.wait_for_complete()
        assert written == []  # globex's profile did not ask

        alerts.tell([reason("acme", 3, HOSTILE)])
        await wait_until(pilot, lambda: written, "the desktop notification")
        assert written[0].startswith(BELL + "\x1b]9;porting-tui · acme: order 3: ")
        assert written[0].count("\x1b") == 2
        assert [str(n.title) for n in app._notifications] == [
            "acme: order 1",
            "globex: order 2",
            "acme: order 3",
        ]
        # The notification shows server text literally, escapes made visible.
        assert "\\x1b" in str(list(app._notifications)[-1].message)


async def test_in_tmux_another_window_counts_as_looking_elsewhere() -> None:
    app: App[None] = App()
    async with app.run_test() as pilot:
        written: list[str] = []
        terminal = TerminalAlerts(
            app, write=written.append, window_shown=lambda: False, environ={"TMUX": "/tmp/t,1,0"}
        )
        ReasonAlerts(app, lambda project: True, terminal).tell([reason("acme", 1)])
        await wait_until(pilot, lambda: written, "the desktop notification")
        assert written[0].startswith(BELL + "\x1bPtmux;\x1b\x1b]9;")


async def test_many_new_reasons_at_once_are_one_notification() -> None:
    app: App[None] = App()
    async with app.run_test() as pilot:
        alerts = ReasonAlerts(app, lambda project: False)
        alerts.tell([reason("acme", order_id) for order_id in range(1, 7)])
        await wait_until(pilot, lambda: app._notifications, "the notification")
        await pilot.pause()
        notes = list(app._notifications)
        assert len(notes) == 1
        assert str(notes[0].title) == "6 new reasons in acme"
        assert str(notes[0].message) == "orders 1, 2, 3, 4 and 2 more need attention"


async def test_the_board_rings_for_a_new_rejection_once_while_unfocused(
    projects: list[EmulatedProject], tmp_path: Path
) -> None:
    acme = projects[0]
    order_id = await create_order(acme, bad_pins=True)
    app = AllProjectsApp(project_sessions(projects, tmp_path / "s.sqlite3", desktop=["acme"]))
    async with app.run_test(size=(120, 40)) as pilot:
        recorded = RecordedAlerts(app)
        await wait_until(pilot, lambda: loaded(app), "every project read")
        # Away: a key press would bring the focus back, so the board's timer reads it.
        app.app_focus = False
        acme.emulator.advance(TWO_HOURS)
        board_screen(app).refresh_projects()
        await wait_until(pilot, lambda: recorded.written, "the desktop notification")
        await wait_until(pilot, lambda: loaded(app), "every project read")
        assert len(recorded.written) == 1
        assert f"acme: order {order_id}" in recorded.written[0]
        board_screen(app).refresh_projects()
        await wait_until(pilot, lambda: loaded(app), "every project read")
        await app.workers.wait_for_complete()
        assert len(recorded.written) == 1


async def test_the_one_project_app_tells_a_new_rejection(tmp_path: Path) -> None:
    acme = emulated("acme", 7)
    order_id = await create_order(acme, bad_pins=True)
    session = project_sessions([acme], tmp_path / "s.sqlite3").projects[0].session
    assert session is not None
    app = PortingApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        # The view joins the list screen once its first page is drawn.
        views = lambda: list(app.screen.query(AttentionView))  # noqa: E731
        await wait_until(pilot, lambda: views() and views()[0].ranked_once, "the first ranking")
        view = views()[0]
        await app.workers.wait_for_complete()
        assert app.reason_alerts.told == []
        acme.emulator.advance(TWO_HOURS)
        view.start()
        await wait_until(pilot, lambda: app.reason_alerts.told, "the rejection told")
        assert ("acme", order_id, "rejected") in [
            (r.project, r.order_id, r.kind) for r in app.reason_alerts.told
        ]
        assert f"acme: order {order_id}" in [str(n.title) for n in app._notifications]
    await acme.emulator.aclose()
