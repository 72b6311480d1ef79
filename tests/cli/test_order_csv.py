"""Orders read from CSV: columns by API name, one row per number, every bad row reported."""

from __future__ import annotations

import pytest

from porting_tui.cli.order_file import LoadedOrder, checked_order
from porting_tui.client import E911, EndUser, PortOutInfo
from porting_tui.domain.order_csv import OrderFileError, read_order_csv
from porting_tui.domain.order_fields import E911_FIELDS, END_USER_FIELDS, PORT_OUT_FIELDS

HEADER = (
    "phoneNumber,name,streetNum,streetName,city,state,zipCode,existingPortOutPin,"
    "desiredPortDate,customerOrderReference"
)


def problems_of(text: str) -> list[str]:
    """Every problem reported for an order CSV, reading and checking it whole."""
    with pytest.raises(OrderFileError) as caught:
        parsed = read_order_csv(text, "order.csv")
        loaded = LoadedOrder(
            "order.csv", parsed.body, parsed.locate, parsed.problems, parsed.reported
        )
        checked_order(loaded)
    return caught.value.problems


def test_the_field_lists_match_the_client_models() -> None:
    def aliases(model: type) -> tuple[str, ...]:
        return tuple(f.alias for f in model.model_fields.values())  # type: ignore[attr-defined]

    # The columns follow the wizard's order (street pre-direction before the street name).
    assert sorted(aliases(EndUser)) == sorted(END_USER_FIELDS)
    assert sorted(aliases(PortOutInfo)) == sorted(PORT_OUT_FIELDS)
    assert sorted(a for a in aliases(E911) if not a.startswith("enh")) == sorted(E911_FIELDS)


def test_rows_become_numbers_and_order_columns_the_order() -> None:
    text = (
        "\ufeff" + HEADER + "\n"
        "(312) 555-0143,Acme Inc,12,Main,Chicago,il,60601,1234,2026-12-03,ACME-42\n"
        "+1 312 555 0144,Acme Inc,12,Main,Chicago,IL,60601,5678,,\n"
    )
    parsed = read_order_csv(text, "order.csv")
    body = parsed.body
    assert body["customerOrderReference"] == "ACME-42"
    assert body["desiredPortSchedule"] == {"desiredPortDate": "2026-12-03"}
    first, second = body["phoneNumbers"]
    assert first["phoneNumber"] == "+13125550143"
    assert first["endUser"]["state"] == "IL"
    assert first["portOutInfo"] == {"existingPortOutPin": "1234"}
    assert second["phoneNumber"] == "+13125550144"
    assert parsed.lines == [2, 3]


def test_semicolons_dotted_names_and_loose_header_spelling_are_accepted() -> None:
    text = (
        "Phone Number;endUser.name;street_num;STREET NAME;city;state;zip-code;trunkId;e911.city;"
        "desiredPortSchedule.desiredPortTime;onDemandActivation\n"
        "3125550143;Acme;1;Main;Chicago;IL;60601;T-1;Chicago;9:30;yes\n"
    )
    body = read_order_csv(text, "x.csv").body
    number = body["phoneNumbers"][0]
    assert number["voiceConfiguration"] == {"type": "EST", "trunkId": "T-1"}
    assert number["features"] == {"e911": {"city": "Chicago"}}
    assert body["desiredPortSchedule"] == {"desiredPortTime": "09:30:00"}
    assert body["onDemandActivation"] is True


def test_every_bad_row_is_reported_with_its_line_and_column() -> None:
    text = (
        HEADER + "\n"
        "3125550143,A,1,Main,Chicago,IL,60601,1,2026-12-03,R\n"
        "not a number,A,1,Main,Chicago,IL,60601,1,,\n"
        "\n"
        "312-555-0143,A,1,Main,Chicago,IL,60601,1,2026-13-40,\n"
        "3125550145,A,1,Main,Chicago,IL,60601,1,2026-12-04,\n"
        "3125550146,A,1,Main,,IL,60601,1,,\n"
        "3125550147,A,1,Main,Chicago,IL,60601,1,,\n"
    )
    problems = problems_of(text)
    assert problems[0].startswith("line 3, column phoneNumber: 'not a number' is not a valid")
    assert problems[1].startswith("line 5, column desiredPortDate: '2026-13-40' is not a date")
    assert problems[2] == "line 5, column phoneNumber: +13125550143 is already on line 2"
    assert problems[3].startswith("line 6, column desiredPortDate: '2026-12-04' differs from")
    assert problems[4] == "line 7, column city: is required"
    assert len(problems) == 5


def test_unknown_and_repeated_columns_are_refused_with_the_known_ones() -> None:
    with pytest.raises(OrderFileError) as caught:
        read_order_csv("phoneNumber,colour,city,City\n3125550143,red,x,y\n", "order.csv")
    problems = caught.value.problems
    assert problems[:2] == [
        "line 1, column 2 'colour': unknown column",
        "line 1, column 'City': repeats column 'city'",
    ]
    assert problems[2].startswith("the known columns are: phoneNumber, customerOrderReference")
    assert "zipCode, typeOfService, existingPortOutPin" in problems[2]


def test_a_file_without_a_phone_number_column_or_rows_is_refused() -> None:
    for text, problem in [
        ("name,city\nA,B\n", "line 1: no phoneNumber column; the first row must name the columns"),
        ("phoneNumber\n", "the file has no rows of numbers under its header"),
    ]:
        with pytest.raises(OrderFileError) as caught:
            read_order_csv(text, "order.csv")
        assert caught.value.problems == [problem]


def test_more_than_500_numbers_is_refused_with_advice() -> None:
    rows = "".join(f"+1312555{i:04d}\n" for i in range(501))
    problems = read_order_csv("phoneNumber\n" + rows, "order.csv").problems
    assert problems == ["501 numbers; at most 500 fit in one order: split the file"]


def test_missing_required_fields_point_at_the_row_and_column() -> None:
    problems = problems_of("phoneNumber,name,city\n3125550143,Acme,\n")
    assert "column desiredPortDate (no such column; add it): is required" in problems
    assert "line 2, column city: is required" in problems
    assert "line 2, column streetNum (no such column; add it): is required" in problems
    assert all("Acme" not in problem for problem in problems)


def test_a_voice_type_that_does_not_match_its_id_column_is_refused() -> None:
    problems = read_order_csv("phoneNumber,voiceType,appId\n3125550143,FAX,app-1\n", "x").problems
    assert problems == [
        "line 2, column voiceType: FAX routing does not use appId "
        "(RTC uses appId, EST trunkId, FAX serviceId)"
    ]
