"""EditOrderDialog: change a PENDING order's schedule, reference, numbers' data; remove numbers."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date
from typing import ClassVar

from pydantic import ValidationError
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Input, Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from porting_tui.client import Order, PhoneNumber, PortingError
from porting_tui.domain.inert_text import inert_text
from porting_tui.domain.order_edit import (
    NUMBER_EDIT_FORM,
    ORDER_EDIT_FORM,
    OrderEdit,
    apply_edit,
    edit_changes,
    order_texts,
    read_edit,
    resubmitted,
    shared_number_texts,
)
from porting_tui.domain.preflight import Finding, PreflightContext
from porting_tui.domain.rejection_hints import hint_for
from porting_tui.listing.preflight_context import order_context
from porting_tui.listing.session import Session
from porting_tui.tui.dialogs.action_dialog import DIALOG_CSS, ActionDialog, failure_text
from porting_tui.tui.dialogs.changes_dialog import ChangesDialog
from porting_tui.tui.dialogs.edit_order_preflight import (
    check_edit,
    preflight_line,
    split_findings,
)
from porting_tui.tui.status_looks import DEFAULT_PALETTE, StatusPalette
from porting_tui.tui.widgets.preflight_panel import warning_count
from porting_tui.tui.widgets.wizard_field_form import WizardFieldForm

DIFFERS = "differs between them: empty keeps each"
NOT_SET = "(not set)"
UNSURE = "The order may have been saved: close this dialog and refresh the order (r)."
_ORDER_PATHS = frozenset(f.path for f in ORDER_EDIT_FORM)
_END_USER = tuple(f for f in NUMBER_EDIT_FORM if f.path.startswith("endUser."))
_PORT_OUT = tuple(f for f in NUMBER_EDIT_FORM if not f.path.startswith("endUser."))


def number_prompt(
    number: PhoneNumber, removed: bool, palette: StatusPalette = DEFAULT_PALETTE
) -> Text:
    text = Text(inert_text(number.phone_number), style="strike dim" if removed else "")
    text.append(f"  {inert_text(number.status):<9}", palette.number(number.status))
    if removed:
        text.append("  removed on save", style="bold red")
    elif number.reject_reason:
        text.append(f"  {inert_text(number.reject_reason)}", style="dim")
    return text


def form_values(form: WizardFieldForm) -> dict[str, str]:
    values: dict[str, str] = {}
    for field in form.fields:
        widget = form.field_widget(field.path)
        if isinstance(widget, Select):
            values[field.path] = "" if widget.value is Select.NULL else str(widget.value)
        elif isinstance(widget, Input):
            values[field.path] = widget.value
    return values


class EditOrderDialog(ActionDialog[Order]):
    """Returns the saved order; on a failure everything typed stays and the error shows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "send", "Review and save"),
        Binding("ctrl+r", "reveal", "Reveal or hide PINs and account numbers"),
        Binding("x", "toggle_remove", "Remove the highlighted number (or keep it)"),
    ]
    DEFAULT_CSS = (
        "EditOrderDialog {"
        + DIALOG_CSS
        + """
        & > #dialog { width: 110; height: 100%; }
        & VerticalScroll { height: 1fr; }
        & .edit-section { color: $accent; text-style: bold; margin-top: 1; }
        & SelectionList { height: auto; max-height: 10; }
        & #preflight {
            height: 1; text-wrap: nowrap; text-overflow: ellipsis;
            color: $text-muted;
        }
        & #preflight.-warnings { color: $text-warning; }
    }"""
    )

    def __init__(self, session: Session, order: Order) -> None:
        super().__init__(session)
        self.order = order
        self.removed: set[str] = set()
        self.revealed = False
        self._touched: set[str] = set()
        self._shown_order: dict[str, str] = {}
        rejected = [n.phone_number for n in order.phone_numbers if n.status == "REJECTED"]
        self._initial = set(rejected or (n.phone_number for n in order.phone_numbers))
        self._preflight: PreflightContext | None = None
        """None until the context is gathered."""
        self._checking = False
        self._stale = False

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = f"Edit order {self.order.id} ({inert_text(self.order.status)})"
            with VerticalScroll():
                yield WizardFieldForm(
                    [("Order", ORDER_EDIT_FORM)], today=self._today, id="order-form"
                )
                yield Static(
                    "Numbers · space: the fields below apply to it · x: remove it",
                    classes="edit-section",
                    markup=False,
                )
                yield SelectionList[str](
                    *(
                        Selection(
                            self._prompt(n, False),
                            n.phone_number,
                            n.phone_number in self._initial,
                        )
                        for n in self.order.phone_numbers
                    ),
                    id="numbers",
                )
                yield Static("", id="chosen", markup=False)
                yield WizardFieldForm(
                    [("Port-out", _PORT_OUT), ("End user", _END_USER)],
                    today=self._today,
                    id="number-form",
                )
            # Always there, one line: it appearing or growing would scroll the form away from
            # the field being typed in.
            yield Static("Pre-flight: checking…", id="preflight", markup=False)
            yield self.error_line()
            yield self.status_line()
            with Horizontal(id="buttons"):
                yield Button("Review & save (ctrl+s)", variant="primary", id="send")
                yield Button("Reveal PINs (ctrl+r)", id="reveal")
                yield Button("Close (esc)", id="close")

    def _today(self) -> date:
        return self.session.now().date()

    def _prompt(self, number: PhoneNumber, removed: bool) -> Text:
        return number_prompt(number, removed, StatusPalette.of(self.app))

    def _selections(self) -> list[Selection[str]]:
        return [
            Selection(
                self._prompt(n, False),
                n.phone_number,
                n.phone_number in self._initial,
            )
            for n in self.order.phone_numbers
        ]

    def on_mount(self) -> None:
        self.order_form.set_values(order_texts(self.order))
        self._shown_order = form_values(self.order_form)
        for field in ORDER_EDIT_FORM:
            widget = self.order_form.field_widget(field.path)
            if isinstance(widget, Input):
                widget.placeholder = NOT_SET
        self._refill_numbers()
        self._focus_what_to_fix()
        self._start_preflight()

    @work(group="preflight")
    async def _start_preflight(self) -> None:
        self._preflight = await order_context(self.session.attention, self.order, self._today())
        await self._check()  # the numbering plan's first use takes most of a second
        # The field to fix has focus: bring its new warning into view with it.
        focused = self.focused
        for form in (self.order_form, self.number_form):
            if focused is not None and focused.parent is form:
                warning = form.query_one(f"#warning-{focused.id}")
                if warning.has_class("-shown"):
                    self.call_after_refresh(warning.scroll_visible, animate=False)

    def refresh_preflight(self) -> None:
        """Check the order as it would be saved, again (a value, the numbers chosen or removed
        changed). In a thread, one check at a time: a 500-number order takes a fifth of a
        second, too long for each key typed."""
        if self._preflight is None:
            return
        if self._checking:
            self._stale = True  # the check running starts over when done
            return
        self._check_in_background()

    @work(group="preflight-check")
    async def _check_in_background(self) -> None:
        await self._check()

    async def _check(self) -> None:
        context = self._preflight
        if context is None:
            return
        self._checking = True
        try:
            while True:
                self._stale = False
                typed = (form_values(self.order_form), form_values(self.number_form))
                chosen, removed = set(self.numbers_list.selected), set(self.removed)
                findings = await asyncio.to_thread(
                    check_edit, self.order, *typed, chosen, removed, self._today(), context
                )
                if not self._stale:
                    break
        finally:
            self._checking = False
        self._show_findings(findings)

    def _show_findings(self, findings: list[Finding]) -> None:
        """Under the fields being edited (the number fields: for the chosen numbers), and a
        line saying how many, with the others."""
        ordered, chosen, others = split_findings(findings, self.chosen)
        elsewhere = self.order_form.show_findings(ordered)
        elsewhere += self.number_form.show_findings(chosen) + others
        line = self.query_one("#preflight", Static)
        line.set_class(warning_count(findings) > 0, "-warnings")
        line.update(preflight_line(findings, elsewhere))

    def _focus_what_to_fix(self) -> None:
        """Start on the field the first rejection points to (its hint names it), if any."""
        paths = {f.path for f in ORDER_EDIT_FORM + NUMBER_EDIT_FORM}
        for number in self.order.phone_numbers:
            hint = hint_for(number.reject_reason) if number.status == "REJECTED" else None
            if hint is None or hint.field is None:
                continue
            if hint.field == "phoneNumbers":
                target: Widget = self.numbers_list
            elif hint.field in paths:
                ordered = hint.field in _ORDER_PATHS
                form = self.order_form if ordered else self.number_form
                target = form.field_widget(hint.field)
            else:
                continue
            target.focus()
            self.call_after_refresh(target.scroll_visible, animate=False)
            reason = inert_text(number.reject_reason)
            self.show_status(f"The carrier said “{reason}”: {hint.title} is where to start.")
            return
        self.order_form.field_widget(ORDER_EDIT_FORM[0].path).focus()

    @property
    def order_form(self) -> WizardFieldForm:
        return self.query_one("#order-form", WizardFieldForm)

    @property
    def number_form(self) -> WizardFieldForm:
        return self.query_one("#number-form", WizardFieldForm)

    @property
    def numbers_list(self) -> SelectionList[str]:
        return self.query_one("#numbers", SelectionList)

    @property
    def chosen(self) -> set[str]:
        return set(self.numbers_list.selected) - self.removed

    def _refill_numbers(self) -> None:
        """Show what the chosen numbers share; fields the operator typed in are left alone."""
        chosen = self.chosen
        shared = shared_number_texts(self.order, chosen)
        form = self.number_form
        current = form_values(form)
        values = {
            path: current[path] if path in self._touched else (shared.get(path) or "")
            for path in current
        }
        form.set_values(values)
        for field in NUMBER_EDIT_FORM:
            widget = form.field_widget(field.path)
            if isinstance(widget, Input):
                differs = chosen and shared.get(field.path) is None
                widget.placeholder = DIFFERS if differs else NOT_SET
        count = len(chosen)
        self.query_one("#chosen", Static).update(
            f"The fields below apply to {count} chosen number{'s' if count != 1 else ''}."
            if count
            else "No number chosen: the fields below change nothing. Space chooses a number."
        )

    @on(SelectionList.SelectedChanged, "#numbers")
    def _selection_changed(self) -> None:
        self._refill_numbers()
        self.refresh_preflight()

    @on(WizardFieldForm.ValueChanged)
    def _value_typed(self, event: WizardFieldForm.ValueChanged) -> None:
        if event.form.id == "number-form":
            self._touched.add(event.path)
        self.refresh_preflight()

    def has_input(self) -> bool:
        # Any change counts, valid or not: a refused value (a Sunday port date) is still typing.
        if self._touched or self.removed or form_values(self.order_form) != self._shown_order:
            return True
        edit, _ = self._read()
        return not edit.empty

    def action_toggle_remove(self) -> None:
        numbers = self.numbers_list
        if numbers.highlighted is None:
            return
        phone = numbers.get_option_at_index(numbers.highlighted).value
        number = next((n for n in self.order.phone_numbers if n.phone_number == phone), None)
        if number is None:
            return
        self.removed ^= {phone}
        numbers.replace_option_prompt_at_index(
            numbers.highlighted,
            self._prompt(number, phone in self.removed),
        )
        self._refill_numbers()
        self.refresh_preflight()

    def action_reveal(self) -> None:
        self.revealed = not self.revealed
        self.number_form.reveal_secrets(self.revealed)
        self.show_status("PINs and account numbers shown." if self.revealed else "")

    def _read(self) -> tuple[OrderEdit, dict[str, str]]:
        return read_edit(
            self.order,
            form_values(self.order_form),
            form_values(self.number_form),
            set(self.numbers_list.selected),
            self.removed,
            self.session.now().date(),
        )

    @on(Button.Pressed, "#reveal")
    def _reveal_pressed(self) -> None:
        self.action_reveal()

    def action_send(self) -> None:
        if self.sending:
            return
        edit, problems = self._read()
        first = self.order_form.show_errors(problems)
        first = self.number_form.show_errors(problems) or first
        if problems:
            general = problems.get("", "")
            self.show_error(Text(f"Fix the marked fields first. {general}".strip()))
            if first is not None:
                first.focus()
            return
        if edit.empty:
            self.show_error("Nothing to save: no value differs from the order.")
            return
        self.show_error(None)
        changes = edit_changes(self.order, edit, reveal=self.revealed)

        def answered(save: bool | None) -> None:
            if save:
                self.set_sending(True, f"Saving order {self.order.id}…")
                self._save(edit)

        self.app.push_screen(
            ChangesDialog.order_edit(self.order.id, changes, resubmitted(self.order, edit)),
            answered,
        )

    @work(exclusive=True, group="send")
    async def _save(self, edit: OrderEdit) -> None:
        change: Callable[[Order], Order] = lambda current: apply_edit(current, edit)  # noqa: E731
        try:
            saved = await self.session.client.orders.edit(self.order.id, change)
        except PortingError as error:
            self.set_sending(False)
            self.show_error(failure_text(error, self.session, unsure=UNSURE))
            return
        except ValidationError:
            self.set_sending(False)
            self.show_error(
                "The order on the server no longer fits these changes; close, refresh (r) "
                "and edit again."
            )
            return
        self.set_sending(False)
        self.dismiss(saved)
