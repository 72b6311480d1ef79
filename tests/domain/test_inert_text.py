"""Server text made inert: escapes and bidi overrides become visible, markup stays text."""

from __future__ import annotations

from porting_tui.domain.inert_text import inert_text


def test_an_escape_sequence_is_shown_as_typed_not_acted_on() -> None:
    assert inert_text("a\x1b[2Jb\x07") == "a\\x1b[2Jb\\x07"


def test_bidi_overrides_are_shown_as_escapes() -> None:
    assert inert_text("name\u202egpj.exe") == "name\\u202egpj.exe"


def test_newlines_are_kept_only_when_multiline() -> None:
    assert inert_text("one\ntwo\tthree\r") == "one two three "
    assert inert_text("one\ntwo", multiline=True) == "one\ntwo"


def test_markup_is_plain_text_and_none_is_empty() -> None:
    assert inert_text("[bold]x[/bold]") == "[bold]x[/bold]"
    assert inert_text(None) == ""
