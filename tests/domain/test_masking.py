"""PINs and account numbers never show in the review unless revealed."""

from __future__ import annotations

from porting_tui.domain.masking import mask, mask_order_body


def test_a_mask_does_not_tell_the_length() -> None:
    assert mask("1234") == mask("123456789") == "••••"
    assert mask("") == ""
    assert mask("ACC-778812", keep_last=2) == "••••12"


def test_order_bodies_are_masked_without_touching_the_original() -> None:
    body = {
        "customerOrderReference": "R",
        "phoneNumbers": [
            {
                "phoneNumber": "+13125550100",
                "newPortOutPin": "9999",
                "portOutInfo": {
                    "existingPortOutPin": "1234",
                    "accountNum": "A-1",
                    "authorizingName": "J",
                },
            }
        ],
    }
    masked = mask_order_body(body)
    number = masked["phoneNumbers"][0]
    assert number["newPortOutPin"] == "••••"
    assert number["portOutInfo"] == {
        "existingPortOutPin": "••••",
        "accountNum": "••••",
        "authorizingName": "J",
    }
    assert body["phoneNumbers"][0]["portOutInfo"]["existingPortOutPin"] == "1234"
