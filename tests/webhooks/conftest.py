"""Fixtures: a private data directory and local store per test, and a receiver on it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from porting_tui.local.store import LocalStore
from porting_tui.webhooks import WebhookEventStore

RECEIVED_AT = datetime(2026, 11, 27, 13, 40, 2, tzinfo=UTC)


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


@pytest.fixture
def local_store(tmp_path: Path) -> Iterator[LocalStore]:
    store = LocalStore.open(tmp_path / "state.sqlite3")
    yield store
    store.close()


@pytest.fixture
def events(local_store: LocalStore) -> WebhookEventStore:
    return WebhookEventStore(local_store, now=lambda: RECEIVED_AT)
