"""Document files: the upload limit, and saving server-named documents without escaping."""

from __future__ import annotations

from pathlib import Path

import pytest

from porting_tui.domain.document_files import (
    DocumentFileError,
    DocumentTooLargeError,
    read_document,
    safe_file_name,
    save_document,
)


def test_a_file_over_the_limit_is_refused_with_its_size_and_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "scan.pdf"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(DocumentTooLargeError, match=r"is 2\.0 KB; documents can be at most 1\.0"):
        read_document(big, limit=1024)


def test_empty_missing_and_folder_paths_are_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(DocumentFileError, match="is empty"):
        read_document(empty)
    with pytest.raises(DocumentFileError, match="cannot read"):
        read_document(tmp_path / "missing.pdf")
    with pytest.raises(DocumentFileError, match="is a folder"):
        read_document(tmp_path)


@pytest.mark.parametrize(
    ("sent", "saved"),
    [
        ("../../.bashrc", "bashrc"),
        ("/etc/passwd", "passwd"),
        ("bill\x1b[2J\x07.pdf", "bill_[2J_.pdf"),
        ("..", "document-3"),
    ],
)
def test_a_hostile_name_is_saved_inside_the_folder(tmp_path: Path, sent: str, saved: str) -> None:
    folder = tmp_path / "downloads"
    path = save_document(folder, sent, b"hi", "document-3")
    assert path == folder / saved
    assert [p.name for p in folder.iterdir()] == [saved]
    assert path.stat().st_mode & 0o777 == 0o600


def test_an_existing_file_is_never_replaced_a_numbered_copy_is_written(tmp_path: Path) -> None:
    (tmp_path / "LOA.pdf").write_bytes(b"mine")
    first = save_document(tmp_path, "LOA.pdf", b"one", "document-1")
    second = save_document(tmp_path, "LOA.pdf", b"two", "document-1")
    assert (first.name, second.name) == ("LOA (2).pdf", "LOA (3).pdf")
    assert (tmp_path / "LOA.pdf").read_bytes() == b"mine"
    assert second.read_bytes() == b"two"


def test_a_symlink_in_the_way_is_not_written_through(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_bytes(b"keep")
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "bashrc").symlink_to(victim)
    path = save_document(folder, "../.bashrc", b"evil", "document-1")
    assert path.name == "bashrc (2)"
    assert victim.read_bytes() == b"keep"


def test_a_name_of_120_emoji_is_cut_to_120_bytes_and_saved(tmp_path: Path) -> None:
    path = save_document(tmp_path, "😀" * 120 + ".pdf", b"hi", "document-1")
    assert len(path.name.encode("utf-8")) <= 120
    assert path.name.endswith(".pdf") and path.name.startswith("😀")
    assert path.read_bytes() == b"hi"
    copy = save_document(tmp_path, "😀" * 120 + ".pdf", b"hi", "document-1")
    assert copy.name.endswith(" (2).pdf")


def test_a_long_name_without_extension_never_keeps_half_a_character() -> None:
    name = safe_file_name("é" * 200, "document-1")
    assert name == "é" * 60
    assert len(name.encode("utf-8")) == 120


@pytest.mark.parametrize(("sent", "saved"), [("-rf", "_-rf"), (" --help.pdf", "_--help.pdf")])
def test_a_name_starting_with_a_dash_gets_a_prefix(sent: str, saved: str) -> None:
    assert safe_file_name(sent, "document-1") == saved
