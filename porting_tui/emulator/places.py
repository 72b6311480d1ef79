"""Where things are, as a losing carrier's records say: states, area codes and ZIP prefixes.

The carriers' address rules (``rules.py``) ask three questions: which country a state or
province code is in, which state or province an area code (NPA) serves, and whether a ZIP
code belongs to a state. The emulator answers them from its own tables and libphonenumber.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

from porting_tui.emulator.checks import CA_PROVINCES, US_STATES
from porting_tui.emulator.seed_data import AREAS

# libphonenumber names a place per exchange: "Chicago, IL", "Illinois", "Ontario", or several
# at once ("Nova Scotia/Prince Edward Island"). These are its whole-region spellings.
REGION_BY_NAME: dict[str, str] = {
    "alabama": "AL",
    "alaska": "AK",
    "arizona": "AZ",
    "arkansas": "AR",
    "california": "CA",
    "colorado": "CO",
    "connecticut": "CT",
    "delaware": "DE",
    "district of columbia": "DC",
    "washington d.c.": "DC",
    "washington dc": "DC",
    "florida": "FL",
    "georgia": "GA",
    "hawaii": "HI",
    "idaho": "ID",
    "illinois": "IL",
    "indiana": "IN",
    "iowa": "IA",
    "kansas": "KS",
    "kentucky": "KY",
    "louisiana": "LA",
    "maine": "ME",
    "maryland": "MD",
    "massachusetts": "MA",
    "michigan": "MI",
    "minnesota": "MN",
    "mississippi": "MS",
    "missouri": "MO",
    "montana": "MT",
    "nebraska": "NE",
    "nevada": "NV",
    "new hampshire": "NH",
    "new jersey": "NJ",
    "new mexico": "NM",
    "new york": "NY",
    "north carolina": "NC",
    "north dakota": "ND",
    "ohio": "OH",
    "oklahoma": "OK",
    "oregon": "OR",
    "pennsylvania": "PA",
    "rhode island": "RI",
    "south carolina": "SC",
    "south dakota": "SD",
    "tennessee": "TN",
    "texas": "TX",
    "utah": "UT",
    "vermont": "VT",
    "virginia": "VA",
    "washington": "WA",
    "washington state": "WA",
    "west virginia": "WV",
    "wisconsin": "WI",
    "wyoming": "WY",
    "puerto rico": "PR",
    "u.s. virgin islands": "VI",
    "guam": "GU",
    "american samoa": "AS",
    "northern mariana islands": "MP",
    "alberta": "AB",
    "british columbia": "BC",
    "manitoba": "MB",
    "new brunswick": "NB",
    "newfoundland and labrador": "NL",
    "nova scotia": "NS",
    "northwest territories": "NT",
    "nunavut": "NU",
    "ontario": "ON",
    "prince edward island": "PE",
    "quebec": "QC",
    "québec": "QC",
    "saskatchewan": "SK",
    "yukon": "YT",
}

# Exchanges valid in nearly every area code, probed as carriers._area_code_region does.
_PROBE_EXCHANGES = ("234", "555", "867", "921", "702")

# USPS 3-digit ZIP prefixes (sectional centers) of each state, DC and territory: one prefix
# or an inclusive range. Military prefixes (AA, AE, AP) belong to no state.
ZIP_PREFIXES: dict[str, tuple[str, ...]] = {
    "AL": ("350-369",),
    "AK": ("995-999",),
    "AZ": ("850-865",),
    "AR": ("716-729",),
    "CA": ("900-961",),
    "CO": ("800-816",),
    "CT": ("060-069",),
    "DE": ("197-199",),
    "DC": ("200", "202-205", "569"),
    "FL": ("320-339", "341-349"),
    "GA": ("300-319", "398-399"),
    "HI": ("967-968",),
    "ID": ("832-838",),
    "IL": ("600-629",),
    "IN": ("460-479",),
    "IA": ("500-528",),
    "KS": ("660-679",),
    "KY": ("400-427",),
    "LA": ("700-715",),
    "ME": ("039-049",),
    "MD": ("206-219",),
    "MA": ("010-027", "055"),
    "MI": ("480-499",),
    "MN": ("550-567",),
    "MS": ("386-397",),
    "MO": ("630-658",),
    "MT": ("590-599",),
    "NE": ("680-693",),
    "NV": ("889-898",),
    "NH": ("030-038",),
    "NJ": ("070-089",),
    "NM": ("870-884",),
    "NY": ("005", "063", "100-149"),
    "NC": ("270-289",),
    "ND": ("580-588",),
    "OH": ("430-459",),
    "OK": ("730-732", "734-749"),
    "OR": ("970-979",),
    "PA": ("150-196",),
    "RI": ("028-029",),
    "SC": ("290-299",),
    "SD": ("570-577",),
    "TN": ("370-385",),
    "TX": ("733", "750-799", "885"),
    "UT": ("840-847",),
    "VT": ("050-054", "056-059"),
    "VA": ("201", "220-246"),
    "WA": ("980-994",),
    "WV": ("247-268",),
    "WI": ("530-549",),
    "WY": ("820-831",),
    "PR": ("006-007", "009"),
    "VI": ("008",),
    "GU": ("969",),
    "MP": ("969",),
    "AS": ("967",),
}
_ZIP_RANGES: dict[str, tuple[tuple[int, int], ...]] = {
    state: tuple(
        (int(low), int(high or low)) for low, _, high in (item.partition("-") for item in items)
    )
    for state, items in ZIP_PREFIXES.items()
}
_ZIP = re.compile(r"^(\d{5})(-\d{4})?$")


def country_of_region(code: str) -> str | None:
    """``US`` for a US state (territories included), ``CA`` for a Canadian province."""
    if code in US_STATES:
        return "US"
    if code in CA_PROVINCES:
        return "CA"
    return None


def region_of_place(place: str) -> set[str]:
    """The state and province codes a geocoder place names: ``Chicago, IL`` -> {IL},
    ``Nova Scotia/Prince Edward Island`` -> {NS, PE}; empty when it names none."""
    codes: set[str] = set()
    for part in place.split("/"):
        text = part.strip()
        tail = text.rsplit(",", 1)[-1].strip().upper()
        if "," in text and country_of_region(tail) is not None:
            codes.add(tail)
        elif text.casefold() in REGION_BY_NAME:
            codes.add(REGION_BY_NAME[text.casefold()])
    return codes


def npa_region(npa: str) -> str | None:
    """The state or province the area code ``npa`` serves, when it serves exactly one."""
    if npa in SEEDED_NPA_REGIONS:
        return SEEDED_NPA_REGIONS[npa]
    return geocoded_region(npa)


@lru_cache(maxsize=1024)
def geocoded_region(npa: str) -> str | None:
    """``npa_region`` as libphonenumber's geocoder says, probing a few exchanges."""
    # Imported on the first question: the geocoder's data takes 0.6 s to load.
    from phonenumbers import geocoder

    regions: set[str] = set()
    for exchange in _PROBE_EXCHANGES:
        parsed = phonenumbers.parse(f"+1{npa}{exchange}4567")
        if phonenumbers.is_valid_number(parsed):
            regions |= region_of_place(geocoder.description_for_number(parsed, "en"))
    return regions.pop() if len(regions) == 1 else None


# The geocoder's answers for the seeder's area codes, so that building a seeded world (the
# demo's, every test's) never loads its data; tests/emulator checks them against it. 902
# serves Nova Scotia and Prince Edward Island.
SEEDED_NPA_REGIONS: dict[str, str | None] = {
    npa: None if npa == "902" else region for npa, _city, region, _zip in AREAS
}


def zip_in_region(zip_code: str, region: str) -> bool | None:
    """Whether a ZIP code's 3-digit prefix belongs to the US state ``region``; None when
    the ZIP is not ``12345`` or ``12345-6789`` or the region has no ZIP prefixes."""
    match = _ZIP.match(zip_code.strip())
    ranges = _ZIP_RANGES.get(region)
    if match is None or ranges is None:
        return None
    prefix = int(match.group(1)[:3])
    return any(low <= prefix <= high for low, high in ranges)
