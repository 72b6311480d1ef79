"""Filter parsing: dates, statuses, phone numbers and order ids as operators type them."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from porting_tui.listing.filters import (
    FilterErrors,
    OrderFilters,
    describe,
    normalise_phone_number,
    parse_date,
    parse_order_id,
    parse_status,
    to_query,
)

TODAY = date(2026, 11, 27)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-11-20", date(2026, 11, 20)),
        ("today", TODAY),
        ("Yesterday", date(2026, 11, 26)),
        ("tomorrow", date(2026, 11, 28)),
        ("-7d", date(2026, 11, 20)),
        ("-2w", date(2026, 11, 13)),
        ("+3d", date(2026, 11, 30)),
        (" -1D ", date(2026, 11, 26)),
    ],
)
def test_dates_are_absolute_or_relative_to_today(typed: str, expected: date) -> None:
    assert parse_date(typed, TODAY) == expected


@pytest.mark.parametrize("typed", ["last week", "2026-13-01", "7d", "-d", "27/11/2026"])
def test_unreadable_dates_say_which_forms_work(typed: str) -> None:
    with pytest.raises(ValueError, match="-7d"):
        parse_date(typed, TODAY)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("pending", "PENDING"),
        ("pend", "PENDING"),
        ("pending_c", "PENDING_CANCELATION"),
        ("CONF", "CONFIRMED"),
        ("cancelled", "CANCELED"),
        ("pending cancelation", "PENDING_CANCELATION"),
        ("comp", "COMPLETED"),
    ],
)
def test_statuses_accept_case_prefixes_and_british_spelling(typed: str, expected: str) -> None:
    assert parse_status(typed) == expected


def test_an_ambiguous_status_prefix_names_the_candidates() -> None:
    with pytest.raises(ValueError, match=r"CONFIRMED or COMPLETED|COMPLETED or CONFIRMED"):
        parse_status("co")


def test_an_unknown_status_lists_the_known_ones() -> None:
    with pytest.raises(ValueError, match="use one of PENDING"):
        parse_status("lost")


@pytest.mark.parametrize(
    "typed",
    ["(312) 555-0143", "312.555.0143", "+1 312 555 0143", "13125550143", "3125550143"],
)
def test_phone_numbers_in_common_formats_become_e164(typed: str) -> None:
    assert normalise_phone_number(typed) == "+13125550143"


@pytest.mark.parametrize("typed", ["12", "abc", "555"])
def test_non_numbers_are_refused(typed: str) -> None:
    with pytest.raises(ValueError, match="not a phone number"):
        normalise_phone_number(typed)


def test_order_ids_may_start_with_a_hash() -> None:
    assert parse_order_id("#897867") == 897867
    with pytest.raises(ValueError, match="is a number"):
        parse_order_id("ACME-1")


def test_every_filter_becomes_its_list_parameter() -> None:
    filters = OrderFilters(
        status="pending",
        created_from="-7d",
        created_to="today",
        foc_from="2026-12-01",
        foc_to="+2w",
        reference="ACME-42",
        phone="(312) 555-0143",
        order_id="897867",
    )
    assert to_query(filters, TODAY) == {
        "status": "PENDING",
        "created_start": datetime(2026, 11, 20, tzinfo=UTC),
        "created_end": datetime(2026, 11, 27, 23, 59, 59, tzinfo=UTC),
        "foc_start": datetime(2026, 12, 1, tzinfo=UTC),
        "foc_end": datetime(2026, 12, 11, 23, 59, 59, tzinfo=UTC),
        "customer_order_reference": "ACME-42",
        "phone_number": "+13125550143",
        "order_id": 897867,
    }


def test_no_filters_means_no_parameters() -> None:
    assert to_query(OrderFilters(), TODAY) == {}


def test_every_bad_field_is_reported_at_once() -> None:
    filters = OrderFilters(status="x", created_from="soon", phone="12", order_id="abc")
    with pytest.raises(FilterErrors) as caught:
        to_query(filters, TODAY)
    assert set(caught.value.errors) == {"status", "created_from", "phone", "order_id"}


def test_a_range_that_ends_before_it_starts_is_reported_at_its_end() -> None:
    with pytest.raises(FilterErrors) as caught:
        to_query(OrderFilters(foc_from="today", foc_to="-1d"), TODAY)
    assert caught.value.errors == {"foc_to": "2026-11-26 is before the start 2026-11-27"}


def test_a_reference_longer_than_the_api_allows_is_refused() -> None:
    with pytest.raises(FilterErrors) as caught:
        to_query(OrderFilters(reference="R" * 101), TODAY)
    assert "reference" in caught.value.errors


def test_filters_round_trip_through_a_saved_mapping_as_typed() -> None:
    filters = OrderFilters(status="PENDING", created_from="-7d")
    assert filters.to_mapping() == {"status": "PENDING", "created_from": "-7d"}
    assert OrderFilters.from_mapping({**filters.to_mapping(), "unknown": "kept out"}) == filters


def test_the_summary_names_each_filter_briefly() -> None:
    filters = OrderFilters(
        status="pending", created_from="-30d", created_to="today", reference="ACME"
    )
    assert describe(filters) == "status PENDING · created -30d..today · ref ACME"
    assert describe(OrderFilters()) == ""
