"""Records of the changes the client asked the server for, for audit logs (never any body)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import httpx

_ORDER_PATH = re.compile(r"^/orders/portIns/(?P<id>\d+)(?P<rest>/notes|/documents|/activate)?$")
_ACTION_BY_SUFFIX = {"/notes": "note", "/documents": "upload", "/activate": "activate"}


@dataclass(frozen=True, slots=True)
class MutationRecord:
    """One create/update/cancel/note/upload/activate/configuration write and how it ended."""

    method: str
    path: str
    """Relative to the project, e.g. ``/orders/portIns/123/notes``."""
    action: str
    """One of create, update, cancel, note, upload, activate, configuration."""
    order_id: str | None
    """The order concerned; for a create, the id the server gave the new order."""
    status_code: int | None
    """The HTTP status of the answer; None when no answer arrived."""
    error: str | None = None
    """The name of the error raised (``ConflictError``...), None on success."""
    unknown: bool = False
    """The request was sent but its answer was lost or cannot be read: it may have been done."""

    @property
    def succeeded(self) -> bool:
        return self.error is None and not self.unknown

    @property
    def outcome(self) -> str:
        """``ok (201)``, ``failed: HTTP 409``, ``failed: ...`` or ``unknown: ...``."""
        if self.unknown:
            why = f"HTTP {self.status_code}, answer unreadable" if self.status_code else self.error
            return f"unknown ({why})"
        if self.error is None:
            return f"ok ({self.status_code})" if self.status_code else "ok"
        if self.status_code is not None:
            return f"failed: HTTP {self.status_code}"
        return f"failed: {self.error}"


MutationObserver = Callable[[MutationRecord], None]


def mutation_action(method: str, path: str) -> tuple[str, str | None] | None:
    """The action and order id of a request that changes something, or None for a read.

    A portability check is a POST but changes nothing, so it is not a mutation.
    """
    method = method.upper()
    if method in ("GET", "HEAD", "OPTIONS"):
        return None
    if path == "/configuration" and method in ("POST", "PUT"):
        return "configuration", None
    if path == "/orders/portIns" and method == "POST":
        return "create", None
    match = _ORDER_PATH.match(path)
    if match is None:
        return None
    order_id, rest = match.group("id"), match.group("rest")
    if rest is None:
        action = {"PUT": "update", "DELETE": "cancel"}.get(method)
        return (action, order_id) if action else None
    return (_ACTION_BY_SUFFIX[rest], order_id) if method == "POST" else None


def created_order_id(response: httpx.Response) -> str | None:
    """The id in the answer to a create; only that field is read."""
    try:
        body = response.json()
    except ValueError:
        return None
    identifier = body.get("id") if isinstance(body, dict) else None
    return str(identifier) if isinstance(identifier, int | str) else None
