"""Step 1: numbers pasted in any common format, or imported from a CSV with their values."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static, TextArea

from porting_tui.domain.csv_import import OrderFileError, apply_import, import_order_csv
from porting_tui.domain.csv_template import TEMPLATE_FILE_NAME, template_text
from porting_tui.domain.draft_checks import DraftProblem
from porting_tui.domain.draft_fields import Step
from porting_tui.domain.phone_numbers import MAX_NUMBERS_PER_ORDER, ParsedNumbers, parse_numbers
from porting_tui.domain.text_files import TextFileError, read_text_file
from porting_tui.tui.screens.create_order.csv_file_dialog import CsvFileDialog
from porting_tui.tui.screens.create_order.wizard_step import WizardStep

_SHOWN_PROBLEMS = 8


def _plural(count: int, word: str, plural: str = "") -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


def write_template(folder: Path, text: str) -> Path:
    """Write the CSV template into ``folder`` under a name not taken yet; its path."""
    folder.mkdir(parents=True, exist_ok=True)
    stem, suffix = TEMPLATE_FILE_NAME.rsplit(".", 1)
    for attempt in range(1, 1000):
        name = TEMPLATE_FILE_NAME if attempt == 1 else f"{stem}-{attempt}.{suffix}"
        try:
            with (folder / name).open("x", encoding="utf-8") as stream:
                stream.write(text)
        except FileExistsError:
            continue
        return folder / name
    raise FileExistsError(f"{folder} already holds 999 templates")


class NumbersStep(WizardStep):
    STEP = Step.NUMBERS
    HINT = "Paste or type numbers in any format, or import a CSV (ctrl+o)."
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+o", "import_csv", "Import CSV"),
        Binding("ctrl+t", "write_template", "CSV template"),
    ]

    def compose(self) -> ComposeResult:
        yield TextArea(
            self.draft.numbers_text,
            id="numbers-text",
            placeholder="(312) 555-0143\n+1 312 555 0144, 312.555.0145",
        )
        yield Static("", id="numbers-summary", markup=False)
        with VerticalScroll(id="numbers-problems-box"):
            yield Static("", id="numbers-problems", markup=False)

    def on_mount(self) -> None:
        self._show_parse(parse_numbers(self.draft.numbers_text))

    def entered(self) -> None:
        area = self.query_one("#numbers-text", TextArea)
        if area.text != self.draft.numbers_text:
            with self.prevent(TextArea.Changed):
                area.load_text(self.draft.numbers_text)
        self._show_parse(parse_numbers(self.draft.numbers_text))
        area.focus()

    @on(TextArea.Changed, "#numbers-text")
    def _text_changed(self, event: TextArea.Changed) -> None:
        parsed = parse_numbers(event.text_area.text)
        self.draft.numbers_text = event.text_area.text
        self.draft.set_numbers(parsed.numbers)
        self.draft.csv_source = ""
        self._show_parse(parsed)
        self.changed()

    def _show_parse(self, parsed: ParsedNumbers) -> None:
        parts = [_plural(len(parsed.numbers), "number")]
        if parsed.duplicates:
            parts.append(f"{_plural(len(parsed.duplicates), 'duplicate')} removed")
        if parsed.problems:
            parts.append(f"{_plural(len(parsed.problems), 'entry', 'entries')} not a number")
        if self.draft.csv_source:
            parts.append(f"from {self.draft.csv_source}")
        if parsed.too_many:
            parts.append(f"more than {MAX_NUMBERS_PER_ORDER}: split them into several orders")
        self.query_one("#numbers-summary", Static).update(" · ".join(parts))
        self._show_lines([str(problem) for problem in parsed.problems])

    def _show_lines(self, lines: list[str], title: str = "") -> None:
        shown = lines[:_SHOWN_PROBLEMS] if not title else lines
        text = "\n".join(shown)
        if len(lines) > len(shown):
            text += f"\n… and {len(lines) - len(shown)} more"
        if title and lines:
            text = f"{title}\n{text}"
        self.query_one("#numbers-problems", Static).update(text)
        self.query_one("#numbers-problems-box").set_class(bool(lines), "-shown")

    def show_problems(self, problems: list[DraftProblem]) -> None:
        parsed = parse_numbers(self.draft.numbers_text)
        lines = [f"Numbers {problem.message}" for problem in problems]
        if parsed.problems:
            lines.insert(0, "Fix or delete the entries that are not portable numbers:")
            lines += [str(problem) for problem in parsed.problems]
        self._show_lines(lines)
        self.query_one("#numbers-text", TextArea).focus()

    def action_import_csv(self) -> None:
        start = Path.cwd()
        self.app.push_screen(CsvFileDialog(start), self._import_from)

    def _import_from(self, path: Path | None) -> None:
        if path is None:
            return
        try:
            imported = import_order_csv(read_text_file(path, "CSV file"), path.name)
        except TextFileError as error:
            self._show_lines([str(error)], "The file was not imported:")
            return
        except OrderFileError as error:
            self._show_lines(error.problems, f"{path.name} was not imported:")
            return
        if imported.problems:
            self._show_lines(
                imported.problems,
                f"{path.name} was not imported; fix these {len(imported.problems)} problems:",
            )
            return
        apply_import(self.draft, imported)
        with self.prevent(TextArea.Changed):
            self.query_one("#numbers-text", TextArea).load_text(self.draft.numbers_text)
        self._show_parse(parse_numbers(self.draft.numbers_text))
        self.changed()
        with_values = len(imported.values)
        self.notify(
            f"Imported {_plural(len(imported.numbers), 'number')} from {path.name}"
            + (f", with values for {with_values}" if with_values else ""),
            markup=False,
        )

    def action_write_template(self) -> None:
        folder = self.context.session.export_dir()
        try:
            path = write_template(folder, template_text(self.context.today()))
        except OSError as error:
            self.notify(f"Cannot write the template in {folder}: {error}", severity="error")
            return
        self.notify(f"CSV template written to {path}", markup=False, timeout=10)
