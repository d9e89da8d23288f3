"""Security headers on every kind of response: pages fresh and from the page cache, error pages,
the admin, static files and the API."""

from importlib import import_module

import pytest
from django.conf import settings
from django.test import Client
from django.urls import path, reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def failing_view(request):
    raise RuntimeError("a bug")


# The site's URLs plus one that fails, to see the 500 page's headers.
site_urls = import_module(settings.ROOT_URLCONF)
urlpatterns = [*site_urls.urlpatterns, path("failing", failing_view)]
handler400, handler403 = site_urls.handler400, site_urls.handler403
handler404, handler500 = site_urls.handler404, site_urls.handler500


def csp_directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    directives = (part.split() for part in policy.split(";") if part.strip())
    return {name: values for name, *values in directives}


def assert_security_headers(response):
    directives = csp_directives(response)
    assert directives["default-src"] == ["'none'"]
    for kind in ("script-src", "style-src"):
        # Only this site's files; in the admin also the rich-text editor's two fixed inline
        # blocks, each by the hash of its content (core/csp.py).
        own, *hashes = directives[kind]
        assert own == "'self'", kind
        assert all(source.startswith("'sha256-") for source in hashes), kind
        assert len(hashes) <= 1, kind
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]
    assert "unsafe" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions
    assert response["X-Request-ID"]


def responses_of_every_kind():
    client = Client(raise_request_exception=False)
    with translation.override("ru"):
        admin_login = reverse("admin:login")
    yield "page", client.get("/ru/proekt/")
    yield "page from the cache", client.get("/ru/proekt/")
    yield "home", client.get("/et/")
    yield "redirect", client.get("/")
    yield "checker", client.post("/en/eligibility/", {"go": "citizenship"})
    yield "api", client.post("/api/eligibility/", "{}", content_type="application/json")
    yield "sitemap", client.get("/sitemap.xml")
    yield "static file", client.get("/static/css/site.css")
    yield "health", client.get("/healthz")
    yield "admin", client.get(admin_login)
    yield "404", client.get("/ru/no-such-page/")
    yield "400 bad host", client.get("/et/", headers={"host": "evil.example"})
    yield "414", client.get("/et/?" + "q=" + "x" * 5000)
    yield "403 csrf", Client(enforce_csrf_checks=True).post(admin_login, {"username": "x"})


def test_every_kind_of_response_carries_the_security_headers():
    for kind, response in responses_of_every_kind():
        try:
            assert_security_headers(response)
            if kind not in ("admin", "403 csrf"):  # both are the admin's sign-in page
                assert csp_directives(response)["script-src"] == ["'self'"]
                assert csp_directives(response)["style-src"] == ["'self'"]
        except (AssertionError, KeyError) as problem:
            raise AssertionError(f"{kind} ({response.status_code}): {problem!r}") from problem


def test_the_500_page_carries_the_security_headers_and_no_trace(settings):
    settings.ROOT_URLCONF = __name__
    response = Client(raise_request_exception=False).get("/failing")
    assert response.status_code == 500
    assert_security_headers(response)
    content = response.content.decode()
    assert "a bug" not in content
    assert "Traceback" not in content


def test_hsts_for_a_year_with_subdomains_and_preload_over_https(client):
    for url in ("/et/", "/et/", "/static/css/site.css", "/et/no-such-page/"):
        response = client.get(url, secure=True)
        assert response["Strict-Transport-Security"] == (
            "max-age=31536000; includeSubDomains; preload"
        ), url


def test_with_https_on_plain_http_redirects_except_for_the_probes(settings):
    settings.SECURE_SSL_REDIRECT = True  # what HTTPS=1 sets (the deploy-check test runs it)
    client = Client()
    response = client.get("/et/projekt/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/et/projekt/"
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200


def test_a_well_formed_request_id_is_kept_and_anything_else_replaced(client):
    sent = "proxy-3f2c1a9b7d"
    assert client.get("/et/", headers={"x-request-id": sent})["X-Request-ID"] == sent
    for hostile in ("a\r\nSet-Cookie: x=1", "<script>", "short", "x" * 200):
        echoed = client.get("/et/", headers={"x-request-id": hostile})["X-Request-ID"]
        assert echoed != hostile
        assert len(echoed) == 32
        assert echoed.isalnum()
