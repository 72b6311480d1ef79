"""US states and Canadian provinces, and the ZIP / postal code each one uses."""

from __future__ import annotations

import re

US_STATES: dict[str, str] = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "PR": "Puerto Rico",
    "VI": "U.S. Virgin Islands",
    "GU": "Guam",
    "AS": "American Samoa",
    "MP": "Northern Mariana Islands",
}
CANADIAN_PROVINCES: dict[str, str] = {
    "AB": "Alberta",
    "BC": "British Columbia",
    "MB": "Manitoba",
    "NB": "New Brunswick",
    "NL": "Newfoundland and Labrador",
    "NS": "Nova Scotia",
    "NT": "Northwest Territories",
    "NU": "Nunavut",
    "ON": "Ontario",
    "PE": "Prince Edward Island",
    "QC": "Quebec",
    "SK": "Saskatchewan",
    "YT": "Yukon",
}
# The first letter of a Canadian postal code names its province or territory.
_POSTAL_FIRST_LETTERS: dict[str, str] = {
    "AB": "T",
    "BC": "V",
    "MB": "R",
    "NB": "E",
    "NL": "A",
    "NS": "B",
    "NT": "X",
    "NU": "X",
    "ON": "KLMNP",
    "PE": "C",
    "QC": "GHJ",
    "SK": "S",
    "YT": "Y",
}
_ZIP = re.compile(r"\d{5}(-\d{4})?")
# Canada Post never uses D, F, I, O, Q or U, and W and Z never come first.
_POSTAL = re.compile(r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d")


def normalize_state(text: str) -> str:
    return text.strip().upper()


def is_us_state(code: str) -> bool:
    return normalize_state(code) in US_STATES


def is_canadian_province(code: str) -> bool:
    return normalize_state(code) in CANADIAN_PROVINCES


def state_problem(text: str) -> str | None:
    """Why ``text`` is not a two-letter US state or Canadian province code, or None."""
    code = normalize_state(text)
    if not code:
        return "is required"
    if code in US_STATES or code in CANADIAN_PROVINCES:
        return None
    return f"{text.strip()!r} is not a US state or Canadian province code (e.g. IL, NY, ON)"


def normalize_postal_code(text: str) -> str:
    """``k1a0b1`` -> ``K1A 0B1``; ZIP codes are only stripped."""
    value = text.strip().upper()
    compact = value.replace(" ", "")
    if len(compact) == 6 and _POSTAL.fullmatch(compact):
        return f"{compact[:3]} {compact[3:]}"
    return value


def postal_code_problem(text: str, state: str = "") -> str | None:
    """Why ``text`` is not a ZIP (for a US state) or postal code (for a province), or None.

    With no known state, either form is accepted.
    """
    value = text.strip().upper()
    if not value:
        return "is required"
    code = normalize_state(state)
    is_zip = _ZIP.fullmatch(value) is not None
    is_postal = _POSTAL.fullmatch(value) is not None
    if code in CANADIAN_PROVINCES:
        if not is_postal:
            return f"{text.strip()!r} is not a Canadian postal code; use A1A 1A1"
        if value[0] not in _POSTAL_FIRST_LETTERS[code]:
            return f"{value} is not a postal code of {CANADIAN_PROVINCES[code]}"
        return None
    if code in US_STATES:
        return None if is_zip else f"{text.strip()!r} is not a ZIP code; use 12345 or 12345-6789"
    if is_zip or is_postal:
        return None
    return f"{text.strip()!r} is neither a ZIP code (12345, 12345-6789) nor a postal code (A1A 1A1)"


def zip_plus_four_problem(text: str) -> str | None:
    """Why ``text`` is not the four-digit ZIP+4 extension (E911 addresses keep it apart)."""
    value = text.strip()
    if not value or (len(value) == 4 and value.isdigit()):
        return None
    return f"{value!r} is not a ZIP+4 extension; use four digits"
