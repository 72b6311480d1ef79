"""Fixtures of every test: steady cursors and lasting toasts in every app (nothing on screen
depends on the wall clock), no file in the user's folders, and CSS parsed and emulator worlds
seeded once per worker."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.notifications import Notification
from textual.widgets import Input, TextArea

from porting_tui.emulator.app import Emulator

TOAST_SECONDS = 3600.0

SEED_EVERY_WORLD = Emulator._build_world
"""The emulator's own seeding, for tests of seeding itself (see ``worlds_seeded_once``)."""


@pytest.fixture(autouse=True, scope="session")
def css_parsed_once() -> Iterator[None]:
    """Each app parses every widget's CSS again (about a seventh of a TUI test's CPU); the
    suite builds hundreds of apps from the same CSS and themes, so a worker parses each
    source once. Rules are shared as a stylesheet already shares them between its own parses,
    and the theme's variables are part of the key."""
    parse_rules = Stylesheet._parse_rules
    seen: dict[tuple[Any, ...], list[RuleSet]] = {}

    def parse_rules_once(
        self: Stylesheet,
        css: str,
        read_from: Any,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        variables = tuple(sorted(self._variables.items()))
        key = (css, read_from, is_default_rules, tie_breaker, scope, variables)
        rules = seen.get(key)
        if rules is None:
            rules = seen[key] = parse_rules(
                self, css, read_from, is_default_rules, tie_breaker, scope
            )
        return rules

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Stylesheet, "_parse_rules", parse_rules_once)
        yield


@pytest.fixture(autouse=True)
def steady_cursors(monkeypatch: pytest.MonkeyPatch) -> None:
    """Input and TextArea cursors do not blink: a snapshot taken on a busy machine must not
    depend on which half of the blink its half-second timer happened to be in."""
    for widget in (Input, TextArea):
        monkeypatch.setattr(widget.__dict__["cursor_blink"], "_default", False)


@pytest.fixture(autouse=True)
def private_state_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Config, data, cache and state of a test (its local store, audit log, drafts, crash
    reports) live in tmp_path, never in the folders of its runner: a second copy of the suite
    running beside this one must not see them."""
    for name in ("CONFIG", "DATA", "CACHE", "STATE"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(tmp_path / f"xdg-{name.lower()}"))
    return tmp_path / "xdg-state"


@pytest.fixture(autouse=True)
def lasting_toasts(monkeypatch: pytest.MonkeyPatch) -> None:
    """A toast stays until the test ends: it would expire after a few seconds of wall clock,
    which a busy machine can spend between the message and the snapshot or check of it."""
    monkeypatch.setattr(Notification, "time_left", property(lambda _: TOAST_SECONDS))


@pytest.fixture(autouse=True, scope="session")
def worlds_seeded_once() -> Iterator[None]:
    """Seeding plays 180 days of history (about 0.1 s for the demo's 420 orders) and the suite
    builds hundreds of emulators from a few (seed, orders, start): a worker seeds each world
    once and gives every later emulator a copy of it. The seeded world is a pure function of
    those settings, and the copy shares nothing with the first. The emulator's own tests seed
    every world (``SEED_EVERY_WORLD``): with copies, "same seed, same data" would hold by
    construction."""
    build_world = SEED_EVERY_WORLD
    seeded: dict[tuple[Any, ...], bytes] = {}

    def build_world_once(self: Emulator) -> None:
        settings = self.settings
        if settings.start is None or settings.orders == 0:
            build_world(self)  # a world seeded at "now" is never seeded again
            return
        key = (
            settings.orders,
            settings.seed,
            self.start,
            settings.key_id,
            settings.wire_style,
            settings.max_numbers,
        )
        world = seeded.get(key)
        if world is None:
            build_world(self)
            # The event log is the emulator's own (and muted while seeding): not copied.
            self.lifecycle.events = None  # type: ignore[assignment]
            world = seeded[key] = pickle.dumps((self.store, self.lifecycle, self.book))
        self.store, self.lifecycle, self.book = pickle.loads(world)  # bytes this worker pickled
        self.lifecycle.events = self.events

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Emulator, "_build_world", build_world_once)
        yield
