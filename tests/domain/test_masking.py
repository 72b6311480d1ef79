"""PINs and account numbers never show in the review unless revealed."""

from __future__ import annotations

import pytest

from porting_tui.domain.masking import mask, mask_order_body, mask_url_secrets, url_has_secret


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


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://h.example/p?secret=abc&x=1", "https://h.example/p?secret=••••&x=1"),
        ("https://h.example/p?token=t&api_key=k", "https://h.example/p?token=••••&api_key=••••"),
        ("https://ops:pw@h.example/p", "https://ops:••••@h.example/p"),
        ("https://h.example/p?x=1", "https://h.example/p?x=1"),
        ("https://h.example/p?secret=", "https://h.example/p?secret="),
    ],
)
def test_secrets_in_a_webhook_url_are_masked(url: str, shown: str) -> None:
    assert mask_url_secrets(url) == shown
    assert url_has_secret(url) == (url != shown)
