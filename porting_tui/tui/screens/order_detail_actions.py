"""The detail screen's actions on an order: each opens its dialog, or says why it cannot apply,
and shows the order again afterwards."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from porting_tui.client import GroupActivation, NoteCreated, Order, OrderDocument, PortingError
from porting_tui.domain.inert_text import inert_text
from porting_tui.domain.masking import mask_order_body
from porting_tui.domain.order_actions import Action, refusal
from porting_tui.listing.problems import describe_problem
from porting_tui.tui.clipboard import copy_text
from porting_tui.tui.dialogs.activation_dialog import ActivationDialog
from porting_tui.tui.dialogs.confirm_dialog import ConfirmDialog
from porting_tui.tui.dialogs.copied_text_dialog import CopiedTextDialog
from porting_tui.tui.dialogs.download_dialog import DownloadDialog, SavedDocument, saved_message
from porting_tui.tui.dialogs.edit_order_dialog import EditOrderDialog
from porting_tui.tui.dialogs.note_dialog import NoteDialog
from porting_tui.tui.dialogs.upload_dialog import UploadDialog
from porting_tui.tui.widgets.documents_list import DocumentsList
from porting_tui.tui.widgets.numbers_panel import NumbersPanel
from porting_tui.tui.widgets.problem_banner import ProblemBanner

if TYPE_CHECKING:
    from porting_tui.tui.screens.order_detail_screen import OrderDetailScreen


def cancel_question(order: Order, profile: str) -> str:
    reference = inert_text(order.customer_order_reference) or "no reference"
    count = len(order.phone_numbers)
    return (
        f"Cancel order {order.id} ({reference}, {count} number{'s' if count != 1 else ''}) "
        f"on profile {profile!r}?\nThe order goes to PENDING_CANCELATION, then CANCELED; "
        "this cannot be undone."
    )


def allowed(screen: OrderDetailScreen, action: Action) -> Order | None:
    """The order when ``action`` applies to it; otherwise None after saying why."""
    session = screen.session
    reason = refusal(
        action, screen.order, read_only=session.read_only, profile=session.profile_name
    )
    if reason is not None:
        screen.notify(reason, severity="warning", markup=False, timeout=6)
        return None
    return screen.order


def open_note(screen: OrderDetailScreen) -> None:
    if allowed(screen, "note") is None:
        return

    def sent(created: NoteCreated | None) -> None:
        if created is not None:
            screen.notify(f"Note added to order {screen.order_id}.", timeout=4)
            screen.show_tab("notes-tab")
            screen.load()

    screen.app.push_screen(NoteDialog(screen.session, screen.order_id), sent)


def open_upload(screen: OrderDetailScreen) -> None:
    if allowed(screen, "upload") is None:
        return

    def uploaded(document: OrderDocument | None) -> None:
        if document is not None:
            name = inert_text(document.document_name)
            screen.notify(f"Uploaded {name} to order {screen.order_id}.", markup=False)
            screen.show_tab("documents-tab")
            screen.load()

    screen.app.push_screen(UploadDialog(screen.session, screen.order_id), uploaded)


def open_download(screen: OrderDetailScreen) -> None:
    order = allowed(screen, "download")
    if order is None:
        return
    row = screen.query_one(DocumentsList).cursor_row
    chosen = row if 0 <= row < len(order.documents) else 0

    def saved(result: SavedDocument | None) -> None:
        if result is not None:
            screen.notify(saved_message(result), markup=False, timeout=15)

    dialog = DownloadDialog(screen.session, screen.order_id, order.documents, chosen)
    screen.app.push_screen(dialog, saved)


def open_edit(screen: OrderDetailScreen) -> None:
    order = allowed(screen, "edit")
    if order is None:
        return

    def saved(result: Order | None) -> None:
        if result is not None:
            status = inert_text(result.status)
            screen.notify(f"Order {result.id} saved; it is {status}.", markup=False)
            screen.show_order(result)
            screen.load()

    screen.app.push_screen(EditOrderDialog(screen.session, order), saved)


def ask_cancel(screen: OrderDetailScreen) -> None:
    order = allowed(screen, "cancel")
    if order is None:
        return

    def answered(yes: bool | None) -> None:
        if yes:
            screen.run_worker(cancel(screen), exclusive=True, group="cancel")

    question = cancel_question(order, screen.session.profile_name)
    screen.app.push_screen(ConfirmDialog("Cancel order", question, "Cancel order"), answered)


async def cancel(screen: OrderDetailScreen) -> None:
    """Cancel, then read the order back so that its new status shows."""
    banner = screen.query_one(ProblemBanner)
    client = screen.session.client
    try:
        await client.orders.cancel(screen.order_id)
        order = await client.orders.get(screen.order_id)
    except PortingError as error:
        problem = describe_problem(error, screen.session)
        banner.show(problem)
        message = f"Order {screen.order_id} was not cancelled: {problem.title}"
        screen.notify(message, severity="error", markup=False)
        return
    banner.show(None)
    screen.show_order(order)
    status = inert_text(order.status)
    screen.notify(f"Order {screen.order_id} is now {status}.", markup=False, timeout=8)


def open_activation(screen: OrderDetailScreen) -> None:
    order = allowed(screen, "activate")
    if order is None:
        return

    def done(results: list[GroupActivation] | None) -> None:
        if results is not None:
            screen.notify(f"Activation of order {screen.order_id} requested.", timeout=4)
            screen.load()

    dialog = ActivationDialog(screen.session, screen.order_id, order.customer_order_reference)
    screen.app.push_screen(dialog, done)


def copy_numbers(screen: OrderDetailScreen) -> None:
    order = screen.order
    if order is None or not order.phone_numbers:
        screen.notify("There are no numbers to copy yet.", severity="warning", timeout=4)
        return
    text = "\n".join(inert_text(number.phone_number) for number in order.phone_numbers)
    where = copy_text(screen.app, text)
    count = len(order.phone_numbers)
    title = f"Copied {count} number{'s' if count != 1 else ''} of order {order.id}"
    screen.app.push_screen(CopiedTextDialog(title, text, where))


def show_as_sent(screen: OrderDetailScreen) -> None:
    """The highlighted number as the server sent it, when the app could not read it."""
    number = screen.query_one(NumbersPanel).current_number
    if number is None or number.unreadable is None:
        screen.notify("Only a number marked unreadable has a raw form to show.", timeout=4)
        return
    # PINs and account numbers stay masked; ASCII escapes keep controls off the terminal.
    raw = mask_order_body({"phoneNumbers": [number.raw_entry]})["phoneNumbers"][0]
    text = json.dumps(raw, indent=2, ensure_ascii=True)
    where = copy_text(screen.app, text)
    screen.app.push_screen(CopiedTextDialog("The number as the server sent it", text, where))
