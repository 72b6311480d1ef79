"""What the app runs on: who and where (profile, project, host), the client, a clock, settings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from porting_tui import paths
from porting_tui.client import PortingClient

if TYPE_CHECKING:
    from porting_tui.listing.attention_context import AttentionContext

MAX_PAGE_SIZE = 1000
MIN_REFRESH_SECONDS = 10.0
DEFAULT_REFRESH_SECONDS = 60.0
DEFAULT_PAGE_SIZE = 100
START_VIEWS = ("attention", "list")

DEMO_CHOICE = "--demo"
"""What the first-run screen answers when the user picks the demo instead of a profile."""


def local_now() -> datetime:
    return datetime.now().astimezone()


@dataclass(frozen=True)
class ListSettings:
    """Settings of the order list; out-of-range values are brought into range, not refused."""

    page_size: int = DEFAULT_PAGE_SIZE
    refresh_seconds: float = DEFAULT_REFRESH_SECONDS
    stale_days: int = 5
    """Needs attention flags a PENDING order with no change for longer than this."""
    detail_concurrency: int = 16
    """The most order details Needs attention reads at once in the background: it starts at 8
    (or this, when lower), halves on a 429 and grows back."""
    start_on: str = "attention"
    """What the app shows first: ``attention`` (once its first ranking is ready) or ``list``."""
    all_projects: bool = False
    """``--all``: Needs attention for every profile at once."""
    profiles: tuple[str, ...] = ()
    """``--profiles a,b``: Needs attention for these profiles at once."""

    def __post_init__(self) -> None:
        # A refresh faster than every 10 s would only spend the project's rate limit.
        object.__setattr__(self, "page_size", max(1, min(MAX_PAGE_SIZE, self.page_size)))
        object.__setattr__(
            self, "refresh_seconds", max(MIN_REFRESH_SECONDS, float(self.refresh_seconds))
        )
        if self.start_on not in START_VIEWS:
            raise ValueError(f"start_on must be one of {', '.join(START_VIEWS)}")


@dataclass(frozen=True)
class Session:
    """One run of the app on one profile; screens read it from ``app.session``."""

    profile_name: str
    project_id: str
    api_host: str
    client: PortingClient
    key_id: str = ""
    read_only: bool = False
    demo: bool = False
    color: str | None = None
    now: Callable[[], datetime] = local_now
    """The clock for "today" in filters and for refresh times; fixed in snapshot tests."""
    settings: ListSettings = field(default_factory=ListSettings)
    views_file: Path | None = None
    """Where saved views live; None means ``views.toml`` in the config directory."""
    downloads_dir: Path | None = None
    """Where exports go; None means the user's downloads directory."""
    webhook_listen: str | None = None
    """``host:port`` where the app runs a webhook receiver (the profile's webhook_listen)."""
    webhook_secret_env: str | None = None
    """The variable holding the secret webhook senders must show, if the profile asks for one."""
    attention: AttentionContext | None = None
    """Seen-state, Needs attention, timelines and the audit log; None runs the app without."""
    advance_demo_clock: Callable[[timedelta], object] | None = None
    """The demo's emulator moving its frozen clock on (``+`` in the app); None outside it."""
    desktop_notifications: bool = False
    """A bell and a desktop notification escape for new attention reasons while the terminal
    is not looked at (the profile's ``desktop_notifications``)."""

    def export_dir(self) -> Path:
        return self.downloads_dir or paths.downloads_dir()
