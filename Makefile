# The README's two commands (demo, test) plus the helpers they stand on.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest screenshots bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall whenever pyproject.toml changes, so a pull never leaves stale dependencies.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/porting-tui --demo

test: $(STAMP) lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check porting_tui tests bench tools
	$(BIN)/ruff format --check porting_tui tests bench tools
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy porting_tui

pytest: $(STAMP)
	$(BIN)/pytest -q -n auto

# SVGs of every screen and dialog, from the real app on the emulator (fixed seed and clock).
screenshots: $(STAMP)
	$(BIN)/python tools/screenshots.py

# Figures only (launch, 10,000 orders, refresh, CSV import, Needs attention); nothing asserted.
bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
