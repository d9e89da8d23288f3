import re
import tempfile
import xml.etree.ElementTree as ET

import pytest

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
