"""``LazyAdapter``: a pydantic ``TypeAdapter`` built the first time it is used.

Building an adapter builds the validator of every model it reaches; made at import, the
resources' adapters had every start-up build all the client's models, even a command that
reads one page of orders. The models defer their own build too (``defer_build``), so what a
process never reads it never builds.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import TypeAdapter

T = TypeVar("T")


class LazyAdapter(Generic[T]):
    """The ``TypeAdapter`` of ``annotation``, built at the first ``get()`` and kept.

    Declare the type it reads: ``_PAGE: LazyAdapter[OrderPage] = LazyAdapter(OrderPage)``.
    Two threads asking at once may each build one; either is the same adapter.
    """

    __slots__ = ("_adapter", "_annotation")

    def __init__(self, annotation: Any) -> None:
        self._annotation = annotation
        self._adapter: TypeAdapter[T] | None = None

    def get(self) -> TypeAdapter[T]:
        adapter = self._adapter
        if adapter is None:
            adapter = self._adapter = TypeAdapter(self._annotation)
        return adapter

    def __repr__(self) -> str:
        built = "built" if self._adapter is not None else "not built yet"
        return f"LazyAdapter({self._annotation!r}, {built})"
