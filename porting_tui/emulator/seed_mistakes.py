"""Mistakes the seeder's customers make, planted in a fresh order body for the rules to catch.

Which mistake follows from the losing carrier's mix (``carrier_profiles.py``); the rejection
itself comes from the rules (``rules.py``), as for a live order with the same mistake. A
mistake goes on the numbers of that carrier only, so the order's other carriers confirm
theirs; a mistake of the whole order (its date) is planted only when every number of the
order has that carrier.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from porting_tui.emulator.carriers import Carrier, number_facts
from porting_tui.emulator.dates import add_business_days, parse_date
from porting_tui.emulator.places import country_of_region, npa_region
from porting_tui.emulator.records import JsonObject
from porting_tui.emulator.rules import (
    ACCOUNT_MISMATCH,
    ACCOUNT_MISSING,
    ADDRESS_MISMATCH,
    DUE_DATE,
    LEAD_BUSINESS_DAYS,
    LEAD_TIME,
    LOA_EXPIRED,
    LOA_VALID_DAYS,
    NAME_MISMATCH,
    OUTSIDE_RATE_CENTER,
    PENDING_ORDER,
    PIN_INVALID,
    PIN_MISSING,
    Rejection,
)
from porting_tui.emulator.seed_bodies import BodyMaker, account_for
from porting_tui.emulator.seed_data import AREAS

ORDER_WIDE = (DUE_DATE, LEAD_TIME)
_PENDING_TRIES = 400


class MistakePlanter:
    """Plants one mistake of a carrier's mix in an order body, drawing from the seeder's
    generator."""

    def __init__(self, bodies: BodyMaker) -> None:
        self.bodies = bodies
        self._planters: dict[Rejection, Callable[[JsonObject, list[JsonObject], date], bool]] = {
            PIN_INVALID: self._pin_invalid,
            PIN_MISSING: self._pin_missing,
            ACCOUNT_MISSING: self._account_missing,
            ACCOUNT_MISMATCH: self._account_mismatch,
            ADDRESS_MISMATCH: self._zip,
            NAME_MISMATCH: self._name,
            OUTSIDE_RATE_CENTER: self._outside_rate_center,
            LOA_EXPIRED: self._loa_expired,
            LEAD_TIME: self._lead_time,
            DUE_DATE: self._due_date,
            PENDING_ORDER: self._pending_order,
        }

    def plant(
        self,
        body: JsonObject,
        carrier: Carrier,
        mix: tuple[tuple[Rejection, int], ...],
        created_day: date,
    ) -> Rejection:
        """Plant a mistake of ``mix`` on ``carrier``'s numbers; return the rejection it earns
        (an invalid PIN when the drawn one cannot be planted in this order)."""
        items: list[JsonObject] = body["phoneNumbers"]
        mine = [i for i in items if number_facts(i["phoneNumber"]).carrier == carrier]
        whole = len(mine) == len(items)
        choices = [(r, w) for r, w in mix if whole or r not in ORDER_WIDE] or [(PIN_INVALID, 1)]
        drawn = self.bodies.rng.choices(
            [rejection for rejection, _ in choices], [weight for _, weight in choices]
        )[0]
        if self._planters[drawn](body, mine, created_day):
            return drawn
        self._pin_invalid(body, mine, created_day)
        return PIN_INVALID

    @staticmethod
    def _set_port_out(mine: list[JsonObject], **values: str) -> None:
        for item in mine:
            item["portOutInfo"] = {**item["portOutInfo"], **values}

    @staticmethod
    def _set_end_user(mine: list[JsonObject], **values: str) -> None:
        end_user = {**mine[0]["endUser"], **values}
        for item in mine:
            item["endUser"] = end_user

    def _pin_invalid(self, body: JsonObject, mine: list[JsonObject], day: date) -> bool:
        self._set_port_out(mine, existingPortOutPin="0000")
        return True

    def _pin_missing(self, body: JsonObject, mine: list[JsonObject], day: date) -> bool:
        if not _wireless(mine):
            return False
        for item in mine:
            item["portOutInfo"] = {k: v for k, v in item["portOutInfo"].items() if "Pin" not in k}
        return True

    def _account_missing(self, body: JsonObject, mine: list[JsonObject], day: date) -> bool:
        if not _wireless(mine):
            return False
        for item in mine:
            item["portOutInfo"] = {
                k: v for k, v in item["portOutInfo"].items() if k != "accountNum"
            }
        return True

    def _account_mismatch(self, body: JsonObject, mine: list[JsonObject], day: date) -> bool:
        self._set_port_out(mine, accountNum="000000000")
        return True

    def _zip(self, body: JsonObject, mine: list[JsonObject], day: date) -> bool:
        self._set_end_user(mine, zipCode="00000")
        return True

    def _name(self, body: JsonObject, mine: list[JsonObject], day: date) -> bool:
        name = self.bodies.business().split(" ")[0] + " Holdings Inc"
        self._set_end_user(mine, typeOfService="R", name=name)
        return True

    def _outside_rate_center(self, body: JsonObject, mine: list[JsonObject], day: date) -> bool:
        """A wireline number with the service address of another state of its country."""
        region = npa_region(mine[0]["phoneNumber"][2:5])
        if _wireless(mine) or region is None:
            return False
        country = country_of_region(region)
        elsewhere = [
            (city, state, prefix)
            for _npa, city, state, prefix in AREAS
            if state != region and country_of_region(state) == country
        ]
        city, state, prefix = self.bodies.rng.choice(elsewhere)
        self._set_end_user(mine, city=city, state=state, zipCode=self.bodies.zip_code(prefix))
        return True

    def _loa_expired(self, body: JsonObject, mine: list[JsonObject], day: date) -> bool:
        signed = day - timedelta(days=self.bodies.rng.randint(LOA_VALID_DAYS + 10, 150))
        self._set_port_out(mine, authorizingDate=signed.isoformat())
        return True

    def _lead_time(self, body: JsonObject, mine: list[JsonObject], day: date) -> bool:
        """A date one business day out, where a wireline carrier needs more notice."""
        if _wireless(mine):
            return False
        soon = add_business_days(day, LEAD_BUSINESS_DAYS[False] - 2)
        body["desiredPortSchedule"]["desiredPortDate"] = soon.isoformat()
        return True

    def _due_date(self, body: JsonObject, mine: list[JsonObject], day: date) -> bool:
        schedule = body["desiredPortSchedule"]
        desired = parse_date(schedule["desiredPortDate"]) or day
        schedule["desiredPortDate"] = (desired + timedelta((5 - desired.weekday()) % 7)).isoformat()
        return True

    def _pending_order(self, body: JsonObject, mine: list[JsonObject], day: date) -> bool:
        """The first number swapped for one of the carrier's that ends in 9999."""
        bodies, first = self.bodies, mine[0]
        carrier = number_facts(first["phoneNumber"]).carrier
        for _ in range(_PENDING_TRIES):
            candidate = bodies.number(first["phoneNumber"][2:5], pending_order=True)
            if number_facts(candidate).carrier == carrier:
                break
            bodies.used.discard(candidate)
        else:
            return False
        bodies.used.discard(first["phoneNumber"])
        first["phoneNumber"] = candidate
        if _wireless(mine) and not first["portOutInfo"].get("accountNum"):
            first["portOutInfo"] = {**first["portOutInfo"], "accountNum": account_for(candidate)}
        return True


def _wireless(mine: list[JsonObject]) -> bool:
    carrier = number_facts(mine[0]["phoneNumber"]).carrier
    return carrier is not None and carrier.wireless
