"""Package exports imported on first use (PEP 562), so that importing a package costs nothing.

``from porting_tui.client import PortingClient`` used to import every model, and pydantic with
them, before the app could draw its first page or ``orders list`` print one. Now each name is
imported from its module the first time it is asked for; type checkers read the package's
``if TYPE_CHECKING:`` imports instead.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(
    namespace: dict[str, Any], exports: Mapping[str, tuple[str, ...]]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of the package whose ``globals()`` is ``namespace``,
    for ``exports`` (module: its names).

    A name is imported from its module when first asked for, then kept in the package, so
    later lookups are plain attribute reads.
    """
    module_of = {name: module for module, names in exports.items() for name in names}
    package = namespace["__name__"]

    def __getattr__(name: str) -> Any:
        module = module_of.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *module_of})

    return __getattr__, __dir__
