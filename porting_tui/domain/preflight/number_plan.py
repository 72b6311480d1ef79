"""Where a North American number is: its country and its state or province, from its area code.

In the North American Numbering Plan each area code (NPA) belongs to one country and almost
always to one state or province, so the area code is enough; libphonenumber's geocoder knows
it. The geocoder names a place per exchange ("Chicago, IL", "Illinois", "Ontario") and knows
only valid exchanges, so a few common ones are probed and the answer kept per area code.
The geocoder's data takes a noticeable part of a second to import: it is imported on the
first question, never when this module is imported (the command line must start fast).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import phonenumbers

from porting_tui.domain.regions import CANADIAN_PROVINCES, US_STATES

# Exchanges that are valid in nearly every area code; the emulator probes the same ones.
_PROBE_EXCHANGES = ("234", "555", "867", "921", "702")
_US_TERRITORIES = frozenset({"PR", "VI", "GU", "AS", "MP"})
"""NANP regions with their own region code in libphonenumber but US addresses (states in
``regions.US_STATES``)."""

_SEVERAL_PLACES = "/"
COUNTRY_NAMES = {"US": "the US", "CA": "Canada"}

# The geocoder's spellings that are not the names of regions.py.
_NAME_ALIASES = {
    "washington state": "WA",
    "washington d.c.": "DC",
    "washington dc": "DC",
    "british colombia": "BC",
    "québec": "QC",
}
_CODE_BY_NAME: dict[str, str] = {
    **{name.casefold(): code for code, name in US_STATES.items()},
    **{name.casefold(): code for code, name in CANADIAN_PROVINCES.items()},
    **_NAME_ALIASES,
}


@dataclass(frozen=True)
class AreaCode:
    """What the numbering plan says about one area code."""

    npa: str
    country: str | None
    """``US`` (territories included) or ``CA``; None for a non-geographic code (toll-free,
    500, 900) or one outside the two countries."""
    region: str | None
    """The two-letter state or province code when the area code lies in exactly one."""


def region_code(description: str) -> str | None:
    """The state or province code of a geocoder place: ``Chicago, IL`` -> ``IL``,
    ``Washington State`` -> ``WA``; None for several places (``Nova Scotia/Prince Edward
    Island``), a country (``Canada``) or nothing."""
    text = description.strip()
    if not text:
        return None
    tail = text.rsplit(", ", 1)[-1].strip()
    if tail.upper() in US_STATES or tail.upper() in CANADIAN_PROVINCES:
        return tail.upper()
    return _CODE_BY_NAME.get(text.casefold())


def npa_of(e164: str) -> str | None:
    """The area code of a ``+1`` and ten digits number, else None."""
    digits = e164.strip()
    if len(digits) != 12 or not digits.startswith("+1") or not digits[1:].isdigit():
        return None
    return digits[2:5]


@lru_cache(maxsize=1024)
def area_code(npa: str) -> AreaCode:
    """Country and state or province of the area code ``npa`` (three digits)."""
    # Imported here, not above: slow to import (see the module docstring).
    from phonenumbers import geocoder

    countries: set[str] = set()
    regions: set[str | None] = set()
    for exchange in _PROBE_EXCHANGES:
        number = phonenumbers.parse(f"+1{npa}{exchange}4567")
        if not phonenumbers.is_valid_number(number):
            continue
        place = geocoder.description_for_number(number, "en")
        if not place:
            continue  # toll-free and other non-geographic codes have no place
        region = phonenumbers.region_code_for_number(number)
        countries.add("US" if region in _US_TERRITORIES else str(region))
        code = region_code(place)
        if code is not None:
            regions.add(code)
        elif _SEVERAL_PLACES in place:
            # "Nova Scotia/Prince Edward Island": the code spans provinces.
            regions.add(_SEVERAL_PLACES)
    country = countries.pop() if len(countries) == 1 else None
    if country not in COUNTRY_NAMES:
        return AreaCode(npa, None, None)
    region = regions.pop() if len(regions) == 1 else None
    return AreaCode(npa, country, None if region == _SEVERAL_PLACES else region)


def number_area(e164: str) -> AreaCode | None:
    """The area code of a number with what the plan says of it; None for a non-NANP number."""
    npa = npa_of(e164)
    return area_code(npa) if npa is not None else None


def address_country(state: str) -> str | None:
    """``US`` for a US state (or territory), ``CA`` for a Canadian province, else None."""
    code = state.strip().upper()
    if code in US_STATES:
        return "US"
    if code in CANADIAN_PROVINCES:
        return "CA"
    return None
