from __future__ import annotations

import pytest

from porting_tui.domain.carriers import carrier_of_group


@pytest.mark.parametrize(
    ("group", "carrier"),
    [
        ("GW Verizon Wireless Grp1", "Verizon Wireless"),
        ("GW Lumen Grp12", "Lumen"),
        ("gw AT&T grp 2", "AT&T"),
        ("Bandwidth Grp3", "Bandwidth"),
        ("Carrier group A", "Carrier group A"),
        ("  Odd  ", "Odd"),
    ],
)
def test_the_carrier_is_read_from_the_group_name_or_the_name_is_kept(
    group: str, carrier: str
) -> None:
    assert carrier_of_group(group) == carrier
