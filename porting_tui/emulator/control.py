"""Test controls under ``/_emulator`` (never under the API path): clock, faults, events, reset.

They need no credentials: the emulator is a local tool and binds to loopback by default.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from porting_tui.emulator.checks import Checks, parse_json, require_object
from porting_tui.emulator.dates import format_timestamp, parse_duration, parse_timestamp
from porting_tui.emulator.errors import ApiError, error_response
from porting_tui.emulator.faults import FaultSpecError

if TYPE_CHECKING:
    from porting_tui.emulator.app import Emulator

Control = Callable[["Emulator", Request], Awaitable[Any]]


def _control(handler: Control) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        try:
            return JSONResponse(await handler(request.app.state.emulator, request))
        except ApiError as error:
            return error_response(error)

    return endpoint


async def _body(request: Request) -> dict[str, Any]:
    return require_object(parse_json(await request.body(), allow_empty=True) or {})


def state(emu: Emulator) -> dict[str, Any]:
    now = emu.catch_up()
    counts: dict[str, int] = {}
    for order in emu.store.orders.values():
        counts[order.status] = counts.get(order.status, 0) + 1
    return {
        "now": format_timestamp(now),
        "speed": emu.clock.speed,
        "orders": len(emu.store),
        "ordersByStatus": counts,
        "faults": emu.faults.plan.describe(),
        "events": len(emu.events),
        "projectId": emu.settings.project_id,
    }


async def get_state(emu: Emulator, request: Request) -> Any:
    return state(emu)


async def post_clock(emu: Emulator, request: Request) -> Any:
    """``{"advance": "2h" | seconds, "to": "<ISO date-time>", "speed": X}``; any subset."""
    body = await _body(request)
    checks = Checks()
    if "advance" in body:
        step = parse_duration(body["advance"])
        if step is None:
            checks.add("advance", "advance must be seconds or a duration such as 90s, 15m, 2h, 3d")
        else:
            emu.advance(step)
    if "to" in body:
        target = parse_timestamp(str(body["to"]))
        if target is None:
            checks.add("to", "to must be an ISO-8601 date-time")
        elif target < emu.clock.now():
            checks.add("to", "the virtual clock only moves forward")
        else:
            emu.advance(target - emu.clock.now())
    if "speed" in body:
        speed = body["speed"]
        if isinstance(speed, bool) or not isinstance(speed, int | float) or speed < 0:
            checks.add("speed", "speed must be a number of virtual seconds per real second, >= 0")
        else:
            emu.clock.set_speed(float(speed))
    checks.raise_if_any()
    return state(emu)


async def get_events(emu: Emulator, request: Request) -> Any:
    emu.catch_up()
    since = request.query_params.get("since", "0")
    wanted_type = request.query_params.get("type")
    wanted_order = request.query_params.get("orderId")
    records = emu.events.since(int(since) if since.isdigit() else 0)
    return {
        "events": [
            record.to_json()
            for record in records
            if (wanted_type is None or record.body["type"] == wanted_type)
            and (wanted_order is None or record.body["orderId"] == wanted_order)
        ]
    }


async def delete_events(emu: Emulator, request: Request) -> Any:
    emu.events.clear()
    return {"events": []}


async def get_faults(emu: Emulator, request: Request) -> Any:
    return {"faults": emu.faults.plan.describe()}


async def post_faults(emu: Emulator, request: Request) -> Any:
    """``{"spec": "429=0.1,500=0.05"}``; an empty spec switches faults off."""
    spec = (await _body(request)).get("spec")
    if spec is not None and not isinstance(spec, str):
        raise ApiError(422, "spec must be a string")
    try:
        emu.faults.set(spec)
    except FaultSpecError as exc:
        raise ApiError(422, f"Invalid fault spec: {exc}") from None
    return {"faults": emu.faults.plan.describe()}


async def delete_faults(emu: Emulator, request: Request) -> Any:
    emu.faults.set(None)
    return {"faults": ""}


async def post_reset(emu: Emulator, request: Request) -> Any:
    emu.reset()
    return state(emu)


def control_routes() -> list[BaseRoute]:
    return [
        Route("/_emulator", _control(get_state), methods=["GET"]),
        Route("/_emulator/", _control(get_state), methods=["GET"]),
        Route("/_emulator/clock", _control(post_clock), methods=["POST"]),
        Route("/_emulator/events", _control(get_events), methods=["GET"]),
        Route("/_emulator/events", _control(delete_events), methods=["DELETE"]),
        Route("/_emulator/faults", _control(get_faults), methods=["GET"]),
        Route("/_emulator/faults", _control(post_faults), methods=["POST"]),
        Route("/_emulator/faults", _control(delete_faults), methods=["DELETE"]),
        Route("/_emulator/reset", _control(post_reset), methods=["POST"]),
    ]
