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
    start_collector.hold()  # a second hold keeps the first one's thresholds to put back
    start_collector.release()
    assert not start_collector.held()
    assert gc.get_threshold() == (700, 10, 10)


def test_release_frees_the_start_garbage_and_freezes_the_survivors() -> None:
    gc.set_threshold(700, 10, 10)
    start_collector.hold()
    node = Node()
    node.itself = node
    gone = weakref.ref(node)
    del node
    frozen_before = gc.get_freeze_count()
    start_collector.release()
    assert gone() is None
    assert gc.get_freeze_count() > frozen_before


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
