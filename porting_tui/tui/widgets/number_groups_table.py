"""NumberGroupsTable: an order's activation groups with their FOC date and counts per status."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import ClassVar

from rich.text import Text

from porting_tui.client import PhoneNumber, day_of, moment_of
from porting_tui.domain.inert_text import inert_text
from porting_tui.tui.widgets.number_rows import day_text, status_counts
from porting_tui.tui.widgets.table_keys import KeyedDataTable

NO_GROUP = "no group yet"


@dataclass(frozen=True)
class NumberGroup:
    name: str
    numbers: tuple[PhoneNumber, ...]

    @property
    def foc(self) -> datetime | None:
        return min((foc for n in self.numbers if (foc := moment_of(n.foc_date))), default=None)

    def ready(self, today: date) -> bool:
        """CONFIRMED numbers whose FOC day has come: the group can be activated on demand."""
        return any(
            n.status == "CONFIRMED" and (day := day_of(n.foc_date)) is not None and day <= today
            for n in self.numbers
        )


def number_groups(numbers: Sequence[PhoneNumber]) -> list[NumberGroup]:
    by_name: dict[str, list[PhoneNumber]] = {}
    for number in numbers:
        by_name.setdefault(number.phone_number_group or NO_GROUP, []).append(number)
    return [NumberGroup(name, tuple(members)) for name, members in by_name.items()]


class NumberGroupsTable(KeyedDataTable[Text]):
    """``show(numbers, on_demand, today)`` lists the groups; "ready" marks activatable ones."""

    DEFAULT_CSS = """
    NumberGroupsTable { height: 1fr; }
    """
    COLUMNS: ClassVar[tuple[str, ...]] = ("Group", "FOC", "Numbers", "By status", "Activation")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.groups: list[NumberGroup] = []

    def on_mount(self) -> None:
        self.add_columns(*self.COLUMNS)

    def show(self, numbers: Sequence[PhoneNumber], *, on_demand: bool, today: date) -> None:
        self.groups = number_groups(numbers)
        self.clear()
        for index, group in enumerate(self.groups):
            if not on_demand:
                activation = Text("on the port date", style="dim")
            elif group.ready(today):
                activation = Text("ready: A activates", style="bold green")
            else:
                activation = Text("not yet", style="dim")
            self.add_row(
                Text(inert_text(group.name)),
                Text(day_text(group.foc)),
                Text(str(len(group.numbers))),
                Text(status_counts(group.numbers)),
                activation,
                key=str(index),
            )
