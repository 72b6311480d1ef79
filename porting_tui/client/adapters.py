"""``LazyAdapter``: a pydantic ``TypeAdapter`` built the first time it is used.

Building an adapter builds the validator of every model it reaches; made at import, the
resources' adapters had every start-up build all the client's models, even a command that
reads one page of orders. The type is named by its place (``"module:attribute"``) and pydantic
itself is imported only at the first ``get()``, so a process that reads only the order list
(read by hand, see ``models.listing``) never imports pydantic or the models at all.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from pydantic import TypeAdapter

T = TypeVar("T")


class LazyAdapter(Generic[T]):
    """The ``TypeAdapter`` of the type at ``target``, built at the first ``get()`` and kept.

    Declare the type it reads:
    ``_ORDER: LazyAdapter[Order] = LazyAdapter("porting_tui.client.models.order:Order")``.
    Two threads asking at once may each build one; either is the same adapter.
    """

    __slots__ = ("_adapter", "_target")

    def __init__(self, target: str) -> None:
        module, _, attribute = target.partition(":")
        if not module or not attribute:
            raise ValueError(f"{target!r} is not 'module:attribute'")
        self._target = target
        self._adapter: TypeAdapter[T] | None = None

    def get(self) -> TypeAdapter[T]:
        adapter = self._adapter
        if adapter is None:
            from pydantic import TypeAdapter

            module, _, attribute = self._target.partition(":")
            annotation: Any = getattr(importlib.import_module(module), attribute)
            adapter = self._adapter = TypeAdapter(annotation)
        return adapter

    def __repr__(self) -> str:
        built = "built" if self._adapter is not None else "not built yet"
        return f"LazyAdapter({self._target!r}, {built})"
