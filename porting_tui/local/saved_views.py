"""The user's saved order-list views (a name and its filters), kept in ``views.toml``.

A view belongs to one profile (``profile = "prod"``) or to every profile
(``all_profiles = true``); a profile sees its own views and the all-profiles ones. A name is
unique among the views a profile sees, so an all-profiles view takes its name on every profile.

Views saved in the demo (``porting-tui --demo``) carry ``profile = "--demo"``
(``DEMO_PROFILE``): no real profile can have that name, so a real profile called "demo" never
sees them, and the demo cannot save or change an all-profiles view, so nothing made in the demo
reaches a real profile.

Views saved by older versions have neither key. Views were global then, so showing such a
view on every profile is what the user chose when saving it: they read as all-profiles views,
and any save or delete writes ``all_profiles = true`` into them so the file says it outright.

One unreadable view (a bad ``profile``, ``all_profiles`` or ``filters`` value) is reported as
a problem and left out; the other views still load and the file keeps it as written.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from porting_tui import paths
from porting_tui.local.private_files import write_private_file

if TYPE_CHECKING:
    import tomlkit
    from tomlkit.items import AoT, Table

# tomlkit (5 ms to import) is loaded only when the file exists or is written: the list
# screen reads the views at launch, and most users have none.

_HEADER = (
    "Saved views of the porting-tui order list, one [[views]] table each.\n"
    'A view shows on the profile its profile key names (profile = "--demo" is the demo),\n'
    "or on every profile with all_profiles = true.\n"
    "Filter values are kept as typed, so relative dates such as -7d stay relative."
)
MAX_NAME_LENGTH = 40
DEMO_PROFILE = "--demo"
"""The profile key of views saved in the demo; profile names start with a letter or digit."""


class SavedViewsError(Exception):
    """``views.toml`` cannot be read or a view is invalid; ``str(error)`` says what to fix."""


@dataclass(frozen=True)
class SavedView:
    name: str
    filters: Mapping[str, str] = field(default_factory=dict)
    all_profiles: bool = False
    """Shown on every profile; otherwise only on the profile it was loaded for or saved to."""


@dataclass(frozen=True)
class ProfileViews:
    """What one profile sees of ``views.toml``."""

    views: list[SavedView] = field(default_factory=list)
    """Its own views and the all-profiles ones, in file order."""
    problems: list[SavedViewsError] = field(default_factory=list)
    """One per view left out because it cannot be read; each says what to fix."""
    used_elsewhere: frozenset[str] = frozenset()
    """Names of other profiles' views, which an all-profiles view cannot take."""


def views_file() -> Path:
    return paths.config_dir() / "views.toml"


def profile_label(profile: str) -> str:
    """How messages name ``profile``: "profile 'prod'", or "the demo"."""
    return "the demo" if profile == DEMO_PROFILE else f"profile {profile!r}"


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


