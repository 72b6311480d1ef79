"""Numbers pasted in any common format become one clean list of US/Canadian E.164 numbers."""

from __future__ import annotations

from porting_tui.domain.phone_numbers import (
    format_for_display,
    has_canadian_number,
    parse_numbers,
    region_of,
)


def test_mixed_formats_on_lines_commas_and_spaces_are_all_read() -> None:
    text = (
        "(312) 555-0100, +1 312 555 0101; 312.555.0102\n"
        "13125550103 3125550104\t+1 (312) 555-0105\n"
        "tel:+14165550123 | 312 555 0106\n"
    )
    parsed = parse_numbers(text)
    assert parsed.numbers == [
        "+13125550100",
        "+13125550101",
        "+13125550102",
        "+13125550103",
        "+13125550104",
        "+13125550105",
        "+14165550123",
        "+13125550106",
    ]
    assert parsed.problems == []


def test_duplicates_are_dropped_and_reported_once_each() -> None:
    parsed = parse_numbers("3125550100\n(312) 555-0100\n+13125550100\n3125550101")
    assert parsed.numbers == ["+13125550100", "+13125550101"]
    assert parsed.duplicates == ["+13125550100", "+13125550100"]


def test_anything_that_is_not_a_portable_number_is_reported_with_its_line() -> None:
    parsed = parse_numbers("3125550100\nabc, 555-0100\n+44 20 7946 0958\n+1 555 555 0100")
    assert parsed.numbers == ["+13125550100"]
    reported = [(p.line, p.text) for p in parsed.problems]
    assert reported == [
        (2, "abc"),
        (2, "555-0100"),
        (3, "+44 20 7946 0958"),
        (4, "+1 555 555 0100"),
    ]
    assert "North American" in parsed.problems[2].reason


def test_more_than_five_hundred_numbers_is_flagged() -> None:
    text = "\n".join(f"+1312555{n:04d}" for n in range(1000, 1501))
    parsed = parse_numbers(text)
    assert len(parsed.numbers) == 501
    assert parsed.too_many


def test_canadian_numbers_are_told_apart_by_area_code() -> None:
    assert region_of("+14165550123") == "CA"
    assert region_of("+13125550100") == "US"
    assert has_canadian_number(["+13125550100", "+16045550100"])
    assert not has_canadian_number(["+13125550100"])


def test_display_format_is_readable() -> None:
    assert format_for_display("+13125550100") == "+1 312-555-0100"
