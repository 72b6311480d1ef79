"""WizardFieldForm: labelled inputs of the order wizard, each bound to one API field path."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from porting_tui.domain.draft_fields import FormField
from porting_tui.domain.preflight import Finding, Severity
from porting_tui.listing.filters import parse_date
from porting_tui.tui.widgets.form_keys import IMMEDIATE_FOCUS_KEYS
from porting_tui.tui.widgets.preflight_panel import by_field


def _same(text: Content | None) -> tuple[str, tuple[object, ...]] | None:
    """What tells two lines apart (Content's own equality compares the text only)."""
    return None if text is None else (text.plain, tuple(text.spans))


def _set_class(widget: Widget, on: bool, name: str) -> None:
    # Changing classes restyles the widget; most calls change nothing, so skip those.
    if widget.has_class(name) != on:
        widget.set_class(on, name)


DATE_HINT = "YYYY-MM-DD"
"""The hint of every date field in the field table: how a date field is known."""
DATE_PLACEHOLDER = "e.g. 2026-12-15, today, +3d"


def is_date_field(field: FormField) -> bool:
    return field.hint == DATE_HINT


def placeholder_for(field: FormField) -> str:
    """The field's hint as a placeholder that cannot pass for a typed value.

    An example value gets "e.g."; a description (lower case: "optional") stays as it is.
    """
    hint = field.hint
    if is_date_field(field):
        return DATE_PLACEHOLDER
    if not hint or hint[0].islower():
        return hint
    return f"e.g. {hint}"


def relative_day(text: str, today: date) -> str | None:
    """``today``, ``+3d``, ``-1w`` and the like as YYYY-MM-DD; None for anything else.

    Only forms that cannot be the start of an absolute date are read, so typing
    ``2026-12-15`` is never rewritten halfway.
    """
    cleaned = text.strip()
    if not cleaned or cleaned[0].isdigit():
        return None
    try:
        return parse_date(cleaned, today).isoformat()
    except ValueError:
        return None


def field_dom_id(path: str) -> str:
    """A DOM id for a field path (ids cannot hold dots)."""
    return "f-" + path.replace(".", "-")


class WizardFieldForm(Vertical):
    """One row per field: label, input (or a list to pick from), the field's error line (what
    blocks) and its pre-flight line (what a carrier is likely to reject; never blocks)."""

    BINDINGS: ClassVar[list[BindingType]] = IMMEDIATE_FOCUS_KEYS

    DEFAULT_CSS = """
    WizardFieldForm {
        height: auto;
        layout: grid;
        grid-size: 2;
        grid-columns: 20 1fr;
        grid-rows: auto;
        /* A blank line above each section but the first; padding, since margins of grid
           cells do not add to the row's height. */
        & .wizard-section {
            column-span: 2; color: $accent; text-style: bold; padding-top: 1; height: 2;
            text-wrap: nowrap; text-overflow: ellipsis;
        }
        & .wizard-section.-first { padding-top: 0; height: 1; }
        & .wizard-label { color: $text-muted; height: 1; }
        & .wizard-label.-overridden { color: $accent; text-style: bold; }
        & Input, & Select { width: 1fr; height: 1; }
        & Input.-invalid { background: $error 25%; }
        /* Dim and italic: an example must not look like a value already filled in. */
        & Input > .input--placeholder { color: $text-disabled; text-style: italic; }
        & .wizard-field-error {
            column-span: 2; color: $error; padding-left: 20; height: auto; display: none;
        }
        & .wizard-field-error.-shown { display: block; }
        & .wizard-field-error.-note { color: $text-muted; }
        /* Pre-flight: what a carrier is likely to reject. Never blocks, so never red. In the
           input's column behind an empty cell, not spanning both with a padding: the grid
           sizes a spanning cell's height for one column's width, leaving blank lines. */
        & .wizard-field-warning, & .wizard-warning-gap { height: auto; display: none; }
        & .wizard-field-warning { color: $text-warning; }
        & .wizard-field-warning.-shown, & .wizard-warning-gap.-shown { display: block; }
        & .wizard-field-warning.-advice { color: $text-muted; }
    }
    """

    class ValueChanged(Message):
        """The user changed the value of ``path`` to ``value``."""

        def __init__(self, form: WizardFieldForm, path: str, value: str) -> None:
            super().__init__()
            self.form = form
            self.path = path
            self.value = value

    def __init__(
        self,
        sections: Sequence[tuple[str, Sequence[FormField]]],
        *,
        today: Callable[[], date] = date.today,
        id: str | None = None,
    ) -> None:
        """``sections`` are (heading, fields) pairs; an empty heading shows none.

        ``today`` is the clock for relative dates (``+3d``) typed in date fields.
        """
        super().__init__(id=id)
        self._today = today
        self.sections = tuple((heading, tuple(fields)) for heading, fields in sections)
        self.fields = tuple(field for _, fields in self.sections for field in fields)
        self._by_id = {field_dom_id(field.path): field for field in self.fields}
        self._warnings: dict[str, tuple[str, tuple[object, ...]] | None] = {}
        self._quiet: set[str] = set()

    def compose(self) -> ComposeResult:
        for index, (heading, fields) in enumerate(self.sections):
            if heading:
                classes = "wizard-section -first" if index == 0 else "wizard-section"
                yield Static(heading, classes=classes, markup=False)
            yield from self._compose_fields(fields)

    def _compose_fields(self, fields: Sequence[FormField]) -> ComposeResult:
        for field in fields:
            dom_id = field_dom_id(field.path)
            yield Label(
                field.label + (" *" if field.required else ""),
                markup=False,
                classes="wizard-label",
                id=f"row-{dom_id}",
            )
            if field.choices:
                yield Select(field.choices, prompt=field.hint or "(none)", compact=True, id=dom_id)
            else:
                yield Input(
                    placeholder=placeholder_for(field),
                    password=field.secret,
                    compact=True,
                    id=dom_id,
                )
            yield Static("", classes="wizard-field-error", id=f"error-{dom_id}", markup=False)
            yield Static("", classes="wizard-warning-gap", id=f"gap-{dom_id}", markup=False)
            yield Static("", classes="wizard-field-warning", id=f"warning-{dom_id}", markup=False)

    def field_widget(self, path: str) -> Widget:
        return self.query_one(f"#{field_dom_id(path)}")

    def set_values(self, values: Mapping[str, str], overridden: Iterable[str] = ()) -> None:
        """Show ``values`` without reporting them as changes; mark the ``overridden`` rows."""
        marked = set(overridden)
        with self.prevent(Input.Changed, Select.Changed):
            for field in self.fields:
                widget = self.field_widget(field.path)
                value = values.get(field.path, "")
                if isinstance(widget, Select):
                    known = any(value == choice for _, choice in field.choices)
                    widget.value = value if known else Select.NULL
                elif isinstance(widget, Input) and widget.value != value:
                    widget.value = value
                row = self.query_one(f"#row-{field_dom_id(field.path)}")
                _set_class(row, field.path in marked, "-overridden")

    def show_errors(self, errors: Mapping[str, str]) -> Widget | None:
        """Show each field's error under it (clearing the others); the first faulty widget."""
        first: Widget | None = None
        for field in self.fields:
            dom_id = field_dom_id(field.path)
            message = errors.get(field.path, "")
            line = self.query_one(f"#error-{dom_id}", Static)
            widget = self.field_widget(field.path)
            if message or line.has_class("-shown"):
                line.update(f"↳ {message}" if message else "")
                _set_class(line, bool(message), "-shown")
                _set_class(line, False, "-note")
                _set_class(widget, bool(message), "-invalid")
            if message and first is None:
                first = widget
        if isinstance(first, Input) and first.has_focus:
            # Focusing selects an Input's text; one that already had focus gets the same, so
            # typing replaces the wrong value.
            first.select_all()
        return first

    def show_warnings(
        self, warnings: Mapping[str, Content], advice_only: Collection[str] = ()
    ) -> None:
        """Show each field's pre-flight lines under it (clearing the others'); the fields of
        ``advice_only`` have no warning, only advice, and look quieter."""
        quiet = set(advice_only)
        for field in self.fields:
            text = warnings.get(field.path)
            # Checked on every key typed: leave alone what did not change (most lines).
            shown = self._warnings.get(field.path)
            if (shown, field.path in self._quiet) == (_same(text), field.path in quiet):
                continue
            self._warnings[field.path] = _same(text)
            dom_id = field_dom_id(field.path)
            line = self.query_one(f"#warning-{dom_id}", Static)
            line.update(text or "")
            _set_class(line, text is not None, "-shown")
            _set_class(self.query_one(f"#gap-{dom_id}"), text is not None, "-shown")
            _set_class(line, field.path in quiet, "-advice")
        self._quiet = quiet

    def show_findings(self, findings: Sequence[Finding]) -> list[Finding]:
        """Show pre-flight ``findings`` under the fields they point at; those of no field shown
        here are returned."""
        shown = {f.path for f in self.fields if self.field_widget(f.path).display}
        lines, elsewhere = by_field(findings, shown)
        warned = {f.field for f in findings if f.severity == Severity.WARNING}
        self.show_warnings(lines, [path for path in lines if path not in warned])
        return elsewhere

    def _forget_error(self, path: str) -> None:
        """A changed field loses its error (not its advice): it is checked again when the
        form is next sent, and an error about the old value would only mislead."""
        dom_id = field_dom_id(path)
        line = self.query_one(f"#error-{dom_id}", Static)
        if line.has_class("-shown") and not line.has_class("-note"):
            line.update("")
            _set_class(line, False, "-shown")
        _set_class(self.query_one(f"#{dom_id}"), False, "-invalid")

    def set_field_note(self, path: str, text: str, *, problem: bool = False) -> None:
        """A line under the field: advice (muted) or, with ``problem``, an error."""
        line = self.query_one(f"#error-{field_dom_id(path)}", Static)
        line.update(f"↳ {text}" if text else "")
        _set_class(line, bool(text), "-shown")
        _set_class(line, bool(text) and not problem, "-note")

    def reveal_secrets(self, reveal: bool) -> None:
        for field in self.fields:
            if field.secret:
                widget = self.field_widget(field.path)
                if isinstance(widget, Input):
                    widget.password = not reveal

    def set_field_visible(self, path: str, visible: bool) -> None:
        dom_id = field_dom_id(path)
        self.query_one(f"#row-{dom_id}").display = visible
        self.query_one(f"#{dom_id}").display = visible
        for line in (f"#error-{dom_id}", f"#gap-{dom_id}", f"#warning-{dom_id}"):
            if not visible:
                self.query_one(line).display = False
            else:
                self.query_one(line).styles.clear_rule("display")

    def set_field_label(self, path: str, label: str) -> None:
        field = self._by_id[field_dom_id(path)]
        self.query_one(f"#row-{field_dom_id(path)}", Label).update(
            label + (" *" if field.required else "")
        )

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        field = self._by_id.get(event.input.id or "")
        if field is not None:
            event.stop()
            day = relative_day(event.value, self._today()) if is_date_field(field) else None
            if day is not None:
                # Shown and kept as the date it means today: a draft resumed later keeps it.
                event.input.value = day
                return
            self._forget_error(field.path)
            self.post_message(self.ValueChanged(self, field.path, event.value))

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        field = self._by_id.get(event.select.id or "")
        if field is not None:
            event.stop()
            value = "" if event.value is Select.NULL else str(event.value)
            self._forget_error(field.path)
            self.post_message(self.ValueChanged(self, field.path, value))
