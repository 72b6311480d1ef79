"""PerNumberStep: a form whose values apply to every number, or override them for one number."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Label, Select, Static

from porting_tui.domain.draft_checks import DraftProblem
from porting_tui.domain.draft_fields import FormField
from porting_tui.domain.preflight import Finding
from porting_tui.tui.screens.create_order.wizard_step import WizardStep
from porting_tui.tui.widgets.preflight_panel import concerning
from porting_tui.tui.widgets.wizard_field_form import WizardFieldForm

ALL_NUMBERS = "*"
"""The scope value meaning "the values shared by every number"."""
_VOICE_PATHS = ("voiceConfiguration.type", "voiceConfiguration.id")


class PerNumberStep(WizardStep):
    """Shows the shared values, or one number's (its own values are marked ✎ and in colour)."""

    SECTIONS: ClassVar[tuple[tuple[str, tuple[FormField, ...]], ...]]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+l", "choose_scope", "Choose number"),
        Binding("ctrl+g", "use_shared", "Use shared values", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Horizontal(classes="scope-row"):
            yield Label("Applies to", markup=False)
            yield Select(
                [("All numbers", ALL_NUMBERS)],
                value=ALL_NUMBERS,
                allow_blank=False,
                compact=True,
                id="scope",
            )
        yield Static("", classes="step-problems", markup=False)
        with VerticalScroll(classes="form-scroll"):
            yield WizardFieldForm(self.SECTIONS, today=self.context.today)

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(field.path for _, fields in self.SECTIONS for field in fields)

    @property
    def scope(self) -> str | None:
        """The number being edited, or None for the values of every number."""
        value = self.query_one("#scope", Select).value
        return None if value in (ALL_NUMBERS, Select.NULL) else str(value)

    def _has_own_values(self, number: str) -> bool:
        own = self.draft.overrides.get(number, {})
        return any(path in own for path in self.paths)

    def _scope_options(self) -> list[tuple[str, str]]:
        options = [(f"All numbers ({len(self.draft.numbers)})", ALL_NUMBERS)]
        for number in self.draft.numbers:
            mark = "  ✎ own values" if self._has_own_values(number) else ""
            options.append((f"{number}{mark}", number))
        return options

    def entered(self) -> None:
        scope = self.query_one("#scope", Select)
        current = self.scope
        with self.prevent(Select.Changed):
            scope.set_options(self._scope_options())
            scope.value = current if current in self.draft.numbers else ALL_NUMBERS
        self._show_values()
        self.set_problems_text("")
        self.query_one(WizardFieldForm).reveal_secrets(self.context.reveal_secrets)
        self._focus_first_field()

    def _focus_first_field(self) -> None:
        self.query_one(WizardFieldForm).field_widget(self.paths[0]).focus()

    def _show_values(self) -> None:
        number = self.scope
        form = self.query_one(WizardFieldForm)
        if number is None:
            form.set_values(self.draft.common)
        else:
            own = self.draft.overrides.get(number, {})
            form.set_values(self.draft.values_for(number), [p for p in self.paths if p in own])
        form.show_errors({})
        self.values_shown()
        self.post_message(self.ShowsOther())

    def values_shown(self) -> None:
        """The form shows another scope or its values changed (subclasses adapt labels)."""

    @on(Select.Changed, "#scope")
    def _scope_changed(self) -> None:
        self._show_values()
        self.set_problems_text("")

    @on(WizardFieldForm.ValueChanged)
    def _value_changed(self, event: WizardFieldForm.ValueChanged) -> None:
        number = self.scope
        if number is not None and event.path in _VOICE_PATHS:
            # A number's own voice route is a type and an id together.
            values = self.draft.values_for(number)
            for path in _VOICE_PATHS:
                self.draft.set_value(number, path, values.get(path, ""))
        self.draft.set_value(number, event.path, event.value)
        if number is not None:
            own = self.draft.overrides.get(number, {})
            row = self.query_one(f"#row-f-{event.path.replace('.', '-')}")
            row.set_class(event.path in own, "-overridden")
        self.values_shown()
        self.changed()

    def action_choose_scope(self) -> None:
        self.query_one("#scope", Select).focus()

    def action_use_shared(self) -> None:
        number = self.scope
        if number is None:
            return
        self.draft.clear_overrides(number, self.paths)
        self.entered()
        self.changed()
        self.notify(f"{number} now uses the values shared by all numbers.", markup=False)

    def show_problems(self, problems: list[DraftProblem]) -> None:
        if not problems:
            return
        first = problems[0]
        scope = self.query_one("#scope", Select)
        with self.prevent(Select.Changed):
            scope.set_options(self._scope_options())
            scope.value = first.number if first.number else ALL_NUMBERS
        self._show_values()
        in_scope = {p.path: p.message for p in problems if p.number == first.number}
        widget = self.query_one(WizardFieldForm).show_errors(in_scope)
        others = [str(p) for p in problems if p.number != first.number]
        summary = f"{len(problems)} to fix before going on"
        if first.number:
            summary += f" (showing {first.number}'s own values)"
        if others:
            summary += ": " + "; ".join(others[:3]) + (" …" if len(others) > 3 else "")
        self.set_problems_text(summary)
        if widget is not None:
            widget.focus()

    def secrets_toggled(self) -> None:
        self.query_one(WizardFieldForm).reveal_secrets(self.context.reveal_secrets)

    def findings_shown(self, findings: list[Finding]) -> list[Finding]:
        """The step's findings about the numbers in scope: all, or the number chosen."""
        mine = super().findings_shown(findings)
        number = self.scope
        return mine if number is None else concerning(mine, [number])

    def show_findings(self, findings: list[Finding]) -> list[Finding]:
        return self.query_one(WizardFieldForm).show_findings(findings)
