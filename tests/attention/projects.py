"""Several in-process emulators, one per project, sharing one local store: the board across them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import httpx

from porting_tui.attention.all_projects_board import AllProjectsBoard, Project
from porting_tui.attention.board import AttentionBoard
from porting_tui.attention.known_reasons import KnownReasons
from porting_tui.attention.settings import AttentionSettings
from porting_tui.client import PortingClient
from porting_tui.emulator import (
    DEMO_KEY_ID,
    DEMO_KEY_SECRET,
    Emulator,
    EmulatorSettings,
    create_emulator,
)
from porting_tui.local.store import LocalStore
from tests.attention.conftest import CountingTransport, new_order, same_carrier_numbers
from tests.emulator.conftest import START

WRONG_SECRET = "not-the-secret"


@dataclass
class EmulatedProject:
    name: str
    emulator: Emulator
    transport: CountingTransport
    secret: str = DEMO_KEY_SECRET
    read_only: bool = False

    def client(self) -> PortingClient:
        return PortingClient(
            self.emulator.settings.project_id,
            key_id=DEMO_KEY_ID,
            key_secret=self.secret,
            base_url="http://127.0.0.1:8787",
            transport=self.transport,
            max_retries=0,
        )


@dataclass
class Projects:
    """The emulated projects and the store path; ``open`` makes a board as a fresh run would."""

    projects: list[EmulatedProject]
    store_path: Path
    clients: list[PortingClient] = field(default_factory=list)
    stores: list[LocalStore] = field(default_factory=list)

    def by_name(self, name: str) -> EmulatedProject:
        return next(project for project in self.projects if project.name == name)

    def open(self) -> AllProjectsBoard:
        store = LocalStore.open(self.store_path)
        self.stores.append(store)
        boards = []
        for project in self.projects:
            client = project.client()
            self.clients.append(client)
            board = AttentionBoard(
                client,
                store,
                project.name,
                settings=AttentionSettings(own_authors=frozenset({DEMO_KEY_ID})),
                clock=project.emulator.clock.now,
            )
            boards.append(
                Project(
                    project.name,
                    board,
                    KnownReasons(store, project.name),
                    read_only=project.read_only,
                )
            )
        return AllProjectsBoard(boards)

    async def close(self) -> None:
        for client in self.clients:
            await client.aclose()
        for store in self.stores:
            store.close()
        for project in self.projects:
            await project.emulator.aclose()


def emulated(
    name: str, seed: int, *, secret: str = DEMO_KEY_SECRET, read_only: bool = False
) -> EmulatedProject:
    emulator = create_emulator(
        EmulatorSettings(seed=seed, speed=0, start=START, project_id=f"{name}-project")
    )
    transport = CountingTransport(httpx.ASGITransport(app=emulator.app))
    return EmulatedProject(name, emulator, transport, secret, read_only)


async def create_order(project: EmulatedProject, *, bad_pins: bool = False) -> int:
    """An order the carrier rejects two hours on (bad PINs) or confirms."""
    numbers = same_carrier_numbers(2)
    pins = dict.fromkeys(numbers, "0000") if bad_pins else None
    async with project.client() as client:
        order = await client.orders.create(new_order(numbers, date="2025-03-18", pins=pins))
    return order.id
