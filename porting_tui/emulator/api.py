"""The 14 operations of the Porting API, plus the documented aliases, as Starlette routes."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route

from porting_tui.emulator.activation import activate, available_activations
from porting_tui.emulator.attachments import add_document, add_note, find_document
from porting_tui.emulator.checks import parse_json
from porting_tui.emulator.errors import ApiError, error_response, unauthorized
from porting_tui.emulator.listing import list_orders
from porting_tui.emulator.project import (
    check_portability,
    current_configuration,
    read_configuration,
)
from porting_tui.emulator.wire import document_json, order_json

if TYPE_CHECKING:
    from porting_tui.emulator.app import Emulator

Handler = Callable[["Emulator", Request, "Call"], Awaitable[Response]]


class Call:
    """Who is calling, when (virtual time, after the lifecycle caught up) and with what body."""

    def __init__(self, user: str, now: datetime, raw_body: bytes) -> None:
        self.user = user
        self.now = now
        self.raw_body = raw_body

    def json(self, *, allow_empty: bool = False) -> Any:
        return parse_json(self.raw_body, allow_empty=allow_empty)


def _endpoint(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        emulator: Emulator = request.app.state.emulator
        user = emulator.credentials.user(request)
        if user is None or request.path_params.get("projectId") != emulator.settings.project_id:
            return unauthorized()
        raw_body = await request.body()
        # No await between catching up and the handler: it works at one virtual instant,
        # and orders are created in the order of their creation times.
        call = Call(user, emulator.catch_up(), raw_body)
        try:
            return await handler(emulator, request, call)
        except ApiError as error:
            return error_response(error)

    return endpoint


def _ok(body: Any, status: int = 200) -> Response:
    return JSONResponse(body, status_code=status)


async def portability_checks(emu: Emulator, request: Request, call: Call) -> Response:
    return _ok(check_portability(emu.store, call.json()))


async def create_order(emu: Emulator, request: Request, call: Call) -> Response:
    order = emu.book.create(call.json(), call.now)
    return _ok(order_json(order, emu.store.wire_style), 201)


async def get_orders(emu: Emulator, request: Request, call: Call) -> Response:
    return _ok(list_orders(emu.store, request.query_params))


async def get_order(emu: Emulator, request: Request, call: Call) -> Response:
    return _ok(order_json(emu.book.find(request.path_params["orderId"]), emu.store.wire_style))


async def update_order(emu: Emulator, request: Request, call: Call) -> Response:
    order_id = request.path_params["orderId"]
    emu.book.find(order_id)
    order = emu.book.update(order_id, call.json(), call.now)
    return _ok(order_json(order, emu.store.wire_style))


async def cancel_order(emu: Emulator, request: Request, call: Call) -> Response:
    emu.book.cancel(request.path_params["orderId"], call.now)
    return Response(status_code=200)


async def post_note(emu: Emulator, request: Request, call: Call) -> Response:
    order = emu.book.find(request.path_params["orderId"])
    note = add_note(emu.lifecycle, order, call.json(), call.user, call.now)
    return _ok({"id": note.id, "note": note.note})


async def post_document(emu: Emulator, request: Request, call: Call) -> Response:
    order = emu.book.find(request.path_params["orderId"])
    document = add_document(emu.lifecycle, order, call.json(), call.user, call.now)
    return _ok(document_json(document))


async def get_document(emu: Emulator, request: Request, call: Call) -> Response:
    order = emu.book.find(request.path_params["orderId"])
    document = find_document(order, request.path_params["documentId"])
    return _ok(
        {
            "documentId": document.id,
            **document_json(document),
            "fileContent": document.content,
            "contentType": document.content_type,
        }
    )


async def get_activations(emu: Emulator, request: Request, call: Call) -> Response:
    order = emu.book.find(request.path_params["orderId"])
    return _ok(available_activations(emu.lifecycle, order, call.now))


async def post_activate(emu: Emulator, request: Request, call: Call) -> Response:
    order = emu.book.find(request.path_params["orderId"])
    body = call.json(allow_empty=True)
    return _ok(activate(emu.lifecycle, order, body, call.user, call.now))


async def create_configuration(emu: Emulator, request: Request, call: Call) -> Response:
    """A second POST overwrites the first (the real service's answer is undocumented)."""
    emu.store.configuration = read_configuration(call.json())
    return _ok(emu.store.configuration)


async def get_configuration(emu: Emulator, request: Request, call: Call) -> Response:
    return _ok(current_configuration(emu.store))


async def update_configuration(emu: Emulator, request: Request, call: Call) -> Response:
    """Full replace of an existing configuration; 404 before one was created."""
    current_configuration(emu.store)
    emu.store.configuration = read_configuration(call.json())
    return _ok(emu.store.configuration)


def _route(path: str, handlers: dict[str, Handler]) -> Route:
    """One route per path serving all its methods, so a 405 lists them all in ``Allow``."""
    endpoints = {method: _endpoint(handler) for method, handler in handlers.items()}

    async def endpoint(request: Request) -> Response:
        method = "GET" if request.method == "HEAD" else request.method
        return await endpoints[method](request)

    return Route(path, endpoint, methods=list(handlers))


def api_routes() -> list[BaseRoute]:
    order = "/orders/portIns/{orderId}"
    return [
        Mount(
            "/v1/projects/{projectId}",
            routes=[
                _route("/portabilityChecks", {"POST": portability_checks}),
                _route("/orders/portIns", {"GET": get_orders, "POST": create_order}),
                _route(order, {"GET": get_order, "PUT": update_order, "DELETE": cancel_order}),
                _route(order + "/notes", {"POST": post_note}),
                _route(order + "/documents", {"POST": post_document}),
                _route("/orders/{orderId}/documents/{documentId}", {"GET": get_document}),
                _route(order + "/documents/{documentId}", {"GET": get_document}),
                _route(order + "/availableActivations", {"GET": get_activations}),
                _route(order + "/activate", {"POST": post_activate}),
                _route(order + ":activate", {"POST": post_activate}),
                _route(
                    "/configuration",
                    {
                        "GET": get_configuration,
                        "POST": create_configuration,
                        "PUT": update_configuration,
                    },
                ),
            ],
        )
    ]
