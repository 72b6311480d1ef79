"""The API's resources, each reading like its URL: ``client.orders.get(order_id)``."""

from __future__ import annotations

from porting_tui.client.resources.activation import ActivationResource
from porting_tui.client.resources.configuration import ConfigurationResource
from porting_tui.client.resources.orders import OrdersResource
from porting_tui.client.resources.portability import PortabilityResource

__all__ = [
    "ActivationResource",
    "ConfigurationResource",
    "OrdersResource",
    "PortabilityResource",
]
