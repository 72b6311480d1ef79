"""Which states a US ZIP code belongs to, from its first three digits (the USPS prefix table).

Each 3-digit ZIP prefix is a sectional center of the Postal Service, and sectional centers
do not cross state lines, except for a few ZIP codes the table keeps on purpose (Fishers
Island, NY has 063 like Connecticut; the IRS centers 005 and 733). A ZIP whose prefix is not
in its state's ranges almost always means a typo in one of the two, which the losing
carrier rejects as an address mismatch. Military prefixes (AA, AE, AP) are no state and
are left out.
"""

from __future__ import annotations

import re

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
"""USPS 3-digit ZIP prefixes of each state, DC and territory: one prefix or an inclusive range."""


def _ranges(items: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    bounds = (item.partition("-") for item in items)
    return tuple((int(low), int(high or low)) for low, _, high in bounds)


_RANGES = {state: _ranges(items) for state, items in ZIP_PREFIXES.items()}

_ZIP = re.compile(r"(\d{5})(-\d{4})?")


def zip_prefix(zip_code: str) -> int | None:
    """The 3-digit prefix of a well-formed ZIP (``60601`` or ``60601-1234``), else None."""
    match = _ZIP.fullmatch(zip_code.strip())
    return int(match.group(1)[:3]) if match else None


def zip_in_state(zip_code: str, state: str) -> bool | None:
    """Whether a ZIP belongs to ``state``; None when either is not a well-formed US value
    (their shape is checked elsewhere, as errors)."""
    prefix = zip_prefix(zip_code)
    ranges = _RANGES.get(state.strip().upper())
    if prefix is None or ranges is None:
        return None
    return any(low <= prefix <= high for low, high in ranges)


def prefixes_text(state: str) -> str:
    """The prefixes of ``state`` as people read them: ``600-629`` or ``005, 063, 100-149``."""
    return ", ".join(ZIP_PREFIXES.get(state.strip().upper(), ()))
