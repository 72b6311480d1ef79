"""The client against Stoplight Prism mocking the official OpenAPI file (dynamic mode).

Prism validates every request against the file (a violation is answered 422 and fails the
test) and answers with random bodies valid against it. Each client operation runs
``LOOPS`` times on each of two mocks: the file as published, and the file with every
optional property removed, so that answers carrying only what is required are read too.
Every answer must be read whole: no exception, and no part kept as "unreadable".
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from porting_tui.client import (
    Configuration,
    Contact,
    Order,
    PhoneNumber,
    PortingClient,
)
from porting_tui.client.models import DegradableModel, is_unreadable
from tests.client.samples import new_order
from tests.conformance.deviations import mock_adjustments
from tests.conformance.official import official_openapi
from tests.conformance.prism import (
    MOCK_ADJUSTMENTS,
    required_only,
    routable,
    running_prism,
    write_spec,
)

LOOPS = 50
ORDER_ID = 897867
# The file's OrderStatus values; the client also sends PENDING_CANCELATION and
# ORDER_BUILDING on purpose (see the README), which the file's enum, and so Prism, refuse.
FILE_STATUSES = ("PENDING", "CONFIRMED", "COMPLETED", "CANCELED")
MOCK_ADJUSTMENTS_REASONS = mock_adjustments()
VARIANTS = {"published": lambda spec: spec, "required-only": required_only}
DATE_SHAPED = re.compile(r"^\d{4}-\d{2}-\d{2}")


def mock_file(variant: str) -> dict[str, Any]:
    """The official file, with the adjustments deviations.toml lists, in ``variant``."""
    assert set(MOCK_ADJUSTMENTS_REASONS) == set(MOCK_ADJUSTMENTS), "list each with its reason"
    spec = official_openapi()
    for adjust in MOCK_ADJUSTMENTS.values():
        spec = adjust(spec)
    return routable(VARIANTS[variant](spec))


Operation = Callable[[PortingClient, int], Awaitable[Any]]


@pytest.fixture(scope="module", params=sorted(VARIANTS))
def prism_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    variant: str = request.param
    folder: Path = tmp_path_factory.mktemp(f"prism-{variant}")
    spec_file = write_spec(mock_file(variant), folder / "openapi.yaml")
    with running_prism(spec_file) as url:
        yield url


def client_for(url: str) -> PortingClient:
    # No retries: a refused request must show up as the refusal, not as a later success.
    return PortingClient(
        "demo-project", key_id="key", key_secret="secret", base_url=url, max_retries=0
    )


async def list_page(client: PortingClient, loop: int) -> Any:
    """Each loop sends a different set of filters, so every one is validated by Prism."""
    filters: dict[str, Any] = {}
    if loop % 2:
        filters["status"] = FILE_STATUSES[loop % len(FILE_STATUSES)]
    if loop % 3 == 0:
        filters["created_start"] = date(2024, 9, 1)
        filters["created_end"] = datetime(2024, 9, 30, 12, 0, tzinfo=UTC)
    if loop % 5 == 0:
        filters["foc_start"] = "2024-10-01"
        filters["foc_end"] = "2024-10-31T23:59:59Z"
    if loop % 7 == 0:
        filters["order_id"] = ORDER_ID + loop
    if loop % 4 == 1:
        filters["customer_order_reference"] = f"ref-{loop}"
    if loop % 4 == 2:
        filters["phone_number"] = "+12025550123"
    return await client.orders.list_page(loop % 3 + 1, 10 * (loop % 5 + 1), **filters)


def configuration(loop: int) -> Configuration:
    return Configuration(
        contact=Contact(name="Ops", email=f"ops{loop}@example.com", phone="+12025550100"),
        webhook_url=f"https://hooks.example.com/porting/{loop}",
        default_port_time="09:00:00",
        default_port_time_zone=("US/Eastern", "US/Central", "US/Mountain", "US/Pacific")[loop % 4],
    )


def made_sendable(order: Order) -> None:
    """Give a random order valid values where the client checks them before sending.

    Everything else the mock answered (unknown fields included) goes back as read, so the
    PUT shows what a get-merge-put really sends.
    """
    valid = new_order()
    order.desired_port_schedule = valid.desired_port_schedule
    template = valid.phone_numbers[0]
    if not order.phone_numbers:
        order.phone_numbers = [PhoneNumber(phone_number=template.phone_number)]
    for index, number in enumerate(order.phone_numbers):
        number.phone_number = f"+1202555{index:04d}"
        number.voice_configuration = template.voice_configuration
        number.end_user = template.end_user
        number.port_out_info = template.port_out_info
        number.features = None
        number.new_port_out_pin = None
    order.customer_order_reference = "ref-42"


OPERATIONS: dict[str, Operation] = {
    "portability check": lambda c, i: c.portability.check(["+12025550123", "+13125550100"]),
    "create order": lambda c, i: c.orders.create(new_order(on_demand_activation=bool(i % 2))),
    "list orders": list_page,
    "get order": lambda c, i: c.orders.get(ORDER_ID + i),
    "update order": lambda c, i: c.orders.update(ORDER_ID + i, new_order("+12025550199")),
    "edit order (get, merge, put)": lambda c, i: c.orders.edit(ORDER_ID + i, made_sendable),
    "cancel order": lambda c, i: c.orders.cancel(ORDER_ID + i),
    "add note": lambda c, i: c.orders.add_note(ORDER_ID + i, f"Customer confirmed PIN {i}"),
    "upload document": lambda c, i: c.orders.upload_document(
        ORDER_ID + i, f"loa-{i}.pdf", b"%PDF-1.4 letter of authorization", "LOA"
    ),
    "get document": lambda c, i: c.orders.get_document(ORDER_ID + i, 3001 + i),
    "available activations": lambda c, i: c.activation.available(ORDER_ID + i),
    "activate": lambda c, i: c.activation.activate(
        ORDER_ID + i, None if i % 2 else ["GW Verizon Grp1"]
    ),
    "get configuration": lambda c, i: c.configuration.get(),
    "create configuration": lambda c, i: c.configuration.create(configuration(i)),
    "update configuration": lambda c, i: c.configuration.update(configuration(i)),
}


def unread_parts(value: Any, where: str = "answer") -> Iterator[str]:
    """Every part of a read answer the client kept as unreadable, with where it sits."""
    if isinstance(value, DegradableModel) and value.unreadable is not None:
        yield f"{where}: {value.unreadable}"
    # Text where the file gives no date format is kept as sent by design; a date-shaped
    # value the client could not read is a finding.
    if is_unreadable(value) and DATE_SHAPED.match(str(value)):
        yield f"{where}: date kept as text {value!r}"
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from unread_parts(getattr(value, name), f"{where}.{name}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from unread_parts(item, f"{where}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from unread_parts(item, f"{where}.{key}")


@pytest.mark.parametrize("name", sorted(OPERATIONS))
async def test_prism_accepts_every_request_and_the_client_reads_every_answer(
    prism_url: str, name: str
) -> None:
    operation = OPERATIONS[name]
    problems: list[str] = []
    async with client_for(prism_url) as client:
        for loop in range(LOOPS):
            try:
                answer = await operation(client, loop)
            except Exception as error:  # any failure is a finding, reported with its loop
                # Prism's refusal lists its violations in the body (``validation``).
                sent_back = getattr(error, "raw_body", "") or getattr(error, "field_violations", "")
                problems.append(f"loop {loop}: {type(error).__name__}: {error} {sent_back}")
                continue
            problems.extend(f"loop {loop}: {part}" for part in unread_parts(answer))
    assert not problems, f"{name}:\n" + "\n".join(problems[:10])
