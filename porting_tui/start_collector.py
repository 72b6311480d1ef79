"""The garbage collector held back while the program starts.

Starting makes tens of thousands of objects that live as long as the process: modules,
classes, CSS rules, widgets. Every collection while they pile up walks them again and frees
almost nothing; in the app's launch that was about 30 ms of half a second (bench/launch.py).
So the collector waits until the start is over (the first page of orders drawn, or a command
about to do its work); then one collection frees the start's garbage, ``gc.freeze`` sets the
survivors aside so that later full collections skip them, and collection runs as usual.

On its way out, Python collects once more over everything still alive: about 30 ms of an
``orders list`` of 0.23 s. ``before_exit`` freezes all of it instead; objects alive at exit
need not be finalized (the language does not promise it), and what the program writes is
closed or flushed explicitly before that.

``hold`` only ever raises the thresholds, never disables collection: a path that forgets to
call ``release`` collects less often, and still collects.
"""

from __future__ import annotations

import gc

START_THRESHOLD = 100_000
"""New objects between two young collections while starting (CPython's default is 700)."""

_held: tuple[int, int, int] | None = None
"""The thresholds to put back on release; None when not held."""


def hold() -> None:
    """Collect rarely from now until ``release`` (a second hold changes nothing)."""
    global _held
    if _held is not None:
        return
    current = gc.get_threshold()
    if current[0] == 0:
        return  # someone turned automatic collection off; leave it be
    _held = current
    gc.set_threshold(max(START_THRESHOLD, current[0]), *current[1:])


def release() -> None:
    """The start is over: free its garbage, freeze what survived, collect as before."""
    global _held
    if _held is None:
        return
    thresholds, _held = _held, None
    gc.collect()
    gc.freeze()
    gc.set_threshold(*thresholds)


def held() -> bool:
    """Whether the start's hold is on."""
    return _held is not None


def before_exit() -> None:
    """The program is about to end: skip the interpreter's last full collection."""
    gc.freeze()
