"""The collector held while starting: thresholds raised, then put back with the start frozen."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from porting_tui import start_collector


class Node:
    itself: object = None


@pytest.fixture(autouse=True)
def thresholds_restored() -> Iterator[None]:
    before = gc.get_threshold()
    yield
    start_collector.release()
    gc.set_threshold(*before)
    gc.unfreeze()


def test_hold_raises_the_young_threshold_and_release_puts_it_back() -> None:
    gc.set_threshold(700, 10, 10)
    start_collector.hold()
    assert start_collector.held()
    assert gc.get_threshold() == (start_collector.START_THRESHOLD, 10, 10)
    # The app's start holds further; release still puts back the thresholds from before.
    start_collector.hold(start_collector.APP_START_THRESHOLD)
    assert gc.get_threshold() == (start_collector.APP_START_THRESHOLD, 10, 10)
    start_collector.hold()  # a lower hold does not lower it
    assert gc.get_threshold() == (start_collector.APP_START_THRESHOLD, 10, 10)
    start_collector.release()
    assert not start_collector.held()
    assert gc.get_threshold() == (700, 10, 10)


def test_release_freezes_what_the_start_made_without_collecting_first() -> None:
    gc.set_threshold(700, 10, 10)
    start_collector.hold()
    node = Node()
    node.itself = node
    kept = weakref.ref(node)
    del node
    frozen_before = gc.get_freeze_count()
    start_collector.release()
    assert gc.get_freeze_count() > frozen_before
    # The start's cycle was frozen, not collected: a collection is the pause release avoids.
    gc.collect()
    assert kept() is not None


def test_release_without_hold_does_nothing() -> None:
    frozen_before = gc.get_freeze_count()
    start_collector.release()
    assert gc.get_freeze_count() == frozen_before


def test_collection_switched_off_is_left_off() -> None:
    gc.set_threshold(0, 10, 10)
    start_collector.hold()
    assert not start_collector.held()
    assert gc.get_threshold() == (0, 10, 10)


def test_before_exit_freezes_what_is_alive() -> None:
    frozen_before = gc.get_freeze_count()
    start_collector.before_exit()
    assert gc.get_freeze_count() > frozen_before
