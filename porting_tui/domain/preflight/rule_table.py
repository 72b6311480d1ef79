"""The pre-flight rules' table (rules.toml): severity, texts, step and field of each rule id.

What a rule says and where it points is data, so the porting team can reword a rule or move it
to another field without touching the checks; ``load_rules()`` reads the packaged table,
``load_rules(path)`` another one.
"""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from porting_tui.domain.draft_fields import Step

RULES_FILE = "rules.toml"


class Severity(StrEnum):
    WARNING = "warning"
    """The losing carrier is likely to reject the numbers."""
    ADVICE = "advice"
    """Not a rejection, but slower or worth a look."""


class RulesFileError(ValueError):
    """The rules table is not usable; the message says which rule and why."""


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    step: Step
    field: str
    """The API path a finding points at, unless its check names another."""
    text: str
    """A ``str.format`` template of what is wrong."""
    fix: str
    """A ``str.format`` template of what to do about it."""

    def placeholders(self) -> set[str]:
        """The names the two templates use."""
        return _placeholders(self.text) | _placeholders(self.fix)


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def _text(entry: dict[str, Any], name: str, where: str) -> str:
    value = entry.get(name)
    if not isinstance(value, str) or not value.strip():
        raise RulesFileError(f"{where}: {name!r} must be a non-empty string")
    return value.strip()


def _template(entry: dict[str, Any], name: str, where: str) -> str:
    value = _text(entry, name, where)
    try:
        names = _placeholders(value)
    except ValueError as error:
        raise RulesFileError(f"{where}: {name!r}: {error}") from None
    if not all(placeholder.isidentifier() for placeholder in names):
        raise RulesFileError(f"{where}: {name!r} placeholders must be plain names like {{carrier}}")
    return value


def _rule(entry: Any, index: int) -> Rule:
    where = f"rule {index + 1}"
    if not isinstance(entry, dict):
        raise RulesFileError(f"{where} is not a table")
    rule_id = _text(entry, "id", where)
    where = f"rule {rule_id!r}"
    severity = _text(entry, "severity", where)
    if severity not in tuple(Severity):
        raise RulesFileError(f"{where}: severity must be 'warning' or 'advice', not {severity!r}")
    step = _text(entry, "step", where)
    if step not in Step.__members__:
        raise RulesFileError(f"{where}: step must be one of {', '.join(Step.__members__)}")
    return Rule(
        rule_id,
        Severity(severity),
        Step[step],
        _text(entry, "field", where),
        _template(entry, "text", where),
        _template(entry, "fix", where),
    )


def parse_rules(text: str) -> tuple[Rule, ...]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RulesFileError(f"not valid TOML: {error}") from None
    entries = data.get("rule")
    if not isinstance(entries, list) or not entries:
        raise RulesFileError("no [[rule]] entries")
    rules = tuple(_rule(entry, index) for index, entry in enumerate(entries))
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise RulesFileError(f"rule {rule.id!r} appears twice")
        seen.add(rule.id)
    return rules


@cache
def _packaged_rules() -> tuple[Rule, ...]:
    text = resources.files(__package__ or "porting_tui.domain.preflight").joinpath(RULES_FILE)
    return parse_rules(text.read_text(encoding="utf-8"))


def load_rules(path: Path | None = None) -> tuple[Rule, ...]:
    """The rules of ``path``, or the ones packaged with porting-tui."""
    if path is None:
        return _packaged_rules()
    return parse_rules(path.read_text(encoding="utf-8"))
