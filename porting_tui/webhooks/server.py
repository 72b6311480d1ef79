"""Run the receiver on a loopback (or any) address with uvicorn, inside an existing event loop.

uvicorn (and the connection guard built on it) is imported when a server is made, not with
this module: listen addresses are read, and the app starts, with no receiver running.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import ipaddress
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from porting_tui.webhooks.receiver import WebhookReceiver

if TYPE_CHECKING:
    import uvicorn

    from porting_tui.webhooks.guard import ConnectionLimits

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8788
KEEP_ALIVE_SECONDS = 5
MAX_HEADER_BYTES = 16 * 1024
"""Request line and headers; a webhook call needs well under a kilobyte."""


class ListenAddressError(ValueError):
    """A ``host:port`` the receiver cannot listen on; the message says what is expected."""


@dataclass(frozen=True)
class ListenAddress:
    host: str
    port: int

    def __str__(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"


def parse_listen_address(text: str) -> ListenAddress:
    """Read ``127.0.0.1:8788``, ``[::1]:8788``, ``localhost:8788`` or a bare port ``8788``.

    Port 0 asks for any free port (the receiver then says which one it got).
    """
    value = text.strip()
    host, port_text = DEFAULT_HOST, value
    if value.startswith("["):
        host, _, rest = value[1:].partition("]")
        port_text = rest.removeprefix(":")
    elif ":" in value:
        host, _, port_text = value.rpartition(":")
    if not host or not port_text.isdigit() or not 0 <= int(port_text) < 65536:
        raise ListenAddressError(
            f"{text!r} is not a listen address; use host:port such as 127.0.0.1:8788"
        )
    return ListenAddress(host, int(port_text))


def _bind(host: str, port: int) -> socket.socket:
    try:
        family = socket.AF_INET6 if ipaddress.ip_address(host).version == 6 else socket.AF_INET
    except ValueError:
        family = socket.AF_INET
    try:
        return socket.create_server((host, port), family=family)
    except OSError as error:
        raise ListenAddressError(f"cannot listen on {host}:{port}: {error.strerror}") from None


@functools.cache
def _embedded_server_class() -> type[uvicorn.Server]:
    """uvicorn's server, leaving the signal handlers to the host program."""
    import uvicorn

    class EmbeddedServer(uvicorn.Server):
        @contextlib.contextmanager
        def capture_signals(self) -> Iterator[None]:
            # The host program (the app, or the listen command) owns the signal handlers.
            yield

    return EmbeddedServer


def is_loopback(host: str) -> bool:
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class ReceiverServer:
    """The receiver served over HTTP; ``await start()``, then ``await stop()``.

    Without credentials it listens on a loopback address only, unless ``allow_open`` says
    the operator chose so (``webhooks listen --no-auth``).
    """

    def __init__(
        self,
        receiver: WebhookReceiver,
        host: str = DEFAULT_HOST,
        port: int = 0,
        *,
        limits: ConnectionLimits | None = None,
        allow_open: bool = False,
    ) -> None:
        from porting_tui.webhooks.guard import ConnectionGuard, ConnectionLimits

        self.receiver = receiver
        self.host = host
        self.guard = ConnectionGuard(limits or ConnectionLimits())
        self._allow_open = allow_open
        self._requested_port = port
        self.port = port
        self._server: uvicorn.Server | None = None
        self._task: asyncio.Task[None] | None = None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}{self.receiver.path}"

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    async def start(self) -> None:
        """Listen now (port 0 picks a free port); ListenAddressError when it cannot."""
        if (
            self.receiver.options.auth is None
            and not self._allow_open
            and not is_loopback(self.host)
        ):
            raise ListenAddressError(
                f"refusing to listen on {self.host} without credentials: anyone who can reach "
                "it could post events; set a secret (webhook_secret_env in the profile, or "
                "--secret-env) or listen on 127.0.0.1"
            )
        import uvicorn

        from porting_tui.webhooks.guard import guarded_protocol

        # Binding here, not in uvicorn, makes a busy port an error of this call and tells the
        # port chosen for 0 before any request arrives.
        sock = _bind(self.host, self._requested_port)
        self.port = int(sock.getsockname()[1])
        config = uvicorn.Config(
            self.receiver.app,
            lifespan="off",
            log_config=None,
            access_log=False,
            server_header=False,
            # The peer address is the only one believed: X-Forwarded-For is anyone's to write.
            proxy_headers=False,
            http=guarded_protocol(self.guard),
            timeout_keep_alive=KEEP_ALIVE_SECONDS,
            h11_max_incomplete_event_size=MAX_HEADER_BYTES,
            # Above what the guard lets wait, so that uvicorn's 503 is a last resort only.
            limit_concurrency=self.guard.limits.total + 64,
        )
        self._server = _embedded_server_class()(config)
        self._task = asyncio.get_running_loop().create_task(
            self._server.serve(sockets=[sock]), name="webhook-receiver"
        )

    async def wait(self) -> None:
        """Return when the server stops (after ``stop``), raising what made it fail."""
        if self._task is not None:
            await self._task

    def request_stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True

    async def stop(self) -> None:
        self.request_stop()
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
