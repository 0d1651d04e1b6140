# Two commands on a fresh clone: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= build/cyberdiplomacy.duckdb
PORT ?= 8501

.PHONY: run test check build lint bench clean audit load-test

$(BIN)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(BIN)/.dev: requirements-dev.txt requirements.txt $(BIN)/.runtime
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

$(DB): $(BIN)/.runtime $(wildcard data/*.csv data/history/*.parquet) data/sources.yml data/track_rules.yml $(wildcard etl/*.py etl/sql/*.sql)
	$(BIN)/python -m etl build

build: $(DB)

check: $(BIN)/.runtime
	$(BIN)/python -m etl check

run: $(DB)
	$(BIN)/streamlit run dashboard.py --server.address localhost --server.port $(PORT)

test: $(BIN)/.dev
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: $(BIN)/.dev
	$(BIN)/ruff check .

bench: $(BIN)/.dev $(DB)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf build .pytest_cache test-artifacts

# Vulnerability audit of the pinned dependencies; needs a network that reaches PyPI's JSON API or OSV.
audit: $(BIN)/.dev
	$(BIN)/python -m pip install --quiet pip-audit==2.10.1
	$(BIN)/pip-audit -r requirements-dev.txt

# Many users at once while the warehouse is rebuilt (see docs/RELIABILITY.md).
load-test: $(BIN)/.dev
	$(BIN)/python scripts/load_test.py --sessions $${SESSIONS:-20} --seconds $${SECONDS_:-60} --refresh-every 15
