"""Actions that cannot apply say why instead of doing nothing."""

from __future__ import annotations

from porting_tui.emulator import Emulator
from porting_tui.tui.app import PortingApp
from tests.tui.conftest import RecordingTransport, settle
from tests.tui.detail.conftest import Detail, SessionFactory, make_order, rejected_order


async def test_a_read_only_profile_refuses_every_change_and_says_so(
    session_factory: SessionFactory, emulator: Emulator, transport: RecordingTransport
) -> None:
    app = PortingApp(session_factory(read_only=True, profile_name="prod"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        detail = Detail(app, pilot, emulator, transport)
        order = await rejected_order(detail, on_demand=True)
        screen = await detail.open(order.id)
        transport.forget()
        for key, verb in [
            ("n", "adding notes"),
            ("u", "uploading documents"),
            ("E", "editing orders"),
            ("C", "cancelling orders"),
            ("A", "activating numbers"),
        ]:
            await detail.press(key)
            assert app.screen is screen, key
            assert f"Profile 'prod' is read-only: {verb} is not allowed with it." in (
                detail.notifications()
            )
        assert transport.requests == []


async def test_a_confirmed_order_cannot_be_edited_or_cancelled(detail: Detail) -> None:
    order = await make_order(detail.app.session.client, {"+13125550177": "1234"})
    detail.emulator.advance(5 * 3600)
    screen = await detail.open(order.id)
    assert screen.order is not None and screen.order.status == "CONFIRMED"
    await detail.press("E")
    await detail.press("C")
    assert detail.app.screen is screen
    notes = detail.notifications()
    assert f"Only PENDING orders can be edited; order {order.id} is CONFIRMED." in notes
    assert f"Only PENDING orders can be cancelled; order {order.id} is CONFIRMED." in notes


async def test_activation_and_download_say_why_they_do_not_apply(detail: Detail) -> None:
    order = await make_order(detail.app.session.client, {"+13125550177": "1234"})
    screen = await detail.open(order.id)
    await detail.press("A")
    await detail.press("d")
    assert detail.app.screen is screen
    notes = detail.notifications()
    assert any("is not an on-demand order" in note for note in notes)
    assert f"Order {order.id} has no documents to download; u uploads one." in notes
