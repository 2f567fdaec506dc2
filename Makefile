# motcua — quick start: `make run` (demo on SQLite) and `make test` (the whole suite).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
DEV_ENV := MOTCUA_ENV=development

.PHONY: install run test test-fast lint format system-deps bench bench-ratios clean

install: $(STAMP)
	@bash scripts/system-deps.sh --runtime

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: install
	@mkdir -p var
	$(DEV_ENV) $(BIN)/motcua migrate --no-input
	$(DEV_ENV) $(BIN)/motcua demo-data --profile tdm
	@echo ""
	@echo "  motcua đang chạy tại: http://$(HOST):$(PORT)/   (Ctrl+C để dừng)"
	@echo ""
	@# The task worker (db_worker + heartbeat for the health page) delivers e-mail and SMS
	@# beside the web server and stops with it.
	@$(DEV_ENV) $(BIN)/motcua worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(DEV_ENV) $(BIN)/motcua runserver $(HOST):$(PORT)

system-deps:
	@bash scripts/system-deps.sh

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

format: install
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

test: install system-deps lint
	$(DEV_ENV) $(BIN)/motcua makemigrations --check --dry-run
	$(DEV_ENV) $(BIN)/python -m pytest $(PYTEST_ARGS)

# The suite without the browser tests (no Chromium needed): the quick loop while editing.
test-fast: install lint
	$(DEV_ENV) $(BIN)/motcua makemigrations --check --dry-run
	$(DEV_ENV) $(BIN)/python -m pytest -m "not browser" $(PYTEST_ARGS)

bench: install
	$(DEV_ENV) $(BIN)/python bench/run_all.py

# Issue 12 §5: API list vs raw SQL, worklist vs raw SQL, intake vs raw INSERT, in one run
# (PostgreSQL: DATABASE_URL=postgres://…/motcua_bench make bench-ratios).
bench-ratios: install
	$(DEV_ENV) $(BIN)/python bench/bench_ratios.py

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
