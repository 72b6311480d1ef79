"""InsightsScreen: how the ports of a period went, in four charts, each also a table (``t``)."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import ContentSwitcher, ProgressBar, Static, TabbedContent, TabPane

from porting_tui.client import PortingError
from porting_tui.insights.figures import Insights
from porting_tui.insights.period import Period
from porting_tui.insights.reader import InsightsReader, InsightsReading, ReadCounts
from porting_tui.listing.order_navigation import OrderSequence
from porting_tui.listing.problems import describe_problem
from porting_tui.listing.session import Session
from porting_tui.local.seen_state import utc_now
from porting_tui.tui.screens.insights.chart_plot import ChartPlot
from porting_tui.tui.screens.insights.figure_table_view import FigureTableView
from porting_tui.tui.screens.insights.figure_tables import (
    FigureRow,
    FigureTable,
    lead_times_table,
    rejections_table,
    stuck_table,
    weekly_table,
)
from porting_tui.tui.screens.insights.lead_times_chart import LeadTimesChart
from porting_tui.tui.screens.insights.orders_dialog import OrdersDialog
from porting_tui.tui.screens.insights.period_dialog import PeriodDialog
from porting_tui.tui.screens.insights.rejections_chart import RejectionsChart
from porting_tui.tui.screens.insights.stuck_chart import StuckChart
from porting_tui.tui.screens.insights.weekly_chart import WeeklyChart
from porting_tui.tui.screens.session_screen import SessionScreen
from porting_tui.tui.widgets.key_footer import KeyFooter
from porting_tui.tui.widgets.problem_banner import ProblemBanner
from porting_tui.tui.widgets.status_header import StatusHeader

CHARTS = ("weekly", "rejections", "lead-times", "stuck")
"""The tabs, in the order of keys 1 to 4."""
TAB_TITLES = ("1 Weekly", "2 Rejections", "3 Lead times", "4 Stuck")
PRESET_DAYS = (30, 90)


def counts_text(counts: ReadCounts) -> str:
    return (
        f"read {counts.list_pages} list pages and {counts.details_read} order details, "
        f"{counts.details_reused} reused"
        + (f", {counts.details_failed} could not be read" if counts.details_failed else "")
    )


def summary_text(insights: Insights) -> str:
    return (
        f"{insights.orders} orders created with {insights.numbers} numbers · "
        f"{insights.stuck_orders} PENDING today"
    )


class InsightsScreen(SessionScreen):
    """Reads the period in a worker (a progress bar meanwhile); a failed read keeps the last
    figures on screen under the error."""

    HELP_TITLE = "Insights"
    CSS_PATH = "insights_screen.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("t", "toggle_table", "Table/chart"),
        Binding("p", "toggle_days", "30/90 days"),
        Binding("c", "custom_period", "Dates"),
        Binding("n", "toggle_numbers", "Orders/numbers"),
        Binding("r", "refresh", "Read again"),
        *(Binding(str(n), f"chart({n - 1})", "", show=False) for n in range(1, 5)),
    ]
    HELP_EXTRA = (("1…4", "Weekly, rejections, lead times, stuck"),)

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        attention = session.attention
        store = attention.local.store if attention is not None else None
        profile = attention.profile if attention is not None else session.profile_name
        # The local state's clock (the demo's, in the demo), as Needs attention records with.
        clock = attention.local.clock if attention is not None else utc_now
        self.reader = InsightsReader(session.client, store, profile, clock=clock)
        self.days: int | None = PRESET_DAYS[0]
        """The last so many days; None for the custom period."""
        self.period = Period.last_days(PRESET_DAYS[0], self.today)
        self.reading: InsightsReading | None = None
        self.tables = False
        self.numbers = False
        self._read_number = 0

    @property
    def today(self) -> date:
        return self.session.now().date()

    def compose(self) -> ComposeResult:
        yield StatusHeader(self.session, subtitle="insights")
        yield Static(id="period-line")
        yield ProgressBar(id="progress", show_eta=False)
        yield ProblemBanner(id="problem")
        with TabbedContent(id="charts"):
            for chart, title in zip(CHARTS, TAB_TITLES, strict=True):
                with TabPane(title, id=chart), ContentSwitcher(initial=f"{chart}-chart"):
                    with VerticalScroll(id=f"{chart}-chart", classes="chart-pane"):
                        yield from self._charts(chart)
                    yield FigureTableView(id=f"{chart}-table")
        yield KeyFooter()

    def _charts(self, chart: str) -> list[ChartPlot]:
        if chart == "weekly":
            return [WeeklyChart(id="weekly-plot")]
        if chart == "rejections":
            return [RejectionsChart(id="rejections-plot")]
        if chart == "lead-times":
            return [
                LeadTimesChart("to_foc", id="to-foc-plot"),
                LeadTimesChart("to_completion", id="to-completion-plot"),
            ]
        return [StuckChart(id="stuck-plot")]

    def on_mount(self) -> None:
        self._show_period_line()
        self.read()

    @property
    def chart(self) -> str:
        """The chart shown: one of ``CHARTS``."""
        return self.query_one(TabbedContent).active or CHARTS[0]

    def table_of(self, chart: str) -> FigureTableView:
        return self.query_one(f"#{chart}-table", FigureTableView)

    def read(self) -> None:
        """Read the period again; what is shown stays until the new figures arrive."""
        self._read_number += 1
        self.add_class("-reading")
        self.query_one(ProgressBar).update(total=None, progress=0)
        self._show_period_line()
        self._read(self.period, self._read_number)

    @work(exclusive=True, group="insights-read")
    async def _read(self, period: Period, number: int) -> None:
        bar = self.query_one(ProgressBar)

        def progress(done: int, total: int) -> None:
            if number == self._read_number:
                bar.update(total=max(total, 1), progress=done if total else 1)

        try:
            reading = await self.reader.read(period, today=self.today, on_progress=progress)
        except PortingError as error:
            if number == self._read_number:
                self.remove_class("-reading")
                self.query_one(ProblemBanner).show(describe_problem(error, self.session))
                self._show_period_line()
            return
        if number != self._read_number:
            return
        self.reading = reading
        self.remove_class("-reading")
        self.query_one(ProblemBanner).show(None)
        self._show_period_line()
        self._show_figures()
        self.refreshed()
        if reading.failed_order_ids:
            self.notify(
                f"The details of {len(reading.failed_order_ids)} orders could not be read; "
                "they count with what the order list says of them.",
                severity="warning",
                markup=False,
            )

    def _period_name(self) -> str:
        if self.days is not None:
            return f"Last {self.days} days"
        return "Custom dates"

    def _show_period_line(self) -> None:
        line = Text()
        line.append(f"{self._period_name()}: ", style="bold")
        line.append(self.period.describe())
        reading = self.reading
        if self.has_class("-reading"):
            line.append(" · reading…", style="italic")
        elif reading is not None and reading.insights.period == self.period:
            line.append(f" · {summary_text(reading.insights)}")
            line.append(f" · {counts_text(reading.counts)}", style="dim")
            if (observed := reading.observed_text()) is not None:
                line.append(f" · {observed}", style="dim")
        elif reading is not None:
            line.append(f" · showing {reading.insights.period.describe()}", style="dim")
        self.query_one("#period-line", Static).update(line)

    def _show_figures(self) -> None:
        if self.reading is None:
            return
        insights = self.reading.insights
        for plot in self.query(ChartPlot):
            plot.show(insights)
        self.query_one(WeeklyChart).count_numbers(self.numbers)
        for chart in CHARTS:
            self.table_of(chart).show(self.figure_table(chart, insights))

    def figure_table(self, chart: str, insights: Insights) -> FigureTable:
        """The rows of ``chart``'s table view."""
        if chart == "weekly":
            return weekly_table(insights, self.numbers)
        if chart == "rejections":
            return rejections_table(insights)
        if chart == "lead-times":
            return lead_times_table(insights)
        return stuck_table(insights)

    def _switch_views(self) -> None:
        suffix = "table" if self.tables else "chart"
        for switcher in self.query(ContentSwitcher):
            pane = switcher.parent
            if pane is not None and pane.id in CHARTS:
                switcher.current = f"{pane.id}-{suffix}"
        self._focus_view()

    def _focus_view(self) -> None:
        if self.tables:
            self.table_of(self.chart).focus()
        else:
            self.query_one(f"#{self.chart}-chart", VerticalScroll).focus()

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_numbers":
            return self.chart == "weekly"
        return True

    def action_chart(self, index: int) -> None:
        self.query_one(TabbedContent).active = CHARTS[index]
        self._focus_view()

    def action_toggle_table(self) -> None:
        self.tables = not self.tables
        self._switch_views()

    def action_toggle_numbers(self) -> None:
        self.numbers = not self.numbers
        if self.reading is not None:
            self.query_one(WeeklyChart).count_numbers(self.numbers)
            self.table_of("weekly").show(weekly_table(self.reading.insights, self.numbers))

    def action_toggle_days(self) -> None:
        self.days = PRESET_DAYS[1] if self.days == PRESET_DAYS[0] else PRESET_DAYS[0]
        self.period = Period.last_days(self.days, self.today)
        self.read()

    def action_custom_period(self) -> None:
        def chosen(period: Period | None) -> None:
            if period is not None:
                self.days = None
                self.period = period
                self.read()

        self.app.push_screen(PeriodDialog(self.period, self.today), chosen)

    def action_refresh(self) -> None:
        if self.days is not None:
            self.period = Period.last_days(self.days, self.today)
        self.read()

    @on(FigureTableView.RowChosen)
    def _row_chosen(self, event: FigureTableView.RowChosen) -> None:
        self.show_orders(event.row)

    def show_orders(self, row: FigureRow) -> None:
        """The orders behind ``row``; the one chosen opens, ``]`` and ``[`` walk the others."""
        if not row.orders:
            self.notify(f"{row.title}: no orders to list.", markup=False, timeout=4)
            return
        statuses = self.reading.statuses if self.reading is not None else None
        dialog = OrdersDialog(row, self.session.client, self.reader.cache, statuses)
        listed = OrderSequence(f"Insights: {row.title}", dialog.order_ids)

        def chosen(order_id: int | None) -> None:
            # In this screen's session, which is the project's own on the board across
            # projects: its header names the project, its client reads the order.
            from porting_tui.tui.screens.order_detail_screen import OrderDetailScreen

            if order_id is not None:
                self.app.push_screen(OrderDetailScreen(self.session, order_id, listed=listed))

        self.app.push_screen(dialog, chosen)

    def action_back(self) -> None:
        self.dismiss()
