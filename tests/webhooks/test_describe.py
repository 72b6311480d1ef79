"""One-line descriptions of each event kind."""

from __future__ import annotations

import json

from porting_tui.client import parse_webhook
from porting_tui.webhooks import describe_event
from tests.webhooks.samples import event_body, event_bytes


def test_each_kind_is_described_in_one_line() -> None:
    described = {
        kind: describe_event(parse_webhook(event_bytes(kind)))
        for kind in ("ORDER_UPDATED", "NUMBERS_REJECTED", "NUMBERS_ACTIVATED", "NEW_ORDER_NOTE")
    }
    assert described == {
        "ORDER_UPDATED": "order PENDING, 1 number",
        "NUMBERS_REJECTED": "1 REJECTED: +13125550143 (Invalid port-out PIN)",
        "NUMBERS_ACTIVATED": "1 ACTIVATED: +13125550143",
        "NEW_ORDER_NOTE": "note: Please send a copy of the latest bill.",
    }


def test_many_numbers_and_long_notes_are_shortened() -> None:
    body = event_body("NUMBERS_CONFIRMED")
    body["phoneNumbers"] = [
        {"phoneNumber": f"+1312555010{n}", "status": "CONFIRMED" if n % 2 else "REJECTED"}
        for n in range(5)
    ]
    text = describe_event(parse_webhook(json.dumps(body)))
    assert text.startswith("3 REJECTED, 2 CONFIRMED: +13125550100, +13125550101, +13125550102")
    assert text.endswith(" +2 more")
    note = event_body("NEW_ORDER_NOTE")
    note["note"] = "line one\nline two " + "x" * 200
    described = describe_event(parse_webhook(json.dumps(note)))
    assert "\n" not in described and described.endswith("…") and len(described) < 100


def test_an_unknown_kind_is_described_without_failing() -> None:
    event = parse_webhook(b'{"type": "ORDER_ARCHIVED", "orderId": "5"}')
    assert describe_event(event) == "event of a kind this version does not know"


def test_port_out_secrets_are_masked_wherever_they_are() -> None:
    from porting_tui.webhooks import mask_secrets

    data = event_body("ORDER_UPDATED")
    masked = mask_secrets(data)
    port_out = masked["order"]["phoneNumbers"][0]["portOutInfo"]
    assert port_out == {"existingPortOutPin": "••••", "accountNum": "••••"}
    assert data["order"]["phoneNumbers"][0]["portOutInfo"]["existingPortOutPin"] == "4821"
    assert mask_secrets({"newPortOutPin": "", "x": [1]}) == {"newPortOutPin": "", "x": [1]}


def test_json_shown_on_a_terminal_has_no_control_or_bidi_characters() -> None:
    from porting_tui.webhooks import inert_json, pretty_json

    raw = '{"note": "a\u202eb\x85c"}'
    shown = inert_json(raw)
    assert shown == '{"note": "a\\u202eb\\u0085c"}'
    assert json.loads(shown) == json.loads(raw)
    assert pretty_json({"note": "é\u2028"}) == '{\n  "note": "é\\u2028"\n}'
