"""ActivationDialog: the groups an on-demand order can activate now; activate all or one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.console import Group
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from porting_tui.client import ActivationGroup, GroupActivation, PortingError, date_text
from porting_tui.domain.inert_text import inert_text
from porting_tui.listing.session import Session
from porting_tui.tui.dialogs.action_dialog import DIALOG_CSS, ActionDialog, failure_text
from porting_tui.tui.dialogs.confirm_dialog import ConfirmDialog
from porting_tui.tui.status_looks import DEFAULT_PALETTE, StatusPalette
from porting_tui.tui.widgets.table_keys import KeyedOptionList

ALL = "\x00all"
NOTHING_READY = (
    "No group can be activated now. A group becomes available once its numbers are CONFIRMED, "
    "its FOC date has come and the numbers route on Sinch. Press r to ask again."
)
UNSURE = "Some groups may have been activated: close this dialog and refresh the order (r)."


def _numbers_text(group: ActivationGroup) -> str:
    return ", ".join(inert_text(number.phone_number) for number in group.phone_numbers)


def group_option(group: ActivationGroup) -> Option:
    foc = inert_text(date_text(group.foc_date)) or "—"
    count = len(group.phone_numbers)
    # A group the server sent without a name cannot be named in a request: "all" covers it.
    name = inert_text(group.phone_number_group) or "(unnamed group: activate all instead)"
    heading = Text(name, style="bold")
    heading.append(f" · FOC {foc} · {count} number{'s' if count != 1 else ''}", style="")
    return Option(
        Group(heading, Text(_numbers_text(group), style="dim")),
        id=group.phone_number_group,
        disabled=group.phone_number_group is None,
    )


def results_text(
    results: Sequence[GroupActivation], palette: StatusPalette = DEFAULT_PALETTE
) -> Text:
    text = Text("Result per group:\n", style="bold")
    for result in results:
        status = inert_text(result.status) or "no status given"
        text.append(f"{inert_text(result.phone_number_group) or '(unnamed group)'}: ")
        # Anything but ACTIVATED is not done yet: it shows in the colour of PENDING.
        done = palette.number("ACTIVATED" if status == "ACTIVATED" else "PENDING")
        text.append(status + "\n", style=done)
    if not results:
        text.append("The server named no group in its answer; refresh the order (r).")
    return text


class ActivationDialog(ActionDialog[list[GroupActivation]]):
    """Returns the result per group once something was activated, else None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "send", "Activate the chosen groups"),
        Binding("r", "reload", "Ask again which groups are ready"),
    ]
    DEFAULT_CSS = (
        "ActivationDialog {" + DIALOG_CSS + "& OptionList { height: auto; max-height: 14; }"
        "& #results { height: auto; margin-top: 1; } }"
    )

    def __init__(self, session: Session, order_id: int, reference: str | None = None) -> None:
        super().__init__(session)
        self.order_id = order_id
        self.reference = reference
        self.groups: list[ActivationGroup] = []
        self.results: list[GroupActivation] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = f"Activate order {self.order_id}"
            yield Static(
                Text("Activation puts numbers live on Sinch. Choose all groups or one."),
                classes="dialog-intro",
            )
            yield KeyedOptionList(id="groups")
            yield Static("", id="results", markup=False)
            yield self.error_line()
            yield self.status_line()
            with Horizontal(id="buttons"):
                yield Button("Activate (ctrl+s)", variant="warning", id="send", disabled=True)
                yield Button("Close (esc)", id="close")

    def on_mount(self) -> None:
        self.query_one("#groups", OptionList).focus()
        self.action_reload()

    def action_reload(self) -> None:
        if self.sending or self.results is not None:
            return
        self.set_sending(True, "Asking which groups can be activated…")
        self._load()

    @work(exclusive=True, group="send")
    async def _load(self) -> None:
        try:
            groups = await self.session.client.activation.available(self.order_id)
        except PortingError as error:
            self.set_sending(False)
            self.show_error(failure_text(error, self.session, advice="Press r to ask again."))
            return
        self.show_error(None)
        self.groups = groups
        options = self.query_one("#groups", OptionList)
        total = sum(len(group.phone_numbers) for group in groups)
        choices = [group_option(group) for group in groups]
        if len(groups) > 1:
            every = Text(f"All {len(groups)} groups ({total} numbers)", style="bold")
            choices.insert(0, Option(every, id=ALL))
        options.set_options(choices)
        options.highlighted = 0 if choices else None
        self.set_sending(False, "" if groups else NOTHING_READY)
        self.query_one("#send", Button).disabled = not groups

    def _chosen(self) -> list[ActivationGroup]:
        option = self.query_one("#groups", OptionList).highlighted_option
        if option is None:
            return []
        if option.id == ALL:
            return list(self.groups)
        return [group for group in self.groups if group.phone_number_group == option.id]

    @on(OptionList.OptionSelected, "#groups")
    def _selected(self) -> None:
        self.action_send()

    def action_send(self) -> None:
        chosen = self._chosen()
        if self.sending or self.results is not None or not chosen:
            return
        everything = len(chosen) == len(self.groups)
        names = ", ".join(inert_text(group.phone_number_group) for group in chosen)
        count = sum(len(group.phone_numbers) for group in chosen)
        reference = f" (ref {inert_text(self.reference)})" if self.reference else ""
        question = (
            f"Activate {'all groups' if everything else 'group'} {names} of order "
            f"{self.order_id}{reference}: {count} number{'s' if count != 1 else ''}, on profile "
            f"{self.session.profile_name!r}?\nThe numbers go live on Sinch; this cannot be undone."
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self.set_sending(True, f"Activating {names}…")
                self._activate(None if everything else [g.phone_number_group for g in chosen])

        self.app.push_screen(ConfirmDialog("Activate numbers", question, "Activate"), answered)

    @work(exclusive=True, group="send")
    async def _activate(self, groups: list[str] | None) -> None:
        try:
            results = await self.session.client.activation.activate(self.order_id, groups)
        except PortingError as error:
            self.set_sending(False)
            self.show_error(failure_text(error, self.session, unsure=UNSURE, advice=""))
            return
        self.results = results
        self.set_sending(False, "Done. Esc closes and shows the order as it is now.")
        self.query_one("#send", Button).disabled = True
        self.query_one("#results", Static).update(results_text(results, StatusPalette.of(self.app)))

    def action_close(self) -> None:
        if self.sending:
            super().action_close()
            return
        self.dismiss(self.results)
