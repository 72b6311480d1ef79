"""Entries of a list that cannot be read become "unreadable" entries instead of failing the body.

A number, list row, note or document whose shape is off degrades to an entry of the same class
that carries why it could not be read and the value exactly as sent; the order or the page it
belongs to still loads. Such an entry is written back as it was received, so a full replace
never silently drops it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Self, TypeVar, cast

from pydantic import (
    BeforeValidator,
    PrivateAttr,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    TypeAdapter,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    model_serializer,
)

from porting_tui.client.models.base import PortingModel
from porting_tui.client.models.lenient_values import MAX_REASONS


def describe_error(error: ValidationError) -> str:
    """Why a value could not be read, without echoing the value (it may hold a PIN)."""
    parts = []
    for item in error.errors(include_input=False, include_url=False)[:MAX_REASONS]:
        where = ".".join(str(part) for part in item["loc"])
        parts.append(f"{where}: {item['msg']}" if where else str(item["msg"]))
    return "; ".join(parts) or "unreadable"


class DegradableModel(PortingModel):
    """A model that can stand for an entry the client could not read."""

    _unreadable: str | None = PrivateAttr(default=None)
    _raw_entry: Any = PrivateAttr(default=None)

    @property
    def unreadable(self) -> str | None:
        """Why this entry could not be read, or None when it was read."""
        return self._unreadable

    @property
    def raw_entry(self) -> Any:
        """The entry exactly as the server sent it, when it could not be read."""
        return self._raw_entry

    @model_serializer(mode="wrap")
    def _as_sent_when_unreadable(
        self, handler: SerializerFunctionWrapHandler, info: SerializationInfo
    ) -> Any:
        if self._unreadable is not None:
            return self._raw_entry
        return handler(self)

    @classmethod
    def unreadable_entry(cls, raw: Any, reason: str) -> Self:
        """An entry standing for ``raw``: the fields that can be read are kept, others default."""
        salvaged: dict[str, Any] = {}
        if isinstance(raw, Mapping):
            for name, field in cls.model_fields.items():
                key = field.alias or name
                if key not in raw:
                    continue
                annotation: Any = field.annotation
                if field.metadata:
                    annotation = cast(Any, Annotated)[(annotation, *field.metadata)]
                adapter: TypeAdapter[Any] = TypeAdapter(annotation)
                try:
                    salvaged[name] = adapter.validate_python(raw[key])
                except ValidationError:
                    continue
        for name, placeholder in cls._placeholders().items():
            salvaged.setdefault(name, placeholder)
        entry = cast(Self, cls.model_construct(**salvaged))
        entry._unreadable = reason
        entry._raw_entry = raw
        return entry

    @classmethod
    def _placeholders(cls) -> dict[str, Any]:
        """Values for required fields when an unreadable entry does not carry them."""
        return {}


M = TypeVar("M", bound=DegradableModel)


def degrade_to(model: type[M]) -> WrapValidator:
    """Validator of a list of ``model``: an entry that fails becomes ``model.unreadable_entry``.

    The whole list is read at native speed first; only when that fails is it read again
    entry by entry, so long order lists pay nothing for the leniency.
    """
    entry_adapter: TypeAdapter[M] | None = None

    def read(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        nonlocal entry_adapter
        try:
            return handler(value)
        except ValidationError:
            if not isinstance(value, list):
                raise
        entry_adapter = entry_adapter or TypeAdapter(model)
        entries: list[M] = []
        for entry in value:
            try:
                entries.append(entry_adapter.validate_python(entry))
            except ValidationError as error:
                entries.append(model.unreadable_entry(entry, describe_error(error)))
        return entries

    return WrapValidator(read)


def _none_as_empty(value: Any) -> Any:
    # A list the server sends as null has no entries; that is not worth failing the body for.
    return [] if value is None else value


EMPTY_WHEN_NULL = BeforeValidator(_none_as_empty)
"""Reads a null list as an empty one."""
