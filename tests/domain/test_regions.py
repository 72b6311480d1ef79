"""States, provinces and postal codes as the wizard and CSV import check them."""

from __future__ import annotations

import pytest

from porting_tui.domain.regions import (
    normalize_postal_code,
    postal_code_problem,
    state_problem,
    zip_plus_four_problem,
)


@pytest.mark.parametrize("code", ["IL", "il", " NY ", "DC", "PR", "ON", "qc", "YT"])
def test_us_states_and_canadian_provinces_are_accepted(code: str) -> None:
    assert state_problem(code) is None


@pytest.mark.parametrize("code", ["XX", "Illinois", "I", "ONT"])
def test_other_codes_are_refused(code: str) -> None:
    assert "not a US state or Canadian province" in (state_problem(code) or "")


@pytest.mark.parametrize("zip_code", ["60606", "60606-1234"])
def test_us_zip_codes_of_five_or_five_plus_four_digits(zip_code: str) -> None:
    assert postal_code_problem(zip_code, "IL") is None


@pytest.mark.parametrize("zip_code", ["6060", "606061", "60606-12", "K1A 0B1"])
def test_bad_us_zip_codes_are_refused(zip_code: str) -> None:
    assert "ZIP" in (postal_code_problem(zip_code, "IL") or "")


@pytest.mark.parametrize(
    ("code", "province"), [("K1A 0B1", "ON"), ("k1a0b1", "ON"), ("H2X 1Y4", "QC")]
)
def test_canadian_postal_codes_are_accepted_spaced_or_not(code: str, province: str) -> None:
    assert postal_code_problem(code, province) is None


def test_canadian_postal_codes_must_match_the_province_and_alphabet() -> None:
    assert "Canadian postal code" in (postal_code_problem("60606", "ON") or "")
    assert "of British Columbia" in (postal_code_problem("K1A 0B1", "BC") or "")
    assert postal_code_problem("D1A 0B1", "ON") is not None


def test_without_a_known_state_either_form_is_accepted() -> None:
    assert postal_code_problem("60606", "") is None
    assert postal_code_problem("K1A 0B1", "") is None
    assert postal_code_problem("ABC", "") is not None


def test_postal_codes_are_normalized_like_canada_post_writes_them() -> None:
    assert normalize_postal_code("k1a0b1") == "K1A 0B1"
    assert normalize_postal_code(" 60606 ") == "60606"


def test_zip_plus_four_is_four_digits_or_empty() -> None:
    assert zip_plus_four_problem("") is None
    assert zip_plus_four_problem("1234") is None
    assert zip_plus_four_problem("12345") is not None
