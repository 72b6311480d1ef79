"""Actions that cannot apply to an order say why."""

from __future__ import annotations

from typing import Any

from porting_tui.client import Order
from porting_tui.domain.order_actions import refusal


def order(**fields: Any) -> Order:
    body = {"id": 7, "status": "PENDING", "desiredPortSchedule": {"desiredPortDate": "2026-12-15"}}
    return Order.model_validate(body | fields)


def test_a_read_only_profile_refuses_every_change_but_not_a_download() -> None:
    pending = order(documents=[{"id": 1, "documentName": "LOA.pdf"}])
    for action in ("note", "upload", "edit", "cancel"):
        assert "Profile 'prod' is read-only" in (
            refusal(action, pending, read_only=True, profile="prod") or ""
        )
    assert refusal("download", pending, read_only=True, profile="prod") is None


def test_only_pending_orders_are_edited_or_cancelled() -> None:
    confirmed = order(status="CONFIRMED")
    assert refusal("cancel", confirmed, read_only=False, profile="p") == (
        "Only PENDING orders can be cancelled; order 7 is CONFIRMED."
    )
    assert refusal("edit", confirmed, read_only=False, profile="p") == (
        "Only PENDING orders can be edited; order 7 is CONFIRMED."
    )
    assert refusal("cancel", order(), read_only=False, profile="p") is None


def test_activation_needs_an_on_demand_order_that_is_not_finished() -> None:
    assert "not an on-demand order" in (
        refusal("activate", order(), read_only=False, profile="p") or ""
    )
    done = order(onDemandActivation=True, status="COMPLETED")
    assert "nothing left to activate" in (
        refusal("activate", done, read_only=False, profile="p") or ""
    )
    ready = order(onDemandActivation=True, status="CONFIRMED")
    assert refusal("activate", ready, read_only=False, profile="p") is None


def test_nothing_applies_before_the_order_is_loaded_and_downloads_need_documents() -> None:
    assert "not loaded yet" in (refusal("note", None, read_only=False, profile="p") or "")
    assert "has no documents" in (refusal("download", order(), read_only=False, profile="p") or "")
