"""Checks of order values people type (phone, time, zone, dates, yes/no, state, postal code).

Each function returns the value in the form the API wants, or raises ValueError with a message
that says what a good value looks like. The CSV import, the CLI and the wizard share them.
"""

from __future__ import annotations

import re
from datetime import date

import phonenumbers

from porting_tui.domain.regions import normalize_postal_code, postal_code_problem, state_problem

_PORT_TIME = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?")
PORT_TIME_ZONES: tuple[str, ...] = ("US/Eastern", "US/Central", "US/Mountain", "US/Pacific", "GMT")
"""The zones the API documents (the client's TIME_ZONES; repeated here to keep --help fast)."""


def check_phone(text: str, *, nanp_only: bool = False) -> str:
    """A valid phone number in any common format, as E.164 (+13125550143)."""
    value = text.strip()
    try:
        number = phonenumbers.parse(value, "US")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValueError(f"{value!r} is not a valid phone number; use E.164 like +13125550143")
    if nanp_only and phonenumbers.region_code_for_number(number) not in ("US", "CA"):
        raise ValueError(f"{value!r} is not a US or Canadian number; only those can be ported")
    formatted: str = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return formatted


def check_port_time(text: str) -> str:
    """``HH:MM`` or ``HH:MM:SS`` (24-hour clock), returned as ``HH:MM:SS``."""
    value = text.strip()
    match = _PORT_TIME.fullmatch(value)
    if match is None:
        raise ValueError(f"{value!r} is not a time; use HH:MM or HH:MM:SS, e.g. 09:00")
    hours, minutes, seconds = match.groups()
    return f"{int(hours):02d}:{minutes}:{seconds or '00'}"


def check_zone(text: str) -> str:
    """One of the documented zones, in any letter case."""
    value = text.strip()
    for zone in PORT_TIME_ZONES:
        if zone.lower() == value.lower():
            return zone
    raise ValueError(f"{value!r} is not a port time zone; use one of {', '.join(PORT_TIME_ZONES)}")


def check_day(text: str) -> str:
    """A calendar date ``YYYY-MM-DD``."""
    value = text.strip()
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        parsed = None
    if parsed is None or len(value) != 10:
        raise ValueError(f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2026-03-31")
    return value


_TRUE = frozenset({"true", "yes", "y", "1", "on"})
_FALSE = frozenset({"false", "no", "n", "0", "off"})


def check_bool(text: str) -> bool:
    value = text.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"{text.strip()!r} is not true or false; use true/false, yes/no or 1/0")


def check_service_type(text: str) -> str:
    """``B`` (business) or ``R`` (residence), also from the words."""
    value = text.strip().upper()
    aliases = {"BUSINESS": "B", "RESIDENCE": "R", "RESIDENTIAL": "R"}
    value = aliases.get(value, value)
    if value not in ("B", "R"):
        raise ValueError(f"{text.strip()!r} is not a type of service; use B (business) or R")
    return value


def check_state(text: str) -> str:
    """A US state or Canadian province code, upper-cased."""
    problem = state_problem(text)
    if problem is not None:
        raise ValueError(problem)
    return text.strip().upper()


def check_postal_code(text: str) -> str:
    """A ZIP code (12345, 12345-6789) or Canadian postal code (A1A 1A1, spaced as Canada Post)."""
    problem = postal_code_problem(text)
    if problem is not None:
        raise ValueError(problem)
    return normalize_postal_code(text)


def check_zip_plus_four(text: str) -> str:
    value = text.strip()
    if len(value) != 4 or not value.isdigit():
        raise ValueError(f"{value!r} is not a ZIP+4 extension; use four digits")
    return value
