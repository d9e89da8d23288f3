"""A language is shown to visitors only once staff switch it on, which they can do only while it
is ready; once on, it stays on (core.languages, core.middleware, core.admin).

The language made "deliberately incomplete" here is the last one of settings.LANGUAGES (the
test reads it from there): one core text of it is emptied, or a copy of its catalog loses a
translation, and it is switched off.
"""

import shutil

import polib
import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as translated  # `make messages` skips this name

from core.catalogs import catalog_path
from core.languages import readiness_gaps
from core.models import SiteLanguage
from pages.models import Page
from tests.support.html import outline
from tests.support.languages import LANGUAGES
from tests.support.sitemap import paths_in_sitemap

pytestmark = pytest.mark.django_db

LATE = LANGUAGES[-1]  # the language these tests hold back
assert LATE != settings.SOURCE_LANGUAGE
OTHERS = [code for code in LANGUAGES if code != LATE]


def switch(code, public):
    """As the admin saves it: a saved row, so the page cache starts a new version."""
    language = SiteLanguage.objects.get(code=code)
    language.public = public
    language.save()


def project_page():
    return Page.objects.get(kind=Page.Kind.PROJECT)


def url_in(language, item=None):
    with translation.override(language):
        return item.get_absolute_url() if item else reverse("pages:home")


@pytest.fixture
def incomplete():
    """LATE lacks one core text (the project page's summary) and is not public."""
    Page.objects.filter(kind=Page.Kind.PROJECT).update(**{f"summary_{LATE}": ""})
    switch(LATE, False)


@pytest.fixture
def staff():
    client = Client()
    client.force_login(User.objects.create_superuser("lead", "lead@example.org", "x"))
    return client


def switcher_languages(response):
    return {link["lang"] for link in outline(response).links if "hreflang" in link}


def test_after_migrate_every_complete_language_is_public():
    assert set(SiteLanguage.objects.filter(public=True).values_list("code", flat=True)) == set(
        LANGUAGES
    )
    assert all(readiness_gaps(code) == [] for code in LANGUAGES)


@pytest.mark.usefixtures("incomplete")
def test_a_language_not_public_is_left_out_of_the_switcher_hreflang_and_sitemap(client):
    for language in OTHERS:
        response = client.get(url_in(language, project_page()))
        assert switcher_languages(response) == set(OTHERS)
        assert set(outline(response).alternates) == {*OTHERS, "x-default"}
    sitemap = paths_in_sitemap(
        client.get("/sitemap.xml").content, lambda path: client.get(path).content
    )
    assert sitemap
    assert not [path for path in sitemap if path.startswith(f"/{LATE}/")]
    assert {path.split("/")[1] for path in sitemap} == set(OTHERS)


@pytest.mark.usefixtures("incomplete")
@pytest.mark.parametrize(
    ("cookie", "accept_language", "expected"),
    [
        (None, LATE, settings.SOURCE_LANGUAGE),
        (None, f"{LATE},{OTHERS[-1]};q=0.5", OTHERS[-1]),
        (LATE, OTHERS[-1], OTHERS[-1]),
        (LATE, "", settings.SOURCE_LANGUAGE),
    ],
)
def test_root_never_sends_a_visitor_to_a_language_not_public(
    client, cookie, accept_language, expected
):
    if cookie:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = cookie
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == f"/{expected}/"


@pytest.mark.usefixtures("incomplete")
def test_an_address_without_a_language_goes_to_a_public_language_or_is_not_found_in_one(client):
    response = client.get("/no-such-page/", headers={"accept-language": LATE})
    assert response["Location"] == f"/{settings.SOURCE_LANGUAGE}/no-such-page/"
    response = client.get("/no/such/page/", headers={"accept-language": LATE})
    assert response.status_code == 404
    assert outline(response).html_lang == settings.SOURCE_LANGUAGE


