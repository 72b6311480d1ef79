"""The data under the rules: where area codes are, which ZIPs a state has, which carriers are
wireless."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from porting_tui.domain.preflight import carrier_kind, is_wireless, number_plan
from porting_tui.domain.preflight.number_plan import (
    address_country,
    area_code,
    number_area,
    region_code,
)
from porting_tui.domain.preflight.zip_ranges import (
    ZIP_PREFIXES,
    prefixes_text,
    zip_in_state,
    zip_prefix,
)
from porting_tui.domain.regions import US_STATES
from porting_tui.emulator.carriers import ALL_CARRIERS


@pytest.mark.parametrize(
    ("npa", "country", "region"),
    [
        ("312", "US", "IL"),
        ("212", "US", "NY"),
        ("202", "US", "DC"),  # "Washington D.C."
        ("206", "US", "WA"),  # "Washington State"
        ("787", "US", "PR"),
        ("416", "CA", "ON"),  # "Toronto, ON", "Etobicoke, ON" and "Ontario"
        ("604", "CA", "BC"),  # "British Colombia" in some exchanges
        ("418", "CA", "QC"),
        ("867", "CA", None),  # Northwest Territories/Nunavut/Yukon
        ("902", "CA", None),  # Nova Scotia/Prince Edward Island
        ("800", None, None),  # toll-free: nowhere
        ("876", None, None),  # Jamaica: neither country
    ],
)
def test_an_area_code_has_its_country_and_its_one_state_or_province(
    npa: str, country: str | None, region: str | None
) -> None:
    area = area_code(npa)
    assert (area.country, area.region) == (country, region)


def test_a_number_is_placed_by_its_area_code_and_a_foreign_one_not_at_all() -> None:
    area = number_area("+14165550143")
    assert area is not None and (area.npa, area.region) == ("416", "ON")
    assert number_area("+442071234567") is None
    assert number_area("4165550143") is None


@pytest.mark.parametrize(
    ("description", "code"),
    [
        ("Chicago, IL", "IL"),
        ("Windsor North, Orem, UT", "UT"),
        ("Illinois", "IL"),
        ("Washington State", "WA"),
        ("Ontario", "ON"),
        ("Canada", None),
        ("Nova Scotia/Prince Edward Island", None),
        ("", None),
    ],
)
def test_a_geocoder_place_names_one_region_or_none(description: str, code: str | None) -> None:
    assert region_code(description) == code


def test_an_address_is_in_the_us_or_canada_by_its_state() -> None:
    assert [address_country(s) for s in ("il", "PR", "ON", "ZZ", "")] == [
        "US",
        "US",
        "CA",
        None,
        None,
    ]


def test_the_geocoder_is_imported_on_the_first_question_not_with_the_package() -> None:
    # Its data takes a third of a second to import: only a function may import it.
    package = Path(number_plan.__file__).parent
    for module in package.glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        top_level = [node for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)]
        names = [alias.name for node in top_level for alias in node.names]
        modules = [node.module for node in top_level if isinstance(node, ast.ImportFrom)]
        assert "geocoder" not in names and "phonenumbers.geocoder" not in names + modules


def test_every_state_dc_and_territory_has_zip_prefixes() -> None:
    assert set(ZIP_PREFIXES) == set(US_STATES)


def test_zip_prefixes_belong_to_one_state_except_the_known_shared_ones() -> None:
    owners: dict[int, set[str]] = {}
    for state in ZIP_PREFIXES:
        for prefix in range(1000):
            if zip_in_state(f"{prefix:03d}00", state):
                owners.setdefault(prefix, set()).add(state)
    shared = {prefix: states for prefix, states in owners.items() if len(states) > 1}
    assert shared == {
        63: {"CT", "NY"},  # Fishers Island, NY
        967: {"HI", "AS"},
        969: {"GU", "MP"},
    }


@pytest.mark.parametrize(
    ("zip_code", "state", "inside"),
    [
        ("60606", "IL", True),
        ("62901-1234", "IL", True),
        ("10001", "IL", False),
        ("10001", "NY", True),
        ("00501", "NY", True),  # the IRS in Holtsville
        ("20500", "DC", True),
        ("20101", "VA", True),
        ("73301", "TX", True),
        ("73301", "OK", False),
        ("00901", "PR", True),
        ("6060", "IL", None),
        ("M5H 2N2", "ON", None),
        ("60606", "ON", None),
        ("60606", "", None),
    ],
)
def test_a_zip_is_in_its_state_or_the_question_does_not_apply(
    zip_code: str, state: str, inside: bool | None
) -> None:
    assert zip_in_state(zip_code, state) is inside


def test_zip_prefixes_read_as_people_write_them() -> None:
    assert prefixes_text("ny") == "005, 063, 100-149"
    assert zip_prefix(" 06390 ") == 63


def test_the_emulators_carriers_are_wireless_exactly_when_the_emulator_says_so() -> None:
    assert {c.name: is_wireless(c.name) for c in ALL_CARRIERS} == {
        c.name: c.wireless for c in ALL_CARRIERS
    }


@pytest.mark.parametrize(
    "name",
    [
        "Sprint",
        "Cricket Wireless",
        "Metro by T-Mobile",
        "Boost Mobile",
        "Google Fi",
        "Fido",
        "Koodo",
        "Virgin Plus",
        "Vidéotron mobile",
        "VIDEOTRON MOBILE",
        "T-MOBILE USA, INC.",
        "Cellco Partnership dba Verizon Wireless",
        "New Cingular Wireless PCS, LLC",
    ],
)
def test_wireless_carriers_are_known_by_name_in_any_spelling(name: str) -> None:
    assert is_wireless(name)
    assert carrier_kind(name) == "wireless"


@pytest.mark.parametrize(
    "name", ["Videotron", "Bell Canada", "Verizon Business", "Sprint Communications Company", ""]
)
def test_wireline_and_unknown_carriers_are_not_wireless(name: str) -> None:
    assert not is_wireless(name)
    assert carrier_kind(name) == "wireline"


def test_the_default_port_date_gives_every_carrier_its_lead_time() -> None:
    from porting_tui.domain.business_days import PORT_LEAD_BUSINESS_DAYS
    from porting_tui.domain.preflight.checks import LEAD_BUSINESS_DAYS

    assert max(LEAD_BUSINESS_DAYS.values()) == PORT_LEAD_BUSINESS_DAYS
