"""``activation list|activate``: groups of on-demand orders, confirmation before activating."""

from __future__ import annotations

from porting_tui.client import NumberStatus, OrderStatus, PortingClient
from tests.cli.conftest import Cli, stdout_json, wire


def activatable(run: Cli) -> tuple[int, str]:
    """An order of the seeded emulator with a group that can be activated now."""

    async def find(client: PortingClient) -> tuple[int, str]:
        async for item in client.orders.list(status=OrderStatus.CONFIRMED):
            groups = await client.activation.available(item.id)
            if groups:
                return item.id, groups[0].phone_number_group
        raise AssertionError("the seeded emulator has no activatable order")

    return run.api(find)


def test_list_json_is_the_api_array(run: Cli) -> None:
    order_id, group = activatable(run)
    groups = stdout_json(run("activation", "list", str(order_id), "--json"))
    expected = run.api(lambda client: client.activation.available(order_id))
    assert groups == [wire(g) for g in expected]
    assert groups[0]["phoneNumberGroup"] == group


def test_list_for_people_shows_groups_and_says_when_nothing_is_ready(run: Cli) -> None:
    order_id, group = activatable(run)
    result = run("activation", "list", str(order_id))
    assert result.exit_code == 0, result.output
    assert group in result.stdout
    pending = run("activation", "list", str(run.api(_pending_id)))
    assert pending.exit_code == 0
    assert pending.stdout == ""
    assert "can be activated yet" in pending.stderr


def test_activate_needs_yes_without_a_terminal(run: Cli) -> None:
    result = run("activation", "activate", "123", "--group", "GW Verizon Grp1")
    assert result.exit_code == 2
    assert "add --yes" in result.stderr
    assert "group(s) GW Verizon Grp1 of order 123" in result.stderr
    assert run.transport.requests == []


def test_activate_a_group_with_yes_activates_its_numbers(run: Cli) -> None:
    order_id, group = activatable(run)
    result = run("activation", "activate", str(order_id), "--group", group, "--yes", "--json")
    answer = stdout_json(result)
    assert [g["phoneNumberGroup"] for g in answer["phoneNumberGroups"]] == [group]
    order = run.api(lambda client: client.orders.get(order_id))
    in_group = [n for n in order.phone_numbers if n.phone_number_group == group]
    assert in_group and all(n.status == NumberStatus.ACTIVATED for n in in_group)


def test_activating_an_order_that_is_not_on_demand_exits_1(run: Cli) -> None:
    result = run("activation", "activate", str(run.api(_pending_id)), "--yes")
    assert result.exit_code == 1
    assert "HTTP 400" in result.stderr


async def _pending_id(client: PortingClient) -> int:
    page = await client.orders.list_page(status=OrderStatus.PENDING)
    return page.orders[0].id