@pytest.mark.usefixtures("incomplete")
def test_its_pages_are_not_found_for_visitors_and_a_private_preview_for_staff(client, staff):
    for url in (url_in(LATE), url_in(LATE, project_page()), f"/{LATE}/eligibility/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert outline(response).html_lang == settings.SOURCE_LANGUAGE, url
        assert response["Content-Language"] == settings.SOURCE_LANGUAGE, url
        preview = staff.get(url)
        assert preview.status_code == 200, url
        assert outline(preview).html_lang == LATE, url
        assert 'class="draft-banner"' in preview.content.decode(), url
        assert "no-store" in preview["Cache-Control"], url
    # The admin in that language stays open: its sign-in page is how staff get there.
    with translation.override(LATE):
        assert client.get(reverse("admin:login")).status_code == 200


def test_the_page_cache_follows_a_switch_on_and_a_switch_off_at_once(
    client, django_capture_on_commit_callbacks
):
    def switch_committed(public):  # the new page-cache version is set when the save commits
        with django_capture_on_commit_callbacks(execute=True):
            switch(LATE, public)

    switch_committed(False)
    home = url_in(settings.SOURCE_LANGUAGE)
    assert LATE not in switcher_languages(client.get(home))
    assert LATE not in switcher_languages(client.get(home))  # now from the page cache
    assert client.get(url_in(LATE)).status_code == 404

    switch_committed(True)
    assert LATE in switcher_languages(client.get(home))
    late_home = client.get(url_in(LATE))
    assert late_home.status_code == 200
    assert client.get(url_in(LATE)).status_code == 200  # cached

    switch_committed(False)
    assert client.get(url_in(LATE)).status_code == 404  # never the cached copy
    assert LATE not in switcher_languages(client.get(home))


def post_switch(staff, code, public=True):
    with translation.override(settings.SOURCE_LANGUAGE):
        url = reverse("admin:core_sitelanguage_change", args=[code])
    return staff.post(url, {"public": "on"} if public else {})


@pytest.mark.usefixtures("incomplete")
def test_staff_can_switch_it_on_only_once_its_core_pages_are_translated(staff):
    with translation.override(settings.SOURCE_LANGUAGE):
        response = post_switch(staff, LATE)
    assert response.status_code == 200  # the form again, with the reason
    errors = response.context["adminform"].form.errors["public"]
    assert any(project_page().title_et in error for error in errors), errors
    assert not SiteLanguage.objects.get(code=LATE).public

    Page.objects.filter(kind=Page.Kind.PROJECT).update(**{f"summary_{LATE}": "…"})
    assert post_switch(staff, LATE).status_code == 302
    assert SiteLanguage.objects.get(code=LATE).public


def test_staff_cannot_switch_on_a_language_whose_catalog_is_incomplete(settings, staff, tmp_path):
    switch(LATE, False)
    copy = tmp_path / LATE / "LC_MESSAGES" / "django.po"
    copy.parent.mkdir(parents=True)
    shutil.copy(catalog_path(LATE), copy)
    po = polib.pofile(str(copy))
    next(entry for entry in po if not entry.msgid_plural).msgstr = ""
    po.save()
    settings.LOCALE_PATHS = [tmp_path]
    response = post_switch(staff, LATE)
    assert response.status_code == 200
    [error] = response.context["adminform"].form.errors["public"]
    assert "1" in error and "make check-translations" in error
    assert not SiteLanguage.objects.get(code=LATE).public


def test_the_source_language_cannot_be_switched_off(staff):
    response = post_switch(staff, settings.SOURCE_LANGUAGE, public=False)
    assert response.status_code == 200
    assert SiteLanguage.objects.get(code=settings.SOURCE_LANGUAGE).public


def test_once_on_a_new_page_only_in_estonian_keeps_the_language_and_says_it_is_untranslated(
    client,
):
    page = Page(title_et="Uudised", summary_et="Projekti uudised.", body_et="<p>Tekst</p>")
    page.in_footer = True
    page.save()
    assert readiness_gaps(LATE) == []  # not a core page: the language stays ready, and on
    assert SiteLanguage.objects.get(code=LATE).public
    for language in (code for code in LANGUAGES if code != settings.SOURCE_LANGUAGE):
        response = client.get(url_in(language, page))
        assert response.status_code == 200, language
        html = response.content.decode()
        assert '<h1 lang="et">Uudised</h1>' in html, language
        with translation.override(language):
            note = translated("This text is not translated yet, so it is shown in Estonian.")
        assert f'<p class="untranslated-note">{note}</p>' in html, language
        assert LATE in switcher_languages(response)
    source_page = client.get(url_in(settings.SOURCE_LANGUAGE, page)).content.decode()
    assert "untranslated-note" not in source_page


def test_a_core_text_missing_after_switch_on_keeps_the_language_on_with_the_note(client):
    Page.objects.filter(kind=Page.Kind.PROJECT).update(**{f"summary_{LATE}": ""})
    assert readiness_gaps(LATE)  # it could not be switched on now ...
    response = client.get(url_in(LATE, project_page()))
    assert response.status_code == 200  # ... but it stays on
    assert f'class="lead" lang="{settings.SOURCE_LANGUAGE}"' in response.content.decode()
    assert 'class="untranslated-note"' in response.content.decode()
