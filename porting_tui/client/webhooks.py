"""Read the JSON bodies Sinch posts to the project's webhook URL."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from porting_tui.client.errors import InvalidResponseError

if TYPE_CHECKING:
    from porting_tui.client.models.webhook import WebhookEvent


def parse_webhook(body: bytes | str) -> WebhookEvent:
    """Parse one webhook delivery; the event kind comes from ``type``, or the older ``event``.

    Raises ``InvalidResponseError`` when the body is not a webhook event. The event model
    (and pydantic) load at the first delivery, not with the receiver.
    """
    from pydantic import ValidationError

    from porting_tui.client.models.webhook import WebhookEvent

    try:
        data: Any = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise InvalidResponseError("The webhook body is not JSON") from None
    if not isinstance(data, dict):
        raise InvalidResponseError("The webhook body is not a JSON object")
    if "type" not in data and "event" in data:
        data = {**data, "type": data["event"]}
    try:
        return WebhookEvent.model_validate(data)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(map(str, item['loc'])) or '<body>'}: {item['msg']}"
            for item in error.errors(include_input=False, include_url=False)[:3]
        )
        raise InvalidResponseError(
            f"The webhook body is not a porting event ({problems})"
        ) from None
