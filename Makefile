# clearance: two commands on a fresh machine.
#   make run   create .venv, install, decide a bundled sample of agent actions and print a table
#   make test  install the test dependencies and run the tests, ruff and mypy
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SHARED := ../shared

.PHONY: run test lint eval bench clean install

$(BIN)/clearance: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $(BIN)/clearance

install: $(BIN)/clearance

run: install
	HOME=/home/dev $(BIN)/clearance decide --table < examples/sample-actions.jsonl

test: install
	$(BIN)/python -m pytest
	$(BIN)/ruff check src tests bench eval
	$(BIN)/mypy

lint: install
	$(BIN)/ruff check src tests bench eval
	$(BIN)/ruff format --check src tests bench eval
	$(BIN)/mypy

eval: install
	$(BIN)/python eval/evaluate.py $(SHARED)/corpus/actions.jsonl

bench: install
	$(BIN)/python bench/hook_startup.py --runs 60
	$(BIN)/python bench/decision_time.py
	$(BIN)/python bench/regex_worst.py --top 15
	$(BIN)/python bench/worst_case.py --quick --top 10

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
