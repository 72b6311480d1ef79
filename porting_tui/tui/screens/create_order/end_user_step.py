"""Step 3: the end user's address and the port-out data, for all numbers or one number."""

from __future__ import annotations

from porting_tui.domain.draft_fields import END_USER_FORM, PORT_OUT_FORM, Step
from porting_tui.tui.screens.create_order.per_number_step import PerNumberStep


class EndUserStep(PerNumberStep):
    STEP = Step.END_USER
    HINT = "Exactly as on the losing carrier's bill; ctrl+l picks one number's values."
    SECTIONS = (
        ("End user", END_USER_FORM),
        ("Port-out data from the losing carrier (ctrl+r shows PINs)", PORT_OUT_FORM),
    )
