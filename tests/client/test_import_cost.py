"""What importing the client costs: no phone-number metadata and no model built until used.

Checked in a fresh interpreter (sys.modules of a subprocess); nothing here times anything.
"""

from __future__ import annotations

import json
import subprocess
import sys

REPORT = """
import json, sys
from porting_tui.client import models
built = sorted(
    name for name in models.__all__
    if getattr(getattr(models, name), "__pydantic_complete__", None) is True
)
print(json.dumps({"modules": sorted(sys.modules), "built": built}))
"""


def run_python(code: str) -> dict[str, list[str]]:
    proc = subprocess.run(
        [sys.executable, "-c", code + REPORT], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
    result: dict[str, list[str]] = json.loads(proc.stdout.splitlines()[-1])
    return result


def test_importing_the_client_loads_no_phonenumbers_and_builds_no_model() -> None:
    found = run_python("import porting_tui.client")
    assert "porting_tui.client.client" in found["modules"]
    assert [m for m in found["modules"] if m.split(".")[0] == "phonenumbers"] == []
    assert found["built"] == []


def test_reading_a_page_builds_no_other_model_and_typed_numbers_still_normalize() -> None:
    found = run_python(
        "from porting_tui.client.resources.orders import _PAGE\n"
        'page = _PAGE.get().validate_json(\'{"orders": [{"id": 7}], "totalItems": 1}\')\n'
        "assert page.orders[0].id == 7 and page.total_items == 1\n"
        "from porting_tui.client import normalize_phone_number\n"
        "assert normalize_phone_number('(202) 555-0123') == '+12025550123'\n"
    )
    assert "phonenumbers" in found["modules"]
    # The page's adapter builds its own validator; no model class is built on the way.
    assert found["built"] == []
