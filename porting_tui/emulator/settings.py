"""Settings of one emulator instance and the demo credentials it accepts by default."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from porting_tui.emulator.dates import WireStyle

DEMO_PROJECT_ID = "demo-project"
DEMO_KEY_ID = "demo-key"
DEMO_KEY_SECRET = "demo-secret"  # noqa: S105 - a published demo credential, not a secret

# The name Sinch's porting team signs its notes with, and the user of automatic activations.
SINCH_PORTING = "Sinch Porting"


@dataclass(frozen=True)
class EmulatorSettings:
    """Everything that shapes an emulator: seed data, virtual clock, faults and credentials.

    The seed data is a pure function of (seed, orders, start): two emulators built with the
    same three values hold the same orders, notes and documents.
    """

    orders: int = 0
    """How many orders to seed, spread over the 180 virtual days before ``start``."""
    seed: int = 0
    speed: float = 1.0
    """Virtual seconds per real second; 0 freezes the clock (only explicit advances move it)."""
    start: datetime | None = None
    """Virtual time at creation (aware, UTC); None means the real time now."""
    faults: str | None = None
    """Fault spec such as ``429=0.1,500=0.05,slow=0.1:5s`` (see ``faults.py``)."""
    token_lifetime: int = 3600
    """Lifetime of OAuth2 access tokens, in real seconds."""
    project_id: str = DEMO_PROJECT_ID
    key_id: str = DEMO_KEY_ID
    key_secret: str = DEMO_KEY_SECRET
    max_numbers: int = 500
    webhook_delivery: bool = True
    """False keeps webhook events in the log only, without POSTing them."""
    wire_style: WireStyle = "date"
    """How ``createdDate`` and ``authorizingDate`` are answered: ``date`` as the OpenAPI file
    (``2024-09-24``), ``date-time`` as the reference's samples (``2024-09-24T12:00:00.000Z``).
    Requests are read in either style whatever this says."""
    latency_ms: float = 0.0
    """Every API answer comes this many milliseconds late, as over a real network."""
