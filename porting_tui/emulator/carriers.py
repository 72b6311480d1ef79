"""The carrier world: which carrier holds a number, and whether Sinch can port it.

Everything here is a pure function of the number, so every emulator (whatever its seed)
agrees on it. The losing carrier follows from the NPA-NXX through a CRC-32 hash, the way
real exchanges belong to one carrier; a documented minority of numbers is not portable.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers


@dataclass(frozen=True)
class Carrier:
    name: str
    wireless: bool

    @property
    def kind(self) -> str:
        return "wireless" if self.wireless else "wireline"


# (carrier, weight) per country and kind, roughly in line with market shares.
_CARRIERS: dict[tuple[str, bool], list[tuple[Carrier, int]]] = {
    ("US", True): [
        (Carrier("Verizon Wireless", True), 32),
        (Carrier("T-Mobile", True), 31),
        (Carrier("AT&T Mobility", True), 30),
        (Carrier("US Cellular", True), 7),
    ],
    ("US", False): [
        (Carrier("AT&T Wireline", False), 18),
        (Carrier("Verizon Business", False), 14),
        (Carrier("Lumen", False), 16),
        (Carrier("Comcast Business", False), 14),
        (Carrier("Charter Spectrum", False), 12),
        (Carrier("Frontier Communications", False), 9),
        (Carrier("Cox Business", False), 7),
        (Carrier("Windstream", False), 5),
        (Carrier("Bandwidth", False), 5),
    ],
    ("CA", True): [
        (Carrier("Rogers Wireless", True), 32),
        (Carrier("Bell Mobility", True), 30),
        (Carrier("Telus Mobility", True), 28),
        (Carrier("Freedom Mobile", True), 10),
    ],
    ("CA", False): [
        (Carrier("Bell Canada", False), 45),
        (Carrier("Telus", False), 25),
        (Carrier("Videotron", False), 15),
        (Carrier("Cogeco", False), 15),
    ],
}
_TOTAL_WEIGHT = {key: sum(weight for _, weight in group) for key, group in _CARRIERS.items()}
ALL_CARRIERS: tuple[Carrier, ...] = tuple(c for group in _CARRIERS.values() for c, _ in group)

TOLL_FREE_NPAS = frozenset({"800", "833", "844", "855", "866", "877", "888"})
WIRELESS_SHARE_PERCENT = 55
UNCOVERED_RATE_CENTER_PERCENT = 3

REASON_TOLL_FREE = "Toll-free numbers cannot be ported to Sinch yet"
REASON_NOT_IN_SERVICE = "Number is not in service at the losing carrier"
REASON_UNCOVERED = "Rate center of NPA-NXX {npa}-{nxx} is not served by Sinch"
REASON_NOT_NANP = "Only US and Canadian numbers can be ported"

_E164 = re.compile(r"^\+[1-9]\d{1,14}$")


@dataclass(frozen=True)
class NumberFacts:
    """What the porting system knows about one valid E.164 number."""

    phone_number: str
    country: str | None
    carrier: Carrier | None
    portable: bool
    reason: str


def e164_problem(value: object) -> str | None:
    """Why ``value`` cannot be an order's phone number, or None when it is a valid US/CA one."""
    if not isinstance(value, str) or not _E164.match(value):
        return f"The ({value}) is not a valid phone number in E.164 format"
    if not value.startswith("+1"):
        return f"The ({value}) is not a North American (+1) number"
    if len(value) != 12:
        return f"The ({value}) is not a valid North American number (+1 and 10 digits)"
    if _region(value) is None:
        return f"The ({value}) is not a valid North American number"
    if _region(value) not in ("US", "CA"):
        return f"The ({value}) is not a US or Canadian number"
    return None


def _region(e164: str) -> str | None:
    """The NANP region of a +1 number: its area code's, when the exchange is a valid one."""
    if e164[5] in "01":
        return None
    return _area_code_region(e164[2:5])


@lru_cache(maxsize=1024)
def _area_code_region(npa: str) -> str | None:
    """Each NANP area code belongs to one region; ask libphonenumber once per area code."""
    for exchange in ("234", "555", "867", "921", "702"):
        parsed = phonenumbers.parse(f"+1{npa}{exchange}4567")
        if phonenumbers.is_valid_number(parsed):
            region: str | None = phonenumbers.region_code_for_number(parsed)
            return region
    return None


# The salt makes the contract's example number, +12345678901, a portable T-Mobile number,
# matching the carrier in the contract's portability example.
_SALT = "6"


def _bucket(npa: str, nxx: str) -> int:
    return zlib.crc32(f"{_SALT}:{npa}-{nxx}".encode())


def losing_carrier(country: str, npa: str, nxx: str) -> Carrier:
    """The carrier that holds the NPA-NXX exchange ``npa``-``nxx`` in ``country``."""
    bucket = _bucket(npa, nxx)
    wireless = bucket % 100 < WIRELESS_SHARE_PERCENT
    choices = _CARRIERS[(country, wireless)]
    point = (bucket // 100) % _TOTAL_WEIGHT[(country, wireless)]
    for carrier, weight in choices:
        if point < weight:
            return carrier
        point -= weight
    return choices[-1][0]


@lru_cache(maxsize=131072)
def number_facts(e164: str) -> NumberFacts:
    """Carrier and portability of a number that passed ``e164_problem``."""
    region = _region(e164) if _E164.match(e164) else None
    if region not in ("US", "CA"):
        return NumberFacts(e164, region, None, False, REASON_NOT_NANP)
    npa, nxx, line = e164[2:5], e164[5:8], e164[8:]
    assert region is not None
    carrier = losing_carrier(region, npa, nxx)
    if npa in TOLL_FREE_NPAS:
        return NumberFacts(e164, region, None, False, REASON_TOLL_FREE)
    if line == "0000":
        return NumberFacts(e164, region, carrier, False, REASON_NOT_IN_SERVICE)
    if (_bucket(npa, nxx) >> 16) % 100 < UNCOVERED_RATE_CENTER_PERCENT:
        return NumberFacts(e164, region, carrier, False, REASON_UNCOVERED.format(npa=npa, nxx=nxx))
    return NumberFacts(e164, region, carrier, True, "")


def group_name(carrier: Carrier, index: int = 1) -> str:
    """The activation group of a carrier's numbers in an order: ``GW <Carrier> Grp<n>``."""
    return f"GW {carrier.name} Grp{index}"
