# clearance: two commands on a fresh machine.
#   make run   create .venv, install, decide a bundled sample of agent actions and print a table
#   make test  install the test dependencies and run the tests, ruff and mypy
#   make e2e   the real agents (Claude Code, Codex, Gemini and Copilot CLI; pinned, npm-installed into ~/.cache/clearance-e2e)
#              against a scripted local model: destructive command blocked, benign one runs, ...
#   make bench per-decision latency of every path (cold hook, daemon, thin client, http), this tree against BASE
#   make eval  score the outside evaluations (commands, code inside commands, real recorded sessions; informational), then the shared corpus (eval/README.md)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SHARED := ../shared

.PHONY: run test lint eval eval-outside bench clean install e2e

$(BIN)/clearance: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	@touch $(BIN)/clearance

# The test dependencies (server, PostgreSQL, selenium, data sets) only for test/lint/eval/bench: `make run` needs none of them.
$(VENV)/.test-deps: $(BIN)/clearance pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $(VENV)/.test-deps

install: $(BIN)/clearance

run: install
	HOME=/home/dev $(BIN)/clearance decide --table < examples/sample-actions.jsonl

test: $(VENV)/.test-deps
	$(BIN)/python -m pytest
	$(BIN)/ruff check src tests bench eval
	$(BIN)/mypy

lint: $(VENV)/.test-deps
	$(BIN)/ruff check src tests bench eval
	$(BIN)/ruff format --check src tests bench eval
	$(BIN)/mypy

# the outside evaluation and the real sessions first: informational, they never fail the target; then the shared corpus, which does
eval: $(VENV)/.test-deps
	-$(BIN)/python eval/score_outside.py --show 20 --split dev
	-$(BIN)/python eval/score_code.py --show 20 --split dev
	-$(BIN)/python eval/score_sessions.py --show 20 --split dev
	$(BIN)/python eval/evaluate.py $(SHARED)/corpus/actions.jsonl

# informational: never fails on the scores (CI may call it)
eval-outside: $(VENV)/.test-deps
	-$(BIN)/python eval/score_outside.py --show 20 --split dev
	-$(BIN)/python eval/score_code.py --show 20 --split dev

# make bench BASE=HEAD~5: this tree against BASE (default main) and cc-safety-net when installed, in one run
BASE ?= main
ROUNDS ?= 40
bench: $(VENV)/.test-deps
	$(BIN)/python bench/compare.py --base $(BASE) --rounds $(ROUNDS)
	$(BIN)/python bench/decision_time.py --repeat 5
	$(BIN)/python bench/regex_worst.py --top 15
	$(BIN)/python bench/worst_case.py --quick --top 10 --families

e2e: install
	$(BIN)/python tests/e2e_agents/run.py $(E2E_ARGS)

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
