"""The default port time and zone of a project: its /configuration, or the API's 09:00 Eastern."""

from __future__ import annotations

from dataclasses import dataclass

from porting_tui.client import NotFoundError, PortingClient, PortingError

API_DEFAULT_TIME = "09:00:00"
API_DEFAULT_ZONE = "US/Eastern"


@dataclass(frozen=True)
class PortDefaults:
    time: str
    zone: str
    note: str
    """Where they came from, for the form."""


async def port_defaults(client: PortingClient) -> PortDefaults:
    """The project's defaults; a project without any (404) or an error gives the API's own."""
    try:
        config = await client.configuration.get()
    except NotFoundError:
        note = "The project has no porting defaults: the API's 09:00 US/Eastern is used."
        return PortDefaults(API_DEFAULT_TIME, API_DEFAULT_ZONE, note)
    except PortingError as error:
        note = f"Project defaults unavailable ({error.message}): 09:00 US/Eastern is used."
        return PortDefaults(API_DEFAULT_TIME, API_DEFAULT_ZONE, note)
    time = config.default_port_time or API_DEFAULT_TIME
    zone = config.default_port_time_zone or API_DEFAULT_ZONE
    return PortDefaults(
        time, zone, f"Time and zone default to the project's settings ({time} {zone})."
    )
