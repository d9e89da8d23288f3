"""Hostile input never gets a 500 or a stack trace, and is refused with the site's own pages.

Hypothesis sends odd Unicode, huge values, wrong types, path traversal, CR/LF in headers and bad
Host headers to every public URL, the eligibility checker's form and the JSON API. Each property
is bounded (max_examples) so the whole module runs in well under half a minute.
"""

import json
from urllib.parse import quote, urlencode

import pytest
from django.http.request import split_domain_port, validate_host
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from eligibility.flow import QUESTIONS
from measure.rules import Citizenship, ResidenceBasis
from tests.support.languages import LANGUAGES

pytestmark = [
    pytest.mark.django_db,
    # Made-up paths make cache keys memcached would refuse; Redis and the file cache take any.
    pytest.mark.filterwarnings("ignore::django.core.cache.backends.base.CacheKeyWarning"),
]

bounded = settings(
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Every public address that is not in the sitemap (the sitemap's pages are added per test).
OTHER_PUBLIC_PATHS = [
    "/",
    "/et/eligibility/",
    "/ru/eligibility/",
    "/api/eligibility/",
    "/api/openapi.json",
    "/sitemap.xml",
    "/robots.txt",
    "/healthz",
    "/readyz",
    "/static/css/site.css",
]
TRAVERSALS = [
    "/static/../settings.py",
    "/static/%2e%2e/kjproject/settings.py",
    "/static/..%2f..%2fkjproject/settings.py",
    "/et/%2e%2e/",
    "/et/../../etc/passwd",
    "/ru/%2e%2e%2f%2e%2e%2fetc/passwd",
    "/static/%c0%ae%c0%ae/settings.py",
    "/%00",
    "/et/%00/",
    "/et/%ff%fe/",
    "//evil.example/",
    "/et//evil.example",
    "/et/\\evil.example",
]
HOSTILE_TEXT = st.text(max_size=300) | st.sampled_from(
    [
        "\x00",
        "\r\nSet-Cookie: pwned=1",
        "%0d%0aLocation: https://evil.example/",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "{{ settings.SECRET_KEY }}",
        "\u202e\ufeff\U0001f600",
        "9" * 5000,
        "-1e999",
    ]
)
# Answers and field names the checker knows, next to anything at all.
CHECKER_FIELDS = sorted(
    {question.name for question in QUESTIONS}
    | {f"{question.name}-{part}" for question in QUESTIONS for part in ("day", "month", "year")}
    | {"step", "go", "changing"}
)
CHECKER_VALUES = (
    st.sampled_from(
        ["yes", "no", "1", "result", "check", "0", "-1", "29", "02", "2024", "99999999999999999999"]
        + [value.value for value in Citizenship]
        + [value.value for value in ResidenceBasis]
    )
    | HOSTILE_TEXT
)


def assert_no_server_error(response):
    assert response.status_code < 500, response.status_code
    if response.streaming:  # a static file
        return
    content = response.content.decode(errors="replace")
    assert "Traceback" not in content
    assert "SECRET_KEY" not in content or "{{ settings.SECRET_KEY }}" in content


@pytest.fixture
def public_paths(sitemap_urls):
    return sitemap_urls + OTHER_PUBLIC_PATHS


def test_path_traversal_never_reaches_a_file_or_fails(client):
    for path in TRAVERSALS:
        response = client.get(path)
        assert_no_server_error(response)
        assert response.status_code in (301, 302, 400, 404), path
        assert b"SECRET_KEY" not in response.content


@bounded
@given(data=st.data())
def test_any_query_string_on_any_public_url_never_fails(public_paths, data):
    path = data.draw(st.sampled_from(public_paths))
    query = data.draw(st.dictionaries(HOSTILE_TEXT, HOSTILE_TEXT, max_size=5))
    assert_no_server_error(Client().get(f"{path}?{urlencode(query)}"))


@bounded
@given(segment=st.text(max_size=200), language=st.sampled_from(["", *LANGUAGES]))
@example(segment="%", language="et")
@example(segment="..\\..\\", language="")
def test_any_path_never_fails(segment, language):
    prefix = f"/{language}/" if language else "/"
    assert_no_server_error(Client().get(prefix + quote(segment, safe="/%")))


@bounded
@given(
    data=st.data(),
    header=st.sampled_from(["accept-language", "cookie", "x-request-id", "referer", "user-agent"]),
    value=HOSTILE_TEXT,
)
def test_hostile_headers_never_fail(public_paths, data, header, value):
    path = data.draw(st.sampled_from(public_paths))
    response = Client().get(path, headers={header: as_wsgi_header(value)})
    assert_no_server_error(response)
    # Nothing sent in a header comes back as a header of its own.
    assert not response.has_header("Set-Cookie") or "pwned" not in str(response.cookies)


def as_wsgi_header(value: str) -> str:
    """A header value as a WSGI server hands it to Django: the bytes sent, read as Latin-1."""
    return value.encode().decode("latin-1")


@bounded
@given(host=HOSTILE_TEXT | st.sampled_from(["evil.example", "127.0.0.1:99999", "[::1", "a" * 300]))
@example(host="evil.example")
def test_a_host_not_allowed_gets_the_400_page(settings, host):
    host = as_wsgi_header(host)
    Client().get("/et/")  # the page is in the page cache now: it must not answer a bad host
    response = Client().get("/et/", headers={"host": host})
    assert_no_server_error(response)
    domain, _port = split_domain_port(host)
    allowed = bool(domain) and validate_host(domain, settings.ALLOWED_HOSTS)
    assert response.status_code == (200 if allowed else 400), host


@bounded
@given(
    form=st.dictionaries(st.sampled_from(CHECKER_FIELDS) | st.text(max_size=20), CHECKER_VALUES),
    language=st.sampled_from(LANGUAGES),
)
@example(form={"go": "result", "estonian_citizen": "no"}, language="ru")
@example(form={"step": "resident_since", "resident_since-year": "9" * 5000}, language="et")
def test_any_checker_form_post_gets_a_page_never_a_failure(form, language):
    response = Client().post(f"/{language}/eligibility/", form)
    assert_no_server_error(response)
    assert response.status_code in (200, 400)


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize(
    "body",
    [
        nested(100_000)[:8000],
        json.dumps({"citizenship": {"a": [[[[[[[[[[[[[[[{}]]]]]]]]]]]]]]]}}),
        '{"resident_since": ' + "9" * 5000 + "}",
        '{"as_of": 1e400}',
        b'{"citizenship": "\xff\xfe\xfd"}',
        b"\xc0\xaf",
        '{"citizenship": "\\ud800"}',
        json.dumps({"as_of": "2025-02-29", "resident_since": -(10**30), "adult": "yes"}),
    ],
)
def test_the_api_refuses_hostile_bodies_with_json_errors(client, body):
    response = client.post("/api/eligibility/", body, content_type="application/json")
    assert response.status_code in (400, 413), response.content
    assert set(response.json()) == {"errors", "error_codes"}


# Bounded sizes, refused with the site's own pages in the visitor's language.


def test_an_over_long_address_gets_the_414_page_in_the_visitors_language(client):
    response = client.get("/ru/?q=" + "я" * 3000)
    assert response.status_code == 414
    content = response.content.decode()
    assert '<html lang="ru">' in content
    assert "Слишком длинный веб-адрес" in content


def test_an_over_large_form_gets_the_400_page(client):
    response = Client(raise_request_exception=False).post(
        "/et/eligibility/", {"go": "x" * (2 * 1024 * 1024)}
    )
    assert response.status_code == 400
    assert "Vabandame, seda päringut ei õnnestunud töödelda" in response.content.decode()


def test_too_many_fields_get_the_400_page(client):
    fields = {f"field{number}": "x" for number in range(1500)}
    response = Client(raise_request_exception=False).post("/en/eligibility/", fields)
    assert response.status_code == 400
    assert "Sorry, we could not read that request" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "text"),
    [("et", "Lehte ei leitud"), ("ru", "Страница не найдена"), ("en", "Page not found")],
)
def test_error_pages_speak_the_visitors_language(language, text):
    client = Client(raise_request_exception=False, enforce_csrf_checks=True)
    assert text in client.get(f"/{language}/no-such-page/").content.decode()
    bad_host = client.get(f"/{language}/", headers={"host": "evil.example"})
    assert bad_host.status_code == 400
    assert f'<html lang="{language}">' in bad_host.content.decode()
    with_stale_form = client.post(reverse("admin:login").replace("/et/", f"/{language}/"))
    assert with_stale_form.status_code == 403
    assert f'<html lang="{language}">' in with_stale_form.content.decode()
    assert "CSRF" not in with_stale_form.content.decode()
