"""Wireless or wireline: what a losing carrier's name says about the rules it ports by.

Wireless carriers want the port-out PIN and the account number and answer within a business
day; wireline carriers check the service address and need three. Carrier names come from the
portability check or the activation group, spelled as each source likes ("T-Mobile",
"T-MOBILE USA, INC.", "New Cingular Wireless PCS"), so a name is wireless when it is one of
the known wireless brands, or when it carries a word only mobile operators put in their
names. A name that matches neither is treated as wireline, which is also what an unknown
carrier is: the wireline rules are the cautious ones for addresses and lead times, and no
wireless warning is shown on a guess.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

WIRELESS_NAMES: frozenset[str] = frozenset(
    {
        # The emulator's wireless carriers (porting_tui/emulator/carriers.py).
        "Verizon Wireless",
        "T-Mobile",
        "AT&T Mobility",
        "US Cellular",
        "Rogers Wireless",
        "Bell Mobility",
        "Telus Mobility",
        "Freedom Mobile",
        # Real US brands and the names they appear under in number records.
        "Sprint",
        "Sprint PCS",
        "Sprint Spectrum",
        "Cellco Partnership",
        "New Cingular Wireless",
        "Cingular",
        "Omnipoint",
        "Cricket",
        "Cricket Wireless",
        "Metro by T-Mobile",
        "MetroPCS",
        "Boost",
        "Boost Mobile",
        "Google Fi",
        "Project Fi",
        "Visible",
        "Mint Mobile",
        "Tracfone",
        "Straight Talk",
        "Ting",
        "C Spire",
        "Xfinity Mobile",
        "Spectrum Mobile",
        "Consumer Cellular",
        "Dish Wireless",
        # Canadian brands.
        "Fido",
        "Koodo",
        "Virgin Plus",
        "Virgin Mobile",
        "Chatr",
        "Public Mobile",
        "Lucky Mobile",
        "Vidéotron mobile",
        "SaskTel Mobility",
        "Eastlink Wireless",
        "Ice Wireless",
    }
)
"""Wireless carriers by name, as people and number records write them (any case, accents)."""

WIRELESS_WORDS: frozenset[str] = frozenset({"wireless", "mobility", "mobile", "cellular", "pcs"})
"""Words that make any carrier name wireless: "Verizon Wireless", "Bell Mobility". Wireline
brands of the same groups ("Verizon Business", "Bell Canada", "Videotron") carry none."""

# Company forms at the end of a registered name: "T-Mobile USA, Inc." is "T-Mobile".
_COMPANY_WORDS = frozenset({"inc", "llc", "lp", "ltd", "corp", "co", "company", "usa"})
_NOT_NAME = re.compile(r"[^a-z0-9&]+")


def carrier_key(name: str) -> str:
    """A carrier name reduced to what tells it apart: ``"Vidéotron  Mobile"`` -> ``videotron
    mobile``; the same carrier written two ways gives the same key."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NOT_NAME.sub(" ", plain.casefold()).split())


def _without_company_form(key: str) -> str:
    words = key.split()
    while len(words) > 1 and words[-1] in _COMPANY_WORDS:
        words.pop()
    return " ".join(words)


_WIRELESS_KEYS = frozenset(carrier_key(name) for name in WIRELESS_NAMES)


@lru_cache(maxsize=256)
def is_wireless(name: str) -> bool:
    """Whether the carrier named ``name`` is a wireless (mobile) carrier; False when unknown."""
    key = carrier_key(name)
    if not key:
        return False
    if _without_company_form(key) in _WIRELESS_KEYS:
        return True
    return any(word in WIRELESS_WORDS for word in key.split())


def carrier_kind(name: str) -> str:
    """``wireless`` or ``wireline``, as the rule texts say it."""
    return "wireless" if is_wireless(name) else "wireline"
