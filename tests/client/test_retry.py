"""Retries: only what is safe to repeat, with backoff, Retry-After and an injected sleep."""

from __future__ import annotations

import httpx
import pytest

from porting_tui.client import (
    Configuration,
    PortingConnectionError,
    PortingTimeoutError,
    RateLimitError,
    RetryPolicy,
    ServerError,
    retry_delay,
    should_retry,
)
from tests.client.fake_api import FakeApi, SleepRecorder, make_client
from tests.client.samples import new_order, order_json

POLICY = RetryPolicy(max_retries=3, base_delay=0.5, max_delay=8.0, jitter=lambda: 0.5)


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_repeatable_requests_are_retried_on_transient_statuses(status: int) -> None:
    assert should_retry(POLICY, 0, repeatable=True, status_code=status)


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422, 501])
def test_other_statuses_are_not_retried(status: int) -> None:
    assert not should_retry(POLICY, 0, repeatable=True, status_code=status)


@pytest.mark.parametrize("status", [408, 429, 500, 503])
def test_a_request_that_is_not_repeatable_is_never_retried_after_an_answer(status: int) -> None:
    assert not should_retry(POLICY, 0, repeatable=False, status_code=status)


def test_errors_before_sending_are_retried_even_for_a_create() -> None:
    for error in (httpx.ConnectError("x"), httpx.ConnectTimeout("x"), httpx.PoolTimeout("x")):
        assert should_retry(POLICY, 0, repeatable=False, error=error)


def test_errors_after_sending_are_retried_only_when_repeatable() -> None:
    for error in (httpx.ReadTimeout("x"), httpx.WriteTimeout("x"), httpx.RemoteProtocolError("x")):
        assert not should_retry(POLICY, 0, repeatable=False, error=error)
        assert should_retry(POLICY, 0, repeatable=True, error=error)


def test_no_retry_beyond_max_retries() -> None:
    assert should_retry(POLICY, 2, repeatable=True, status_code=503)
    assert not should_retry(POLICY, 3, repeatable=True, status_code=503)


def test_backoff_doubles_and_is_capped() -> None:
    delays = [retry_delay(POLICY, attempt) for attempt in range(6)]
    # Equal jitter with a fixed draw of 0.5: three quarters of the exponential step.
    assert delays == [0.375, 0.75, 1.5, 3.0, 6.0, 6.0]


def test_jitter_spreads_the_delay_between_half_and_full_backoff() -> None:
    low = RetryPolicy(jitter=lambda: 0.0)
    high = RetryPolicy(jitter=lambda: 0.999999)
    assert retry_delay(low, 2) == pytest.approx(1.0)
    assert retry_delay(high, 2) == pytest.approx(2.0, abs=1e-5)


def test_retry_after_wins_but_is_capped() -> None:
    assert retry_delay(POLICY, 0, retry_after=4.0) == 4.0
    assert retry_delay(POLICY, 0, retry_after=3600.0) == 30.0
    assert retry_delay(RetryPolicy(retry_after_cap=5.0), 0, retry_after=60.0) == 5.0


async def test_a_get_is_retried_on_503_and_then_succeeds() -> None:
    api = FakeApi()
    api.add("GET", "/orders/portIns/1", {"code": "503", "message": "busy"}, status=503)
    api.add("GET", "/orders/portIns/1", order_json(1))
    sleep = SleepRecorder()
    async with make_client(api, sleep, retry_policy=POLICY) as client:
        order = await client.orders.get(1)
    assert order.id == 1
    assert len(api.requests) == 2
    assert sleep.delays == [0.375]


async def test_429_retry_after_is_honoured_and_capped() -> None:
    api = FakeApi()
    api.add("GET", "/configuration", status=429, headers={"Retry-After": "2"})
    api.add("GET", "/configuration", status=429, headers={"Retry-After": "120"})
    api.add("GET", "/configuration", {"webhookUrl": "https://hooks.example/porting"})
    sleep = SleepRecorder()
    async with make_client(api, sleep, retry_policy=POLICY) as client:
        config = await client.configuration.get()
    assert config.webhook_url == "https://hooks.example/porting"
    assert sleep.delays == [2.0, 30.0]


