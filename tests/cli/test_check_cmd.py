"""``check``: portability of numbers given as arguments or in a file."""

from __future__ import annotations

from pathlib import Path

from tests.cli.conftest import Cli, stdout_json, wire


def test_json_holds_the_api_results_for_numbers_in_any_format(run: Cli) -> None:
    result = run("check", "(312) 555-0143", "+1 415 555 0101", "--json")
    expected = run.api(lambda c: c.portability.check(["+13125550143", "+14155550101"]))
    assert stdout_json(result) == {"phoneNumbers": [wire(r) for r in expected]}


def test_the_table_shows_each_number_with_its_carrier(run: Cli) -> None:
    result = run("check", "3125550143")
    assert result.exit_code == 0, result.output
    [expected] = run.api(lambda c: c.portability.check(["+13125550143"]))
    assert result.stdout.splitlines()[0].split() == ["Number", "Portable", "Carrier", "Reason"]
    assert "+13125550143" in result.stdout
    assert (expected.carrier or "") in result.stdout


def test_numbers_come_from_a_plain_file_or_a_csv_column(run: Cli, tmp_path: Path) -> None:
    plain = tmp_path / "numbers.txt"
    plain.write_text("# to check\n3125550143\n\n312 555 0144\n3125550143\n", encoding="utf-8")
    result = run("check", "--file", str(plain), "--json")
    assert [r["phoneNumber"] for r in stdout_json(result)["phoneNumbers"]] == [
        "+13125550143",
        "+13125550144",
    ]
    assert "1 duplicate number(s) checked once." in result.stderr
    table = tmp_path / "numbers.csv"
    table.write_text("name;Phone Number\nA;3125550145\nB;3125550146\n", encoding="utf-8")
    result = run("check", "-f", str(table), "--json")
    assert [r["phoneNumber"] for r in stdout_json(result)["phoneNumbers"]] == [
        "+13125550145",
        "+13125550146",
    ]


def test_stdin_works_as_a_file(run: Cli) -> None:
    result = run("check", "--file", "-", "--json", input="3125550143\n")
    assert len(stdout_json(result)["phoneNumbers"]) == 1


def test_bad_numbers_are_all_reported_with_their_line_and_nothing_is_sent(
    run: Cli, tmp_path: Path
) -> None:
    source = tmp_path / "numbers.txt"
    source.write_text("3125550143\nhello\n+44 20 7946 0958\n", encoding="utf-8")
    result = run("check", "--file", str(source), "--json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{source} line 2: 'hello' is not a valid phone number" in result.stderr
    assert f"{source} line 3: '+44 20 7946 0958' is not a US or Canadian number" in result.stderr
    assert run.transport.requests == []


def test_a_csv_without_a_number_column_names_the_columns_it_has(run: Cli, tmp_path: Path) -> None:
    source = tmp_path / "numbers.csv"
    source.write_text("name,city\nA,B\n", encoding="utf-8")
    result = run("check", "--file", str(source))
    assert result.exit_code == 1
    assert "it has: name, city" in result.stderr


def test_nothing_to_check_is_a_usage_error(run: Cli) -> None:
    assert run("check").exit_code == 2
