"""SaveViewDialog: ask for the name under which the current filters become a view tab, and
whether the view is for this profile only or for all of them."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Checkbox, Input, Label, Static

from porting_tui.local.saved_views import (
    DEMO_PROFILE,
    SavedViewsError,
    profile_label,
    validate_name,
)
from porting_tui.tui.dialogs.confirm_dialog import ConfirmDialog
from porting_tui.tui.dialogs.dialog import Dialog


@dataclass(frozen=True)
class ViewName:
    """The answer: the view's name and whether every profile is to see it."""

    name: str
    all_profiles: bool = False


class SaveViewDialog(Dialog[ViewName | None]):
    """Returns the chosen name and scope, or None when cancelled; an existing name is replaced
    only after a confirmation."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    SaveViewDialog {
        & > #dialog { width: 60; }
        & #summary { color: $text-muted; }
        & #where { color: $text-muted; }
        & #error { color: $text-error; }
    }
    """

    def __init__(
        self,
        summary: str,
        taken: Mapping[str, bool],
        reserved: list[str],
        suggestion: str = "",
        *,
        profile: str,
        used_elsewhere: Collection[str] = (),
    ) -> None:
        """``taken`` maps the names of the saved views ``profile`` sees to whether they are
        all-profiles views; ``used_elsewhere`` names other profiles' views."""
        super().__init__()
        self._summary = summary
        self._taken = dict(taken)
        self._reserved = {name.casefold() for name in reserved}
        self._suggestion = suggestion
        self._profile = profile
        self._used_elsewhere = frozenset(used_elsewhere)
        # Nothing made in the demo may show on a real profile.
        self._demo = profile == DEMO_PROFILE

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Save the current filters as a view"
            yield Static(self._summary or "no filters: every order", id="summary", markup=False)
            yield Label("Name")
            yield Input(self._suggestion, placeholder="ACME last 7 days", id="name", compact=True)
            yield Checkbox("All profiles", id="all-profiles", compact=True, disabled=self._demo)
            yield Static(self._where(), id="where", markup=False)
            yield Static(id="error", markup=False)
            keys = (
                "enter save · esc cancel"
                if self._demo
                else "enter save · tab, space: all profiles · esc cancel"
            )
            yield Static(keys, markup=False)

    @property
    def _all_profiles(self) -> bool:
        return self.query_one("#all-profiles", Checkbox).value

    def _where(self, all_profiles: bool = False) -> str:
        if all_profiles:
            return "Saved for every profile"
        if self._demo:
            return "Saved to the demo only: views made in the demo never show on a real profile"
        return f"Saved to {profile_label(self._profile)}"

    def _blocker(self, name: str) -> str:
        """Why ``name`` cannot be saved as chosen; "" when it can."""
        if self._demo and self._taken.get(name):
            return (
                f"{name!r} is shared by all profiles and cannot be changed from the demo; "
                "pick another name"
            )
        if self._all_profiles and name in self._used_elsewhere:
            return (
                f"another profile has a view {name!r}; an all-profiles view needs a name "
                "no profile uses"
            )
        return ""

    def _show_problem(self) -> None:
        name = self.query_one("#name", Input).value.strip()
        problem = self._blocker(name) if name else ""
        if not problem and name in self._taken:
            problem = f"{name!r} exists: enter asks before replacing it"
        self.query_one("#error", Static).update(problem)

    @on(Input.Changed)
    def _changed(self) -> None:
        self._show_problem()

    @on(Checkbox.Changed, "#all-profiles")
    def _scope_changed(self, event: Checkbox.Changed) -> None:
        self.query_one("#where", Static).update(self._where(event.value))
        self._show_problem()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        try:
            name = validate_name(event.value)
        except SavedViewsError as error:
            self.query_one("#error", Static).update(str(error))
            return
        if name.casefold() in self._reserved:
            self.query_one("#error", Static).update(f"{name!r} is a built-in view; pick another")
            return
        blocker = self._blocker(name)
        if blocker:
            self.query_one("#error", Static).update(blocker)
            return
        all_profiles = self._all_profiles
        if name not in self._taken:
            self.dismiss(ViewName(name, all_profiles))
            return

        def answered(replace: bool | None) -> None:
            if replace:
                self.dismiss(ViewName(name, all_profiles))
            else:
                self.query_one("#name", Input).focus()

        self.app.push_screen(
            ConfirmDialog(
                "Replace the view?",
                self._replace_question(name, all_profiles),
                "Replace",
                "Keep it",
            ),
            answered,
        )

    def _replace_question(self, name: str, all_profiles: bool) -> str:
        summary = self._summary or "no filters: every order"
        shared = self._taken[name]
        if shared and not all_profiles:
            return (
                f"The view {name!r} is shared by all profiles. Replace it with these filters "
                f"for {profile_label(self._profile)} only? The other profiles lose it.\n{summary}"
            )
        if all_profiles and not shared:
            return (
                f"A view named {name!r} exists. Replace it with these filters, "
                f"shared by all profiles?\n{summary}"
            )
        return f"A view named {name!r} exists. Replace its filters with these?\n{summary}"

    def action_cancel(self) -> None:
        self.dismiss(None)
