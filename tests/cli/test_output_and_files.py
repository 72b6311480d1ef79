"""Output that cannot drive the terminal, masked secrets, safe document names, field checks."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click
import pytest

from porting_tui.cli.context import CommandError
from porting_tui.cli.field_checks import (
    PORT_TIME_ZONES,
    check_email,
    check_phone,
    check_port_time,
    check_webhook_url,
    check_zone,
)
from porting_tui.cli.files import safe_file_name, write_file
from porting_tui.cli.output import MASK, RowStream, _dumps, mask_account, mask_secrets, safe_text
from porting_tui.client import TIME_ZONES


def test_control_characters_and_bidi_overrides_are_shown_as_escapes() -> None:
    assert safe_text("red \x1b[31mx\x07 \x9b2J \u202eevil") == (
        "red \\x1b[31mx\\x07 \\x9b2J \\u202eevil"
    )
    assert safe_text("two\nlines\tand tab") == "two lines and tab"
    assert safe_text("two\nlines", multiline=True) == "two\nlines"
    assert safe_text("[bold]not markup[/]") == "[bold]not markup[/]"


def test_json_output_escapes_c1_controls_and_still_parses() -> None:
    text = _dumps({"note": "a\x9bb\u2028c\x1bd é"}, indent=None)
    assert "\x9b" not in text and "\u2028" not in text and "\x1b" not in text
    assert json.loads(text) == {"note": "a\x9bb\u2028c\x1bd é"}


def test_pins_and_account_numbers_are_masked_at_any_depth() -> None:
    port_out = {"existingPortOutPin": "1234", "accountNum": "", "authorizingName": "A"}
    data = {"phoneNumbers": [{"portOutInfo": port_out, "newPortOutPin": "9999"}]}
    masked = mask_secrets(data)
    number = masked["phoneNumbers"][0]
    assert number["portOutInfo"] == {
        "existingPortOutPin": MASK,
        "accountNum": "",
        "authorizingName": "A",
    }
    assert number["newPortOutPin"] == MASK
    assert data["phoneNumbers"][0]["newPortOutPin"] == "9999"


def test_account_numbers_keep_only_their_last_four_characters() -> None:
    assert mask_account("123456789") == "••••6789"
    assert mask_account("12345") == "••••"
    assert mask_account("12345", reveal=True) == "12345"


def test_row_stream_cuts_long_cells_but_not_the_last_column(
    capsys: pytest.CaptureFixture[str],
) -> None:
    stream = RowStream([("ID", 4), ("NAME", 0)])
    stream.row("123456", "a long reference that stays whole")
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["ID    NAME", "123…  a long reference that stays whole"]


@pytest.mark.parametrize(
    ("sent", "saved"),
    [
        ("LOA.pdf", "LOA.pdf"),
        ("../../.bashrc", "bashrc"),
        ("..\\..\\windows\\evil.exe", "evil.exe"),
        ("/etc/passwd", "passwd"),
        ("bill\x1b[2J\x00.pdf", "bill_[2J_.pdf"),
        ("name\u202egpj.exe", "name_gpj.exe"),
        ("..", "document-7"),
        ("", "document-7"),
        (None, "document-7"),
        ("x" * 300 + ".pdf", "x" * 116 + ".pdf"),
    ],
)
def test_document_names_from_the_server_stay_in_the_folder(sent: str | None, saved: str) -> None:
    assert safe_file_name(sent, "document-7") == saved


def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path) -> None:
    target = tmp_path / "LOA.pdf"
    write_file(target, b"first", force=False)
    assert (target.stat().st_mode & 0o777) == 0o600
    with pytest.raises(CommandError, match="already exists; add --force"):
        write_file(target, b"second", force=False)
    assert target.read_bytes() == b"first"
    write_file(target, b"second", force=True)
    assert target.read_bytes() == b"second"


def test_force_replaces_a_symlink_instead_of_writing_through_it(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_bytes(b"keep")
    link = tmp_path / "LOA.pdf"
    os.symlink(victim, link)
    with pytest.raises(CommandError):
        write_file(link, b"evil", force=False)
    write_file(link, b"new", force=True)
    assert victim.read_bytes() == b"keep"
    assert not link.is_symlink() and link.read_bytes() == b"new"


def test_value_checks_return_the_api_form_or_say_what_is_expected() -> None:
    assert check_email(" ops@example.com ") == "ops@example.com"
    assert check_phone("(312) 555-0143") == "+13125550143"
    assert check_port_time("9:05") == "09:05:00"
    assert check_port_time("23:59:59") == "23:59:59"
    assert check_zone("us/pacific") == "US/Pacific"
    assert check_webhook_url("http://127.0.0.1:8788/hook") == "http://127.0.0.1:8788/hook"
    for check, bad, message in [
        (check_email, "ops@", "not an email address"),
        (check_phone, "+1 555", "not a valid phone number"),
        (check_port_time, "25:00", "use HH:MM or HH:MM:SS"),
        (check_zone, "Europe/Paris", "use one of US/Eastern"),
        (check_webhook_url, "http://hooks.example.com/x", "uses plain http"),
        (check_webhook_url, "hooks.example.com", "not an absolute URL"),
    ]:
        with pytest.raises(ValueError, match=message):
            check(bad)


def test_the_documented_zones_match_the_client() -> None:
    assert PORT_TIME_ZONES == TIME_ZONES


def test_command_errors_carry_their_exit_code() -> None:
    error = CommandError("x", 4)
    assert isinstance(error, click.ClickException)
    assert error.exit_code == 4
