"""A five-number summary plus the 90th percentile of some day counts, for a box chart."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Distribution:
    """Day counts summarised; every figure is None when there is nothing to summarise.

    Quartiles and the 90th percentile are ``statistics.quantiles(method="inclusive")``: linear
    interpolation between the closest ranks, the method of spreadsheets' ``PERCENTILE.INC``
    (and numpy's default), so that q1/median/q3 of 1, 2, 3, 4 are 1.75, 2.5 and 3.25 and the
    90th percentile of one value is that value.
    """

    count: int = 0
    minimum: float | None = None
    q1: float | None = None
    median: float | None = None
    q3: float | None = None
    p90: float | None = None
    maximum: float | None = None


def distribution(values: Sequence[float]) -> Distribution:
    """The summary of ``values`` (any order); empty gives a count of 0 and no figures."""
    if not values:
        return Distribution()
    ordered = sorted(values)
    if len(ordered) == 1:
        only = float(ordered[0])
        return Distribution(1, only, only, only, only, only, only)
    quartiles = statistics.quantiles(ordered, n=4, method="inclusive")
    deciles = statistics.quantiles(ordered, n=10, method="inclusive")
    return Distribution(
        count=len(ordered),
        minimum=float(ordered[0]),
        q1=_round(quartiles[0]),
        median=_round(quartiles[1]),
        q3=_round(quartiles[2]),
        p90=_round(deciles[8]),
        maximum=float(ordered[-1]),
    )


def _round(value: float) -> float:
    # Interpolation leaves float noise (2.4999999999999996); four decimals of a day are plenty.
    return round(float(value), 4)
