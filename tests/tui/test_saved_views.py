"""Saved views in views.toml: round trips, replacing, removing, hand edits kept, bad files."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from porting_tui.local.saved_views import (
    SavedView,
    SavedViewsError,
    load_views,
    remove_view,
    save_view,
    views_file,
)


def test_no_file_means_no_views(tmp_path: Path) -> None:
    assert load_views(tmp_path / "views.toml") == []


def test_a_saved_view_reads_back_with_its_filters_as_typed(tmp_path: Path) -> None:
    path = tmp_path / "views.toml"
    save_view(SavedView("ACME last 7d", {"reference": "ACME", "created_from": "-7d"}), path)
    assert load_views(path) == [
        SavedView("ACME last 7d", {"reference": "ACME", "created_from": "-7d"})
    ]


def test_the_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "config" / "views.toml"
    save_view(SavedView("Mine", {"status": "PENDING"}), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_saving_under_an_existing_name_replaces_that_view_in_place(tmp_path: Path) -> None:
    path = tmp_path / "views.toml"
    save_view(SavedView("A", {"status": "PENDING"}), path)
    save_view(SavedView("B", {"status": "CONFIRMED"}), path)
    views = save_view(SavedView("A", {"reference": "X"}), path)
    assert views == [SavedView("A", {"reference": "X"}), SavedView("B", {"status": "CONFIRMED"})]


def test_removing_a_view_keeps_the_others(tmp_path: Path) -> None:
    path = tmp_path / "views.toml"
    save_view(SavedView("A", {"status": "PENDING"}), path)
    save_view(SavedView("B", {}), path)
    assert remove_view("A", path) == [SavedView("B", {})]
    with pytest.raises(SavedViewsError, match="no saved view called 'A'"):
        remove_view("A", path)
    assert remove_view("B", path) == []
    assert load_views(path) == []
    assert save_view(SavedView("C", {}), path) == [SavedView("C", {})]


def test_comments_and_other_keys_of_a_hand_edited_file_survive_a_save(tmp_path: Path) -> None:
    path = tmp_path / "views.toml"
    path.write_text(
        '# my views\ntheme = "nord"\n\n[[views]]\nname = "Old"  # keep me\n'
        'filters = { status = "PENDING" }\n'
    )
    save_view(SavedView("New", {"reference": "ACME"}), path)
    text = path.read_text()
    assert "# my views" in text and 'theme = "nord"' in text and "# keep me" in text
    assert [view.name for view in load_views(path)] == ["Old", "New"]


def test_invalid_toml_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "views.toml"
    path.write_text('[[views]]\nname = "A"\nfilters = {status = }\n')
    with pytest.raises(SavedViewsError, match=r"views\.toml, line 3"):
        load_views(path)


def test_a_view_without_a_name_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "views.toml"
    path.write_text('[[views]]\nfilters = { status = "PENDING" }\n')
    with pytest.raises(SavedViewsError, match="needs a name"):
        load_views(path)


@pytest.mark.parametrize(("name", "message"), [("  ", "needs a name"), ("x" * 41, "at most")])
def test_unusable_names_are_refused(tmp_path: Path, name: str, message: str) -> None:
    with pytest.raises(SavedViewsError, match=message):
        save_view(SavedView(name, {}), tmp_path / "views.toml")


def test_views_live_beside_the_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert views_file() == tmp_path / "porting-tui" / "views.toml"
