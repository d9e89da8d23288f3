import re
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