def _read_text(path: Path) -> str | None:
    """The file's text; None when there is no file yet."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as error:
        raise SavedViewsError(f"cannot read {path}: {error.strerror}") from None


def _read_document(path: Path, text: str | None = None) -> tomlkit.TOMLDocument:
    import tomlkit
    from tomlkit.exceptions import ParseError

    text = _read_text(path) if text is None else text
    if text is None:
        document = tomlkit.document()
        for line in _HEADER.splitlines():
            document.add(tomlkit.comment(line))
        document.add(tomlkit.nl())
        return document
    try:
        return tomlkit.parse(text)
    except ParseError as error:
        raise SavedViewsError(
            f"{path}, line {error.line}, column {error.col}: invalid TOML ({error})"
        ) from None


def _views_table(document: tomlkit.TOMLDocument, path: Path) -> AoT:
    import tomlkit
    from tomlkit.items import AoT, Array

    views = document.get("views")
    if views is None or (isinstance(views, Array) and not views):
        views = tomlkit.aot()
        document["views"] = views
    if not isinstance(views, AoT):
        raise SavedViewsError(f"{path}: 'views' must be a list of [[views]] tables")
    return views


def _name(table: Table) -> str | None:
    name = table.get("name")
    return (name.strip() or None) if isinstance(name, str) else None


def _as_written(value: object) -> str:
    """``value`` as the file spells it, for messages."""
    from tomlkit.items import Item

    if isinstance(value, Item):
        return value.as_string().strip()
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)


class _Problem:
    """Builds the message of a view that is left out, naming it as well as it can."""

    def __init__(self, table: Table, number: int, path: Path) -> None:
        name = _name(table)
        self._where = f"{path}: view {name!r}" if name else f"{path}: view number {number}"

    def __call__(self, fix: str) -> SavedViewsError:
        return SavedViewsError(f"{self._where} is not shown: {fix}")


def _owner(table: Table, problem: _Problem) -> str | None:
    """The profile the view belongs to; None for all profiles (older views included)."""
    profile = table.get("profile")
    shared = table.get("all_profiles")
    if shared is not None and not isinstance(shared, bool):
        raise problem(
            f"all_profiles must be true or false, without quotes (it is {_as_written(shared)})"
        )
    if profile is not None and not (isinstance(profile, str) and profile.strip()):
        raise problem(
            'profile must be a profile name in quotes, such as profile = "prod" '
            f"(it is {_as_written(profile)})"
        )
    if profile is not None and shared:
        raise problem("it has both profile and all_profiles = true; keep one of them")
    if profile is None and shared is False:
        raise problem('all_profiles = false needs profile = "name" to say whose view it is')
    return None if profile is None else str(profile)


def _to_view(table: Table, problem: _Problem, *, all_profiles: bool) -> SavedView:
    name = _name(table)
    filters = table.get("filters", {})
    if name is None:
        raise problem('it needs a name, such as name = "ACME last 7 days"')
    if not isinstance(filters, Mapping):
        raise problem('filters must be a table, such as filters = { status = "PENDING" }')
    return SavedView(name, {str(k): str(v) for k, v in filters.items()}, all_profiles)


def _profile_views(tables: AoT, profile: str, path: Path) -> ProfileViews:
    views: list[SavedView] = []
    problems: list[SavedViewsError] = []
    elsewhere: set[str] = set()
    for number, table in enumerate(tables, start=1):
        problem = _Problem(table, number, path)
        try:
            owner = _owner(table, problem)
            if owner is not None and owner != profile:
                # Another profile's view: not even its problems concern this one.
                name = _name(table)
                if name is not None:
                    elsewhere.add(name)
                continue
            view = _to_view(table, problem, all_profiles=owner is None)
            if any(shown.name == view.name for shown in views):
                raise problem("an earlier view of the same name is shown; rename one of them")
        except SavedViewsError as error:
            problems.append(error)
            continue
        views.append(view)
    return ProfileViews(views, problems, frozenset(elsewhere))


def load_views(profile: str, path: Path | None = None) -> ProfileViews:
    """The views ``profile`` sees (none when the file does not exist) and the problems of
    those left out; SavedViewsError only when the file as a whole cannot be read."""
    path = path or views_file()
    text = _read_text(path)
    if text is None:
        return ProfileViews()
    document = _read_document(path, text)
    return _profile_views(_views_table(document, path), profile, path)


def _readable(tables: AoT, path: Path) -> Iterator[tuple[int, str, str | None]]:
    """(index, name, owner) of each view whose name and owner can be read."""
    for index, table in enumerate(tables):
        name = _name(table)
        try:
            owner = _owner(table, _Problem(table, index + 1, path))
        except SavedViewsError:
            continue
        if name is not None:
            yield index, name, owner


def _shown(tables: AoT, name: str, profile: str, path: Path) -> tuple[int, str | None] | None:
    """Index and owner of the view called ``name`` that ``profile`` sees (the first one)."""
    for index, seen, owner in _readable(tables, path):
        if seen == name and owner in (None, profile):
            return index, owner
    return None


def _write(document: tomlkit.TOMLDocument, path: Path) -> None:
    import tomlkit
    from tomlkit.items import AoT

    views = document.get("views")
    for table in views if isinstance(views, AoT) else []:
        if "profile" not in table and "all_profiles" not in table:
            # Written by an older version, when every view was global.
            table["all_profiles"] = True
    try:
        write_private_file(path, tomlkit.dumps(document))
    except OSError as error:
        raise SavedViewsError(f"cannot write {path}: {error.strerror}") from None


def save_view(view: SavedView, profile: str, path: Path | None = None) -> ProfileViews:
    """Add ``view`` for ``profile`` (or every profile), or replace the one of that name the
    profile sees; other content of the file is kept. Returns what ``profile`` now sees."""
    import tomlkit

    path = path or views_file()
    name = validate_name(view.name)
    if view.all_profiles and profile == DEMO_PROFILE:
        raise SavedViewsError("views saved in the demo stay in the demo: save it for the demo")
    document = _read_document(path)
    tables = _views_table(document, path)
    shown = _shown(tables, name, profile, path)
    if shown is not None and shown[1] is None and profile == DEMO_PROFILE:
        raise SavedViewsError(
            f"{name!r} is shared by all profiles and cannot be changed from the demo; "
            "pick another name"
        )
    if view.all_profiles:
        for _, seen, owner in _readable(tables, path):
            if seen == name and owner not in (None, profile):
                raise SavedViewsError(
                    f"{profile_label(owner)} has its own view {name!r}, and an all-profiles "
                    "view needs a name no profile uses: pick another name, or save it for "
                    f"{profile_label(profile)} only"
                )
    table = tomlkit.table()
    table["name"] = name
    if view.all_profiles:
        table["all_profiles"] = True
    else:
        table["profile"] = profile
    filters = tomlkit.inline_table()
    filters.update(dict(view.filters))
    table["filters"] = filters
    if shown is None:
        tables.append(table)
    else:
        tables[shown[0]] = table
    _write(document, path)
    return _profile_views(tables, profile, path)


def remove_view(name: str, profile: str, path: Path | None = None) -> ProfileViews:
    """Remove the view called ``name`` that ``profile`` sees: its own, or the all-profiles one
    (gone from every profile); SavedViewsError when there is none. Returns what is left."""
    import tomlkit

    path = path or views_file()
    document = _read_document(path)
    views = _views_table(document, path)
    shown = _shown(views, name, profile, path)
    if shown is None:
        raise SavedViewsError(
            f"there is no saved view called {name!r} for {profile_label(profile)}"
        )
    if shown[1] is None and profile == DEMO_PROFILE:
        raise SavedViewsError(
            f"{name!r} is shared by all profiles and cannot be deleted from the demo; "
            "delete it on a real profile"
        )
    replacement = tomlkit.aot()
    for index, table in enumerate(views):
        if index != shown[0]:
            replacement.append(table)
    if replacement:
        document["views"] = replacement
    else:
        # An empty array of tables would be written as "views = []".
        del document["views"]
    _write(document, path)
    return _profile_views(replacement, profile, path)