async def test_max_retries_is_respected_and_the_last_error_raised() -> None:
    api = FakeApi()
    api.add("GET", "/orders/portIns/1", status=503)
    sleep = SleepRecorder()
    async with make_client(api, sleep, max_retries=2) as client:
        with pytest.raises(ServerError):
            await client.orders.get(1)
    assert len(api.requests) == 3
    assert len(sleep.delays) == 2
    assert 0.25 <= sleep.delays[0] <= 0.5
    assert 0.5 <= sleep.delays[1] <= 1.0


async def test_max_retries_zero_sends_once() -> None:
    api = FakeApi()
    api.add("GET", "/orders/portIns/1", status=429)
    sleep = SleepRecorder()
    async with make_client(api, sleep, max_retries=0) as client:
        with pytest.raises(RateLimitError):
            await client.orders.get(1)
    assert len(api.requests) == 1
    assert sleep.delays == []


async def test_a_create_that_timed_out_is_not_sent_again() -> None:
    api = FakeApi()
    api.fail("POST", "/orders/portIns", httpx.ReadTimeout("no answer"))
    api.add("POST", "/orders/portIns", order_json(9), status=201)
    sleep = SleepRecorder()
    async with make_client(api, sleep, max_retries=5) as client:
        with pytest.raises(PortingTimeoutError):
            await client.orders.create(new_order())
    assert len(api.requests) == 1
    assert sleep.delays == []


async def test_a_create_answered_with_503_is_not_sent_again() -> None:
    api = FakeApi()
    api.add("POST", "/orders/portIns", status=503)
    async with make_client(api, max_retries=5) as client:
        with pytest.raises(ServerError):
            await client.orders.create(new_order())
    assert len(api.requests) == 1


async def test_a_create_whose_connection_was_refused_is_sent_again() -> None:
    api = FakeApi()
    api.fail("POST", "/orders/portIns", httpx.ConnectError("refused"))
    api.add("POST", "/orders/portIns", order_json(9), status=201)
    sleep = SleepRecorder()
    async with make_client(api, sleep) as client:
        order = await client.orders.create(new_order())
    assert order.id == 9
    assert len(api.requests) == 2
    assert len(sleep.delays) == 1


@pytest.mark.parametrize(
    ("label", "call"),
    [
        ("note", lambda c: c.orders.add_note(1, "hi")),
        ("upload", lambda c: c.orders.upload_document(1, "a.pdf", b"x")),
        ("activate", lambda c: c.activation.activate(1)),
        ("config create", lambda c: c.configuration.create(Configuration())),
    ],
)  # fmt: skip
async def test_posts_that_change_state_are_not_repeated_after_a_read_timeout(
    label: str, call: object
) -> None:
    api = FakeApi()
    for path in ("/orders/portIns/1/notes", "/orders/portIns/1/documents",
                 "/orders/portIns/1/activate", "/configuration"):  # fmt: skip
        api.fail("POST", path, httpx.ReadTimeout("no answer"))
    async with make_client(api, max_retries=3) as client:
        with pytest.raises(PortingTimeoutError):
            await call(client)  # type: ignore[operator]
    assert len(api.requests) == 1, label


async def test_portability_checks_are_repeatable() -> None:
    api = FakeApi()
    api.fail("POST", "/portabilityChecks", httpx.ReadTimeout("no answer"))
    api.add("POST", "/portabilityChecks", {"phoneNumbers": []})
    async with make_client(api) as client:
        assert await client.portability.check(["+12025550123"]) == []
    assert len(api.requests) == 2


async def test_put_and_delete_are_repeatable() -> None:
    api = FakeApi()
    api.add("PUT", "/orders/portIns/1", status=502)
    api.add("PUT", "/orders/portIns/1", order_json(1))
    api.fail("DELETE", "/orders/portIns/1", httpx.ReadError("reset"))
    api.add("DELETE", "/orders/portIns/1")
    async with make_client(api) as client:
        await client.orders.update(1, new_order())
        await client.orders.cancel(1)
    assert [r.method for r in api.requests] == ["PUT", "PUT", "DELETE", "DELETE"]


async def test_connection_errors_exhaust_retries_then_raise() -> None:
    api = FakeApi()
    api.fail("GET", "/orders/portIns/1", httpx.ConnectError("refused"))
    sleep = SleepRecorder()
    async with make_client(api, sleep, max_retries=1) as client:
        with pytest.raises(PortingConnectionError):
            await client.orders.get(1)
    assert len(api.requests) == 2
    assert len(sleep.delays) == 1
