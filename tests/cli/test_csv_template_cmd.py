"""``porting-tui csv-template`` writes a template that the order import reads back cleanly."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from porting_tui.cli import cli
from porting_tui.domain.csv_import import import_order_csv


def test_the_template_goes_to_stdout_without_a_path() -> None:
    result = CliRunner().invoke(cli, ["csv-template"])
    assert result.exit_code == 0
    assert result.stdout.startswith("phoneNumber,customerOrderReference,desiredPortDate,")
    assert import_order_csv(result.stdout, "stdout").problems == []


def test_the_template_is_written_to_a_path_once(tmp_path: Path) -> None:
    target = tmp_path / "order.csv"
    first = CliRunner().invoke(cli, ["csv-template", str(target)])
    assert first.exit_code == 0, first.output
    assert "Wrote the order CSV template" in first.stderr
    assert target.read_text(encoding="utf-8").count("\n") == 3
    again = CliRunner().invoke(cli, ["csv-template", str(target)])
    assert again.exit_code == 2 and "--force" in again.stderr
    forced = CliRunner().invoke(cli, ["csv-template", "--force", str(target)])
    assert forced.exit_code == 0


def test_the_template_creates_an_order_from_the_command_line(tmp_path: Path) -> None:
    target = tmp_path / "order.csv"
    CliRunner().invoke(cli, ["csv-template", str(target)])
    result = CliRunner().invoke(
        cli, ["--demo", "orders", "create", "--from-file", str(target), "--json"]
    )
    assert result.exit_code == 0, result.output
    assert '"customerOrderReference": "ACME-42"' in result.stdout
