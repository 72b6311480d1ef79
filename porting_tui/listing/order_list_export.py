"""Export the order list's view: every order matching its filters, not only the loaded ones."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from porting_tui.client import OrderListItem
from porting_tui.listing.session import Session
from porting_tui.local.export import ExportFormat, export_file_name, write_export

EXPORT_PAGE_SIZE = 1000
Arrange = Callable[[Sequence[OrderListItem]], list[OrderListItem]]


def export_question(summary: str, total: int | None, find: str, folder: Path) -> str:
    """What the export dialog asks about: how many orders, which filters, where the file goes."""
    what = f"{total} orders" if total is not None else "every order"
    text = f"Export {what} matching: {summary or 'no filters'}"
    if find:
        text += f"\nOnly rows containing {find!r} (the find filter) are kept."
    return text + f"\nThe file goes to {folder}"


async def export_orders(
    session: Session, query: dict[str, Any], arrange: Arrange, fmt: ExportFormat
) -> tuple[Path, int]:
    """Fetch all matching orders, order them as the table does and write the file.

    Returns the file's path and the number of orders in it; raises ``PortingError`` when the
    API fails and ``OSError`` when the file cannot be written.
    """
    found = session.client.orders.list(page_size=EXPORT_PAGE_SIZE, **query)
    orders = arrange([order async for order in found])
    name = export_file_name(session.profile_name, session.now(), fmt)
    path = await asyncio.to_thread(write_export, orders, fmt, session.export_dir(), name)
    return path, len(orders)
