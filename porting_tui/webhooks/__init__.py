"""Receive the Porting API's webhook events over HTTP and keep them in the local store."""

from __future__ import annotations

from porting_tui.webhooks.credentials import BasicCredentials, ReceiverAuth, SharedSecret
from porting_tui.webhooks.describe import describe_event, inert_json, mask_secrets, pretty_json
from porting_tui.webhooks.event_store import ReceivedEvent, WebhookEventStore
from porting_tui.webhooks.receiver import (
    DEFAULT_MAX_BODY_BYTES,
    DEFAULT_PATH,
    ReceiverOptions,
    Rejection,
    WebhookReceiver,
)
from porting_tui.webhooks.server import (
    DEFAULT_HOST,
    DEFAULT_PORT,
    ListenAddress,
    ListenAddressError,
    ReceiverServer,
    parse_listen_address,
)

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_MAX_BODY_BYTES",
    "DEFAULT_PATH",
    "DEFAULT_PORT",
    "BasicCredentials",
    "ListenAddress",
    "ListenAddressError",
    "ReceivedEvent",
    "ReceiverAuth",
    "ReceiverOptions",
    "ReceiverServer",
    "Rejection",
    "SharedSecret",
    "WebhookEventStore",
    "WebhookReceiver",
    "describe_event",
    "inert_json",
    "mask_secrets",
    "parse_listen_address",
    "pretty_json",
]
