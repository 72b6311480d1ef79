"""How each losing carrier behaves: how often and why it rejects, how late it commits and ports.

The rejection rules (``rules.py``) are the same for every carrier; what differs is what the
seeder's customers get wrong with each (``seed_fixes.py`` plants a mistake the rules catch,
drawn from the carrier's mix), so a live order obeys the same rules as a seeded one. The
lead times are the lifecycle's, for seeded and live orders alike: a carrier commits to a
FOC some business days after the date asked (``foc_slip``), and the port completes some
time after the FOC instant (``completion_minutes``). Both are drawn once per (seed, order,
carrier), so the world stays a pure function of its settings. README.md, "Carrier
profiles", shows this table.
"""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

from porting_tui.emulator.carriers import Carrier
from porting_tui.emulator.rules import (
    ACCOUNT_MISMATCH,
    ACCOUNT_MISSING,
    ADDRESS_MISMATCH,
    DUE_DATE,
    LEAD_TIME,
    LOA_EXPIRED,
    NAME_MISMATCH,
    OUTSIDE_RATE_CENTER,
    PENDING_ORDER,
    PIN_INVALID,
    PIN_MISSING,
    Rejection,
)


@dataclass(frozen=True)
class CarrierProfile:
    reject_percent: int
    """Share of the carrier's answered seeded orders it rejects, in the middle of the history
    (the seeder's customers improve: see ``seed.REJECTION_TREND``)."""
    mistakes: tuple[tuple[Rejection, int], ...]
    """The rejections those orders get, with their weights."""
    foc_slip: tuple[int, ...]
    """Business days the FOC falls after the date asked (or the earliest the notice allows):
    one of these, equally likely."""
    completion_minutes: tuple[int, int]
    """A scheduled port completes this many minutes (uniform in the range) after its FOC."""

    @property
    def median_slip(self) -> int:
        ordered = sorted(self.foc_slip)
        return ordered[(len(ordered) - 1) // 2]

    @property
    def median_completion(self) -> timedelta:
        low, high = self.completion_minutes
        return timedelta(minutes=(low + high) / 2)


def _mix(*pairs: tuple[Rejection, int]) -> tuple[tuple[Rejection, int], ...]:
    return pairs


PROFILES: dict[str, CarrierProfile] = {
    # US wireless: quick to port, picky about PINs and account numbers.
    "Verizon Wireless": CarrierProfile(
        22, _mix((PIN_INVALID, 5), (PIN_MISSING, 3), (ACCOUNT_MISMATCH, 2)), (0,), (5, 30)
    ),
    "T-Mobile": CarrierProfile(
        8, _mix((PIN_INVALID, 2), (ACCOUNT_MISMATCH, 1), (PENDING_ORDER, 1)), (0,), (2, 15)
    ),
    "AT&T Mobility": CarrierProfile(
        30,
        _mix((ACCOUNT_MISMATCH, 5), (ACCOUNT_MISSING, 2), (PIN_INVALID, 2), (NAME_MISMATCH, 1)),
        (0, 0, 1),
        (10, 60),
    ),
    "US Cellular": CarrierProfile(
        16, _mix((PIN_MISSING, 2), (PENDING_ORDER, 2), (LOA_EXPIRED, 1)), (0, 0, 1), (30, 180)
    ),
    # US wireline: slower, and strict about the service address.
    "AT&T Wireline": CarrierProfile(
        25,
        _mix((ADDRESS_MISMATCH, 4), (OUTSIDE_RATE_CENTER, 3), (LEAD_TIME, 2), (NAME_MISMATCH, 1)),
        (0, 1, 2),
        (60, 360),
    ),
    "Verizon Business": CarrierProfile(
        20,
        _mix((NAME_MISMATCH, 3), (ADDRESS_MISMATCH, 3), (LOA_EXPIRED, 2), (ACCOUNT_MISMATCH, 2)),
        (0, 1, 2),
        (30, 240),
    ),
    "Lumen": CarrierProfile(
        35,
        _mix((ADDRESS_MISMATCH, 4), (OUTSIDE_RATE_CENTER, 3), (LOA_EXPIRED, 2), (LEAD_TIME, 1)),
        (1, 2, 3, 4, 5),
        (240, 1440),
    ),
    "Comcast Business": CarrierProfile(
        14,
        _mix((NAME_MISMATCH, 4), (ACCOUNT_MISMATCH, 3), (ADDRESS_MISMATCH, 3)),
        (0, 0, 1),
        (60, 480),
    ),
    "Charter Spectrum": CarrierProfile(
        18,
        _mix((ACCOUNT_MISMATCH, 5), (ADDRESS_MISMATCH, 3), (DUE_DATE, 2)),
        (0, 1, 2),
        (120, 600),
    ),
    "Frontier Communications": CarrierProfile(
        38,
        _mix((LEAD_TIME, 4), (ADDRESS_MISMATCH, 3), (PENDING_ORDER, 2), (LOA_EXPIRED, 1)),
        (3, 4, 5, 6, 7),
        (360, 2160),
    ),
    "Cox Business": CarrierProfile(
        12, _mix((ADDRESS_MISMATCH, 1), (NAME_MISMATCH, 1)), (0, 0, 1), (60, 300)
    ),
    "Windstream": CarrierProfile(
        22,
        _mix((LEAD_TIME, 4), (OUTSIDE_RATE_CENTER, 3), (ADDRESS_MISMATCH, 3)),
        (2, 3, 4),
        (240, 1200),
    ),
    "Bandwidth": CarrierProfile(4, _mix((PIN_INVALID, 1), (DUE_DATE, 1)), (0,), (1, 10)),
    # Canada.
    "Rogers Wireless": CarrierProfile(
        20, _mix((PIN_INVALID, 2), (ACCOUNT_MISMATCH, 2), (PIN_MISSING, 1)), (0,), (10, 45)
    ),
    "Bell Mobility": CarrierProfile(
        20,
        _mix((ACCOUNT_MISMATCH, 5), (PIN_INVALID, 3), (PENDING_ORDER, 2)),
        (0, 0, 1),
        (15, 90),
    ),
    "Telus Mobility": CarrierProfile(
        10, _mix((PIN_INVALID, 3), (ACCOUNT_MISMATCH, 2)), (0,), (5, 30)
    ),
    "Freedom Mobile": CarrierProfile(
        16, _mix((PIN_MISSING, 1), (PIN_INVALID, 1)), (0, 0, 1), (30, 120)
    ),
    "Bell Canada": CarrierProfile(
        25,
        _mix((ADDRESS_MISMATCH, 4), (NAME_MISMATCH, 3), (LEAD_TIME, 3)),
        (1, 2, 3),
        (120, 720),
    ),
    "Telus": CarrierProfile(
        14, _mix((ADDRESS_MISMATCH, 1), (LOA_EXPIRED, 1)), (0, 1, 1), (60, 360)
    ),
    "Videotron": CarrierProfile(
        20, _mix((NAME_MISMATCH, 1), (ADDRESS_MISMATCH, 1)), (0, 1, 2), (120, 480)
    ),
    "Cogeco": CarrierProfile(
        14, _mix((ADDRESS_MISMATCH, 3), (LEAD_TIME, 2)), (1, 2, 3), (240, 960)
    ),
}


def profile_of(carrier: Carrier) -> CarrierProfile:
    return PROFILES[carrier.name]


@lru_cache(maxsize=65536)
def lead_times(seed: int, order_id: int, carrier: Carrier) -> tuple[int, timedelta]:
    """(business days the FOC slips, delay from FOC to completion) of ``carrier``'s numbers in
    order ``order_id``: the same on every answer to that order, and in every process."""
    profile = profile_of(carrier)
    rng = random.Random(zlib.crc32(f"lead:{seed}:{order_id}:{carrier.name}".encode()))  # noqa: S311
    slip = rng.choice(profile.foc_slip)
    low, high = profile.completion_minutes
    return slip, timedelta(seconds=round(rng.uniform(low, high) * 60))
