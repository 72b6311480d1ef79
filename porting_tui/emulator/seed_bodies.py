"""Request bodies for seeded orders: realistic end users, port-out data and routing."""

from __future__ import annotations

import base64
import random
import zlib
from datetime import date, datetime, timedelta
from typing import Any

from porting_tui.emulator.carriers import Carrier, number_facts
from porting_tui.emulator.dates import add_business_days, local_date
from porting_tui.emulator.records import JsonObject
from porting_tui.emulator.rules import BATCH_LIMITS
from porting_tui.emulator.seed_data import (
    AREAS,
    BUSINESS_KINDS,
    BUSINESS_SUFFIXES,
    BUSINESS_WORDS,
    FIRST_NAMES,
    LAST_NAMES,
    REFERENCE_PREFIXES,
    STREET_DIRS,
    STREET_NAMES,
    STREET_TYPES,
)


def _zone_of(text: str, zone: str) -> dict[str, str]:
    return dict.fromkeys(text.split(), zone)


ZONE_OF_STATE = {
    **_zone_of("AL AR IA IL KS LA MN MO MS NE ND OK SD TN TX WI MB SK", "US/Central"),
    **_zone_of("AZ CO ID MT NM UT WY AB", "US/Mountain"),
    **_zone_of("CA NV OR WA AK HI BC", "US/Pacific"),
}
PORT_TIMES = ("09:00:00", "10:00:00", "08:00:00", "13:00:00", "17:00:00")
_ULID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def zone_for(state: str) -> str:
    return ZONE_OF_STATE.get(state, "US/Eastern")


