"""The log of webhook events and their delivery to a loopback webhook URL.

Every event is kept in the log (``GET /_emulator/events``). When the project configuration
names a webhook URL on a loopback address, events are also POSTed there, in order, by a
task that never blocks the request that caused them and never raises into it.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

import httpx

from porting_tui.emulator.dates import format_timestamp
from porting_tui.emulator.records import JsonObject

log = logging.getLogger(__name__)

MAX_EVENTS = 10_000
"""The log keeps the latest events only, so a long demo does not grow without bound."""
DELIVERY_ATTEMPTS = 3
RETRY_DELAYS = (0.2, 1.0)
DELIVERY_TIMEOUT = 5.0


@dataclass(eq=False)
class EventRecord:
    id: int
    time: datetime
    body: JsonObject
    delivery: str
    """``not sent: ...``, ``pending``, ``delivered (HTTP 204)`` or ``failed: ...``."""

    def to_json(self) -> JsonObject:
        return {
            "id": self.id,
            "time": format_timestamp(self.time),
            "type": self.body["type"],
            "orderId": self.body["orderId"],
            "delivery": self.delivery,
            "body": self.body,
        }


def loopback_url(url: str) -> str | None:
    """The URL to POST to when ``url`` points at this machine, else None.

    A URL without a scheme (the contract's example is ``my.callback.server``) is read as http.
    """
    candidate = url.strip()
    if "://" not in candidate:
        candidate = "http://" + candidate
    try:
        parts = urlsplit(candidate)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not host:
        return None
    if host == "localhost":
        return candidate
    try:
        return candidate if ipaddress.ip_address(host).is_loopback else None
    except ValueError:
        return None


class EventLog:
    """All events in emission order, plus the delivery worker for the webhook URL."""

    def __init__(
        self,
        *,
        webhook_url: Callable[[], str | None],
        deliver: bool = True,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._webhook_url = webhook_url
        self._deliver = deliver
        self._sleep = sleep
        self.records: list[EventRecord] = []
        self.muted = False
        self._last_id = 0
        self._queue: list[tuple[EventRecord, str]] = []
        self._worker: asyncio.Task[None] | None = None

    def __len__(self) -> int:
        return len(self.records)

    def emit(
        self, time: datetime, body: JsonObject | Callable[[], JsonObject]
    ) -> EventRecord | None:
        """Log an event (a body, or a function building it, skipped while muted)."""
        if self.muted:
            return None
        if callable(body):
            body = body()
        self._last_id += 1
        record = EventRecord(self._last_id, time, body, self._route(body))
        self.records.append(record)
        if len(self.records) > MAX_EVENTS:
            del self.records[: len(self.records) - MAX_EVENTS]
        if record.delivery == "pending":
            self._enqueue(record)
        return record

    def since(self, last_id: int = 0) -> list[EventRecord]:
        """The events after ``last_id`` (ids keep growing, even across ``clear``)."""
        return [record for record in self.records if record.id > last_id]

    def clear(self) -> None:
        self.records = []

    def _route(self, body: JsonObject) -> str:
        configured = self._webhook_url()
        if not configured:
            return "not sent: no webhook URL is configured"
        if not self._deliver:
            return "not sent: webhook delivery is off"
        if loopback_url(configured) is None:
            return "not sent: the emulator only calls webhook URLs on loopback addresses"
        return "pending"

    def _enqueue(self, record: EventRecord) -> None:
        url = loopback_url(self._webhook_url() or "")
        assert url is not None
        self._queue.append((record, url))
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            record.delivery = "not sent: no event loop to deliver it from"
            self._queue.pop()
            return
        if self._worker is None or self._worker.done():
            self._worker = loop.create_task(self._drain(), name="emulator-webhooks")

    async def wait_delivered(self) -> None:
        """Return once every pending event has been delivered or given up on."""
        while self._worker is not None and not self._worker.done():
            await asyncio.shield(self._worker)

    async def aclose(self) -> None:
        if self._worker is not None and not self._worker.done():
            self._worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._worker
        for record, _url in self._queue:
            record.delivery = "not sent: the emulator stopped"
        self._queue = []

    async def _drain(self) -> None:
        # The outer loop looks again after the client has closed: an event queued while it
        # was closing must not wait for the next one.
        while self._queue:
            async with httpx.AsyncClient(timeout=DELIVERY_TIMEOUT, trust_env=False) as http:
                while self._queue:
                    record, url = self._queue.pop(0)
                    await self._post(http, record, url)

    async def _post(self, http: httpx.AsyncClient, record: EventRecord, url: str) -> None:
        problem = ""
        for attempt in range(DELIVERY_ATTEMPTS):
            try:
                response = await http.post(url, json=record.body)
            except Exception as exc:  # a receiver's failure must never stop the emulator
                problem = f"{type(exc).__name__}: {exc}"
            else:
                if response.is_success:
                    record.delivery = f"delivered (HTTP {response.status_code})"
                    return
                problem = f"HTTP {response.status_code}"
            if attempt < len(RETRY_DELAYS):
                await self._sleep(RETRY_DELAYS[attempt])
        record.delivery = f"failed after {DELIVERY_ATTEMPTS} attempts: {problem}"
        log.info("webhook event %s to %s failed: %s", record.id, url, problem)
