"""Rejection hints: each common carrier reason gets its advice, from a data file in the wheel."""

from __future__ import annotations

from pathlib import Path

import pytest

from porting_tui.domain.order_edit import NUMBER_EDIT_FORM, ORDER_EDIT_FORM
from porting_tui.domain.rejection_hints import HintsFileError, hint_for, load_hints, parse_hints
from porting_tui.emulator.rules import (
    ACCOUNT_MISMATCH,
    ADDRESS_MISMATCH,
    DUE_DATE,
    NAME_MISMATCH,
    PENDING_ORDER,
    PIN_INVALID,
    PIN_MISSING,
)


@pytest.mark.parametrize(
    ("reason", "key"),
    [
        (PIN_INVALID.reason, "port-out-pin"),
        (PIN_MISSING.reason, "port-out-pin"),
        (ACCOUNT_MISMATCH.reason, "account-number"),
        (ADDRESS_MISMATCH.reason, "address"),
        (NAME_MISMATCH.reason, "end-user-name"),
        (PENDING_ORDER.reason, "pending-order"),
        (DUE_DATE.reason, "due-date"),
        ("Number is not in a portable rate center", "not-portable"),
        ("Authorizing name does not match the account holder", "authorizing-person"),
        ("PASSCODE INCORRECT", "port-out-pin"),
        ("Invalid BTN / account #", "account-number"),
        ("Service address does not match", "address"),
    ],
)
def test_common_reasons_get_their_hint(reason: str, key: str) -> None:
    hint = hint_for(reason)
    assert hint is not None and hint.key == key
    assert hint.advice.endswith(".")


def test_an_unknown_or_missing_reason_gets_no_hint() -> None:
    assert hint_for("Carrier system outage") is None
    assert hint_for("") is None
    assert hint_for(None) is None


def test_every_packaged_hint_names_the_key_to_act_with() -> None:
    hints = load_hints()
    assert len(hints) == 12
    assert all("(E)" in hint.advice or "(u)" in hint.advice for hint in hints)


def test_the_hints_file_ships_in_the_wheel() -> None:
    from hatchling.builders.wheel import WheelBuilder

    root = Path(__file__).resolve().parents[2]
    shipped = {f.distribution_path for f in WheelBuilder(str(root)).recurse_included_files()}
    assert "porting_tui/domain/rejection_hints.toml" in shipped


def test_another_hints_file_can_be_loaded_and_bad_ones_say_why(tmp_path: Path) -> None:
    own = tmp_path / "hints.toml"
    own.write_text(
        '[[hint]]\nkey = "cnam"\ntitle = "Caller name"\npatterns = ["cnam"]\n'
        'advice = "Remove the CNAM feature."\n'
    )
    hints = load_hints(own)
    assert hint_for("CNAM listing present", hints) is hints[0]
    with pytest.raises(HintsFileError, match="hint 1: pattern"):
        parse_hints('[[hint]]\nkey = "x"\ntitle = "x"\nadvice = "x"\npatterns = ["(" ]\n')
    with pytest.raises(HintsFileError, match="'advice' must be"):
        parse_hints('[[hint]]\nkey = "x"\ntitle = "x"\npatterns = ["x"]\n')
    with pytest.raises(HintsFileError, match="no \\[\\[hint\\]\\]"):
        parse_hints("title = 1\n")


def test_every_hint_field_is_one_the_edit_dialog_offers() -> None:
    offered = {f.path for f in ORDER_EDIT_FORM + NUMBER_EDIT_FORM} | {"phoneNumbers"}
    fields = {hint.key: hint.field for hint in load_hints()}
    assert fields["port-out-pin"] == "portOutInfo.existingPortOutPin"
    assert fields["pending-order"] is None
    assert {field for field in fields.values() if field} <= offered


@pytest.mark.parametrize(
    ("reason", "key"),
    [
        ("Number is in another open order (700301) at Sinch", "duplicate-order"),
        ("Service address is outside the number's rate center area", "address-region"),
        ("Service address is not in the number's country", "address-region"),
        ("Too many numbers for one order at Lumen: split the order", "split-order"),
        ("End-user details differ between numbers of one account", "account-details"),
        ("Pending order at the losing carrier", "pending-order"),
        ("Rate center of NPA-NXX 312-555 is not served by Sinch", "not-portable"),
    ],
)
def test_the_emulators_pre_flight_rejections_get_their_own_hint(reason: str, key: str) -> None:
    hint = hint_for(reason)
    assert hint is not None and hint.key == key
