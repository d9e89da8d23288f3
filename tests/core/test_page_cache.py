"""The anonymous page cache: fast repeat visits, and never a stale page after an edit."""

import gzip
from importlib import import_module

import pytest
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.template import RequestContext, Template
from django.test import Client
from django.urls import path

from core import page_cache
from pages.models import Page, TargetGroup
from tests.support.budgets import MAX_QUERIES_PER_PAGE

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ALL_LANGUAGES_OF_PROJECT_PAGE = ("/et/projekt/", "/ru/proekt/", "/en/project/")


def test_a_repeat_visit_is_served_without_touching_the_database(client, django_assert_num_queries):
    first = client.get("/ru/proekt/")
    with django_assert_num_queries(0):
        second = client.get("/ru/proekt/")
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Language"] == "ru"


def test_an_edit_shows_on_the_very_next_request_in_every_language(client):
    for url in ALL_LANGUAGES_OF_PROJECT_PAGE:
        client.get(url)
    page = Page.objects.get(kind=Page.Kind.PROJECT)
    page.summary_et = "Uus kokkuvõte"
    page.summary_ru = "Новое описание"
    page.summary_en = "A new summary"
    page.save()
    texts = ["Uus kokkuvõte", "Новое описание", "A new summary"]
    for url, text in zip(ALL_LANGUAGES_OF_PROJECT_PAGE, texts, strict=True):
        assert text in client.get(url).content.decode(), url


def test_a_deleted_group_disappears_from_the_cached_list_at_once(client):
    assert "Repatriates" in client.get("/en/target-groups/").content.decode()
    TargetGroup.objects.get(code="repatriate").delete()
    assert "Repatriates" not in client.get("/en/target-groups/").content.decode()


def test_browsers_revalidate_and_get_304_when_nothing_changed(client):
    first = client.get("/en/")
    assert first["Cache-Control"] == "no-cache"
    etag = first["ETag"]
    assert client.get("/en/", headers={"if-none-match": etag}).status_code == 304
    page = Page.objects.get(kind=Page.Kind.HOME)
    page.title_en = "Changed"
    page.save()
    assert client.get("/en/", headers={"if-none-match": etag}).status_code == 200


def test_compressed_and_plain_copies_hold_the_same_page(client):
    plain = client.get("/et/sihtruhmad/").content
    compressed = client.get("/et/sihtruhmad/", headers={"accept-encoding": "gzip, br"})
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content) == plain


def test_signed_in_staff_bypass_the_cache_and_see_their_own_changes(admin_user):
    staff = Client()
    staff.force_login(admin_user)
    Client().get("/en/privacy/")  # cached for visitors
    Page.objects.filter(slug_en="privacy").update(title_en="Edited without signals")
    assert "Edited without signals" in staff.get("/en/privacy/").content.decode()


def test_addresses_with_query_strings_are_not_cached(client, django_assert_max_num_queries):
    client.get("/en/?utm=1")
    with django_assert_max_num_queries(MAX_QUERIES_PER_PAGE) as queries:
        client.get("/en/?utm=1")
    assert len(queries) > 0


def form_with_a_csrf_token(request):
    return HttpResponse(Template("<form>{% csrf_token %}</form>").render(RequestContext(request)))


urlpatterns = [
    *i18n_patterns(path("form-with-a-csrf-token/", form_with_a_csrf_token)),
    *import_module(settings.ROOT_URLCONF).urlpatterns,
]


@pytest.mark.urls(__name__)
def test_pages_that_carry_a_csrf_token_are_never_shared():
    # Also browsers that have a CSRF cookie already: the form's token belongs to that cookie.
    first, second, third = Client(), Client(), Client()
    second.cookies["csrftoken"] = "a" * 32
    third.cookies["csrftoken"] = "b" * 32
    pages = [
        browser.get("/en/form-with-a-csrf-token/").content for browser in (first, second, third)
    ]
    assert len(set(pages)) == 3


def test_a_missing_page_is_not_cached(client):
    assert client.get("/en/later/").status_code == 404
    Page.objects.create(title_et="Hiljem", slug_en="later", body_et="<p>x</p>")
    assert client.get("/en/later/").status_code == 200


def test_a_page_from_the_cache_carries_the_same_headers_as_a_fresh_one(client):
    fresh = client.get("/et/kontaktid/", headers={"accept-encoding": "gzip"})
    cached = client.get("/et/kontaktid/", headers={"accept-encoding": "gzip"})
    assert cached.headers.keys() == fresh.headers.keys()
    for name, value in fresh.headers.items():
        # Compressed by another gzip run; an id of its own for every request.
        if name not in {"Content-Length", "X-Request-ID"}:
            assert cached[name] == value, name
    assert cached["X-Frame-Options"] == "DENY"


def test_each_host_gets_its_own_absolute_links_and_other_hosts_are_refused(client):
    client.get("/en/", headers={"host": "localhost"})
    page = client.get("/en/", headers={"host": "127.0.0.1"}).content.decode()
    assert '<link rel="canonical" href="http://127.0.0.1/en/">' in page
    assert client.get("/en/", headers={"host": "attacker.example"}).status_code == 400


@pytest.fixture
def release_from_environment(monkeypatch):
    """The release named by RELEASE, as the container image sets it."""

    def name_release(release):
        monkeypatch.setenv("RELEASE", release)
        page_cache.release.cache_clear()

    yield name_release
    page_cache.release.cache_clear()


def test_a_new_release_never_serves_pages_cached_by_the_one_before(
    client, release_from_environment, django_assert_max_num_queries
):
    release_from_environment("image-of-commit-1")
    client.get("/en/partners/")
    with django_assert_max_num_queries(MAX_QUERIES_PER_PAGE) as queries:
        client.get("/en/partners/")
    assert len(queries) == 0  # the same release: from the cache
    release_from_environment("image-of-commit-2")
    with django_assert_max_num_queries(MAX_QUERIES_PER_PAGE) as queries:
        client.get("/en/partners/")
    assert len(queries) > 0  # rendered by the new release's templates


def test_the_release_fingerprint_changes_with_a_template_or_the_static_file_names(tmp_path):
    template = tmp_path / "templates" / "base.html"
    template.parent.mkdir()
    template.write_text("<title>Old</title>")
    manifest = tmp_path / "staticfiles.json"
    manifest.write_text('{"paths": {"css/site.css": "css/site.0123456789ab.css"}}')
    folders = [template.parent]
    first = page_cache.release_fingerprint(folders, manifest)
    assert page_cache.release_fingerprint(folders, manifest) == first
    template.write_text("<title>New</title>")
    second = page_cache.release_fingerprint(folders, manifest)
    assert second != first
    manifest.write_text('{"paths": {"css/site.css": "css/site.ba9876543210.css"}}')
    assert page_cache.release_fingerprint(folders, manifest) not in {first, second}


def test_the_release_is_the_sites_own_files_and_never_a_virtualenv(settings):
    folders = page_cache.site_folders()
    assert {settings.BASE_DIR / name for name in ("core", "pages", "measure")} <= set(folders)
    assert settings.BASE_DIR / "templates" in folders
    for folder in folders:
        assert "site-packages" not in folder.parts and ".venv" not in folder.parts
