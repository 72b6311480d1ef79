"""Click parameter types for the values the commands take: order ids and phone numbers.

Values are checked inside ``convert``, which imports the checks only then: a command module
using these types stays cheap to import, for ``--help`` and for the commands that never see a
phone number (the checks pull in phonenumbers and the client).
"""

from __future__ import annotations

from typing import Any

import click


class OrderIdType(click.ParamType[int, Any]):
    """An order id: digits, optionally written ``#123``."""

    name = "order_id"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        text = str(value).strip().lstrip("#")
        if not text.isascii() or not text.isdigit() or int(text) == 0:
            self.fail(
                f"{value!r} is not an order id; an order id is a number like 123456", param, ctx
            )
        return int(text)


class PhoneNumberType(click.ParamType[str, Any]):
    """A phone number in any common format, converted to E.164."""

    name = "number"

    def __init__(self, *, nanp_only: bool = False) -> None:
        self.nanp_only = nanp_only

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        from porting_tui.cli.field_checks import check_phone

        try:
            return check_phone(str(value), nanp_only=self.nanp_only)
        except ValueError as error:
            self.fail(str(error), param, ctx)


ORDER_ID = OrderIdType()
