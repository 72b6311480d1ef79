"""``/configuration``: the project's porting defaults."""

from __future__ import annotations

from typing import TYPE_CHECKING

from porting_tui.client.adapters import LazyAdapter
from porting_tui.client.session import ApiSession, parse_body
from porting_tui.client.validation import check_configuration

if TYPE_CHECKING:
    from porting_tui.client.models.configuration import Configuration

_CONFIGURATION: LazyAdapter[Configuration] = LazyAdapter(
    "porting_tui.client.models.configuration:Configuration"
)


class ConfigurationResource:
    """Read, create and replace the porting defaults."""

    def __init__(self, session: ApiSession) -> None:
        self._session = session

    async def get(self) -> Configuration:
        response = await self._session.request("GET", "/configuration")
        return parse_body(response, _CONFIGURATION)

    async def create(self, config: Configuration) -> Configuration:
        check_configuration(config)
        response = await self._session.request("POST", "/configuration", json=config.to_wire())
        return parse_body(response, _CONFIGURATION)

    async def update(self, config: Configuration) -> Configuration:
        """Replace the whole configuration."""
        check_configuration(config)
        response = await self._session.request("PUT", "/configuration", json=config.to_wire())
        return parse_body(response, _CONFIGURATION)
