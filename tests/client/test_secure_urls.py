"""One rule for URLs carrying credentials or events: https, or plain http only to this machine."""

from __future__ import annotations

import pytest

from porting_tui.client.secure_urls import NOT_ABSOLUTE, PLAIN_HTTP, is_loopback_host, url_problem


@pytest.mark.parametrize(
    "host", ["localhost", "LOCALHOST", "localhost.", "127.0.0.1", "127.8.9.10", "::1", "[::1]"]
)
def test_these_hosts_are_this_machine(host: str) -> None:
    assert is_loopback_host(host)


@pytest.mark.parametrize("host", ["example.com", "10.0.0.1", "::2", "localhost.example.com", ""])
def test_these_hosts_are_not(host: str) -> None:
    assert not is_loopback_host(host)


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://porting.api.sinch.com", None),
        ("http://127.0.0.1:8787", None),
        ("http://[::1]:8787/hooks", None),
        ("http://localhost./x", None),
        ("http://hooks.example.com/x", PLAIN_HTTP),
        ("ftp://hooks.example.com/x", NOT_ABSOLUTE),
        ("hooks.example.com", NOT_ABSOLUTE),
        ("http://[::1", NOT_ABSOLUTE),
    ],
)
def test_url_problem(url: str, problem: str | None) -> None:
    assert url_problem(url) == problem
