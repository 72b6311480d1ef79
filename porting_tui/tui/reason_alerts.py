"""Telling the operator of new attention reasons: a notification in the app, and a bell and a
desktop notification when they look elsewhere and the profile asked for them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual.app import App

from porting_tui.attention.known_reasons import NewReason
from porting_tui.domain.inert_text import inert_text
from porting_tui.tui.terminal_alerts import TerminalAlerts

SHOWN_ONE_BY_ONE = 3
"""More new reasons at once than this are summed up in one notification."""
NOTIFY_SECONDS = 12


def reason_title(reason: NewReason) -> str:
    return f"{reason.project}: order {reason.order_id}"


def reason_body(reason: NewReason) -> str:
    reference = f" ({reason.reference})" if reason.reference else ""
    return f"{reason.text} - {reason.step}{reference}"


def summary(reasons: Sequence[NewReason]) -> tuple[str, str]:
    """Title and text of one notification for several reasons (projects in order met)."""
    if len(reasons) == 1:
        return reason_title(reasons[0]), reason_body(reasons[0])
    projects = list(dict.fromkeys(reason.project for reason in reasons))
    orders = list(dict.fromkeys((reason.project, reason.order_id) for reason in reasons))
    if len(orders) == 1:
        first = reasons[0]
        reference = f" ({first.reference})" if first.reference else ""
        texts = " · ".join(reason.text for reason in reasons)
        return reason_title(first), f"{texts} - {first.step}{reference}"
    title = f"{len(reasons)} new reasons in {', '.join(projects)}"
    if len(projects) == 1:
        named = ", ".join(str(order_id) for _, order_id in orders[:4])
    else:
        named = ", ".join(f"{project} {order_id}" for project, order_id in orders[:4])
    more = f" and {len(orders) - 4} more" if len(orders) > 4 else ""
    return title, f"orders {named}{more} need attention"


class ReasonAlerts:
    """Each batch of new reasons becomes notifications naming project and order; the bell and
    the desktop escape go only for projects in ``desktop`` (their profile turned them on)."""

    def __init__(
        self,
        app: App[Any],
        desktop: Callable[[str], bool],
        terminal: TerminalAlerts | None = None,
    ) -> None:
        self._app = app
        self._desktop = desktop
        self.terminal = terminal or TerminalAlerts(app)
        self.told: list[NewReason] = []
        """Every reason told in this run, oldest first."""

    def tell(self, reasons: Sequence[NewReason]) -> None:
        if not reasons:
            return
        self.told += reasons
        shown = list(reasons) if len(reasons) <= SHOWN_ONE_BY_ONE else []
        for reason in shown:
            self._app.notify(
                inert_text(reason_body(reason)),
                title=inert_text(reason_title(reason)),
                severity="warning",
                timeout=NOTIFY_SECONDS,
                markup=False,
            )
        if not shown:
            title, body = summary(reasons)
            self._app.notify(
                inert_text(body), title=inert_text(title), timeout=NOTIFY_SECONDS, markup=False
            )
        wanted = [reason for reason in reasons if self._desktop(reason.project)]
        if wanted:
            title, body = summary(wanted)
            self._app.run_worker(
                self.terminal.alert(f"porting-tui · {title}", body),
                group="terminal-alerts",
                exit_on_error=False,
            )
