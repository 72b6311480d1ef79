"""A fake server answering like the reference's samples, and the samples themselves."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx

SAMPLES = Path(__file__).with_name("samples")
PROJECT = "proj-ref"
API = "http://127.0.0.1:8787"
ORDER_ID = 890192331


def load(name: str) -> dict[str, Any]:
    sample: dict[str, Any] = json.loads((SAMPLES / name).read_text(encoding="utf-8"))
    return sample


def sample_names(kind: str) -> list[str]:
    return sorted(path.name for path in SAMPLES.glob(f"*.{kind}.json"))


DATE_FORMS = {
    "date": "2024-09-24",
    "date-time Z": "2024-09-24T12:00:00Z",
    "fraction": "2024-09-24T12:00:00.123Z",
    "offset": "2024-09-24T12:00:00+02:00",
    "naive": "2024-09-24T12:00:00",
}
GARBAGE = "24/09/2024 noonish"


def reference_order(date_form: str | None = None) -> dict[str, Any]:
    """The reference's sample order, every date field in ``date_form`` when given."""
    body = load("order-detail-reference.response.json")["body"]
    if date_form is not None:
        number = body["phoneNumbers"][0]
        for key in ("createdDate", "loaAttachmentDate"):
            body[key] = date_form
        for key in ("focDate", "confirmedDate", "activatedDate", "exclusionDate"):
            number[key] = date_form
        number["portOutInfo"]["authorizingDate"] = date_form
        body["notes"][0]["createdTime"] = date_form
    return body


def reference_page(date_form: str | None = None) -> dict[str, Any]:
    body = load("list-orders-reference.response.json")["body"]
    if date_form is not None:
        for row in body["orders"]:
            row["createdDate"] = date_form
    return body


class ReferenceServer:
    """Answers the order list and order detail like the reference's samples; 404 otherwise."""

    def __init__(self, order: dict[str, Any], page: dict[str, Any]) -> None:
        self.order = order
        self.page = page
        self.requests: list[httpx.Request] = []
        self.transport = httpx.MockTransport(self.handle)
        self.failures: dict[tuple[str, str], httpx.Response] = {}
        """(method, path) -> the error response to answer instead."""

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path.removeprefix(f"/v1/projects/{PROJECT}")
        if (request.method, path) in self.failures:
            return self.failures[request.method, path]
        if request.method == "GET" and path == "/orders/portIns":
            return httpx.Response(200, json=self.page)
        if request.method == "GET" and path.startswith("/orders/portIns/"):
            order_id = path.rsplit("/", 1)[-1]
            if order_id.isdigit():
                return httpx.Response(200, json={**self.order, "id": int(order_id)})
        body = {"code": "404", "error": "Not found", "message": f"No {path}"}
        return httpx.Response(404, json=body)

    def list_queries(self) -> list[dict[str, str]]:
        return [dict(r.url.params) for r in self.requests if r.url.path.endswith("/portIns")]


def broken_number_order() -> dict[str, Any]:
    body = reference_order()
    broken = {"phoneNumber": "+12345678902", "status": "CONFIRMED", "endUser": "Acme Corp"}
    body["phoneNumbers"].append(broken)
    return body
