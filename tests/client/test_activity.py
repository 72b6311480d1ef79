"""The requests in flight, for the loading indicator: counted from send to answer (retries
included), described for people, and never left counting after an error."""

from __future__ import annotations

import httpx
import pytest

from porting_tui.client import PortingError
from porting_tui.client.activity import RequestActivity, describe_request
from tests.client.fake_api import FakeApi, make_client
from tests.client.samples import order_json


@pytest.mark.parametrize(
    ("method", "path", "described"),
    [
        ("GET", "/orders/portIns", "listing orders"),
        ("GET", "/orders/portIns/12", "reading order 12"),
        ("PUT", "/orders/portIns/12", "updating order 12"),
        ("POST", "/orders/portIns/12/notes", "adding a note to order 12"),
        ("POST", "/orders/portIns/12/activate", "activating order 12"),
        ("POST", "/portabilityChecks", "checking portability"),
        ("get", "/configuration", "reading project defaults"),
        ("PATCH", "/somewhere/new", "PATCH /somewhere/new"),
    ],
)
def test_each_request_is_described_in_a_few_words(method: str, path: str, described: str) -> None:
    assert describe_request(method, path) == described


def test_the_summary_names_the_oldest_and_counts_the_rest() -> None:
    activity = RequestActivity()
    heard: list[int] = []
    stop = activity.add_listener(lambda: heard.append(activity.in_flight))
    assert activity.summary() == ""
    with activity.request("listing orders"), activity.request("reading order 1"):
        assert activity.summary() == "listing orders +1"
        assert activity.descriptions == ["listing orders", "reading order 1"]
    assert activity.in_flight == 0
    assert heard == [1, 2, 1, 0]
    stop()
    with activity.request("reading order 2"):
        pass
    assert heard == [1, 2, 1, 0]


def test_a_failing_listener_never_fails_the_request() -> None:
    activity = RequestActivity()

    def broken() -> None:
        raise RuntimeError("the header is gone")

    activity.add_listener(broken)
    with activity.request("reading order 1"):
        assert activity.in_flight == 1
    assert activity.in_flight == 0


async def test_a_request_counts_while_it_is_in_flight_and_not_after() -> None:
    api = FakeApi()
    seen: list[list[str]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(client.activity.descriptions)
        return httpx.Response(200, json=order_json(12))

    api.handle("GET", "/orders/portIns/12", answer)
    async with make_client(api) as client:
        await client.orders.get(12)
        assert seen[-1][-1] == "reading order 12"
        assert client.activity.in_flight == 0


async def test_an_error_and_its_retries_leave_nothing_counting() -> None:
    api = FakeApi()
    api.fail("GET", "/orders/portIns/12", httpx.ConnectError("refused"))
    async with make_client(api, max_retries=2) as client:
        with pytest.raises(PortingError):
            await client.orders.get(12)
        assert client.activity.in_flight == 0
        assert client.activity.summary() == ""
