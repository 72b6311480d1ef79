"""An emulator of the Sinch Porting API v1: the demo's engine and the tests' real server.

It is an independent reading of the contract (it shares no code with ``porting_tui.client``),
served by Starlette in-process (``httpx.ASGITransport``) or over HTTP (uvicorn).
"""

from porting_tui.emulator.app import Emulator, create_emulator
from porting_tui.emulator.settings import (
    DEMO_KEY_ID,
    DEMO_KEY_SECRET,
    DEMO_PROJECT_ID,
    EmulatorSettings,
)

__all__ = [
    "DEMO_KEY_ID",
    "DEMO_KEY_SECRET",
    "DEMO_PROJECT_ID",
    "Emulator",
    "EmulatorSettings",
    "create_emulator",
]
