"""``/orders/portIns``: list, read, create, replace and cancel port-in orders, notes, documents."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING
from urllib.parse import quote

from porting_tui.client.adapters import LazyAdapter
from porting_tui.client.errors import FieldViolation, PortingValidationError
from porting_tui.client.models.listing import OrderListItem, OrderPage
from porting_tui.client.pagination import iterate_pages
from porting_tui.client.resources.order_filters import DateLike, order_list_params
from porting_tui.client.session import ApiSession, parse_body
from porting_tui.client.validation import check_not_blank, check_order, check_text, order_id_path

if TYPE_CHECKING:
    from porting_tui.client.models.order import NewOrder, Order, OrderDocument
    from porting_tui.client.models.results import DocumentContent, NoteCreated

# Built, with pydantic, at the first read of each; the order list is read by hand (OrderPage).
_ORDER: LazyAdapter[Order] = LazyAdapter("porting_tui.client.models.order:Order")
_NOTE: LazyAdapter[NoteCreated] = LazyAdapter("porting_tui.client.models.results:NoteCreated")
_DOCUMENT: LazyAdapter[OrderDocument] = LazyAdapter("porting_tui.client.models.order:OrderDocument")
_DOCUMENT_CONTENT: LazyAdapter[DocumentContent] = LazyAdapter(
    "porting_tui.client.models.results:DocumentContent"
)

OrderChange = Callable[["Order"], "Order | None"]


def _order_path(order_id: int | str) -> str:
    return f"/orders/portIns/{order_id_path(order_id)}"


def _with_id(order: Order, order_id: int | str) -> Order:
    # The spec does not require ``id`` in the answer; the path says which order it is.
    if "id" not in order.model_fields_set:
        order.id = int(order_id_path(order_id))
    return order


class OrdersResource:
    """Port-in orders."""

    def __init__(self, session: ApiSession) -> None:
        self._session = session

    async def list_page(
        self,
        page: int | str | None = None,
        page_size: int | None = None,
        *,
        order_id: int | str | None = None,
        status: str | None = None,
        customer_order_reference: str | None = None,
        created_start: DateLike | None = None,
        created_end: DateLike | None = None,
        phone_number: str | None = None,
        foc_start: DateLike | None = None,
        foc_end: DateLike | None = None,
    ) -> OrderPage:
        """One page of orders matching the filters; without ``page`` the first one."""
        params = order_list_params(
            page=page,
            page_size=page_size,
            order_id=order_id,
            status=status,
            customer_order_reference=customer_order_reference,
            created_start=created_start,
            created_end=created_end,
            phone_number=phone_number,
            foc_start=foc_start,
            foc_end=foc_end,
        )
        response = await self._session.request("GET", "/orders/portIns", params=params)
        return parse_body(response, OrderPage)

    def list(
        self,
        *,
        page_size: int | None = None,
        order_id: int | str | None = None,
        status: str | None = None,
        customer_order_reference: str | None = None,
        created_start: DateLike | None = None,
        created_end: DateLike | None = None,
        phone_number: str | None = None,
        foc_start: DateLike | None = None,
        foc_end: DateLike | None = None,
    ) -> AsyncIterator[OrderListItem]:
        """Every order matching the filters, fetched page by page as it is iterated."""
        # Build the query once now, so that a bad filter fails at the call, not mid-iteration.
        order_list_params(
            page=None,
            page_size=page_size,
            order_id=order_id,
            status=status,
            customer_order_reference=customer_order_reference,
            created_start=created_start,
            created_end=created_end,
            phone_number=phone_number,
            foc_start=foc_start,
            foc_end=foc_end,
        )

        async def fetch(page: str | None) -> OrderPage:
            return await self.list_page(
                page,
                page_size,
                order_id=order_id,
                status=status,
                customer_order_reference=customer_order_reference,
                created_start=created_start,
                created_end=created_end,
                phone_number=phone_number,
                foc_start=foc_start,
                foc_end=foc_end,
            )

        return iterate_pages(fetch)

    async def get(self, order_id: int | str) -> Order:
        """The full order with its numbers, notes and document metadata."""
        response = await self._session.request("GET", _order_path(order_id))
        return _with_id(parse_body(response, _ORDER), order_id)

    async def create(self, new_order: NewOrder) -> Order:
        """Create a port-in order; it is checked first and never sent twice."""
        from porting_tui.client.models.wire import order_request_body

        check_order(new_order)
        response = await self._session.request(
            "POST", "/orders/portIns", json=order_request_body(new_order)
        )
        return parse_body(response, _ORDER)

    async def update(self, order_id: int | str, order: Order | NewOrder) -> Order:
        """Replace the whole order (the API has no partial update); read-only fields are left out.

        Prefer ``edit``, which starts from the server's current order.
        """
        from porting_tui.client.models.wire import order_request_body

        path = _order_path(order_id)
        check_order(order)
        response = await self._session.request("PUT", path, json=order_request_body(order))
        return _with_id(parse_body(response, _ORDER), order_id)

    async def edit(self, order_id: int | str, change: OrderChange) -> Order:
        """Fetch the order, let ``change`` edit a copy of it, and put the whole result back.

        ``change`` may edit the copy in place and return None, or return a new order. Since
        the full order is sent, nothing the change did not touch is lost.
        """
        current = await self.get(order_id)
        draft = current.model_copy(deep=True)
        changed = change(draft)
        return await self.update(order_id, draft if changed is None else changed)

    async def cancel(self, order_id: int | str) -> None:
        """Cancel a pending order (it goes to ``PENDING_CANCELATION``, then ``CANCELED``)."""
        await self._session.request("DELETE", _order_path(order_id))

    async def add_note(self, order_id: int | str, text: str) -> NoteCreated:
        """Add a note, e.g. to answer a question from Sinch; never sent twice."""
        path = _order_path(order_id) + "/notes"
        check_not_blank("note", text)
        check_text("note", text, prose=True)
        response = await self._session.request("POST", path, json={"note": text})
        return parse_body(response, _NOTE)

    async def upload_document(
        self, order_id: int | str, name: str, content: bytes, description: str = ""
    ) -> OrderDocument:
        """Attach a document (LOA, bill copy); the bytes travel base64-encoded inside JSON."""
        path = _order_path(order_id) + "/documents"
        check_not_blank("documentName", name)
        check_text("documentName", name)
        check_text("description", description, prose=True)
        if not isinstance(content, bytes | bytearray):
            raise PortingValidationError(
                "Document content must be bytes",
                [FieldViolation("fileContent", "must be bytes")],
            )
        body = {
            "documentName": name,
            "description": description,
            "fileContent": base64.b64encode(bytes(content)).decode("ascii"),
        }
        response = await self._session.request("POST", path, json=body)
        return parse_body(response, _DOCUMENT)

    async def get_document(self, order_id: int | str, document_id: int | str) -> DocumentContent:
        """Download a document with its bytes decoded.

        The documented path has no ``portIns`` segment: ``/orders/{orderId}/documents/{id}``.
        """
        document = str(document_id).strip()
        check_not_blank("documentId", document)
        path = f"/orders/{order_id_path(order_id)}/documents/{quote(document, safe='')}"
        response = await self._session.request("GET", path)
        return parse_body(response, _DOCUMENT_CONTENT)
