"""Files the user names are read only when regular, never waiting on a pipe or a device."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from porting_tui.domain.document_files import DocumentFileError, read_document
from porting_tui.domain.regular_files import NotRegularFileError, read_regular_file
from porting_tui.domain.text_files import TextFileError, read_text_file

GENEROUS_S = 60.0


def finishes(call: Callable[[], object]) -> BaseException | None:
    """Run ``call`` on a daemon thread; fail if it hangs (as opening a FIFO used to)."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            call()
        except BaseException as error:
            outcome.append(error)
        else:
            outcome.append(None)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(GENEROUS_S)
    assert outcome, "the read blocked"
    return outcome[0]


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "scan.pdf"
    os.mkfifo(path)
    return path


def test_a_fifo_is_refused_without_waiting_for_a_writer(fifo: Path) -> None:
    error = finishes(lambda: read_document(fifo))
    assert isinstance(error, DocumentFileError)
    assert "named pipe" in str(error)
    error = finishes(lambda: read_text_file(fifo, "CSV file"))
    assert isinstance(error, TextFileError) and "named pipe" in str(error)


def test_an_endless_device_is_refused() -> None:
    error = finishes(lambda: read_document(Path("/dev/zero")))
    assert isinstance(error, DocumentFileError) and "device" in str(error)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotRegularFileError, match="folder"):
        read_regular_file(tmp_path, 10)


def test_a_symlink_to_a_fifo_is_refused(fifo: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.pdf"
    link.symlink_to(fifo)
    assert isinstance(finishes(lambda: read_document(link)), DocumentFileError)


def test_a_regular_file_is_read_up_to_one_byte_over_the_bound(tmp_path: Path) -> None:
    path = tmp_path / "a.bin"
    path.write_bytes(b"x" * 100)
    assert read_regular_file(path, 10) == b"x" * 11
    assert read_regular_file(path, 1000) == b"x" * 100
