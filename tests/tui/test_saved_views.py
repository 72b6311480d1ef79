"""Saved views in views.toml: round trips, replacing, removing, hand edits kept, bad files,
and which profile sees which view."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
import tomlkit

from porting_tui.local.saved_views import (
    DEMO_PROFILE,
    SavedView,
    SavedViewsError,
    load_views,
    remove_view,
    save_view,
    views_file,
)


def names(path: Path, profile: str) -> list[str]:
    return [view.name for view in load_views(profile, path).views]


def test_no_file_means_no_views(tmp_path: Path) -> None:
    loaded = load_views("prod", tmp_path / "views.toml")
    assert loaded.views == [] and loaded.problems == []


def test_a_saved_view_reads_back_with_its_filters_as_typed(tmp_path: Path) -> None:
    path = tmp_path / "views.toml"
    save_view(SavedView("ACME last 7d", {"reference": "ACME", "created_from": "-7d"}), "prod", path)
    assert load_views("prod", path).views == [
        SavedView("ACME last 7d", {"reference": "ACME", "created_from": "-7d"})
    ]
    assert 'profile = "prod"' in path.read_text()


def test_the_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "config" / "views.toml"
    save_view(SavedView("Mine", {"status": "PENDING"}), "prod", path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_saving_under_an_existing_name_replaces_that_view_in_place(tmp_path: Path) -> None:
    path = tmp_path / "views.toml"
    save_view(SavedView("A", {"status": "PENDING"}), "prod", path)
    save_view(SavedView("B", {"status": "CONFIRMED"}), "prod", path)
    views = save_view(SavedView("A", {"reference": "X"}), "prod", path).views
    assert views == [SavedView("A", {"reference": "X"}), SavedView("B", {"status": "CONFIRMED"})]


def test_removing_a_view_keeps_the_others(tmp_path: Path) -> None:
    path = tmp_path / "views.toml"
    save_view(SavedView("A", {"status": "PENDING"}), "prod", path)
    save_view(SavedView("B", {}), "prod", path)
    assert remove_view("A", "prod", path).views == [SavedView("B", {})]
    with pytest.raises(SavedViewsError, match="no saved view called 'A' for profile 'prod'"):
        remove_view("A", "prod", path)
    assert remove_view("B", "prod", path).views == []
    assert load_views("prod", path).views == []
    assert save_view(SavedView("C", {}), "prod", path).views == [SavedView("C", {})]


def test_comments_and_other_keys_of_a_hand_edited_file_survive_a_save(tmp_path: Path) -> None:
    path = tmp_path / "views.toml"
    path.write_text(
        '# my views\ntheme = "nord"\n\n[[views]]\nname = "Old"  # keep me\n'
        'profile = "prod"\nfilters = { status = "PENDING" }\n'
    )
    save_view(SavedView("New", {"reference": "ACME"}), "prod", path)
    text = path.read_text()
    assert "# my views" in text and 'theme = "nord"' in text and "# keep me" in text
    assert names(path, "prod") == ["Old", "New"]


def test_invalid_toml_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "views.toml"
    path.write_text('[[views]]\nname = "A"\nfilters = {status = }\n')
    with pytest.raises(SavedViewsError, match=r"views\.toml, line 3"):
        load_views("prod", path)


def test_a_view_without_a_name_is_reported_and_the_others_load(tmp_path: Path) -> None:
    path = tmp_path / "views.toml"
    path.write_text(
        '[[views]]\nprofile = "prod"\nfilters = { status = "PENDING" }\n\n'
        '[[views]]\nname = "Good"\nprofile = "prod"\n'
    )
    loaded = load_views("prod", path)
    assert [view.name for view in loaded.views] == ["Good"]
    [problem] = loaded.problems
    assert "view number 1 is not shown: it needs a name" in str(problem)


@pytest.mark.parametrize(("name", "message"), [("  ", "needs a name"), ("x" * 41, "at most")])
def test_unusable_names_are_refused(tmp_path: Path, name: str, message: str) -> None:
    with pytest.raises(SavedViewsError, match=message):
        save_view(SavedView(name, {}), "prod", tmp_path / "views.toml")


def test_views_live_beside_the_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert views_file() == tmp_path / "porting-tui" / "views.toml"


# Which profile sees which view.


def test_a_view_saved_on_one_profile_is_absent_on_another(tmp_path: Path) -> None:
    path = tmp_path / "views.toml"
    save_view(SavedView("Demo view", {"status": "PENDING"}), DEMO_PROFILE, path)
    save_view(SavedView("Stage view", {}), "stage", path)
    assert names(path, DEMO_PROFILE) == ["Demo view"]
    assert names(path, "prod") == []
    assert names(path, "stage") == ["Stage view"]


def test_demo_views_stay_off_a_real_profile_called_demo(tmp_path: Path) -> None:
    path = tmp_path / "views.toml"
    save_view(SavedView("Played with", {}), DEMO_PROFILE, path)
    assert names(path, "demo") == []


def test_an_all_profiles_view_shows_on_every_profile(tmp_path: Path) -> None:
    path = tmp_path / "views.toml"
    save_view(SavedView("Everyone", {"status": "PENDING"}, all_profiles=True), "prod", path)
    save_view(SavedView("Mine", {}), "prod", path)
    assert load_views("stage", path).views == [
        SavedView("Everyone", {"status": "PENDING"}, all_profiles=True)
    ]
    assert names(path, "prod") == ["Everyone", "Mine"]
    assert names(path, DEMO_PROFILE) == ["Everyone"]
    assert "all_profiles = true" in path.read_text()


def test_the_demo_cannot_save_for_all_profiles(tmp_path: Path) -> None:
    path = tmp_path / "views.toml"
    with pytest.raises(SavedViewsError, match="views saved in the demo stay in the demo"):
        save_view(SavedView("Leak", {}, all_profiles=True), DEMO_PROFILE, path)
    assert not path.exists()


def test_the_demo_cannot_replace_or_delete_an_all_profiles_view(tmp_path: Path) -> None:
    path = tmp_path / "views.toml"
    save_view(SavedView("Shared", {"status": "PENDING"}, all_profiles=True), "prod", path)
    with pytest.raises(SavedViewsError, match="cannot be changed from the demo"):
        save_view(SavedView("Shared", {}), DEMO_PROFILE, path)
    with pytest.raises(SavedViewsError, match="cannot be deleted from the demo"):
        remove_view("Shared", DEMO_PROFILE, path)
    assert load_views("prod", path).views == [
        SavedView("Shared", {"status": "PENDING"}, all_profiles=True)
    ]


def test_the_same_name_on_two_profiles_keeps_two_views(tmp_path: Path) -> None:
    path = tmp_path / "views.toml"
    save_view(SavedView("Mine", {"status": "PENDING"}), "prod", path)
    save_view(SavedView("Mine", {"status": "CONFIRMED"}), "stage", path)
    save_view(SavedView("Mine", {"reference": "P"}), "prod", path)
    assert load_views("prod", path).views == [SavedView("Mine", {"reference": "P"})]
    assert load_views("stage", path).views == [SavedView("Mine", {"status": "CONFIRMED"})]
    assert load_views("prod", path).used_elsewhere == {"Mine"}


def test_deleting_removes_only_the_current_profiles_view(tmp_path: Path) -> None:
    path = tmp_path / "views.toml"
    save_view(SavedView("Mine", {"status": "PENDING"}), "prod", path)
    save_view(SavedView("Mine", {"status": "CONFIRMED"}), "stage", path)
    assert remove_view("Mine", "stage", path).views == []
    assert load_views("prod", path).views == [SavedView("Mine", {"status": "PENDING"})]
    with pytest.raises(SavedViewsError, match="no saved view called 'Mine' for profile 'qa'"):
        remove_view("Mine", "qa", path)


def test_deleting_an_all_profiles_view_removes_it_from_every_profile(tmp_path: Path) -> None:
    path = tmp_path / "views.toml"
    save_view(SavedView("Shared", {}, all_profiles=True), "prod", path)
    save_view(SavedView("Own", {}), "stage", path)
    assert names(path, "stage") == ["Shared", "Own"]
    assert remove_view("Shared", "stage", path).views == [SavedView("Own", {})]
    assert names(path, "prod") == []


def test_an_all_profiles_view_takes_its_name_on_every_profile(tmp_path: Path) -> None:
    path = tmp_path / "views.toml"
    save_view(SavedView("Mine", {}), "stage", path)
    with pytest.raises(SavedViewsError, match="profile 'stage' has its own view 'Mine'"):
        save_view(SavedView("Mine", {}, all_profiles=True), "prod", path)
    assert names(path, "prod") == []


def test_replacing_a_view_can_change_whom_it_is_for(tmp_path: Path) -> None:
    path = tmp_path / "views.toml"
    save_view(SavedView("Mine", {"status": "PENDING"}), "prod", path)
    save_view(SavedView("Mine", {"status": "CONFIRMED"}, all_profiles=True), "prod", path)
    assert names(path, "stage") == ["Mine"]
    save_view(SavedView("Mine", {"status": "COMPLETED"}), "prod", path)
    assert names(path, "stage") == []
    assert load_views("prod", path).views == [SavedView("Mine", {"status": "COMPLETED"})]


# Files written by older versions, without a profile key.

LEGACY = (
    "# my views\n"
    '[[views]]\nname = "Old"\nfilters = { status = "PENDING" }\n\n'
    '[[views]]\nname = "Older"\n[views.filters]\nreference = "ACME"\n'
)


def test_views_of_an_older_version_show_on_every_profile(tmp_path: Path) -> None:
    path = tmp_path / "views.toml"
    path.write_text(LEGACY)
    expected = [
        SavedView("Old", {"status": "PENDING"}, all_profiles=True),
        SavedView("Older", {"reference": "ACME"}, all_profiles=True),
    ]
    assert load_views("prod", path).views == expected
    assert load_views("stage", path).views == expected
    assert path.read_text() == LEGACY, "loading never rewrites the file"


def test_a_save_marks_the_views_of_an_older_version_as_for_all_profiles(tmp_path: Path) -> None:
    path = tmp_path / "views.toml"
    path.write_text(LEGACY)
    save_view(SavedView("New", {}), "prod", path)
    document = tomlkit.parse(path.read_text()).unwrap()
    assert [
        (view["name"], view.get("all_profiles"), view.get("profile")) for view in document["views"]
    ] == [("Old", True, None), ("Older", True, None), ("New", None, "prod")]
    assert document["views"][1]["filters"] == {"reference": "ACME"}
    assert names(path, "stage") == ["Old", "Older"]


def test_a_delete_marks_the_views_of_an_older_version_too(tmp_path: Path) -> None:
    path = tmp_path / "views.toml"
    path.write_text(LEGACY)
    assert remove_view("Old", "prod", path).views == [
        SavedView("Older", {"reference": "ACME"}, all_profiles=True)
    ]
    assert "all_profiles = true" in path.read_text()
    assert names(path, "stage") == ["Older"]


# Bad values: the view is reported and left out, the others load, the file is kept.


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("profile = 3", "view 'Bad' is not shown: profile must be a profile name in quotes"),
        ('profile = ""', "profile must be a profile name in quotes"),
        (
            'all_profiles = "yes"',
            "view 'Bad' is not shown: all_profiles must be true or false, without quotes "
            '(it is "yes")',
        ),
        ('profile = "prod"\nall_profiles = true', "keep one of them"),
        ("all_profiles = false", 'needs profile = "name"'),
        ('profile = "prod"\nfilters = "PENDING"', "filters must be a table"),
    ],
)
def test_a_bad_view_is_reported_and_the_others_still_load(
    tmp_path: Path, line: str, message: str
) -> None:
    path = tmp_path / "views.toml"
    text = (
        '[[views]]\nname = "Before"\nprofile = "prod"\n\n'
        f'[[views]]\nname = "Bad"\n{line}\n\n'
        '[[views]]\nname = "After"\nall_profiles = true\n'
    )
    path.write_text(text)
    loaded = load_views("prod", path)
    assert [view.name for view in loaded.views] == ["Before", "After"]
    [problem] = loaded.problems
    assert str(problem).startswith(f"{path}: ")
    assert message in str(problem)
    save_view(SavedView("New", {}), "prod", path)
    assert f'name = "Bad"\n{line}\n' in path.read_text(), "the bad view is kept as written"


def test_a_bad_view_of_another_profile_does_not_concern_this_one(tmp_path: Path) -> None:
    path = tmp_path / "views.toml"
    path.write_text('[[views]]\nname = "Theirs"\nprofile = "stage"\nfilters = 3\n')
    assert load_views("prod", path).problems == []
    assert len(load_views("stage", path).problems) == 1


def test_a_second_view_of_the_same_name_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "views.toml"
    path.write_text(
        '[[views]]\nname = "Twice"\nprofile = "prod"\n\n'
        '[[views]]\nname = "Twice"\nall_profiles = true\nfilters = { status = "PENDING" }\n'
    )
    loaded = load_views("prod", path)
    assert loaded.views == [SavedView("Twice", {})]
    assert "an earlier view of the same name is shown" in str(loaded.problems[0])
    assert load_views("stage", path).views == [
        SavedView("Twice", {"status": "PENDING"}, all_profiles=True)
    ]
