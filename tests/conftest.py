import copy
import tempfile

import pytest

from tests.support.outage import database_unreachable
from tests.support.production import production_setting
from tests.support.servers import free_port
from tests.support.sitemap import paths_in_sitemap


@pytest.fixture
def sitemap_urls(client):
    """Every URL the sitemap lists, as paths (the sitemap is the list of public pages)."""

    def fetch(path):
        response = client.get(path)
        assert response.status_code == 200, path
        return response.content

    return paths_in_sitemap(fetch("/sitemap.xml"), fetch)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty page cache, as after a deploy."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def empty_media_storage(settings, tmp_path_factory):
    """Each test uploads into an empty folder of its own (Django resets default_storage)."""
    folder = tmp_path_factory.mktemp("media")
    settings.MEDIA_ROOT = folder
    settings.STORAGES = settings.STORAGES | {
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": folder, "base_url": settings.MEDIA_URL},
        }
    }
    return folder


@pytest.fixture
def unreachable_database(tmp_path):
    """For the duration of the test, the database cannot be reached (database_unreachable)."""
    with database_unreachable(tmp_path):
        yield


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
    """The site served by gunicorn as `make run` serves it, on a fresh migrated database with
    the sample content of `make demo` (so that every kind of page exists: past, upcoming and
    cancelled events, news).

    Yields the base URL. Use it for what only a real server shows (a real browser, headers on
    the wire); the Django test client is faster for everything else.
    """
    from tests.support.servers import GunicornServer, collect_static, manage, migrated_database

    collect_static()
    with tempfile.TemporaryDirectory() as cache_dir, migrated_database() as database_url:
        manage("demo", "load", env={"DATABASE_URL": database_url})
        env = {"DATABASE_URL": database_url, "CACHE_DIR": cache_dir, "WEB_CONCURRENCY": "2"}
        with GunicornServer(env) as server:
            yield server.base


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run (skipped without it, except in CI)."""
    from tests.support.browser import launch, require_chromium

    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def https_site():
    """(server, ca_file): gunicorn over HTTPS with production's settings, on a fresh database
    with two superusers (tests/support/https_site.py)."""
    from tests.support.https_site import https_site as running_https_site

    with running_https_site() as site:
        yield site
