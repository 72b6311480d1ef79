"""A tiny app hosting the wizard, a session on the in-process emulator, and driving helpers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, Select, TextArea

from porting_tui.client import PortingClient
from porting_tui.domain.draft_fields import Step
from porting_tui.domain.order_draft import OrderDraft, PortabilityRecord
from porting_tui.emulator import (
    DEMO_PROJECT_ID,
    Emulator,
    EmulatorSettings,
    create_emulator,
)
from porting_tui.listing.attention_context import AttentionContext
from porting_tui.local.drafts import DraftStore
from porting_tui.tui.screens.create_order.create_order_screen import CreateOrderScreen
from porting_tui.tui.widgets.wizard_field_form import field_dom_id
from tests.support import demo_client
from tests.support import settle as settle

START = datetime(2026, 11, 27, 14, 0, tzinfo=UTC)
"""A Friday; the next business day is Monday 2026-11-30."""
CREATE_PATH = f"/v1/projects/{DEMO_PROJECT_ID}/orders/portIns"
REFERENCE = "ACME-WIZARD-1"

END_USER = {
    "endUser.name": "Acme Inc",
    "endUser.streetNum": "233",
    "endUser.streetName": "Wacker",
    "endUser.city": "Chicago",
    "endUser.state": "IL",
    "endUser.zipCode": "60606",
    "portOutInfo.existingPortOutPin": "4321",
    "portOutInfo.accountNum": "ACC-1",
}


def make_emulator() -> Emulator:
    return create_emulator(EmulatorSettings(orders=0, seed=7, speed=0, start=START))


make_client = demo_client
"""A client of the demo project that never sleeps, as the wizard tests call it."""


@dataclass
class WizardSession:
    """The part of the app's session the wizard uses."""

    client: PortingClient
    downloads: Path
    profile_name: str = "acme-test"
    project_id: str = DEMO_PROJECT_ID
    read_only: bool = False
    now: Callable[[], datetime] = field(default=lambda: START)
    attention: AttentionContext | None = None

    def export_dir(self) -> Path:
        return self.downloads


class WizardApp(App[None]):
    """Opens the wizard at start and records the orders it reports as created."""

    def __init__(
        self, session: WizardSession, drafts: DraftStore | None, **screen_options: object
    ) -> None:
        super().__init__()
        self.session = session
        self.drafts = drafts
        self.screen_options = screen_options
        self.created: list[int] = []

    def on_mount(self) -> None:
        self.push_screen(self.make_wizard())

    def make_wizard(self) -> CreateOrderScreen:
        options = dict(self.screen_options)
        options.setdefault("make_reference", lambda now: "PT-GENERATED-1")
        return CreateOrderScreen(
            self.session,
            self.drafts,
            on_created=self.created.append,
            **options,  # type: ignore[arg-type]
        )

    @property
    def wizard(self) -> CreateOrderScreen:
        screen = self.screen
        assert isinstance(screen, CreateOrderScreen), f"on {type(screen).__name__}"
        return screen


def wizard(pilot: Pilot[None]) -> CreateOrderScreen:
    screen = pilot.app.screen
    assert isinstance(screen, CreateOrderScreen), f"on {type(screen).__name__}"
    return screen


async def paste_numbers(pilot: Pilot[None], text: str) -> None:
    area = wizard(pilot).query_one("#numbers-text", TextArea)
    area.focus()
    await pilot.pause()
    pilot.app.post_message(events.Paste(text))
    await settle(pilot)


def field_widget(pilot: Pilot[None], path: str) -> Widget:
    step = wizard(pilot).current_step
    return step.query_one(f"#{field_dom_id(path)}")


async def fill(pilot: Pilot[None], values: dict[str, str]) -> None:
    """Type each value into its field of the current step (selects are picked)."""
    for path, value in values.items():
        widget = field_widget(pilot, path)
        widget.focus()
        if isinstance(widget, Select):
            widget.value = value
        else:
            assert isinstance(widget, Input)
            widget.value = value
    await settle(pilot)


async def choose_scope(pilot: Pilot[None], number: str | None) -> None:
    scope = wizard(pilot).current_step.query_one("#scope", Select)
    scope.value = number or "*"
    await settle(pilot)


async def next_step(pilot: Pilot[None]) -> Step:
    await pilot.press("ctrl+right")
    await settle(pilot)
    return wizard(pilot).draft.step


def value_of(pilot: Pilot[None], path: str) -> str:
    widget = field_widget(pilot, path)
    if isinstance(widget, Select):
        return "" if widget.value is Select.NULL else str(widget.value)
    assert isinstance(widget, Input)
    return widget.value


def error_of(pilot: Pilot[None], path: str) -> str:
    step = wizard(pilot).current_step
    line = step.query_one(f"#error-{field_dom_id(path)}")
    return str(line.render())


def ready_draft(step: Step, numbers: list[str] | None = None) -> OrderDraft:
    """A draft filled in up to ``step`` (as if typed and saved), to start the wizard there."""
    numbers = numbers or ["+13125550100", "+12125550100"]
    draft = OrderDraft(step=step, numbers_text="\n".join(numbers))
    draft.set_numbers(numbers)
    draft.portability = {
        number: PortabilityRecord(portable=True, carrier=CARRIERS.get(number, "Bandwidth"))
        for number in numbers
    }
    draft.common.update(END_USER)
    draft.order.update(
        {
            "desiredPortSchedule.desiredPortDate": "2026-11-30",
            "desiredPortSchedule.desiredPortTime": "09:00:00",
            "desiredPortSchedule.desiredPortTimeZone": "US/Eastern",
            "customerOrderReference": REFERENCE,
        }
    )
    return draft


CARRIERS = {
    "+13125550100": "Bandwidth",
    "+12125550100": "T-Mobile",
    "+14165550123": "Cogeco",
}
"""What the emulator's portability check says about the numbers the tests use."""
