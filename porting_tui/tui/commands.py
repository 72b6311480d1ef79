"""Command-palette providers: every described key binding of the screen, plus its own extras."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


@dataclass(frozen=True)
class PaletteCommand:
    """A command a screen offers beyond its key bindings (e.g. "View: Pending")."""

    title: str
    help: str
    run: Callable[[], object]


def _binding_commands(provider: Provider) -> list[PaletteCommand]:
    # Imported when the palette opens: the help screen is not part of the app's start.
    from porting_tui.tui.screens.help_screen import described_bindings

    return [
        PaletteCommand(
            entry.description,
            f"key: {entry.keys}",
            partial(provider.app.run_action, entry.action, entry.node),
        )
        for entry in described_bindings(provider.screen)
    ]


def _screen_commands(provider: Provider) -> list[PaletteCommand]:
    extra = getattr(provider.screen, "palette_commands", None)
    found = extra() if callable(extra) else []
    return [command for command in found if isinstance(command, PaletteCommand)]


class ProfileCommands(Provider):
    """ "Switch profile: NAME" for every other usable profile, with its project and flags."""

    async def _commands(self) -> list[PaletteCommand]:
        from porting_tui.local.errors import ProfileError
        from porting_tui.local.profiles import load_config

        try:
            config = await asyncio.to_thread(load_config)
        except ProfileError:
            return []
        current = getattr(self.app, "session", None)
        current_name = getattr(current, "profile_name", None)
        commands = []
        for name, profile in config.profiles.items():
            if name == current_name:
                continue
            flag = "READ-ONLY" if profile.read_only else "read-write"
            action = f"switch_profile({name!r}, {profile.project_id!r}, {profile.read_only})"
            commands.append(
                PaletteCommand(
                    f"Switch profile: {name}",
                    f"project {profile.project_id} · {flag} · {profile.api_url}",
                    partial(self.app.run_action, action),
                )
            )
        return commands

    async def discover(self) -> Hits:
        for command in await self._commands():
            yield DiscoveryHit(command.title, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in await self._commands():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), command.run, help=command.help)


class ScreenCommands(Provider):
    """The actions of the screen the palette was opened on, searchable by their description."""

    def _commands(self) -> list[PaletteCommand]:
        return _binding_commands(self) + _screen_commands(self)

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(command.title, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), command.run, help=command.help)
