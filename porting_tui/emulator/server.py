"""Serving an emulator over HTTP with uvicorn; its base URL is announced once it listens."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from collections.abc import AsyncIterator, Callable

import uvicorn

from porting_tui.emulator.app import Emulator
from porting_tui.emulator.faults import ConnectionDropped


class _NoDroppedConnectionTraces(logging.Filter):
    """A ``drop`` fault closes the connection by raising; that is the fault, not a bug."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], ConnectionDropped))


class EmulatorServer(uvicorn.Server):
    """A uvicorn server that calls ``on_ready`` with its base URL once its sockets listen."""

    def __init__(self, config: uvicorn.Config, on_ready: Callable[[str], None]) -> None:
        super().__init__(config)
        self._on_ready = on_ready
        self.base_url = ""

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started and self.servers:
            host, port = self.servers[0].sockets[0].getsockname()[:2]
            shown = f"[{host}]" if ":" in host else host
            self.base_url = f"http://{shown}:{port}"
            self._on_ready(self.base_url)


def make_server(
    emulator: Emulator,
    host: str,
    port: int,
    on_ready: Callable[[str], None],
    *,
    access_log: bool = False,
) -> EmulatorServer:
    config = uvicorn.Config(
        emulator.app,
        host=host,
        port=port,
        log_level="info" if access_log else "warning",
        access_log=access_log,
        lifespan="on",
    )
    errors = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _NoDroppedConnectionTraces) for f in errors.filters):
        errors.addFilter(_NoDroppedConnectionTraces())
    return EmulatorServer(config, on_ready)


@contextlib.asynccontextmanager
async def serving(emulator: Emulator, host: str = "127.0.0.1", port: int = 0) -> AsyncIterator[str]:
    """Serve ``emulator`` in the running event loop; yield its base URL; stop on exit.

    Port 0 picks a free port. Meant for tests and tools that need a real socket.
    """
    ready = asyncio.Event()
    server = make_server(emulator, host, port, lambda _url: ready.set())
    task = asyncio.create_task(server.serve(), name="emulator-server")
    ready_wait = asyncio.create_task(ready.wait())
    await asyncio.wait({task, ready_wait}, return_when=asyncio.FIRST_COMPLETED)
    if not ready.is_set():
        ready_wait.cancel()
        await task
        raise OSError(f"the emulator could not listen on {host}:{port}")
    try:
        yield server.base_url
    finally:
        server.should_exit = True
        await task
