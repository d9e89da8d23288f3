"""The admin's start page shows what needs attention, in sections that apps add."""

import pytest
from django.urls import reverse
from django.utils import translation

from pages.models import Page, Partner
from staff import start_page
from tests.support.languages import LANGUAGES
from tests.support.staff import signed_in, staff_member, start_page_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return signed_in(staff_member("editor", "Editors"))


def test_missing_translations_are_counted_per_language_with_links_to_the_list(editor):
    page = Page.objects.get(kind=Page.Kind.PROJECT)
    Page.objects.filter(pk=page.pk).update(summary_ru="")
    Partner.objects.filter(pk=Partner.objects.order_by("pk").first().pk).update(role_ru="")
    html = start_page_of(editor, "en").content.decode()
    with translation.override("en"):
        report = reverse("admin:pages_missing_translations")
    assert f'href="{report}#missing-ru"' in html
    assert "2 items need a translation" in html
    for code in LANGUAGES:
        if code != "et":
            assert f'href="{report}#missing-{code}"' in html
    assert "Every text is translated." in html  # English lacks nothing


def test_drafts_are_listed_with_links_and_leave_once_published(editor):
    draft = Page.objects.get(slug_et="privaatsus")
    draft.published = False
    draft.save()
    html = start_page_of(editor).content.decode()
    with translation.override("et"):
        change = reverse("admin:pages_page_change", args=[draft.pk])
    assert 'id="drafts-module"' in html
    assert f'href="{change}"' in html
    draft.published = True
    draft.save()
    html = start_page_of(editor).content.decode()
    assert f'href="{change}"' not in html
    assert "Mustandeid pole: kõik on avaldatud." in html


def test_many_drafts_of_a_kind_link_to_the_list_of_all_of_them(editor):
    for number in range(12):
        Partner.objects.create(name_et=f"Mustand {number}", role_et="Roll", published=False)
    html = start_page_of(editor, "en").content.decode()
    with translation.override("en"):
        drafts_list = reverse("admin:pages_partner_changelist") + "?published__exact=0"
    assert f'href="{drafts_list}"' in html
    assert "12 drafts in all" in html
    assert html.count("Mustand ") == 10


def test_staff_without_a_role_get_no_content_sections(client):
    client.force_login(staff_member("nobody"))
    html = start_page_of(client).content.decode()
    assert 'id="drafts-module"' not in html
    assert 'id="missing-translations-module"' not in html


def test_another_app_adds_a_section_without_staff_knowing_it(editor, settings, tmp_path):
    (tmp_path / "failed_mail.html").write_text(
        '<div class="module" id="failed-mail"><h2>{{ section.count }}</h2></div>'
    )
    settings.TEMPLATES = [
        settings.TEMPLATES[0] | {"DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    shown = start_page.Section("failed-mail", "failed_mail.html", lambda r, s: {"count": 3}, 5)
    hidden = start_page.Section("nothing", "failed_mail.html", lambda request, site: None)
    start_page.add_section(shown)
    start_page.add_section(hidden)
    try:
        html = start_page_of(editor).content.decode()
    finally:
        start_page._sections.pop("failed-mail")
        start_page._sections.pop("nothing")
    assert '<div class="module" id="failed-mail"><h2>3</h2></div>' in html
    assert html.count('id="failed-mail"') == 1  # the hidden one is not shown
    # In the order asked for: before the missing translations (10) and the drafts (20).
    assert html.index('id="failed-mail"') < html.index('id="missing-translations-module"')
