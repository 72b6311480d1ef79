"""Step 2: the portability check in batches with progress, grouped by losing carrier."""

from __future__ import annotations

from collections import defaultdict
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, ProgressBar, Static

from porting_tui.client import PortingError
from porting_tui.domain.draft_checks import DraftProblem
from porting_tui.domain.draft_fields import Step
from porting_tui.domain.inert_text import inert_text
from porting_tui.domain.order_draft import PortabilityRecord
from porting_tui.domain.preflight import Finding
from porting_tui.tui.screens.create_order.wizard_step import WizardStep
from porting_tui.tui.widgets.preflight_panel import findings_lines
from porting_tui.tui.widgets.table_keys import KeyedDataTable

CHECK_BATCH_SIZE = 100
"""Numbers per portability request; the API documents no maximum, so stay modest."""
UNKNOWN_CARRIER = "Unknown carrier"
ONE_CARRIER_TIP = "Tip: one order per losing carrier is processed faster."


def carrier_groups(
    records: dict[str, PortabilityRecord], numbers: list[str]
) -> dict[str, list[str]]:
    """Numbers by losing carrier, carriers in alphabetical order."""
    groups: dict[str, list[str]] = defaultdict(list)
    for number in numbers:
        record = records.get(number)
        groups[(record.carrier if record else "") or UNKNOWN_CARRIER].append(number)
    return dict(sorted(groups.items()))


def _is_blocked(record: PortabilityRecord | None) -> bool:
    return record is None or record.portable is not True


class PortabilityStep(WizardStep):
    STEP = Step.PORTABILITY
    HINT = "Numbers by losing carrier; non-portable ones must be removed (x)."
    # Numbers in other open orders are found once the carriers are known: shown here first.
    FINDINGS_OF = (Step.NUMBERS, Step.PORTABILITY)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "remove_blocked", "Remove non-portable"),
        Binding("r", "recheck", "Check again"),
    ]

    def compose(self) -> ComposeResult:
        yield Static("", id="portability-status", markup=False)
        yield ProgressBar(id="portability-progress", show_eta=False)
        yield Static("", id="carrier-summary", markup=False)
        yield KeyedDataTable[Text | str](
            id="portability-table", cursor_type="row", zebra_stripes=True
        )
        yield Static("", id="carrier-tip", markup=False)

    _checking = False
    _findings: list[Finding] | None = None
    """Pre-flight's findings shown under the table; None before pre-flight first ran."""

    def on_mount(self) -> None:
        table = self.query_one("#portability-table", DataTable)
        table.add_columns("Number", "Carrier", "Portable", "Reason")

    def entered(self) -> None:
        self._render_results()
        self.query_one("#portability-table", DataTable).focus()
        if self._unchecked():
            self.run_check(self._unchecked())

    def _unchecked(self) -> list[str]:
        return [n for n in self.draft.numbers if n not in self.draft.portability]

    @work(exclusive=True, group="portability")
    async def run_check(self, numbers: list[str]) -> None:
        self._checking = True
        try:
            await self._check_batches(numbers)
        finally:
            self._checking = False
        missing = [n for n in numbers if n not in self.draft.portability]
        self._render_results(keep_status=bool(missing))

    async def _check_batches(self, numbers: list[str]) -> None:
        progress = self.query_one("#portability-progress", ProgressBar)
        status = self.query_one("#portability-status", Static)
        progress.update(total=len(numbers), progress=0)
        progress.display = True
        client = self.context.session.client
        for start in range(0, len(numbers), CHECK_BATCH_SIZE):
            batch = numbers[start : start + CHECK_BATCH_SIZE]
            status.update(f"Checking {start + len(batch)} of {len(numbers)} numbers…")
            try:
                results = await client.portability.check(batch)
            except PortingError as error:
                status.update(
                    f"The check stopped after {start} of {len(numbers)} numbers: "
                    f"{str(error).rstrip('.')}. Press r to check them again."
                )
                return
            for result in results:
                self.draft.portability[result.phone_number] = PortabilityRecord(
                    portable=result.portable,
                    carrier=result.carrier or "",
                    reason=result.reason or "",
                )
            progress.advance(len(batch))
            self.changed()
            self._render_results(keep_status=True)
        missing = [n for n in numbers if n not in self.draft.portability]
        if missing:
            status.update(f"The API gave no answer for {len(missing)} numbers; press r.")

    def _render_results(self, *, keep_status: bool = False) -> None:
        records = self.draft.portability
        numbers = self.draft.numbers
        groups = carrier_groups(records, [n for n in numbers if n in records])
        lines = []
        for carrier, members in groups.items():
            blocked = [n for n in members if _is_blocked(records.get(n))]
            state = "all portable" if not blocked else f"{len(blocked)} not portable"
            count = f"{len(members)} number{'' if len(members) == 1 else 's'}"
            lines.append(f"{inert_text(carrier):<26} {count:>12}   {state}")
        self.query_one("#carrier-summary", Static).update("\n".join(lines))
        table = self.query_one("#portability-table", DataTable)
        table.clear()
        for members in groups.values():
            for number in members:
                record = records[number]
                mark = (
                    Text("✓ yes", style="green")
                    if record.portable
                    else Text("✗ no" if record.portable is False else "? unknown", style="red")
                )
                table.add_row(
                    number,
                    Text(inert_text(record.carrier) or "—"),
                    mark,
                    Text(inert_text(record.reason)),
                    key=number,
                )
        self._show_tip(several=len(groups) > 1)
        checking = self._checking
        self.query_one("#portability-progress", ProgressBar).display = checking
        if not keep_status and not checking:
            blocked_count = sum(1 for n in numbers if n in records and _is_blocked(records[n]))
            unchecked = len(self._unchecked())
            text = f"{len(numbers) - unchecked} of {len(numbers)} checked"
            if blocked_count:
                text += f" · {blocked_count} not portable: press x to remove them"
            elif not unchecked:
                text += " · all portable"
            self.query_one("#portability-status", Static).update(text)

    def _show_tip(self, *, several: bool) -> None:
        # Once pre-flight has run, its advice on several carriers says this, and more.
        if self._findings is None:
            self.query_one("#carrier-tip", Static).update(ONE_CARRIER_TIP if several else "")

    def show_findings(self, findings: list[Finding]) -> list[Finding]:
        """Under the table: numbers in other open orders, several carriers, too many."""
        self._findings = findings
        self.query_one("#carrier-tip", Static).update(findings_lines(findings, limit=2))
        return []

    def action_remove_blocked(self) -> None:
        blocked = {
            n
            for n in self.draft.numbers
            if n in self.draft.portability and _is_blocked(self.draft.portability[n])
        }
        if not blocked:
            self.notify("Every checked number is portable; nothing to remove.")
            return
        self.draft.remove_numbers(blocked)
        self.changed()
        self._render_results()
        self.notify(f"Removed {len(blocked)} non-portable numbers from the order.")

    def action_recheck(self) -> None:
        numbers = list(self.draft.numbers)
        for number in numbers:
            self.draft.portability.pop(number, None)
        self._render_results()
        self.run_check(numbers)

    def show_problems(self, problems: list[DraftProblem]) -> None:
        if problems:
            self.query_one("#portability-status", Static).update(
                "; ".join(f"Numbers: {problem.message}" for problem in problems)
            )
        self.query_one("#portability-table", DataTable).focus()
