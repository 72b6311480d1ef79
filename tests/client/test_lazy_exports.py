"""The client's packages export lazily: every name resolves, and what type checkers read (the
``if TYPE_CHECKING:`` imports) names the same modules as what runs (``_EXPORTS``)."""

from __future__ import annotations

import ast
import importlib
import inspect

import pytest

PACKAGES = ["porting_tui.client", "porting_tui.client.models"]


def checked_imports(package: str) -> dict[str, str]:
    """Name: module, from the package's ``if TYPE_CHECKING:`` block."""
    tree = ast.parse(inspect.getsource(importlib.import_module(package)))
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom) and statement.module
                for alias in statement.names:
                    found[alias.name] = statement.module
    return found


@pytest.mark.parametrize("package", PACKAGES)
def test_every_export_resolves_to_the_object_of_its_module(package: str) -> None:
    module = importlib.import_module(package)
    exports: dict[str, tuple[str, ...]] = module._EXPORTS
    for source, names in exports.items():
        for name in names:
            assert getattr(module, name) is getattr(importlib.import_module(source), name)
    assert sorted(module.__all__) == sorted(name for names in exports.values() for name in names)
    assert set(module.__all__) <= set(dir(module))


@pytest.mark.parametrize("package", PACKAGES)
def test_type_checkers_read_the_modules_that_run(package: str) -> None:
    exports: dict[str, tuple[str, ...]] = importlib.import_module(package)._EXPORTS
    running = {name: source for source, names in exports.items() for name in names}
    assert checked_imports(package) == running


def test_an_unknown_name_is_an_attribute_error() -> None:
    client = importlib.import_module("porting_tui.client")
    with pytest.raises(AttributeError, match="no attribute 'NoSuchThing'"):
        _ = client.NoSuchThing
