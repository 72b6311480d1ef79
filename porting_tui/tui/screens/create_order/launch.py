"""Opening the wizard from the app: new order, resume at start, the drafts list, the result."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen

from porting_tui.local.drafts import DraftError, DraftStore
from porting_tui.local.store import LocalStore, StoreError
from porting_tui.tui.screens.create_order.resume_draft_dialog import (
    ResumeChoice,
    ResumeDraftDialog,
)
from porting_tui.tui.screens.create_order.wizard_step import READ_ONLY_MESSAGE, WizardSession

OpenOrder = Callable[[int], None]


def open_draft_store(host: Screen[Any]) -> DraftStore | None:
    """The drafts of the local store; None (after saying why) when it cannot be opened."""
    try:
        store = LocalStore.open()
    except StoreError as error:
        host.notify(f"Drafts are off: {error}", severity="warning", markup=False)
        return None
    if store.recovery_message:
        host.notify(store.recovery_message, severity="warning", markup=False, timeout=15)
    return DraftStore(store)


def _order_opener(host: Screen[Any], session: WizardSession) -> OpenOrder:
    def open_order(order_id: int) -> None:
        # The same detail screen the order list opens on Enter.
        from porting_tui.tui.screens.order_detail_screen import OrderDetailScreen

        host.app.push_screen(OrderDetailScreen(session, order_id))  # type: ignore[arg-type]

    return open_order


def open_create_order(
    host: Screen[Any],
    session: WizardSession,
    *,
    drafts: DraftStore | None = None,
    draft_id: str | None = None,
    open_order: OpenOrder | None = None,
) -> None:
    """Push the wizard (resuming ``draft_id`` if given); a read-only profile is refused."""
    # Imported on first use so that the wizard's six steps do not slow the app's start.
    from porting_tui.tui.screens.create_order.create_order_screen import CreateOrderScreen

    if session.read_only:
        host.notify(
            READ_ONLY_MESSAGE.format(profile=session.profile_name),
            severity="warning",
            markup=False,
        )
        return
    drafts = drafts or open_draft_store(host)
    draft = None
    if drafts is not None and draft_id is not None:
        try:
            draft = drafts.load(draft_id)
        except DraftError as error:
            host.notify(str(error), severity="error", markup=False)
            return
    host.app.push_screen(
        CreateOrderScreen(
            session,
            drafts,
            draft_id=draft_id if draft is not None else None,
            draft=draft,
            on_created=open_order or _order_opener(host, session),
        )
    )


def show_drafts(
    host: Screen[Any],
    session: WizardSession,
    *,
    drafts: DraftStore | None = None,
    open_order: OpenOrder | None = None,
) -> None:
    """The drafts of the session's project, to resume or delete."""
    from porting_tui.tui.screens.create_order.drafts_dialog import DraftsDialog

    drafts = drafts or open_draft_store(host)
    if drafts is None:
        return
    store = drafts

    def chosen(draft_id: str | None) -> None:
        if draft_id is not None:
            open_create_order(host, session, drafts=store, draft_id=draft_id, open_order=open_order)

    host.app.push_screen(DraftsDialog(drafts, session.project_id), chosen)


def offer_draft_resume(
    host: Screen[Any],
    session: WizardSession,
    *,
    drafts: DraftStore | None = None,
    open_order: OpenOrder | None = None,
) -> None:
    """At start: when drafts of this project exist, offer to resume the newest."""
    if session.read_only:
        return
    drafts = drafts or open_draft_store(host)
    if drafts is None:
        return
    _offer(host, session, drafts, open_order, starting_new=False)


def start_new_order(
    host: Screen[Any],
    session: WizardSession,
    *,
    drafts: DraftStore | None = None,
    open_order: OpenOrder | None = None,
) -> None:
    """``n``: offer the newest draft of this project first, if any; else a new order."""
    if session.read_only:
        open_create_order(host, session, drafts=drafts, open_order=open_order)
        return
    drafts = drafts or open_draft_store(host)
    if drafts is None or not _offer(host, session, drafts, open_order, starting_new=True):
        open_create_order(host, session, drafts=drafts, open_order=open_order)


def _offer(
    host: Screen[Any],
    session: WizardSession,
    drafts: DraftStore,
    open_order: OpenOrder | None,
    *,
    starting_new: bool,
) -> bool:
    """Push the resume dialog when this project has drafts; whether it did."""
    summaries = drafts.summaries(session.project_id)
    if not summaries:
        return False
    newest = summaries[0]

    def chosen(choice: ResumeChoice | None) -> None:
        if choice == "resume":
            open_create_order(
                host, session, drafts=drafts, draft_id=newest.draft_id, open_order=open_order
            )
        elif choice == "list":
            show_drafts(host, session, drafts=drafts, open_order=open_order)
        elif choice == "new":
            open_create_order(host, session, drafts=drafts, open_order=open_order)

    dialog = ResumeDraftDialog(newest, len(summaries), offer_new=starting_new)
    host.app.push_screen(dialog, chosen)
    return True
