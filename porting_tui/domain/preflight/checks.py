"""One check per pre-flight rule id: when does the rule hold, and for which numbers.

A check only finds; what the finding says and where it points come from rules.toml. Each
yields hits (numbers, their carrier, and the values its rule's templates name); the engine
merges hits that would read the same into one finding. The thresholds are the losing
carriers' usual ones, and the emulator's carriers reject by the same numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import timedelta

from porting_tui.domain.business_days import (
    add_business_days,
    business_day_on_or_after,
    holiday_name,
    is_business_day,
)
from porting_tui.domain.order_draft import parse_day
from porting_tui.domain.preflight.carrier_kinds import carrier_key, carrier_kind, is_wireless
from porting_tui.domain.preflight.context import PreflightContext
from porting_tui.domain.preflight.facts import (
    ACCOUNT,
    AUTHORIZING_DATE,
    PIN,
    PORT_DATE,
    STATE,
    ZIP_CODE,
    NumberFacts,
    OrderFacts,
)
from porting_tui.domain.preflight.number_plan import COUNTRY_NAMES, address_country, number_area
from porting_tui.domain.preflight.zip_ranges import prefixes_text, zip_in_state

LEAD_BUSINESS_DAYS = {True: 1, False: 3}
"""Business days a losing carrier needs before the port date, wireless (True) or not."""
BATCH_LIMITS = {True: 50, False: 100}
"""The most numbers of one carrier it takes in one order, wireless (True) or not."""
LOA_VALID_DAYS = 60
"""How long carriers accept a letter of authorization after it was signed."""
LEARNED_MIN_REJECTED = 2
LEARNED_MIN_SHARE = 0.2
"""A past rejection reason is worth advice from two orders and a fifth of the carrier's."""

# What numbers of one account must agree on, in the order a mismatch is pointed at.
ACCOUNT_FIELDS = {
    "endUser.name": "End-user name",
    "endUser.streetNum": "Street number",
    "endUser.streetName": "Street name",
    "endUser.city": "City",
    "endUser.state": "State",
    "endUser.zipCode": "ZIP code",
}


@dataclass(frozen=True)
class Hit:
    """Numbers for which a rule holds, with the values its texts need."""

    numbers: tuple[str, ...]
    carrier: str | None = None
    """The losing carrier the hit is about; None for the order as a whole."""
    params: tuple[tuple[str, str], ...] = ()
    """Template values (name, text), sorted: hits with equal ones are merged."""
    field: str | None = None
    """Another field than the rule's, when the check knows better (which one differs)."""


Check = Callable[[OrderFacts, PreflightContext], Iterable[Hit]]
CHECKS: dict[str, Check] = {}
"""The check of each rule id, in the order they are defined."""


def check(rule_id: str) -> Callable[[Check], Check]:
    def register(function: Check) -> Check:
        if rule_id in CHECKS:
            raise ValueError(f"two checks for rule {rule_id!r}")
        CHECKS[rule_id] = function
        return function

    return register


def _hit(numbers: Iterable[NumberFacts], field: str | None = None, **params: str) -> Hit:
    chosen = tuple(numbers)
    carrier = chosen[0].carrier if chosen and chosen[0].carrier else None
    return Hit(tuple(n.phone for n in chosen), carrier, tuple(sorted(params.items())), field)


def _everyone(facts: OrderFacts, **params: str) -> Hit:
    """A hit on the whole order rather than on one carrier's numbers."""
    return Hit(tuple(n.phone for n in facts.numbers), None, tuple(sorted(params.items())))


def _by_carrier(facts: OrderFacts) -> dict[str, list[NumberFacts]]:
    """The numbers of each known losing carrier (carrier names compared loosely)."""
    groups: dict[str, list[NumberFacts]] = {}
    for number in facts.numbers:
        if key := carrier_key(number.carrier):
            groups.setdefault(key, []).append(number)
    return groups


def _same(text: str) -> str:
    """Text as compared between numbers: case and spaces do not count."""
    return "".join(text.split()).casefold()


@check("wireless-pin")
def wireless_pin(facts: OrderFacts, context: PreflightContext) -> Iterator[Hit]:
    for number in facts.numbers:
        if is_wireless(number.carrier) and not number.value(PIN):
            yield _hit([number])


@check("wireless-account")
def wireless_account(facts: OrderFacts, context: PreflightContext) -> Iterator[Hit]:
    for number in facts.numbers:
        if is_wireless(number.carrier) and not number.value(ACCOUNT):
            yield _hit([number])


@check("address-country")
def address_in_other_country(facts: OrderFacts, context: PreflightContext) -> Iterator[Hit]:
    """Gives {address_country} and {number_country}: ``the US``, ``Canada``."""
    for number in facts.numbers:
        address = address_country(number.value(STATE))
        area = number_area(number.phone)
        if address is None or area is None or area.country is None or address == area.country:
            continue
        yield _hit(
            [number],
            address_country=COUNTRY_NAMES[address],
            number_country=COUNTRY_NAMES[area.country],
        )


@check("address-state")
def address_in_other_state(facts: OrderFacts, context: PreflightContext) -> Iterator[Hit]:
    """Gives {state} (the address's), {npa} and {region} (the area code's).

    Wireline numbers only: a wireline number is a line at its service address, while a
    wireless number's address is a billing one and may be anywhere. An address in the other
    country is address-country's finding, not this one's too.
    """
    for number in facts.numbers:
        if is_wireless(number.carrier):
            continue
        state = number.value(STATE).upper()
        area = number_area(number.phone)
        if area is None or area.region is None or address_country(state) != area.country:
            continue
        if state != area.region:
            yield _hit([number], state=state, npa=area.npa, region=area.region)


