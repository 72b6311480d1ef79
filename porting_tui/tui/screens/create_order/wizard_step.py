"""WizardStep: the base of the six steps, and what they need from the wizard (WizardContext)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import ClassVar, Protocol

from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from porting_tui.client import PortingClient
from porting_tui.domain.draft_checks import DraftProblem
from porting_tui.domain.draft_fields import Step
from porting_tui.domain.order_draft import OrderDraft


class WizardSession(Protocol):
    """What the wizard reads from the app's session (``porting_tui.tui.session.Session``)."""

    @property
    def profile_name(self) -> str: ...
    @property
    def project_id(self) -> str: ...
    @property
    def client(self) -> PortingClient: ...
    @property
    def read_only(self) -> bool: ...
    @property
    def now(self) -> Callable[[], datetime]: ...
    def export_dir(self) -> Path: ...


@dataclass
class WizardContext:
    """Shared by the steps: the session, the draft being edited and the secrets toggle."""

    session: WizardSession
    draft: OrderDraft
    reveal_secrets: bool = False

    def today(self) -> date:
        return self.session.now().date()


class WizardStep(Vertical):
    """One step: shows the draft, writes the user's edits into it, and shows its problems."""

    STEP: ClassVar[Step]
    HINT: ClassVar[str] = ""
    """One line under the step title saying what the step wants."""

    class Changed(Message):
        """The step changed the draft (the wizard saves it)."""

    def __init__(self, context: WizardContext) -> None:
        super().__init__(id=f"step-{self.STEP.name.lower()}", classes="wizard-step")
        self.context = context

    @property
    def draft(self) -> OrderDraft:
        return self.context.draft

    def set_problems_text(self, text: str) -> None:
        """Show (or with "" hide) the line of problems at the top of the step."""
        line = self.query_one(".step-problems", Static)
        line.update(text)
        line.display = bool(text)

    def changed(self) -> None:
        self.post_message(self.Changed())

    def entered(self) -> None:
        """The step became visible: show the draft as it is now."""

    def show_problems(self, problems: list[DraftProblem]) -> None:
        """Show what must be fixed before going on, and focus the first faulty field."""

    def secrets_toggled(self) -> None:
        """``context.reveal_secrets`` changed."""
