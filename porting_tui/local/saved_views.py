"""The user's saved order-list views (a name and its filters), kept in ``views.toml``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import tomlkit
from tomlkit.exceptions import ParseError
from tomlkit.items import AoT, Array, Table

from porting_tui import paths
from porting_tui.local.private_files import write_private_file

_HEADER = (
    "Saved views of the porting-tui order list, one [[views]] table each.\n"
    "Filter values are kept as typed, so relative dates such as -7d stay relative."
)
MAX_NAME_LENGTH = 40


class SavedViewsError(Exception):
    """``views.toml`` cannot be read or a view is invalid; ``str(error)`` says what to fix."""


@dataclass(frozen=True)
class SavedView:
    name: str
    filters: Mapping[str, str] = field(default_factory=dict)


def views_file() -> Path:
    return paths.config_dir() / "views.toml"


def validate_name(name: str) -> str:
    """The name stripped, or SavedViewsError saying why it cannot be used."""
    cleaned = name.strip()
    if not cleaned:
        raise SavedViewsError("a view needs a name")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise SavedViewsError(f"a view name has at most {MAX_NAME_LENGTH} characters")
    if not cleaned.isprintable():
        raise SavedViewsError("a view name cannot hold control characters")
    return cleaned


def _read_document(path: Path) -> tomlkit.TOMLDocument:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        document = tomlkit.document()
        for line in _HEADER.splitlines():
            document.add(tomlkit.comment(line))
        document.add(tomlkit.nl())
        return document
    except OSError as error:
        raise SavedViewsError(f"cannot read {path}: {error.strerror}") from None
    try:
        return tomlkit.parse(text)
    except ParseError as error:
        raise SavedViewsError(
            f"{path}, line {error.line}, column {error.col}: invalid TOML ({error})"
        ) from None


def _views_table(document: tomlkit.TOMLDocument, path: Path) -> AoT:
    views = document.get("views")
    if views is None or (isinstance(views, Array) and not views):
        views = tomlkit.aot()
        document["views"] = views
    if not isinstance(views, AoT):
        raise SavedViewsError(f"{path}: 'views' must be a list of [[views]] tables")
    return views


def _to_view(table: Table | Mapping[str, object], path: Path) -> SavedView:
    name = table.get("name")
    filters = table.get("filters", {})
    if not isinstance(name, str) or not name.strip():
        raise SavedViewsError(f"{path}: every [[views]] table needs a name")
    if not isinstance(filters, Mapping):
        raise SavedViewsError(f"{path}: filters of view {name!r} must be a table")
    return SavedView(name.strip(), {str(k): str(v) for k, v in filters.items()})


def load_views(path: Path | None = None) -> list[SavedView]:
    """The saved views in file order; none when the file does not exist."""
    path = path or views_file()
    document = _read_document(path)
    return [_to_view(table, path) for table in _views_table(document, path)]


def _write(document: tomlkit.TOMLDocument, path: Path) -> None:
    try:
        write_private_file(path, tomlkit.dumps(document))
    except OSError as error:
        raise SavedViewsError(f"cannot write {path}: {error.strerror}") from None


def save_view(view: SavedView, path: Path | None = None) -> list[SavedView]:
    """Add ``view``, or replace the one of the same name; other content of the file is kept."""
    path = path or views_file()
    name = validate_name(view.name)
    document = _read_document(path)
    views = _views_table(document, path)
    table = tomlkit.table()
    table["name"] = name
    filters = tomlkit.inline_table()
    filters.update(dict(view.filters))
    table["filters"] = filters
    for index, existing in enumerate(views):
        if existing.get("name") == name:
            views[index] = table
            break
    else:
        views.append(table)
    _write(document, path)
    return [_to_view(item, path) for item in views]


def remove_view(name: str, path: Path | None = None) -> list[SavedView]:
    """Remove the view called ``name``; SavedViewsError when there is none."""
    path = path or views_file()
    document = _read_document(path)
    views = _views_table(document, path)
    kept = [table for table in views if table.get("name") != name]
    if len(kept) == len(views):
        raise SavedViewsError(f"there is no saved view called {name!r}")
    replacement = tomlkit.aot()
    for table in kept:
        replacement.append(table)
    if kept:
        document["views"] = replacement
    else:
        # An empty array of tables would be written as "views = []".
        del document["views"]
    _write(document, path)
    return [_to_view(item, path) for item in replacement]
