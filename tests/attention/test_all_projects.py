"""Needs attention across projects: one ranking with project names, one project failing while
the others load, and each new reason told once, also after a restart on the same store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from porting_tui.attention.rules import NOTE, REJECTED
from tests.attention.projects import WRONG_SECRET, Projects, create_order, emulated

TWO_HOURS = timedelta(hours=2)


@pytest.fixture
async def projects(tmp_path: Path) -> AsyncIterator[Projects]:
    built = Projects(
        [
            emulated("acme", 7),
            emulated("globex", 11, read_only=True),
            emulated("initech", 23, secret=WRONG_SECRET),
        ],
        tmp_path / "state.sqlite3",
    )
    yield built
    await built.close()


def advance_all(projects: Projects, delta: timedelta) -> None:
    for project in projects.projects:
        project.emulator.advance(delta)


def add_note(projects: Projects, name: str, order_id: int) -> None:
    """Sinch writes a note on the order (a note changes nothing of its list row)."""
    emulator = projects.by_name(name).emulator
    record = emulator.store.get(order_id)
    assert record is not None
    emulator.lifecycle.add_note(
        record, "Please send a recent bill.", "Sinch Porting", emulator.clock.now()
    )


async def test_one_ranking_holds_every_projects_orders_with_their_project(
    projects: Projects,
) -> None:
    rejected = await create_order(projects.by_name("acme"), bad_pins=True)
    quiet = await create_order(projects.by_name("acme"))
    noted = await create_order(projects.by_name("globex"))
    advance_all(projects, TWO_HOURS)
    add_note(projects, "globex", noted)
    board = projects.open()
    await board.refresh()

    ranked = board.ranked()
    assert {row.project for row in ranked} == {"acme", "globex"}
    assert ranked[0].project == "acme" and ranked[0].item.order_id == rejected
    assert all(row.read_only == (row.project == "globex") for row in ranked)
    sections = {section.name: section for section in board.sections()}
    assert [s.name for s in board.sections()] == ["acme", "globex", "initech"]
    assert sections["acme"].count + sections["globex"].count == len(ranked) == board.count()
    assert [(row.project, row.item.order_id) for row in ranked] == [
        ("acme", rejected),
        ("globex", noted),
    ]
    assert quiet not in [item.order_id for item in sections["acme"].items]


async def test_a_project_whose_secret_is_refused_shows_its_error_and_the_others_load(
    projects: Projects,
) -> None:
    board = projects.open()
    await board.refresh()

    sections = {section.name: section for section in board.sections()}
    assert sections["initech"].error is not None and not sections["initech"].loaded
    assert sections["initech"].items == []
    assert sections["acme"].loaded and sections["acme"].error is None
    assert sections["globex"].loaded and sections["globex"].error is None
    assert [project.name for project in board.failed()] == ["initech"]
    # The refused project stopped at its first request; the others read their orders.
    assert projects.by_name("initech").transport.requests == [
        "GET /v1/projects/initech-project/orders/portIns"
    ]


async def test_a_new_rejection_is_told_once_and_not_again_after_a_restart(
    projects: Projects,
) -> None:
    acme = projects.by_name("acme")
    order_id = await create_order(acme, bad_pins=True)
    board = projects.open()
    # The first look at a project takes what needs attention then as known.
    assert await board.refresh() == []

    acme.emulator.advance(TWO_HOURS)
    found = await board.refresh()
    assert [(r.project, r.order_id) for r in found if r.kind == REJECTED] == [("acme", order_id)]
    assert all(reason.project == "acme" for reason in found)
    assert await board.refresh() == []

    restarted = projects.open()
    assert await restarted.refresh() == []


async def test_a_note_named_by_a_webhook_is_told_once(projects: Projects) -> None:
    globex = projects.by_name("globex")
    order_id = await create_order(globex)
    board = projects.open()
    await board.refresh()
    add_note(projects, "globex", order_id)

    found = await board.reread("globex", order_id)
    assert [(r.project, r.order_id, r.kind) for r in found] == [("globex", order_id, NOTE)]
    assert found[0].line().startswith(f"globex: order {order_id} (ACME-42): note")
    assert await board.reread("globex", order_id) == []
    assert await board.refresh() == []
