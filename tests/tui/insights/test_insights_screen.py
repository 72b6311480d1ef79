"""The Insights screen on the in-process emulator: opening, reading, tables, periods, drill-down
and errors. Expected figures come from the core reading the same emulator, never hard-coded."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path

from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Input, ProgressBar, Static

from porting_tui.emulator import DEMO_KEY_ID, DEMO_PROJECT_ID
from porting_tui.insights.figures import WEEKLY_KINDS, Insights
from porting_tui.insights.period import Period
from porting_tui.insights.reader import InsightsReader
from porting_tui.listing.attention_context import LocalState
from porting_tui.listing.session import Session
from porting_tui.tui.app import PortingApp
from porting_tui.tui.screens.insights.chart_plot import ChartPlot
from porting_tui.tui.screens.insights.figure_table_view import FigureTableView
from porting_tui.tui.screens.insights.insights_screen import CHARTS, InsightsScreen
from porting_tui.tui.screens.insights.orders_dialog import READING, OrdersDialog
from porting_tui.tui.screens.insights.period_dialog import PeriodDialog
from porting_tui.tui.screens.order_detail_screen import OrderDetailScreen
from porting_tui.tui.widgets.problem_banner import ProblemBanner
from tests.tui.conftest import START, RecordingTransport, palette_offers, settle
from tests.waiting import wait_until

TODAY = START.date()


def insights_screen(app: PortingApp) -> InsightsScreen:
    screen = app.screen
    assert isinstance(screen, InsightsScreen), f"on {type(screen).__name__}"
    return screen


async def open_insights(pilot: Pilot[None]) -> InsightsScreen:
    await pilot.press("I")
    await wait_until(
        pilot,
        lambda: isinstance(pilot.app.screen, InsightsScreen) and pilot.app.screen.reading,
        "Insights to be read",
    )
    await settle(pilot)
    return insights_screen(pilot.app)  # type: ignore[arg-type]


async def expected(session: Session, days: int = 30) -> Insights:
    reader = InsightsReader(session.client, None, "expected")
    reading = await reader.read(Period.last_days(days, TODAY), today=TODAY)
    return reading.insights


def cells(table: FigureTableView) -> list[list[str]]:
    return [
        [cell.plain if isinstance(cell, Text) else str(cell) for cell in table.get_row_at(row)]
        for row in range(table.row_count)
    ]


async def test_I_opens_insights_and_the_progress_bar_follows_the_reading(
    running: tuple[PortingApp, Pilot[None]], session: Session
) -> None:
    app, pilot = running
    screen = await open_insights(pilot)
    reading = screen.reading
    assert reading is not None
    bar = screen.query_one(ProgressBar)
    assert bar.total == max(reading.counts.listed, 1)
    assert bar.progress == bar.total
    assert not bar.display
    assert reading.insights == await expected(session)
    assert all(plot.insights == reading.insights for plot in screen.query(ChartPlot))
    line = screen.query_one("#period-line", Static).render()
    assert f"{reading.insights.orders} orders created" in str(line)
    await pilot.press("escape")
    await wait_until(pilot, lambda: not isinstance(app.screen, InsightsScreen), "going back")


async def test_the_command_palette_offers_insights(
    running: tuple[PortingApp, Pilot[None]],
) -> None:
    _app, pilot = running
    await pilot.press("ctrl+p")
    await pilot.press(*"Insights")
    assert any("Insights" in prompt for prompt in await palette_offers(pilot, "Insights"))


async def test_t_shows_tables_whose_numbers_are_the_figures(
    running: tuple[PortingApp, Pilot[None]], session: Session
) -> None:
    _app, pilot = running
    screen = await open_insights(pilot)
    figures = await expected(session)
    await pilot.press("t")
    assert screen.table_of("weekly").has_focus
    weekly = cells(screen.table_of("weekly"))
    assert [row[0] for row in weekly] == [str(week.first_day) for week in figures.weeks]
    for row, week in zip(weekly, figures.weeks, strict=True):
        counts = [week.tally(kind).orders for kind in WEEKLY_KINDS]
        assert row[1:] == [*map(str, counts), str(sum(counts))]
    await pilot.press("n")
    for row, week in zip(cells(screen.table_of("weekly")), figures.weeks, strict=True):
        assert row[1:5] == [str(week.tally(kind).numbers) for kind in WEEKLY_KINDS]
    rejections = cells(screen.table_of("rejections"))
    reasons = [(c, r) for c in figures.rejections for r in c.reasons]
    assert len(rejections) == max(1, len(reasons))
    for row, (carrier, reason) in zip(rejections, reasons, strict=False):
        assert row == [
            carrier.carrier,
            str(reason.numbers),
            f"{reason.share:.1%}",
            f"{carrier.rejected}/{carrier.numbers}",
            str(len(reason.order_ids)),
            reason.reason,
        ]
    lead = cells(screen.table_of("lead-times"))
    assert [row[0] for row in lead] == [
        figures.lead_times_all.carrier,
        *(times.carrier for times in figures.lead_times),
    ]
    assert lead[0][3] == str(figures.lead_times_all.to_foc.count)
    stuck = cells(screen.table_of("stuck"))
    assert [row[:2] for row in stuck[: len(figures.stuck)]] == [
        [bucket.label, str(bucket.orders)] for bucket in figures.stuck
    ]
    await pilot.press("4")
    assert screen.chart == "stuck"
    assert screen.table_of("stuck").has_focus
    await pilot.press("t")
    assert not any(screen.table_of(chart).display for chart in CHARTS if chart == screen.chart)


async def test_p_reads_the_last_90_days_and_c_reads_chosen_dates(
    running: tuple[PortingApp, Pilot[None]], session: Session, transport: RecordingTransport
) -> None:
    app, pilot = running
    screen = await open_insights(pilot)
    transport.forget()
    await pilot.press("p")
    await wait_until(
        pilot,
        lambda: screen.reading is not None and screen.reading.insights.period.days == 90,
        "the 90-day figures",
    )
    assert transport.list_queries(), "the period was read again"
    assert screen.reading is not None
    assert screen.reading.insights == await expected(session, 90)

    await pilot.press("c")
    await wait_until(pilot, lambda: isinstance(app.screen, PeriodDialog), "the dates dialog")
    dialog = app.screen
    dialog.query_one("#start", Input).value = "2026-13-01"
    await pilot.press("enter")
    await wait_until(
        pilot,
        lambda: "is not a date" in str(dialog.query_one("#error", Static).render()),
        "the error about the date",
    )
    start = TODAY - timedelta(days=13)
    dialog.query_one("#start", Input).value = start.isoformat()
    await pilot.press("enter")
    await wait_until(
        pilot,
        lambda: screen.reading is not None and screen.reading.insights.period.start == start,
        "the chosen period's figures",
    )
    assert screen.days is None
    assert "Custom dates" in str(screen.query_one("#period-line", Static).render())


async def test_enter_on_a_row_lists_its_orders_and_enter_opens_one(
    running: tuple[PortingApp, Pilot[None]], session: Session
) -> None:
    app, pilot = running
    screen = await open_insights(pilot)
    figures = await expected(session)
    await pilot.press("4", "t")
    row = next(index for index, bucket in enumerate(figures.stuck) if bucket.order_ids)
    table = screen.table_of("stuck")
    table.move_cursor(row=row)
    await pilot.press("enter")
    await wait_until(pilot, lambda: isinstance(app.screen, OrdersDialog), "the orders dialog")
    dialog = app.screen
    assert isinstance(dialog, OrdersDialog)
    assert dialog.order_ids == figures.stuck[row].order_ids
    # Known at once from the order list read with the figures: no detail to read for them.
    assert screen.reading is not None
    assert all(dialog.statuses[i] == screen.reading.statuses[i] for i in dialog.order_ids)
    await wait_until(
        pilot,
        lambda: all(dialog.statuses.get(i, READING) != READING for i in dialog.order_ids),
        "the statuses of the orders",
    )
    assert set(dialog.statuses.values()) == {"PENDING"}
    await pilot.press("enter")
    await wait_until(pilot, lambda: isinstance(app.screen, OrderDetailScreen), "the order")
    detail = app.screen
    assert isinstance(detail, OrderDetailScreen)
    assert detail.order_id == figures.stuck[row].order_ids[0]


async def test_a_failed_reading_shows_the_error_and_keeps_the_figures(
    running: tuple[PortingApp, Pilot[None]], transport: RecordingTransport
) -> None:
    _app, pilot = running
    screen = await open_insights(pilot)
    shown = screen.reading
    transport.failure = 500
    await pilot.press("p")
    banner = screen.query_one(ProblemBanner)
    await wait_until(pilot, lambda: banner.problem is not None, "the error")
    await settle(pilot)
    assert banner.problem is not None
    assert "HTTP 500" in banner.problem.title
    assert screen.reading is shown
    assert not screen.has_class("-reading")
    transport.failure = None
    await pilot.press("r")
    await wait_until(pilot, lambda: banner.problem is None, "the error to go")
    assert screen.reading is not None and screen.reading.insights.period.days == 90


async def test_80x24_shows_the_chart_with_its_labels(session: Session) -> None:
    app = PortingApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_insights(pilot)
        plot = screen.query_one("#weekly-plot", ChartPlot)
        assert plot.size.height >= 10
        drawn = plot.render()
        assert isinstance(drawn, Text)
        assert "created" in drawn.plain and "cancelled" in drawn.plain
        assert screen.reading is not None
        totals = [
            sum(week.tally(kind).orders for kind in WEEKLY_KINDS)
            for week in screen.reading.insights.weeks
        ]
        assert all(str(total) in drawn.plain for total in totals)


async def test_with_a_local_store_the_period_line_says_rejections_include_those_seen(
    session: Session, tmp_path: Path
) -> None:
    local = LocalState.open(
        "acme-test", DEMO_PROJECT_ID, path=tmp_path / "state.sqlite3", clock=lambda: START
    )
    with_store = dataclasses.replace(
        session, attention=local.attention(session.client, key_id=DEMO_KEY_ID)
    )
    app = PortingApp(with_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await open_insights(pilot)
        reading = screen.reading
        assert reading is not None and reading.past_rejections is not None
        sources = reading.rejection_sources
        assert sources.since == START.astimezone().date()
        line = str(screen.query_one("#period-line", Static).render())
        assert f"seen by this installation since {sources.since.isoformat()}" in line
        assert f"{sources.still_rejected} still rejected" in line
    local.close()
