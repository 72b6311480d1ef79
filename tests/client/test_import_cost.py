"""What importing the client costs: no pydantic, no phone-number metadata, no model built until
used; reading a page of the order list needs no pydantic either.

Checked in a fresh interpreter (sys.modules of a subprocess); nothing here times anything.
"""

from __future__ import annotations

import json
import subprocess
import sys

REPORT = """
import json, sys
modules = sorted(sys.modules)
from porting_tui.client import models
built = sorted(
    name for name in models.__all__
    if getattr(getattr(models, name), "__pydantic_complete__", None) is True
)
print(json.dumps({"modules": modules, "built": built}))
"""


def run_python(code: str) -> dict[str, list[str]]:
    proc = subprocess.run(
        [sys.executable, "-c", code + REPORT], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
    result: dict[str, list[str]] = json.loads(proc.stdout.splitlines()[-1])
    return result


def imported(modules: list[str], package: str) -> list[str]:
    return [name for name in modules if name.split(".")[0] == package]


def test_importing_the_client_loads_no_pydantic_no_phonenumbers_and_builds_no_model() -> None:
    found = run_python("from porting_tui.client import PortingClient, PortingError")
    assert "porting_tui.client.client" in found["modules"]
    assert imported(found["modules"], "phonenumbers") == []
    assert imported(found["modules"], "pydantic") == []
    assert found["built"] == []


def test_reading_a_page_needs_no_pydantic_and_typed_numbers_still_normalize() -> None:
    found = run_python(
        "from porting_tui.client import OrderPage, normalize_phone_number\n"
        'page = OrderPage.model_validate_json(\'{"orders": [{"id": 7}], "totalItems": 1}\')\n'
        "assert page.orders[0].id == 7 and page.total_items == 1\n"
        "assert normalize_phone_number('(202) 555-0123') == '+12025550123'\n"
    )
    assert "phonenumbers" in found["modules"]
    assert imported(found["modules"], "pydantic") == []


def test_reading_an_order_builds_the_models_it_reaches_only() -> None:
    found = run_python(
        "from porting_tui.client.resources.orders import _ORDER\n"
        'body = \'{"id": 7, "desiredPortSchedule": {"desiredPortDate": "2025-01-31"}}\'\n'
        "order = _ORDER.get().validate_json(body)\n"
        "assert order.id == 7\n"
    )
    assert "pydantic" in found["modules"]
    assert "Configuration" not in found["built"]
