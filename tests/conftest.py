import copy
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.utils import load_backend

from tests.servers import free_port

LANGUAGES = ("et", "ru", "en")
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def sitemap_urls(client):
    """Every URL the sitemap lists, as paths (the sitemap is the list of public pages)."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return [
        re.sub(r"^https?://[^/]+", "", loc.text) for loc in root.findall("s:url/s:loc", SITEMAP_NS)
    ]


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty page cache, as after a deploy."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@contextmanager
def database_unreachable(folder):
    """While inside, the default connection points where no database is.

    A new connection object for the default alias, with the test database's settings except for
    the address: a port where nothing listens for PostgreSQL, a file in a missing folder for
    SQLite. The real connection (and the test's transaction on it) is put back afterwards.
    """
    real_connection = connections[DEFAULT_DB_ALIAS]
    settings_dict = {**real_connection.settings_dict}
    if real_connection.vendor == "sqlite":
        settings_dict["NAME"] = str(Path(folder) / "missing-folder" / "db.sqlite3")
    else:
        settings_dict.update(HOST="127.0.0.1", PORT=free_port())
    backend = load_backend(settings_dict["ENGINE"])
    connections[DEFAULT_DB_ALIAS] = backend.DatabaseWrapper(settings_dict, DEFAULT_DB_ALIAS)
    try:
        yield
    finally:
        connections[DEFAULT_DB_ALIAS].close()
        connections[DEFAULT_DB_ALIAS] = real_connection


@pytest.fixture
def unreachable_database(tmp_path):
    """For the duration of the test, the database cannot be reached (database_unreachable)."""
    with database_unreachable(tmp_path):
        yield


def production_setting(name, environment):
    """A setting as kjproject.settings builds it under `environment`, in a fresh interpreter."""
    environment = {"SECRET_KEY": "settings-test-only", **os.environ, **environment}
    program = f"import json, kjproject.settings as s; print(json.dumps(s.{name}))"
    result = subprocess.run(  # noqa: S603 - our own settings module
        [sys.executable, "-c", program],
        env=environment,
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.fixture(scope="session")
def production_caches_with_unreachable_redis():
    """CACHES exactly as kjproject.settings builds them when REDIS_URL names a closed port."""
    return production_setting("CACHES", {"REDIS_URL": f"redis://127.0.0.1:{free_port()}/0"})


@pytest.fixture
def unreachable_redis(settings, production_caches_with_unreachable_redis):
    """For the duration of the test, the cache is the production Redis cache on a closed port."""
    settings.CACHES = copy.deepcopy(production_caches_with_unreachable_redis)


@pytest.fixture(scope="session")
def live_site():
    """The site served by gunicorn as `make run` serves it, on a fresh migrated database.

    Yields the base URL. Use it for what only a real server shows (a real browser, headers on
    the wire); the Django test client is faster for everything else.
    """
    from tests.servers import GunicornServer, collect_static, migrated_database

    collect_static()
    with tempfile.TemporaryDirectory() as cache_dir, migrated_database() as database_url:
        env = {"DATABASE_URL": database_url, "CACHE_DIR": cache_dir, "WEB_CONCURRENCY": "2"}
        with GunicornServer(env) as server:
            yield server.base


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run (skipped without it, except in CI)."""
    from tests.browser import launch, require_chromium

    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def https_site():
    """(server, ca_file): gunicorn over HTTPS with production's settings (tests/https_site.py),
    on a fresh database with two superusers (tests/https_site.py)."""
    from tests.https_site import https_site as running_https_site

    with running_https_site() as site:
        yield site
