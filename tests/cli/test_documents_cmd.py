"""``documents upload|get``: size limit, safe names, no overwrite, metadata-only --json."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from porting_tui.cli import files
from tests.cli.conftest import Cli, stdout_json
from tests.cli.helpers import order_id_with_status


def upload(
    run: Cli, tmp_path: Path, name: str = "LOA.pdf", content: bytes = b"%PDF-1.4 loa"
) -> tuple[int, int]:
    order_id = order_id_with_status(run)
    source = tmp_path / "upload" / name
    source.parent.mkdir(exist_ok=True)
    source.write_bytes(content)
    result = run(
        "documents", "upload", str(order_id), str(source), "--description", "LOA", "--json"
    )
    document = stdout_json(result)
    assert document["documentName"] == name and document["description"] == "LOA"
    return order_id, document["id"]


def test_an_uploaded_document_comes_back_byte_for_byte(run: Cli, tmp_path: Path) -> None:
    order_id, document_id = upload(run, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    result = run("documents", "get", str(order_id), str(document_id), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out / "LOA.pdf")
    assert (out / "LOA.pdf").read_bytes() == b"%PDF-1.4 loa"
    assert (out / "LOA.pdf").stat().st_mode & 0o777 == 0o600


def test_json_prints_metadata_only_and_saves_nothing(run: Cli, tmp_path: Path) -> None:
    order_id, document_id = upload(run, tmp_path)
    result = run("documents", "get", str(order_id), str(document_id), "--json")
    metadata = stdout_json(result)
    assert metadata["documentName"] == "LOA.pdf"
    assert "fileContent" not in metadata
    assert not (tmp_path / "LOA.pdf").exists()


def test_an_existing_file_is_kept_unless_force(run: Cli, tmp_path: Path) -> None:
    order_id, document_id = upload(run, tmp_path)
    (tmp_path / "LOA.pdf").write_bytes(b"mine")
    refused = run("documents", "get", str(order_id), str(document_id))
    assert refused.exit_code == 2
    assert "already exists; add --force" in refused.stderr
    assert (tmp_path / "LOA.pdf").read_bytes() == b"mine"
    forced = run("documents", "get", str(order_id), str(document_id), "--force")
    assert forced.exit_code == 0, forced.output
    assert (tmp_path / "LOA.pdf").read_bytes() == b"%PDF-1.4 loa"


@pytest.mark.parametrize(
    ("sent", "saved"),
    [("../../.bashrc", "bashrc"), ("evil\x1b[2J.pdf", "evil_[2J.pdf"), ("..", "document-5")],
)
def test_a_hostile_name_from_the_server_stays_in_the_folder(
    run: Cli, tmp_path: Path, sent: str, saved: str
) -> None:
    def hostile(request: httpx.Request) -> httpx.Response:
        body = {"id": 5, "documentId": 5, "documentName": sent, "description": "",
                "fileContent": "aGk=", "contentType": "text/plain"}  # fmt: skip
        return httpx.Response(200, json=body)

    folder = tmp_path / "downloads"
    folder.mkdir()
    result = run(
        "documents", "get", "1", "5", "-o", str(folder), transport=httpx.MockTransport(hostile)
    )
    assert result.exit_code == 0, result.output
    assert [p.name for p in folder.iterdir()] == [saved]
    assert not (tmp_path / ".bashrc").exists()


def test_dash_writes_the_bytes_to_stdout(run: Cli, tmp_path: Path) -> None:
    order_id, document_id = upload(run, tmp_path)
    result = run("documents", "get", str(order_id), str(document_id), "-o", "-")
    assert result.exit_code == 0
    assert result.stdout_bytes == b"%PDF-1.4 loa"


def test_an_oversized_or_empty_upload_is_refused_before_sending(
    run: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "MAX_UPLOAD_BYTES", 10)
    big = tmp_path / "scan.pdf"
    big.write_bytes(b"x" * 11)
    result = run("documents", "upload", "1", str(big))
    assert result.exit_code == 1
    assert "documents can be at most 10 bytes: compress it" in result.stderr
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    assert run("documents", "upload", "1", str(empty)).exit_code == 2
    assert run.transport.requests == []


def test_an_unknown_document_exits_4(run: Cli) -> None:
    order_id = order_id_with_status(run)
    result = run("documents", "get", str(order_id), "987654", "--json")
    assert result.exit_code == 4
    assert result.stdout == ""
