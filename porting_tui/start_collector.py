"""The garbage collector held back while the program starts.

Starting makes over a hundred thousand objects that live as long as the process: modules,
classes, CSS rules, widgets. Every collection while they pile up walks them again and frees
almost nothing: on this project's 2-core box one young collection in the app's launch took
about 40 ms, and a full one after it 55 ms (bench/launch.py). So the collector waits until the
start is over (the first page of orders drawn); then ``gc.freeze`` sets everything alive aside,
so that later full collections skip it, and collection runs as usual.

``release`` does not collect before it freezes. That collection would find the start's cycles
(about 7,000 objects, under 2 MB, in the app's launch) and cost those 55 ms right when the first
frame is being written: Textual writes from a thread, which waits for the interpreter lock that
a collection holds. Keeping a start's garbage is the cheaper side of that trade.

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

APP_START_THRESHOLD = 1_000_000
"""The same for the app's start: it makes about 130,000 objects before its first rows, and a
young collection before then would stall them (a command, which stays held, collects more
often: a long one such as the emulator keeps its young collections short)."""

_held: tuple[int, int, int] | None = None
"""The thresholds to put back on release; None when not held."""


def hold(threshold: int = START_THRESHOLD) -> None:
    """Collect at most every ``threshold`` new objects from now until ``release``; a second hold
    may raise it further, and release still puts back the thresholds from before the first."""
    global _held
    current = gc.get_threshold()
    if current[0] == 0:
        return  # someone turned automatic collection off; leave it be
    if _held is None:
        _held = current
    gc.set_threshold(max(threshold, current[0]), *current[1:])


def release() -> None:
    """The start is over: freeze what it made (no collection first: see above), then collect
    as before."""
    global _held
    if _held is None:
        return
    thresholds, _held = _held, None
    gc.freeze()
    gc.set_threshold(*thresholds)


def held() -> bool:
    """Whether the start's hold is on."""
    return _held is not None


def before_exit() -> None:
    """The program is about to end: skip the interpreter's last full collection."""
    gc.freeze()
