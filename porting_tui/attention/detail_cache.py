"""The last observed picture of each order, kept so that unchanged orders are not fetched again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from porting_tui.local.order_state import OrderState
from porting_tui.local.seen_state import parse_time, time_text
from porting_tui.local.store import LocalStore

FEATURE = "order_observations"
SCHEMA_VERSION = 2
SCHEMA = [
    "CREATE TABLE IF NOT EXISTS order_observations ("
    " profile TEXT NOT NULL,"
    " order_id INTEGER NOT NULL,"
    " observed_at TEXT NOT NULL,"
    " changed_at TEXT NOT NULL,"
    " list_key TEXT,"
    " state TEXT NOT NULL,"
    " PRIMARY KEY (profile, order_id))",
    # Version 2 keeps the desired port date: details read before are read again once.
    "UPDATE order_observations SET list_key = NULL",
]


@dataclass(frozen=True)
class Observation:
    state: OrderState
    list_key: str | None
    """The order-list row's status and counters when the details were fetched."""
    observed_at: datetime
    changed_at: datetime
    """When the order last changed, as far as the app knows."""

    def is_fresh(self, row_key: str, now: datetime, note_check: timedelta) -> bool:
        """True when the list row still says what it said and no note check is due yet.

        A new note changes nothing of the list row, so the details of an open order are read
        again every ``note_check`` or so even when the row stays the same: each order a little
        earlier or later (``note_check_due``), so that orders read together are not all read
        again together.
        """
        return self.list_key == row_key and now < self.note_check_due(note_check)

    def note_check_due(self, note_check: timedelta) -> datetime:
        """When the details should be read again for notes, if nothing says so earlier."""
        return self.observed_at + note_check * note_check_share(self.state.order_id)


def note_check_share(order_id: int) -> float:
    """The order's own share of the note-check interval, 0.75 to 1.25, always the same."""
    # Knuth's multiplicative hash spreads neighbouring ids over the range.
    return 0.75 + ((order_id * 2654435761) % 2**32) / 2**33


class DetailCache:
    """Observations of one profile's orders: loaded once, written through."""

    def __init__(self, store: LocalStore, profile: str) -> None:
        store.ensure_schema(FEATURE, SCHEMA_VERSION, SCHEMA)
        self.store = store
        self.profile = profile
        self._loaded: dict[int, Observation] | None = None

    def all(self) -> dict[int, Observation]:
        if self._loaded is None:
            rows = self.store.query(
                "SELECT order_id, observed_at, changed_at, list_key, state "
                "FROM order_observations WHERE profile = ?",
                (self.profile,),
            )
            self._loaded = {
                row["order_id"]: Observation(
                    OrderState.from_json(row["state"]),
                    row["list_key"],
                    parse_time(row["observed_at"]),
                    parse_time(row["changed_at"]),
                )
                for row in rows
            }
        return self._loaded

    def get(self, order_id: int) -> Observation | None:
        return self.all().get(order_id)

    def remember(self, observation: Observation) -> None:
        """Hold ``observation`` as the order's latest, before (or without) writing it."""
        self.all()[observation.state.order_id] = observation

    def restore(self, order_id: int, observation: Observation | None) -> None:
        """Hold ``observation`` again as the order's latest (None: nothing is known of it)."""
        if observation is None:
            self.all().pop(order_id, None)
        else:
            self.all()[order_id] = observation

    def save(self, observation: Observation) -> None:
        """Write ``observation`` (inside a batch's transaction, as part of it)."""
        with self.store.transaction() as db:
            db.execute(
                "INSERT INTO order_observations(profile, order_id, observed_at, changed_at,"
                " list_key, state) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(profile, order_id) DO UPDATE SET observed_at = excluded.observed_at,"
                " changed_at = excluded.changed_at, list_key = excluded.list_key,"
                " state = excluded.state",
                (
                    self.profile,
                    observation.state.order_id,
                    time_text(observation.observed_at),
                    time_text(observation.changed_at),
                    observation.list_key,
                    observation.state.to_json(),
                ),
            )
        self.all()[observation.state.order_id] = observation
