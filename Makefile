# The README's two commands (demo, test) plus the helpers they stand on.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Stoplight Prism, the independent mock of the conformance suite (tests/conformance/prism.py
# names the same version), installed with npm under .venv so `make clean` removes it too.
PRISM_VERSION := 5.16.0
NODE_DIR := $(VENV)/node
PRISM_STAMP := $(NODE_DIR)/.prism-$(PRISM_VERSION)

.PHONY: demo test lint typecheck pytest screenshots bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall whenever pyproject.toml changes, so a pull never leaves stale dependencies.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Without npm the stamp is not written, so the message comes back on every run; the Prism
# tests then skip, or fail when CI is set.
$(PRISM_STAMP): | $(BIN)/python
	@if command -v npm >/dev/null 2>&1; then \
		npm install --prefix $(NODE_DIR) --no-audit --no-fund --loglevel=error \
			@stoplight/prism-cli@$(PRISM_VERSION) && touch $@; \
	else \
		echo "npm not found: cannot install Stoplight Prism, so the client-against-Prism"; \
		echo "conformance tests will be skipped (and fail when CI is set). Install Node.js"; \
		echo "and npm, then run make test again."; \
	fi

demo: $(STAMP)
	$(BIN)/porting-tui --demo

test: $(STAMP) lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check porting_tui tests bench tools
	$(BIN)/ruff format --check porting_tui tests bench tools
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy porting_tui

# Two workers per core: a TUI test spends about half its time waiting for the app to go idle,
# so one worker per core leaves the cores half used. Work stealing keeps them busy at the end.
PYTEST_WORKERS ?= $(shell $(PYTHON) -c 'import os; print(2 * (os.cpu_count() or 1))')

# Bytecode is cached under .venv even where PYTHONDONTWRITEBYTECODE is set: otherwise every
# worker and every command-line test compiles the project and rewrites the tests again.
pytest: $(STAMP) $(PRISM_STAMP)
	env -u PYTHONDONTWRITEBYTECODE PYTHONPYCACHEPREFIX=$(CURDIR)/$(VENV)/pycache \
		$(BIN)/pytest -q -n $(PYTEST_WORKERS) --dist worksteal

# SVGs of every screen and dialog, from the real app on the emulator (fixed seed and clock).
screenshots: $(STAMP)
	$(BIN)/python tools/screenshots.py

# Figures only (launch, CLI, 10,000 and 50,000 orders, refresh, CSV, Needs attention); nothing asserted.
bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
