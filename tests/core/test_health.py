"""Health endpoints, and a Redis outage that must not be a site outage.

Failures are real (the unreachable_* fixtures in conftest.py): a Redis URL on a port where
nothing listens, a database connection whose settings point where there is no database.
Nothing is mocked.
"""

import copy
import json
import os
import uuid

import pytest
import redis
from django.core.cache import cache

from tests.support.ci import missing_tool

pytestmark = pytest.mark.django_db

# Django's own Redis backend raises on an unreachable Redis, where production's misses.
RAISING_REDIS = "django.core.cache.backends.redis.RedisCache"


def redis_url_for_tests():
    """The local Redis (REDIS_URL, else the default port), or None when none answers."""
    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return None
    return url


def test_healthz_answers_ok_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-store" in response["Cache-Control"]


def test_readyz_answers_ok_when_the_database_and_the_cache_work(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_endpoints_have_no_language_prefix_redirect_or_cookie(client, path):
    client.cookies["django_language"] = "ru"
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9")
    assert response.status_code == 200
    assert not response.has_header("Location")
    assert not response.cookies
    assert client.head(path).status_code == 200


@pytest.mark.parametrize(("path", "queries"), [("/healthz", 0), ("/readyz", 1)])
def test_health_endpoints_never_read_the_session(client, django_assert_num_queries, path, queries):
    # With a session cookie present, reading the session would cost a query of its own.
    client.cookies["sessionid"] = "a" * 32
    with django_assert_num_queries(queries):
        client.get(path)


@pytest.mark.usefixtures("unreachable_redis")
@pytest.mark.parametrize("raising", [False, True], ids=["production-backend", "raising-backend"])
def test_readyz_answers_503_when_the_cache_is_unreachable(client, settings, raising):
    if raising:
        location = settings.CACHES["default"]["LOCATION"]
        settings.CACHES = {"default": {"BACKEND": RAISING_REDIS, "LOCATION": location}}
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "unavailable"}


@pytest.mark.usefixtures("unreachable_database")
def test_readyz_answers_503_when_the_database_is_unreachable(client):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"database": "unavailable", "cache": "ok"}


@pytest.mark.usefixtures("unreachable_database", "unreachable_redis")
def test_readyz_body_reveals_no_host_port_or_error_text(client, settings):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert json.loads(response.content) == {"database": "unavailable", "cache": "unavailable"}
    body = response.content.decode()
    port = settings.CACHES["default"]["LOCATION"].rsplit(":", 1)[1].split("/")[0]
    for revealing in ("127.0.0.1", port, "redis", "rror", "sqlite", "postgres", "connect"):
        assert revealing not in body.lower()


@pytest.mark.usefixtures("unreachable_database")
def test_healthz_answers_ok_while_the_database_is_unreachable(client):
    assert client.get("/healthz").status_code == 200


@pytest.mark.usefixtures("unreachable_redis")
@pytest.mark.parametrize("through_cache_middleware", [False, True])
def test_pages_still_render_while_redis_is_unreachable(
    client, settings, sitemap_urls, through_cache_middleware
):
    if through_cache_middleware:
        # Django's whole-site cache, as an example of a feature that reads and writes the cache
        # on every request.
        settings.MIDDLEWARE = [
            "django.middleware.cache.UpdateCacheMiddleware",
            *settings.MIDDLEWARE,
            "django.middleware.cache.FetchFromCacheMiddleware",
        ]
    for url in sitemap_urls:
        assert client.get(url).status_code == 200, url


@pytest.mark.usefixtures("unreachable_redis")
def test_production_cache_reads_an_unreachable_redis_as_misses_and_writes_as_no_ops():
    assert cache.get("page") is None
    assert cache.get("page", "default") == "default"
    cache.set("page", "content")
    assert not cache.add("page", "content")
    assert cache.get_many(["page", "other"]) == {}
    assert cache.get_or_set("page", "rendered") == "rendered"
    assert not cache.has_key("page")
    cache.delete("page")
    cache.delete_many(["page", "other"])


def test_production_cache_keeps_values_when_redis_answers(
    client, settings, production_caches_with_unreachable_redis
):
    url = redis_url_for_tests()
    if url is None:
        missing_tool("no Redis server answers at REDIS_URL or 127.0.0.1:6379")
    settings.CACHES = copy.deepcopy(production_caches_with_unreachable_redis)
    settings.CACHES["default"].update(LOCATION=url, KEY_PREFIX="kjproject-tests")
    page, visits = f"page-{uuid.uuid4()}", f"visits-{uuid.uuid4()}"
    cache.set(page, {"title": "Kohtla-Järve"}, timeout=30)
    assert cache.get(page) == {"title": "Kohtla-Järve"}
    assert cache.add(visits, 1, timeout=30)
    assert cache.incr(visits) == 2
    cache.delete_many([page, visits])
    assert cache.get(page) is None
    assert client.get("/readyz").json() == {"database": "ok", "cache": "ok"}
