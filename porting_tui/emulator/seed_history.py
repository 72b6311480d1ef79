"""When the seeded orders were created: a growing business, quiet weekends, slow holidays.

Each day of the history weighs (its share of the orders) in proportion to a trend that
grows linearly from ``GROWTH_FROM`` of today's volume at its first day, times ``WEEKEND``
on Saturdays, Sundays and US federal holidays, times ``HOLIDAY_WEEK`` in the weeks of
Thanksgiving, Christmas and New Year's Day (but not in the last ``BUSY_DAYS``, so the
demo's board has as much to do the day after a holiday as on any other), times a noise of
its own week (within ``WEEK_NOISE``), so that orders per week rise with bumps and dips
rather than as a ramp.
"""

from __future__ import annotations

import bisect
import itertools
import random
from datetime import date, datetime, time, timedelta

from porting_tui.emulator.dates import us_federal_holidays

HISTORY_DAYS = 180
GROWTH_FROM = 0.2
WEEKEND = 0.25
HOLIDAY_WEEK = 0.35
WEEK_NOISE = 0.15
BUSY_DAYS = 14
_DAY = timedelta(days=1)


def slow_weeks(first: date, last: date) -> frozenset[tuple[int, int]]:
    """ISO (year, week) of the Thanksgiving, Christmas and New Year's weeks between two days."""
    weeks: set[tuple[int, int]] = set()
    for year in range(first.year, last.year + 2):
        thanksgiving = date(year, 11, 22) + timedelta(days=(3 - date(year, 11, 22).weekday()) % 7)
        for day in (thanksgiving, date(year, 12, 25), date(year, 1, 1)):
            weeks.add(day.isocalendar()[:2])
    return frozenset(weeks)


class HistoryCalendar:
    """Draws creation times over the ``HISTORY_DAYS`` days before ``start``."""

    def __init__(self, start: datetime, rng: random.Random) -> None:
        self.start = start
        self.rng = rng
        first = start.date() - timedelta(days=HISTORY_DAYS)
        self.days = [first + _DAY * i for i in range(HISTORY_DAYS + 1)]
        slow = slow_weeks(first, start.date())
        holidays = us_federal_holidays(first.year) | us_federal_holidays(start.date().year)
        noise: dict[tuple[int, int], float] = {}
        weights = []
        for index, day in enumerate(self.days):
            week = day.isocalendar()[:2]
            if week not in noise:
                noise[week] = rng.uniform(1 - WEEK_NOISE, 1 + WEEK_NOISE)
            weight = GROWTH_FROM + (1 - GROWTH_FROM) * index / HISTORY_DAYS
            quiet = week in slow and index < HISTORY_DAYS - BUSY_DAYS
            weight *= noise[week] * (HOLIDAY_WEEK if quiet else 1.0)
            if day.weekday() >= 5 or day in holidays:
                weight *= WEEKEND
            weights.append(weight)
        self._cumulative = list(itertools.accumulate(weights))

    def created(self, youngest: timedelta) -> datetime:
        """A creation time at least ``youngest`` before the start, on a day drawn by weight."""
        latest = self.start - youngest
        earliest = self.start - timedelta(days=HISTORY_DAYS)
        while True:
            point = self.rng.random() * self._cumulative[-1]
            day = self.days[bisect.bisect_right(self._cumulative, point)]
            midnight = datetime.combine(day, time(0), tzinfo=self.start.tzinfo)
            moment = midnight + timedelta(seconds=self.rng.uniform(0, 86400))
            if earliest <= moment <= latest:
                return moment

    def age_fraction(self, moment: datetime) -> float:
        """0 at the first moment of the history, 1 at the start."""
        return 1 - (self.start - moment) / timedelta(days=HISTORY_DAYS)
