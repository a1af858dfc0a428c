# The two commands of the README: `make demo` and `make test`.
VENV ?= .venv
BIN = $(VENV)/bin
PYTHON ?= python3

.PHONY: demo test lint bench clean

demo: $(VENV)/.installed
	$(BIN)/oversight init
	$(BIN)/oversight stats
	@echo "Portal and JSON API: $(BIN)/oversight serve   then open http://127.0.0.1:8000 (API: /api/v1)"

test: $(VENV)/.installed
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/bench_registry.py

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,spark]'
	touch $@

clean:
	rm -rf $(VENV) var
