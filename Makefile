# Two commands do everything: `make run` serves the site, `make test` checks it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
export HOST PORT

.PHONY: run test lint messages compile-messages check-translations superuser setup clean bench \
	backup restore screenshots npm-tools test-dependencies demo demo-remove

# The whole site: the Procfile's web (gunicorn) and worker (tasks, e-mail), run by honcho. Ctrl+C
# stops both; so does either one ending.
run: setup
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/honcho start --procfile Procfile

# Everything `run` needs before serving; safe to repeat on an existing checkout.
setup: $(VENV)/.runtime-installed compile-messages
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput --verbosity 0

# Runs everything this machine can run; a test whose tool is missing (Chromium, Java, npm's
# tools, a PostgreSQL or Redis server) is skipped and pytest's summary names it and says how to
# install it: `make test-dependencies`. With CI=true a missing tool fails instead.
test: $(VENV)/.dev-installed npm-tools compile-messages lint check-translations
	$(BIN)/python -m pytest

# The Debian packages the tests need, those that are missing (needs root or sudo).
test-dependencies:
	tools/install-test-dependencies
	$(MAKE) --no-print-directory npm-tools

npm-tools:
	@if command -v npm >/dev/null; then $(MAKE) --no-print-directory node_modules/.installed; \
	else echo "SKIPPED: npm not found, so the tests that need axe-core, the Nu Html Checker or" \
		"the HTTP Observatory are skipped (make test-dependencies installs it)"; fi

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Python 3.11 or newer is needed (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime-installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime-installed

# Browser-test, validation and audit tools from npm, pinned by package-lock.json. Install scripts
# are skipped (they would download); the HTTP Observatory then only needs its preload list to exist.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	test -f node_modules/@mdn/mdn-http-observatory/conf/hsts-preload.json \
		|| echo '{}' > node_modules/@mdn/mdn-http-observatory/conf/hsts-preload.json
	touch $@

# Translators: update the catalogs from the code (needs GNU gettext), then edit the .po files.
# A catalog whose only change would be its POT-Creation-Date is left untouched.
messages: $(VENV)/.runtime-installed
	$(MANAGE) catalogs update

# Fails on untranslated, fuzzy or obsolete entries, wrong placeholders or plural headers, and
# on catalogs that `make messages` would change (needs GNU gettext).
check-translations: $(VENV)/.runtime-installed
	$(MANAGE) catalogs check

# Builds the .mo files in Python (polib), so GNU gettext is not needed to run the site.
compile-messages: $(VENV)/.runtime-installed
	$(MANAGE) catalogs compile

# Sample services, locations, events and news, marked as samples (activities/demo.py); running
# it again changes nothing. It refuses a database with real events (then: manage.py demo load
# --force). `make demo-remove` deletes every sample.
demo: setup
	$(MANAGE) demo load

demo-remove: setup
	$(MANAGE) demo remove

# Creates a staff account; with DJANGO_SUPERUSER_USERNAME, _EMAIL and _PASSWORD set, no prompts.
superuser: setup
	$(MANAGE) createsuperuser $(if $(DJANGO_SUPERUSER_PASSWORD),--noinput)

clean:
	rm -rf $(VENV) staticfiles
	find locale -name '*.mo' -delete

# Backs up the database of DATABASE_URL (PostgreSQL: pg_dump; SQLite: online backup) to
# var/backups/kjproject-<UTC time>.dump|.sqlite3, or to BACKUP=FILE. See docs/operations.md.
backup: $(VENV)/.runtime-installed
	$(MANAGE) backup dump $(BACKUP)

# Replaces the database's contents with a backup: make restore BACKUP=var/backups/FILE
restore: $(VENV)/.runtime-installed
	$(if $(BACKUP),,$(error usage: make restore BACKUP=var/backups/FILE))
	$(MANAGE) backup restore $(BACKUP)

# PNGs of the home page and the checker's result, phone and desktop, each language, into
# screenshots/ (needs Chromium: apt-get install chromium).
screenshots: $(VENV)/.dev-installed compile-messages
	$(BIN)/python -m tools.screenshots

# Load benchmark against gunicorn as `run` starts it, then Lighthouse on the home page and the
# checker (needs wrk and ab: apt-get install wrk apache2-utils; Chromium at /usr/bin/chromium);
# then sign-ups per second with the worker running, and the event page meanwhile.
bench: setup node_modules/.installed
	$(BIN)/python -m bench.run
	$(BIN)/python -m bench.signup
