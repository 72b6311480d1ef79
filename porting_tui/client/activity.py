"""RequestActivity: the requests in flight now, each described for people ("reading order 12")."""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager

logger = logging.getLogger("porting_tui.client")

ActivityListener = Callable[[], None]
"""Called after every change; it reads what it shows from the activity itself."""

SIGNING_IN = "signing in"

_ORDER = r"/orders/portIns/(?P<id>\d+)"
_DESCRIPTIONS: tuple[tuple[str, re.Pattern[str], str], ...] = tuple(
    (method, re.compile(f"^{pattern}$"), text)
    for method, pattern, text in (
        ("GET", "/orders/portIns", "listing orders"),
        ("POST", "/orders/portIns", "creating an order"),
        ("GET", _ORDER, "reading order {id}"),
        ("PUT", _ORDER, "updating order {id}"),
        ("DELETE", _ORDER, "cancelling order {id}"),
        ("POST", _ORDER + "/notes", "adding a note to order {id}"),
        ("POST", _ORDER + "/documents", "uploading a document"),
        ("GET", r"/orders/(?P<id>\d+)/documents/[^/]+", "downloading a document"),
        ("GET", _ORDER + "/availableActivations", "listing groups of order {id}"),
        ("POST", _ORDER + "/activate", "activating order {id}"),
        ("POST", "/portabilityChecks", "checking portability"),
        ("GET", "/configuration", "reading project defaults"),
        ("POST", "/configuration", "saving project defaults"),
        ("PUT", "/configuration", "saving project defaults"),
    )
)


def describe_request(method: str, path: str) -> str:
    """What a request does, in a few words: ``GET /orders/portIns/12`` is "reading order 12".

    ``path`` is relative to the project, as the resources name it; a path this table does
    not know is shown as it is sent.
    """
    method = method.upper()
    for known_method, pattern, text in _DESCRIPTIONS:
        match = pattern.match(path)
        if known_method == method and match is not None:
            return text.format(**match.groupdict())
    return f"{method} {path}"


class RequestActivity:
    """Counts the requests in flight and says what each is doing; listeners hear every change.

    It knows nothing of any user interface: a listener is a plain callable, called in the
    thread that sent the request (the one running the client's event loop).
    """

    def __init__(self) -> None:
        self._running: dict[int, str] = {}
        self._numbers = itertools.count()
        self._listeners: list[ActivityListener] = []

    @property
    def in_flight(self) -> int:
        return len(self._running)

    @property
    def descriptions(self) -> list[str]:
        """What each request in flight does, the oldest first."""
        return list(self._running.values())

    def summary(self) -> str:
        """The oldest request and how many more: "listing orders +2"; "" when none is in flight."""
        if not self._running:
            return ""
        oldest = next(iter(self._running.values()))
        more = len(self._running) - 1
        return f"{oldest} +{more}" if more else oldest

    def add_listener(self, listener: ActivityListener) -> Callable[[], None]:
        """Call ``listener`` after every change; returns the function that stops it."""
        self._listeners.append(listener)

        def remove() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return remove

    @contextmanager
    def request(self, description: str) -> Iterator[None]:
        """Count a request as in flight for the duration of the ``with`` block, however it ends."""
        number = next(self._numbers)
        self._running[number] = description
        self._changed()
        try:
            yield
        finally:
            # Also after a timeout, an error or a cancelled worker: the count never stays up.
            del self._running[number]
            self._changed()

    def _changed(self) -> None:
        for listener in list(self._listeners):
            try:
                listener()
            except Exception:
                # Whatever shows the activity must never turn a request into an error.
                logger.warning("A request activity listener failed", exc_info=True)
