# The two commands a newcomer needs: `make demo` and `make test`. Each sets up .venv first.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	# pycanon (independent k/l checks in the export tests) pins typing_extensions==4.15.0,
	# older than pydantic needs; its anonymity module runs on numpy and pandas alone.
	$(BIN)/python -m pip install --quiet --no-deps 'pycanon==1.3.6'
	touch $(STAMP)

demo: $(STAMP)  ## generate a synthetic clinic, scan, plan, approve, enforce, certify
	$(BIN)/expunge demo

test: $(STAMP)  ## the whole suite, on real PostgreSQL and Redis (see .ci/run for services)
	$(BIN)/python -m pytest

lint: $(STAMP)  ## ruff and mypy, as CI runs them
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: $(STAMP)  ## throughput and quality figures for the README (about 15 minutes)
	$(BIN)/python bench/bench_engine.py
	$(BIN)/python bench/detect.py
	$(BIN)/python bench/bench_scan.py
	$(BIN)/python bench/enforce.py --items 500
	$(BIN)/python bench/storage.py --files 2000
	$(BIN)/python bench/db.py
	$(BIN)/python bench/export.py
	$(BIN)/python bench/dashboard.py

clean:
	rm -rf $(VENV) .expunge .pytest_cache .mypy_cache .ruff_cache *.egg-info
