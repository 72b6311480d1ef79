"""Step 4: voice routing (RTC, EST or FAX), SMS app and an optional E911 address."""

from __future__ import annotations

from porting_tui.domain.draft_fields import E911_FORM, ROUTING_FORM, VOICE_ID_LABELS, Step
from porting_tui.tui.screens.create_order.per_number_step import PerNumberStep
from porting_tui.tui.widgets.wizard_field_form import WizardFieldForm


class RoutingStep(PerNumberStep):
    STEP = Step.ROUTING
    HINT = "Where calls and messages go once ported; ctrl+l picks one number's values."
    SECTIONS = (("Voice and SMS", ROUTING_FORM), ("E911 address (optional)", E911_FORM))

    def values_shown(self) -> None:
        number = self.scope
        values = self.draft.common if number is None else self.draft.values_for(number)
        voice_type = values.get("voiceConfiguration.type", "")
        form = self.query_one(WizardFieldForm)
        form.set_field_label("voiceConfiguration.id", VOICE_ID_LABELS.get(voice_type, "Voice id"))
        form.set_field_visible("voiceConfiguration.id", bool(voice_type))