@check("zip-state")
def zip_not_in_state(facts: OrderFacts, context: PreflightContext) -> Iterator[Hit]:
    """Gives {zip}, {state} and {prefixes} (the state's ZIP prefixes)."""
    for number in facts.numbers:
        state, zip_code = number.value(STATE).upper(), number.value(ZIP_CODE)
        if zip_in_state(zip_code, state) is False:
            yield _hit([number], zip=zip_code, state=state, prefixes=prefixes_text(state))


@check("open-order")
def in_open_order(facts: OrderFacts, context: PreflightContext) -> Iterator[Hit]:
    """Gives {order}: the id of the other open order."""
    for number in facts.numbers:
        other = context.open_orders.get(number.phone)
        if other is not None and other != facts.order_id:
            yield _hit([number], order=str(other))


def _business_days(count: int) -> str:
    return f"{count} business day" if count == 1 else f"{count} business days"


@check("lead-time")
def too_soon(facts: OrderFacts, context: PreflightContext) -> Iterator[Hit]:
    """Gives {date}, {kind} (wireless or wireline), {lead} (``3 business days``) and
    {earliest}. An unknown carrier counts as wireline, the longer lead time."""
    day = parse_day(facts.value(PORT_DATE))
    if day is None:
        return
    for number in facts.numbers:
        lead = LEAD_BUSINESS_DAYS[is_wireless(number.carrier)]
        earliest = add_business_days(context.today, lead)
        if day < earliest:
            yield _hit(
                [number],
                date=day.isoformat(),
                kind=carrier_kind(number.carrier),
                lead=_business_days(lead),
                earliest=earliest.isoformat(),
            )


@check("porting-day")
def not_a_porting_day(facts: OrderFacts, context: PreflightContext) -> Iterator[Hit]:
    """Gives {date}, {why} (``a Saturday``) and {suggestion} (the next business day)."""
    day = parse_day(facts.value(PORT_DATE))
    if day is None or is_business_day(day):
        return
    holiday = holiday_name(day)
    why = f"{holiday}, a US federal holiday" if holiday else f"a {day.strftime('%A')}"
    suggestion = business_day_on_or_after(max(day, context.today + timedelta(days=1)))
    yield _everyone(facts, date=day.isoformat(), why=why, suggestion=suggestion.isoformat())


@check("loa-old")
def authorization_too_old(facts: OrderFacts, context: PreflightContext) -> Iterator[Hit]:
    """Gives {date} (the authorizing date) and {days} (how long an authorization lasts)."""
    oldest_valid = context.today - timedelta(days=LOA_VALID_DAYS)
    for number in facts.numbers:
        day = parse_day(number.value(AUTHORIZING_DATE))
        if day is not None and day < oldest_valid:
            yield _hit([number], date=day.isoformat(), days=str(LOA_VALID_DAYS))


@check("loa-missing")
def no_document(facts: OrderFacts, context: PreflightContext) -> Iterator[Hit]:
    """Only for an order that exists: a draft has no documents yet, by nature."""
    if facts.documents == 0:
        yield _everyone(facts)


@check("account-consistency")
def account_differs(facts: OrderFacts, context: PreflightContext) -> Iterator[Hit]:
    """Gives {what} (the first field that differs); points at that field.

    Values are compared without case and spaces; an empty value is a missing field (an error
    of its own), not a different one.
    """
    accounts: dict[str, list[NumberFacts]] = {}
    for number in facts.numbers:
        if account := _same(number.value(ACCOUNT)):
            accounts.setdefault(account, []).append(number)
    for members in accounts.values():
        for path, label in ACCOUNT_FIELDS.items():
            values = {_same(n.value(path)) for n in members} - {""}
            if len(values) > 1:
                carriers = {carrier_key(n.carrier) for n in members}
                hit = _hit(members, path, what=label)
                yield hit if len(carriers) == 1 else Hit(hit.numbers, None, hit.params, path)
                break


@check("several-carriers")
def several_carriers(facts: OrderFacts, context: PreflightContext) -> Iterator[Hit]:
    """Gives {carrier_count} and {carriers} (their names)."""
    groups = _by_carrier(facts)
    if len(groups) > 1:
        names = [members[0].carrier for members in groups.values()]
        carried = [n for members in groups.values() for n in members]
        yield Hit(
            tuple(n.phone for n in carried),
            None,
            (("carrier_count", str(len(names))), ("carriers", ", ".join(names))),
        )


@check("carrier-batch")
def too_many_for_carrier(facts: OrderFacts, context: PreflightContext) -> Iterator[Hit]:
    """Gives {limit}: 50 numbers for a wireless carrier, 100 for a wireline one."""
    for members in _by_carrier(facts).values():
        limit = BATCH_LIMITS[is_wireless(members[0].carrier)]
        if len(members) > limit:
            yield _hit(members, limit=str(limit))


@check("learned")
def rejected_before(facts: OrderFacts, context: PreflightContext) -> Iterator[Hit]:
    """Gives {rejected}, {total} and {reason}; points where such a rejection is fixed."""
    groups = _by_carrier(facts)
    for learned in context.learned:
        members = groups.get(carrier_key(learned.carrier))
        if (
            not members
            or learned.rejected_orders < LEARNED_MIN_REJECTED
            or learned.share < LEARNED_MIN_SHARE
        ):
            continue
        yield _hit(
            members,
            learned.field,
            rejected=str(learned.rejected_orders),
            total=str(learned.total_orders),
            reason=learned.reason,
        )