class BodyMaker:
    """Draws every value from one seeded generator, so the same seed gives the same bodies."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    @staticmethod
    def usable(candidate: str, used: set[str]) -> bool:
        exchange = int(candidate[5:8])
        usable = exchange % 100 != 11 and exchange != 555 and candidate not in used
        return usable and number_facts(candidate).portable

    def number(self, npa: str, nxx: int | None = None, *, pending_order: bool = False) -> str:
        """A fresh portable number in ``npa`` (in exchange ``nxx`` when it can be).

        Lines ending in 9999 trigger the "pending order" rejection, so only
        ``pending_order`` numbers get one.
        """
        rng = self.rng
        while True:
            exchange = nxx if nxx is not None else rng.randint(200, 999)
            line = "9999" if pending_order else f"{rng.randint(1, 9998):04d}"
            candidate = f"+1{npa}{exchange}{line}"
            if self.usable(candidate, self.used):
                self.used.add(candidate)
                return candidate
            nxx = None

    def within_batch_limits(self, items: list[JsonObject]) -> None:
        """Move numbers past a carrier's batch limit (``rules.BATCH_LIMITS``) to other
        carriers of the same kind, so that no seeded order is too big for its carriers.

        The new numbers come from a generator of their own, seeded by the order's first
        number: the main one draws exactly what it drew before the carriers had limits.
        """
        counts: dict[Carrier, int] = {}
        spare = random.Random(zlib.crc32(f"split:{items[0]['phoneNumber']}".encode()))  # noqa: S311
        for item in items:
            carrier = number_facts(item["phoneNumber"]).carrier
            assert carrier is not None
            counts[carrier] = counts.get(carrier, 0) + 1
            limit = BATCH_LIMITS[carrier.wireless]
            if counts[carrier] <= limit:
                continue
            npa = item["phoneNumber"][2:5]
            while True:
                candidate = f"+1{npa}{spare.randint(200, 999)}{spare.randint(1, 9998):04d}"
                other = number_facts(candidate).carrier
                if (
                    other is not None
                    and other.wireless == carrier.wireless
                    and counts.get(other, 0) < limit
                    and self.usable(candidate, self.used)
                ):
                    break
            self.used.add(candidate)
            item["phoneNumber"] = candidate
            counts[carrier] -= 1
            counts[other] = counts.get(other, 0) + 1

    def numbers(self, npa: str, count: int) -> list[str]:
        exchanges = [self.rng.randint(200, 999) for _ in range(1 if count < 6 else 2)]
        return [self.number(npa, self.rng.choice(exchanges)) for _ in range(count)]

    def order_size(self) -> int:
        roll = self.rng.random()
        if roll < 0.5:
            return 1
        if roll < 0.8:
            return self.rng.randint(2, 4)
        if roll < 0.95:
            return self.rng.randint(5, 12)
        if roll < 0.995:
            return self.rng.randint(13, 40)
        return self.rng.randint(41, 120)

    def order(self, created: datetime, *, on_demand: bool) -> tuple[JsonObject, str]:
        """An order body created at ``created`` that every rule confirms, and its time zone."""
        rng = self.rng
        npa, city, state, zip_prefix = rng.choice(AREAS)
        zone = zone_for(state)
        created_day = local_date(created, zone)
        end_user = self.end_user(city, state, zip_prefix)
        numbers = [
            self.number_item(phone, end_user, created_day)
            for phone in self.numbers(npa, self.order_size())
        ]
        self.within_batch_limits(numbers)
        schedule: JsonObject = {
            "desiredPortDate": add_business_days(created_day, rng.randint(3, 10)).isoformat(),
            "desiredPortTimeZone": zone,
        }
        if rng.random() < 0.8:
            schedule["desiredPortTime"] = rng.choice(PORT_TIMES)
        body: JsonObject = {
            "customerOrderReference": self.reference(),
            "onDemandActivation": on_demand,
            "desiredPortSchedule": schedule,
            "phoneNumbers": numbers,
        }
        if state in ("ON", "QC", "BC", "AB", "MB", "SK", "NS", "NB", "NL"):
            body["resellerName"] = rng.choice(("", "Maple Telecom Resale", "Northern Voice Inc"))
        return body, zone

    def reference(self) -> str:
        if self.rng.random() < 0.15:
            return ""
        return f"{self.rng.choice(REFERENCE_PREFIXES)}-{self.rng.randint(10, 9999)}"

    def person(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def business(self) -> str:
        name = f"{self.rng.choice(BUSINESS_WORDS)} {self.rng.choice(BUSINESS_KINDS)}"
        return f"{name} {self.rng.choice(BUSINESS_SUFFIXES)}" if self.rng.random() < 0.5 else name

    def zip_code(self, prefix: str) -> str:
        rng = self.rng
        if prefix[0].isalpha():
            letters = "ABCEGHJKLMNPRSTVWXYZ"
            return f"{prefix} {rng.randint(0, 9)}{rng.choice(letters)}{rng.randint(0, 9)}"
        return f"{prefix}{rng.randint(1, 99):02d}"

    def end_user(self, city: str, state: str, zip_prefix: str) -> JsonObject:
        rng = self.rng
        business = rng.random() < 0.7
        end_user: JsonObject = {
            "name": self.business() if business else self.person(),
            "streetNum": str(rng.randint(1, 9899)),
            "streetName": rng.choice(STREET_NAMES),
            "streetType": rng.choice(STREET_TYPES),
            "streetPreDir": rng.choice(STREET_DIRS),
            "city": city,
            "state": state,
            "zipCode": self.zip_code(zip_prefix),
            "typeOfService": "B" if business else "R",
        }
        if business and rng.random() < 0.4:
            end_user["locationType1"] = "Suite"
            end_user["locationValue1"] = str(rng.randint(100, 2400))
        return end_user

    def pin(self) -> str:
        while True:
            digits = self.rng.choice((4, 4, 6))
            pin = f"{self.rng.randrange(10**digits):0{digits}d}"
            if set(pin) != {"0"}:
                return pin

    def number_item(self, phone: str, end_user: JsonObject, created_day: date) -> JsonObject:
        rng = self.rng
        facts = number_facts(phone)
        port_out: JsonObject = {}
        if (facts.carrier is not None and facts.carrier.wireless) or rng.random() < 0.5:
            port_out["existingPortOutPin"] = self.pin()
        if rng.random() < 0.8:
            port_out["accountNum"] = str(rng.randint(10**8, 10**12))
        elif facts.carrier is not None and facts.carrier.wireless:
            port_out["accountNum"] = account_for(phone)
        if rng.random() < 0.6:
            port_out["authorizingName"] = self.person()
            authorized = created_day - timedelta(days=rng.randint(0, 10))
            port_out["authorizingDate"] = authorized.isoformat()
        item: JsonObject = {
            "phoneNumber": phone,
            "endUser": end_user,
            "portOutInfo": port_out,
            "voiceConfiguration": self.voice(),
        }
        if rng.random() < 0.4:
            item["smsConfiguration"] = {"smsAppId": self.uuid()}
        return item

    def voice(self) -> JsonObject:
        roll = self.rng.random()
        if roll < 0.6:
            return {"type": "EST", "trunkId": self.ulid()}
        if roll < 0.9:
            return {"type": "RTC", "appId": self.uuid()}
        return {"type": "FAX", "serviceId": self.ulid()}

    def uuid(self) -> str:
        h = f"{self.rng.getrandbits(128):032x}"
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"

    def ulid(self) -> str:
        bits = self.rng.getrandbits(120)
        return "01" + "".join(_ULID_ALPHABET[(bits >> (5 * i)) & 31] for i in range(24))


def account_for(phone: str) -> str:
    """An account number of a wireless number (its carrier requires one), drawn from the
    number itself, not from the generator: the seeded world stays what it was before the
    carriers required it."""
    return str(10**8 + zlib.crc32(f"account:{phone}".encode()) % (10**12 - 10**8))


def sample_document(title: str, order_reference: str) -> str:
    """A small PDF-looking file, base64-encoded, standing in for an LOA or a bill."""
    text = (
        "%PDF-1.4\n"
        f"% {title}\n"
        f"% order reference: {order_reference or 'none'}\n"
        "% sample document generated by the porting-tui emulator\n"
        "1 0 obj << /Type /Catalog >> endobj\n"
        "%%EOF\n"
    )
    return base64.b64encode(text.encode()).decode()


def editable_copy(value: Any) -> Any:
    """A deep copy of plain JSON data, so a fix never mutates stored (shared) data."""
    if isinstance(value, dict):
        return {key: editable_copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [editable_copy(item) for item in value]
    return value
