"""Order drafts in the local store: saved, listed per project, loaded intact, deleted."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest

from porting_tui.domain.draft_fields import Step
from porting_tui.domain.order_draft import OrderDraft
from porting_tui.local.drafts import DraftError, DraftStore
from porting_tui.local.store import LocalStore


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "state.sqlite3"


@pytest.fixture
def drafts(store_path: Path) -> DraftStore:
    return DraftStore(LocalStore.open(store_path))


def a_draft(reference: str = "ACME-1") -> OrderDraft:
    draft = OrderDraft(numbers=["+13125550100"], step=Step.ROUTING)
    draft.common["portOutInfo.existingPortOutPin"] = "4321"
    draft.order["customerOrderReference"] = reference
    return draft


def test_a_saved_draft_loads_back_equal(drafts: DraftStore) -> None:
    draft = a_draft()
    drafts.save("d1", profile="acme", project_id="p1", draft=draft)
    assert drafts.load("d1") == draft
    assert drafts.exists("d1")


def test_saving_again_replaces_the_draft(drafts: DraftStore) -> None:
    drafts.save("d1", profile="acme", project_id="p1", draft=a_draft("FIRST"))
    drafts.save("d1", profile="acme", project_id="p1", draft=a_draft("SECOND"))
    [summary] = drafts.summaries()
    assert summary.title == "SECOND: 1 number"
    assert summary.step_title == "step 4 of 6: Routing"


def test_drafts_are_listed_per_project_newest_first(drafts: DraftStore) -> None:
    drafts.save("old", profile="acme", project_id="p1", draft=a_draft("OLD"))
    drafts.save("other", profile="beta", project_id="p2", draft=a_draft("OTHER"))
    drafts.save("new", profile="acme", project_id="p1", draft=a_draft("NEW"))
    assert [s.draft_id for s in drafts.summaries("p1")] == ["new", "old"]
    assert len(drafts.summaries()) == 3


def test_deleting_removes_the_draft(drafts: DraftStore) -> None:
    drafts.save("d1", profile="acme", project_id="p1", draft=a_draft())
    assert drafts.delete("d1")
    assert drafts.load("d1") is None
    assert not drafts.delete("d1")


def test_another_process_sees_the_draft_and_the_file_is_private(
    drafts: DraftStore, store_path: Path
) -> None:
    drafts.save("d1", profile="acme", project_id="p1", draft=a_draft())
    other = DraftStore(LocalStore.open(store_path))
    assert other.load("d1") == a_draft()
    assert stat.S_IMODE(store_path.stat().st_mode) == 0o600


def test_an_unreadable_draft_says_so(drafts: DraftStore, store_path: Path) -> None:
    drafts.save("d1", profile="acme", project_id="p1", draft=a_draft())
    store = LocalStore.open(store_path)
    with store.transaction() as db:
        db.execute("UPDATE order_drafts SET body = '{\"numbers\": 5}' WHERE id = 'd1'")
    with pytest.raises(DraftError, match="delete it"):
        drafts.load("d1")


def test_listing_drafts_loads_neither_pydantic_nor_the_order_field_table(
    drafts: DraftStore, store_path: Path
) -> None:
    # The app lists this project's drafts right after its first rows, to offer the newest:
    # with none (or a few) to list, that must not cost the wizard's imports.
    drafts.save(drafts.new_id(), profile="p", project_id="proj", draft=a_draft())
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from porting_tui.local.drafts import DraftStore\n"
        "from porting_tui.local.store import LocalStore\n"
        f"listed = DraftStore(LocalStore.open(Path({str(store_path)!r}))).summaries('proj')\n"
        "assert [d.step_title for d in listed] == ['step 4 of 6: Routing'], listed\n"
        "heavy = ('pydantic', 'phonenumbers', 'porting_tui.domain.order_field_table')\n"
        "print(sorted(name for name in heavy if name in sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
