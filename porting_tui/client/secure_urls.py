"""Which URLs may carry credentials or events: https anywhere, plain http only to this machine."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

NOT_ABSOLUTE = "not absolute"
"""url_problem's answer for a URL without an http(s) scheme or a host; callers word it."""

PLAIN_HTTP = (
    "uses plain http, which would travel unencrypted; use https "
    "(http is allowed only for 127.0.0.1, ::1 and localhost)"
)


def is_loopback_host(host: str) -> bool:
    """True for localhost, 127.0.0.0/8 and ::1 (bracketed or not): plain http stays here."""
    name = host.lower().strip("[]")
    if name in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def url_problem(url: str) -> str | None:
    """None for https, or http to this machine; else NOT_ABSOLUTE or PLAIN_HTTP."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
    except ValueError:
        return NOT_ABSOLUTE
    if parts.scheme not in ("https", "http") or not host:
        return NOT_ABSOLUTE
    if parts.scheme == "http" and not is_loopback_host(host):
        return PLAIN_HTTP
    return None
