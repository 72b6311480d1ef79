"""Trying a profile against the API with one cheap authenticated call."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from porting_tui.local.errors import ProfileError

if TYPE_CHECKING:
    import httpx

    from porting_tui.local.profile import Profile

CheckKind = Literal["ok", "auth", "network", "config", "error"]


@dataclass(frozen=True)
class ProfileTestResult:
    """The outcome of test_profile; ``message`` says what happened and what to check."""

    ok: bool
    message: str
    kind: CheckKind


async def test_profile(
    profile: Profile, *, transport: httpx.AsyncBaseTransport | None = None
) -> ProfileTestResult:
    """List one order of the profile's project: proves URL, project id, key id and secret."""
    from porting_tui.client import (
        AuthenticationError,
        NotFoundError,
        PermissionDeniedError,
        PortingConfigError,
        PortingConnectionError,
        PortingError,
    )

    def failed(kind: CheckKind, message: str) -> ProfileTestResult:
        return ProfileTestResult(ok=False, message=message, kind=kind)

    name = repr(profile.name)
    try:
        # A secret command may run for seconds; keep the event loop (and the TUI) responsive.
        secret = await asyncio.to_thread(profile.resolve_secret)
        client = profile.make_client(key_secret=secret, transport=transport, max_retries=0)
    except (ProfileError, PortingConfigError) as error:
        return failed("config", error.message)
    host = client.api_host
    try:
        async with client:
            page = await client.orders.list_page(page_size=1)
    except AuthenticationError:
        where = f"auth_url {profile.auth_url}, " if profile.auth == "oauth" else ""
        return failed(
            "auth",
            f"{host} rejected the credentials of profile {name} (401): check its key_id "
            f"({profile.key_id}), its secret ({_secret_origin(profile)}), {where}and that "
            f"the key belongs to project_id {profile.project_id}",
        )
    except PermissionDeniedError:
        return failed(
            "auth",
            f"{host} accepted the key of profile {name} but refused access to project "
            f"{profile.project_id} (403): check project_id and the key's permissions",
        )
    except NotFoundError:
        # With OAuth the 404 may come from the token URL rather than the API.
        token_url = f", auth_url ({profile.auth_url})" if profile.auth == "oauth" else ""
        return failed(
            "config",
            f"not found (404) for project {profile.project_id}: check project_id, "
            f"api_url ({profile.api_url}){token_url} of profile {name}",
        )
    except PortingConnectionError as error:
        unreachable = error.host or host
        reason = error.message
        if unreachable not in reason:
            reason = f"could not reach {unreachable}: {reason}"
        return failed(
            "network",
            f"{reason}; check api_url ({profile.api_url}), the network and any proxy",
        )
    except PortingError as error:
        return failed("error", f"{host} answered with an error: {error.message}")
    count = "" if page.total_items is None else f" ({page.total_items} orders)"
    return ProfileTestResult(
        ok=True,
        message=(
            f"profile {name} works: {host} accepted the key for project {profile.project_id}{count}"
        ),
        kind="ok",
    )


def _secret_origin(profile: Profile) -> str:
    return "in the config file" if profile.key_secret else profile.describe_secret()


# The name starts with "test"; without this pytest would collect it from any test module that
# imports it.
test_profile.__test__ = False  # type: ignore[attr-defined]
