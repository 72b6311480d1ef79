"""Order CSVs into drafts: shared values, per-number values, every bad row reported."""

from __future__ import annotations

from datetime import date

import pytest

from porting_tui.domain.csv_import import OrderFileError, apply_import, import_order_csv
from porting_tui.domain.csv_template import template_text
from porting_tui.domain.order_draft import OrderDraft, order_body
from porting_tui.domain.text_files import TextFileError, decode_text

HEADER = "phoneNumber,name,streetNum,streetName,city,state,zipCode,existingPortOutPin,trunkId"


def test_rows_become_numbers_with_shared_and_own_values() -> None:
    text = (
        HEADER + ",customerOrderReference\n"
        "(312) 555-0100,Acme,1,Main,Chicago,IL,60606,1111,T-1,ACME-9\n"
        "312-555-0101,Acme,1,Main,Chicago,IL,60606,2222,T-1,\n"
    )
    imported = import_order_csv(text, "order.csv")
    assert imported.problems == []
    draft = OrderDraft()
    apply_import(draft, imported)
    assert draft.numbers == ["+13125550100", "+13125550101"]
    assert draft.common["endUser.city"] == "Chicago"
    assert draft.common["voiceConfiguration.type"] == "EST"
    assert draft.common["voiceConfiguration.id"] == "T-1"
    assert draft.overrides == {
        "+13125550100": {"portOutInfo.existingPortOutPin": "1111"},
        "+13125550101": {"portOutInfo.existingPortOutPin": "2222"},
    }
    assert draft.order["customerOrderReference"] == "ACME-9"
    assert draft.csv_source == "order.csv"
    number = order_body(draft)["phoneNumbers"][1]
    assert number["portOutInfo"] == {"existingPortOutPin": "2222"}
    assert number["voiceConfiguration"] == {"type": "EST", "trunkId": "T-1"}


def test_a_voice_route_differing_between_rows_stays_per_number() -> None:
    text = "phoneNumber,appId,trunkId\n3125550100,app-1,\n3125550101,,T-2\n"
    draft = OrderDraft()
    apply_import(draft, import_order_csv(text, "x.csv"))
    assert "voiceConfiguration.type" not in draft.common
    assert draft.values_for("+13125550101")["voiceConfiguration.id"] == "T-2"


def test_errors_on_several_rows_are_all_reported_with_line_and_column() -> None:
    text = (
        HEADER + "\n"
        "3125550100,Acme,1,Main,Chicago,IL,60606,1,\n"
        "not a number,Acme,1,Main,Chicago,IL,60606,1,\n"
        "3125550102,Acme,1,Main,Chicago,XX,60606,1,\n"
        "3125550103,Acme,1,Main,Toronto,ON,60606,1,\n"
        "3125550100,Acme,1,Main,Chicago,IL,606,1,\n"
    )
    problems = import_order_csv(text, "order.csv").problems
    assert problems == [
        "line 3, column phoneNumber: 'not a number' is not a valid phone number; use E.164 "
        "like +13125550143",
        "line 4, column state: 'XX' is not a US state or Canadian province code (e.g. IL, NY, ON)",
        "line 5, column zipCode: '60606' is not a Canadian postal code; use A1A 1A1",
        "line 6, column zipCode: '606' is neither a ZIP code (12345, 12345-6789) nor a postal "
        "code (A1A 1A1)",
        "line 6, column phoneNumber: +13125550100 is already on line 2",
    ]


def test_a_file_that_is_not_an_order_csv_is_refused_whole() -> None:
    with pytest.raises(OrderFileError) as caught:
        import_order_csv("number;colour\n3125550100;red\n", "x.csv")
    assert any("unknown column" in problem for problem in caught.value.problems)


def test_binary_and_non_utf8_files_get_a_clear_refusal() -> None:
    with pytest.raises(TextFileError, match="binary"):
        decode_text(b"PK\x03\x04\x00\x00", "x.csv")
    with pytest.raises(TextFileError, match="not UTF-8"):
        decode_text("phoneNumber\nSão Paulo\n".encode("latin-1"), "x.csv")
    assert decode_text("\ufeffphoneNumber\n".encode(), "x.csv") == "phoneNumber\n"


def test_the_template_imports_cleanly_with_every_column() -> None:
    text = template_text(date(2026, 11, 27))
    header = text.splitlines()[0].split(",")
    assert header[0] == "phoneNumber" and "e911.postalCodePlusFour" in header
    imported = import_order_csv(text, "template.csv")
    assert imported.problems == []
    assert imported.order["desiredPortSchedule.desiredPortDate"] == "2026-12-04"
    draft = OrderDraft()
    apply_import(draft, imported)
    assert draft.common["endUser.name"] == "Acme Inc"
    assert "features.e911.city" in draft.overrides["+13125550144"]
