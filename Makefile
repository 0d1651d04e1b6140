# Two commands on a fresh clone: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= build/cyberdiplomacy.duckdb
PORT ?= 8501
REPLICAS ?= 2
NGINX_DIR ?= build/nginx
# make load-test LOAD_ARGS='--levels 40 --think-time 10 --replicas 2' (see scripts/load/run.py)
LOAD_ARGS ?= --levels 1,10,20,40 --seconds 30

.PHONY: run test check build lint bench clean audit lock load-test load-test-browsers serve

# The locks pin every package, transitive ones included, with their hashes: two clones a month apart get the
# same environment, and a tampered download is refused.
$(BIN)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt
	touch $@

$(BIN)/.dev: requirements-dev.txt $(BIN)/.runtime
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.txt
	touch $@

# After changing a dependency in pyproject.toml. Needs PyPI; the dev lock pins the same versions as the runtime one.
lock: $(BIN)/.dev
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-find-links --no-emit-index-url \
	  -o requirements.txt pyproject.toml
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-find-links --no-emit-index-url \
	  --extra dev -o requirements-dev.txt pyproject.toml

$(DB): $(BIN)/.runtime $(wildcard data/*.csv data/history/*.parquet) data/datapackage.json data/track_rules.yml $(wildcard etl/*.py etl/sql/*/*.sql etl/sql/*/*/*.sql)
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
	$(BIN)/pip-audit --require-hashes -r requirements-dev.txt

# Many users at once over Streamlit's own websocket protocol (Locust; see docs/RELIABILITY.md).
load-test: $(BIN)/.dev
	$(BIN)/python scripts/load/run.py $(LOAD_ARGS)

# Three real browsers touring the pages while the warehouse is rebuilt: a smoke test, not a capacity figure.
load-test-browsers: $(BIN)/.dev
	$(BIN)/python scripts/load_test.py --sessions 3 --seconds 40 --refresh-every 15

# N app processes behind nginx on PORT (config rendered into NGINX_DIR; /etc/nginx untouched). Ctrl-C stops all.
serve: $(BIN)/.runtime
	@command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y nginx; \
	  else echo "nginx is not installed: sudo apt-get install nginx" >&2; exit 1; fi; }
	@test -n "$$CYBERDIPLOMACY_DB" || $(MAKE) --no-print-directory build
	$(BIN)/python scripts/serve.py --replicas $(REPLICAS) --port $(PORT) --dir $(NGINX_DIR)
