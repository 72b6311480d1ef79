"""The shared TLS context: built once in a thread, used by every client that connects itself,
and a context that cannot be built fails where the client is made, as httpx fails."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from porting_tui.client import PortingClient, tls


@pytest.fixture
def fresh_tls(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No context built yet in this process (the module's state is put back afterwards)."""
    monkeypatch.setattr(tls, "_builder", None)
    monkeypatch.setattr(tls, "_context", None)
    yield


def ssl_context_of(client: PortingClient) -> ssl.SSLContext:
    transport = client._http._transport
    assert isinstance(transport, httpx.AsyncHTTPTransport)
    context: ssl.SSLContext = transport._pool._ssl_context
    return context


@pytest.mark.usefixtures("fresh_tls")
def test_clients_share_the_context_built_in_the_thread() -> None:
    tls.prepare()
    tls.prepare()  # a second call starts nothing more
    builder = tls._builder
    assert builder is not None and builder.name == "tls-context"
    first = PortingClient("p-1", key_id="k", key_secret="s")
    second = PortingClient("p-2", key_id="k", key_secret="s")
    assert ssl_context_of(first) is ssl_context_of(second) is tls.shared_context()
    assert ssl_context_of(first).verify_mode == ssl.CERT_REQUIRED
    assert ssl_context_of(first).check_hostname


@pytest.mark.usefixtures("fresh_tls")
def test_a_client_with_its_own_transport_builds_no_context() -> None:
    PortingClient(
        "p",
        key_id="k",
        key_secret="s",
        transport=httpx.MockTransport(lambda request: httpx.Response(200)),
    )
    assert tls._builder is None and tls._context is None


@pytest.mark.usefixtures("fresh_tls")
def test_an_unreadable_authority_file_fails_at_the_client_then_recovers(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "missing.pem"))
    tls.prepare()
    with pytest.raises(OSError):
        PortingClient("p", key_id="k", key_secret="s")
    monkeypatch.delenv("SSL_CERT_FILE")
    client = PortingClient("p", key_id="k", key_secret="s")
    assert ssl_context_of(client) is tls.shared_context()
