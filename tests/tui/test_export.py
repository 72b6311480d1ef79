"""Export files: CSV and JSON content, file names, never overwriting."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime
from pathlib import Path

from porting_tui.client import OrderListItem
from porting_tui.local.export import export_file_name, render_csv, write_export

ORDERS = [
    OrderListItem(
        id=1,
        status="PENDING",
        customer_order_reference='ACME, "quoted" [bold]x[/]',
        created_date=date(2026, 11, 20),
        phone_number_quantity=3,
        rejected_quantity=1,
    ),
    OrderListItem.model_validate({"id": 2, "status": "NEW_STATE", "futureField": "kept"}),
]


def test_csv_has_the_api_field_names_and_literal_values() -> None:
    rows = list(csv.DictReader(render_csv(ORDERS).splitlines()))
    assert rows[0] == {
        "id": "1",
        "status": "PENDING",
        "customerOrderReference": 'ACME, "quoted" [bold]x[/]',
        "createdDate": "2026-11-20",
        "phoneNumberQuantity": "3",
        "focQuantity": "0",
        "activatedQuantity": "0",
        "rejectedQuantity": "1",
        "excludedQuantity": "0",
    }
    assert rows[1]["customerOrderReference"] == "" and rows[1]["status"] == "NEW_STATE"


def test_json_keeps_fields_the_client_does_not_know(tmp_path: Path) -> None:
    path = write_export(ORDERS, "json", tmp_path, "orders.json")
    body = json.loads(path.read_text())
    assert body["totalItems"] == 2
    assert body["orders"][1]["futureField"] == "kept"
    assert body["orders"][0]["customerOrderReference"] == 'ACME, "quoted" [bold]x[/]'


def test_a_second_export_in_the_same_second_gets_its_own_file(tmp_path: Path) -> None:
    first = write_export(ORDERS, "csv", tmp_path, "orders.csv")
    second = write_export(ORDERS[:1], "csv", tmp_path, "orders.csv")
    assert first != second and second.name == "orders-2.csv"
    assert len(first.read_text().splitlines()) == 3


def test_file_names_carry_a_safe_profile_name_and_the_time() -> None:
    when = datetime(2026, 11, 27, 14, 2, 31)
    name = export_file_name("acme prod/eu", when, "csv")
    assert name == "orders-acme_prod_eu-20261127-140231.csv"
