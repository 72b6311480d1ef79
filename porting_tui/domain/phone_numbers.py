"""Numbers pasted in any common format, turned into a clean list of North American E.164."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import phonenumbers

MAX_NUMBERS_PER_ORDER = 500
PORTABLE_REGIONS = ("US", "CA")

# Lists are separated by new lines, commas, semicolons, tabs or pipes; spaces may also separate
# numbers, but they also appear inside one ("(312) 555-0100"), so they are handled by counting.
_SEPARATORS = re.compile(r"[\n\r,;\t|]+")
_PHONE_CHARACTERS = re.compile(r"[\d\s().+\-/]+")


@dataclass(frozen=True)
class NumberProblem:
    """A piece of the pasted text that is not a portable number, and why."""

    text: str
    reason: str
    line: int
    """1-based line of the pasted text it was found on."""

    def __str__(self) -> str:
        return f"line {self.line}: {self.text!r} {self.reason}"


@dataclass
class ParsedNumbers:
    """The result of reading pasted text: numbers in first-seen order, repeats and problems."""

    numbers: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    problems: list[NumberProblem] = field(default_factory=list)

    @property
    def too_many(self) -> bool:
        return len(self.numbers) > MAX_NUMBERS_PER_ORDER


def _digit_count(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def _is_complete(candidate: str) -> bool:
    # NANP area codes never start with 1, so ten digits starting with 1 still wait for one more.
    digits = "".join(ch for ch in candidate if ch.isdigit())
    return len(digits) == 11 or (len(digits) == 10 and not digits.startswith("1"))


def _split_on_spaces(chunk: str) -> list[str]:
    """Split a run of space-separated numbers, keeping the spaces inside each number."""
    pieces: list[str] = []
    current: list[str] = []
    for word in chunk.split():
        current.append(word)
        candidate = " ".join(current)
        if _is_complete(candidate) or _digit_count(candidate) > 11:
            pieces.append(candidate)
            current = []
    if current:
        pieces.append(" ".join(current))
    return pieces


def _candidates(chunk: str) -> list[str]:
    text = chunk.strip()
    if text.lower().startswith("tel:"):
        text = text[4:].strip()
    if not text:
        return []
    if _PHONE_CHARACTERS.fullmatch(text) and _digit_count(text) > 11:
        return _split_on_spaces(text)
    return [text]


@lru_cache(maxsize=4096)
def to_e164(text: str) -> tuple[str | None, str]:
    """(E.164, "") for a valid US or Canadian number written any common way, else (None, why)."""
    try:
        parsed = phonenumbers.parse(text, "US")
    except phonenumbers.NumberParseException:
        return None, "is not a phone number"
    if parsed.country_code != 1:
        return None, "is not a North American (+1) number"
    if not phonenumbers.is_valid_number(parsed):
        return None, "is not a valid North American number"
    if phonenumbers.region_code_for_number(parsed) not in PORTABLE_REGIONS:
        return None, "is not a US or Canadian number; only those can be ported"
    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)), ""


def parse_numbers(text: str) -> ParsedNumbers:
    """Read every number in ``text``; nothing that is not a number is silently dropped."""
    result = ParsedNumbers()
    seen: set[str] = set()
    for line_number, line in enumerate(text.splitlines(), start=1):
        for chunk in _SEPARATORS.split(line):
            for candidate in _candidates(chunk):
                number, reason = to_e164(candidate)
                if number is None:
                    result.problems.append(NumberProblem(candidate, reason, line_number))
                elif number in seen:
                    result.duplicates.append(number)
                else:
                    seen.add(number)
                    result.numbers.append(number)
    return result


@lru_cache(maxsize=4096)
def region_of(e164: str) -> str | None:
    """``US`` or ``CA`` (from the NANP area code), or None for a number that is neither."""
    try:
        parsed = phonenumbers.parse(e164)
    except phonenumbers.NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(parsed)
    return str(region) if region in PORTABLE_REGIONS else None


def has_canadian_number(numbers: list[str]) -> bool:
    """True when any number is Canadian: such orders need a reseller name."""
    return any(region_of(number) == "CA" for number in numbers)


def format_for_display(e164: str) -> str:
    """``+1 312-555-0100`` style, for people reading a list."""
    try:
        parsed = phonenumbers.parse(e164)
    except phonenumbers.NumberParseException:
        return e164
    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL))
