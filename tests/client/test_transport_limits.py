"""Bad servers: an answer dripped forever, an answer too large, a certificate not accepted."""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator

import httpx
import pytest

from porting_tui.client import InvalidResponseError, MutationRecord, PortingTimeoutError
from porting_tui.client.errors import PortingCertificateError
from porting_tui.client.session import DEFAULT_MAX_ANSWER_BYTES, AnswerTooLargeError
from tests.client.fake_api import API_ROOT, FakeApi, make_client

MIB = 1024 * 1024


class DripStream(httpx.AsyncByteStream):
    """One byte, then a wait for an event that never fires: a server dripping forever."""

    def __init__(self) -> None:
        self.sent = 0
        self.never = asyncio.Event()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        self.sent += 1
        yield b"{"
        await self.never.wait()
        yield b"}"


class HugeStream(httpx.AsyncByteStream):
    """``total`` bytes made one mebibyte at a time, counting what was asked of it."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.produced = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while self.produced < self.total:
            self.produced += MIB
            yield b" " * MIB


def _api_answering(stream: httpx.AsyncByteStream) -> FakeApi:
    api = FakeApi()

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=stream)

    api.transport = httpx.MockTransport(handler)
    return api


async def test_a_server_dripping_an_answer_meets_the_overall_deadline() -> None:
    drip = DripStream()
    records: list[MutationRecord] = []
    async with make_client(
        _api_answering(drip), deadline=0.5, on_mutation=records.append
    ) as client:
        with pytest.raises(PortingTimeoutError, match=r"within 0\.5 seconds"):
            await client.orders.add_note(7, "hello")
    assert drip.sent == 1
    # The note may have been added: the audit log must not say failed, nor ok.
    assert [record.outcome.split(" ")[0] for record in records] == ["unknown"]


async def test_a_300_mb_answer_is_stopped_at_the_cap_while_it_streams() -> None:
    huge = HugeStream(300 * MIB)
    async with make_client(_api_answering(huge)) as client:
        with pytest.raises(AnswerTooLargeError, match="larger than"):
            await client.orders.get(7)
    assert isinstance(AnswerTooLargeError("x"), InvalidResponseError)
    # Read until just past the cap, never the rest.
    assert huge.produced <= DEFAULT_MAX_ANSWER_BYTES + MIB


async def test_a_declared_length_above_the_cap_is_refused_before_reading() -> None:
    api = FakeApi()
    api.transport = httpx.MockTransport(
        lambda request: httpx.Response(200, headers={"Content-Length": str(300 * MIB)})
    )
    async with make_client(api, max_answer_bytes=MIB) as client:
        with pytest.raises(AnswerTooLargeError):
            await client.orders.get(7)


async def test_an_answer_under_the_cap_reads_as_before() -> None:
    api = FakeApi()
    api.add("GET", "/configuration", {"webhookUrl": "https://hooks.example/x"})
    async with make_client(api, max_answer_bytes=MIB) as client:
        configuration = await client.configuration.get()
    assert configuration.webhook_url == "https://hooks.example/x"
    assert str(api.requests[-1].url) == f"{API_ROOT}/configuration"


async def test_a_certificate_failure_is_named_as_such() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        problem = ssl.SSLCertVerificationError(1, "certificate verify failed")
        problem.verify_message = "certificate has expired"
        raise httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED]") from problem

    api = FakeApi()
    api.transport = httpx.MockTransport(handler)
    async with make_client(api, max_retries=0) as client:
        with pytest.raises(PortingCertificateError) as raised:
            await client.orders.get(7)
    assert "TLS certificate of porting.test was not accepted" in raised.value.message
    assert "certificate has expired" in raised.value.message
    assert "could not reach" not in raised.value.message.lower()
