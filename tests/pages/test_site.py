"""The public site as a whole: every page, every language (as djangoproject.com tests itself)."""

from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from activities.models import Event, NewsItem, Service
from measure.rules import Group
from pages.models import Page, TargetGroup
from tests.support.budgets import MAX_QUERIES_PER_PAGE
from tests.support.html import outline
from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.django_db

ACTIVITY_LISTS = ("activities:services", "activities:events", "activities:past_events")
ACTIVITY_LISTS += ("activities:news",)


def path_of(url):
    return urlsplit(url).path


def test_sitemap_lists_every_published_page_group_service_event_and_news_in_every_language(
    sitemap_urls,
):
    expected = set()
    for language in LANGUAGES:
        with translation.override(language):
            expected |= {page.get_absolute_url() for page in Page.objects.published()}
            expected |= {group.get_absolute_url() for group in TargetGroup.objects.published()}
            expected.add(reverse("eligibility:check"))
            expected |= {reverse(name) for name in ACTIVITY_LISTS}
            for model in (Service, Event, NewsItem):
                expected |= {item.get_absolute_url() for item in model.objects.published()}
    assert sorted(sitemap_urls) == sorted(expected)


def test_every_public_page_answers_in_its_language_with_one_h1(client, sitemap_urls):
    for url in sitemap_urls:
        response = client.get(url)
        assert response.status_code == 200, url
        language = url.split("/")[1]
        page = outline(response)
        assert page.html_lang == language, url
        assert response["Content-Language"] == language, url
        assert page.h1_count == 1, url


def test_hreflang_alternates_are_absolute_reciprocal_and_include_the_page_itself(
    client, sitemap_urls
):
    for url in sitemap_urls:
        page = outline(client.get(url))
        assert set(page.alternates) == {*LANGUAGES, "x-default"}, url
        assert all(href.startswith("http://testserver/") for href in page.alternates.values())
        language = url.split("/")[1]
        assert path_of(page.alternates[language]) == url
        assert page.alternates["x-default"] == page.alternates["et"]
        assert path_of(page.canonical) == url
        for other in LANGUAGES:
            their_alternates = outline(client.get(path_of(page.alternates[other]))).alternates
            assert their_alternates == page.alternates, (url, other)


def test_language_switcher_leads_to_the_same_page_in_each_language_named_in_its_own(client):
    response = client.get("/et/sihtruhmad/uussisserandajad/")
    switcher = {link["lang"]: link for link in outline(response).links if "hreflang" in link}
    assert path_of(switcher["ru"]["href"]) == "/ru/celevye-gruppy/novopribyvshie-immigranty/"
    assert path_of(switcher["en"]["href"]) == "/en/target-groups/newly-arrived-immigrants/"
    assert switcher["et"]["aria-current"] == "true"
    content = response.content.decode()
    for code, name in settings.LANGUAGES:
        assert f'lang="{code}" hreflang="{code}"' in content
        assert f">{name}</a>" in content
    assert set(switcher) == set(LANGUAGES)
    russian = client.get(path_of(switcher["ru"]["href"]))
    assert "Новоприбывшие иммигранты" in russian.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_root_sends_the_readers_of_each_language_to_its_pages(client, language):
    response = client.get("/", headers={"accept-language": f"{language},de;q=0.5"})
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/"


@pytest.mark.parametrize(
    ("accept_language", "cookie", "expected"),
    [
        ("ru-RU,ru;q=0.9", None, "/ru/"),
        ("en-GB,en;q=0.8", None, "/en/"),
        ("et", None, "/et/"),
        ("de-DE", None, "/et/"),
        ("", None, "/et/"),
        ("en", "ru", "/ru/"),
        ("ru", "en", "/en/"),
    ],
)
def test_root_redirects_by_cookie_then_accept_language_then_estonian(
    client, accept_language, cookie, expected
):
    if cookie:
        client.cookies["django_language"] = cookie
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == expected


def test_project_page_shows_measure_and_dates_in_each_languages_own_format(client):
    """Estonian as the project description writes dates, British English, and Russian and
    Ukrainian with a non-breaking space before the abbreviation of "year"."""
    expected = {
        "et": ("/et/projekt/", "01.01.2025", "31.12.2027"),
        "ru": ("/ru/proekt/", "1 января 2025\u00a0г.", "31 декабря 2027\u00a0г."),
        "en": ("/en/project/", "1 January 2025", "31 December 2027"),
        "uk": ("/uk/proiekt/", "1 січня 2025\u00a0р.", "31 грудня 2027\u00a0р."),
    }
    assert set(expected) == set(LANGUAGES)
    for url, start, end in expected.values():
        content = client.get(url).content.decode()
        assert "21.4.7.56" in content
        assert start in content
        assert end in content
        assert 'datetime="2025-01-01"' in content


def test_project_page_names_both_partners_of_the_agreement_in_each_language(client):
    for url, city, association in [
        ("/et/projekt/", "Kohtla-Järve Linnavalitsus", "Eesti Linnade ja Valdade Liit"),
        ("/ru/proekt/", "Городская управа Кохтла-Ярве", "Союз городов и самоуправлений Эстонии"),
        ("/en/project/", "Kohtla-Järve City Government", "Association of Estonian Cities"),
        ("/uk/proiekt/", "Міська управа Кохтла-Ярве", "Союз міст і самоврядувань Естонії"),
    ]:
        content = client.get(url).content.decode()
        assert city in content
        assert association in content


def test_target_groups_page_lists_all_four_and_the_three_kinds_of_new_immigrant(client):
    index = client.get("/en/target-groups/").content.decode()
    for title in [
        "Recipients of international protection",
        "Newly arrived immigrants",
        "People with a diverse linguistic and cultural background",
        "Repatriates",
    ]:
        assert title in index
    detail = client.get("/ru/celevye-gruppy/novopribyvshie-immigranty/").content.decode()
    assert "Закона об иностранцах" in detail
    assert "гражданин Европейского союза" in detail
    assert "член семьи гражданина ЕС" in detail


def test_partners_page_names_every_role(client):
    content = client.get("/et/partnerid/").content.decode()
    for text in [
        "Kohtla-Järve Linnavalitsus",
        "Eesti Linnade ja Valdade Liit",
        "Tegevuse elluviija",
        "Kohalikud omavalitsused",
        "Elluviija partnerid",
        "Kultuuriministeerium",
        "Meetme rakendusasutus",
        "Riigi Tugiteenuste Keskus",
        "Meetme rakendusüksus",
    ]:
        assert text in content


def test_contacts_page_has_the_project_manager_with_a_mailto_link(client):
    for url, position in [
        ("/et/kontaktid/", "Projektijuht"),
        ("/ru/kontakty/", "Руководитель проекта"),
        ("/en/contacts/", "Project Manager"),
    ]:
        response = client.get(url)
        assert "Vitali Ljubimov" in response.content.decode()
        assert position in response.content.decode()
        hrefs = [link.get("href") for link in outline(response).links]
        assert "mailto:vitali.ljubimov@kjlv.ee" in hrefs


def test_every_page_shows_the_eu_funding_acknowledgement_with_the_emblem(client, sitemap_urls):
    statements = {
        "et": "Kaasrahastanud Euroopa Liit",
        "ru": "Софинансировано Европейским союзом",
        "en": "Co-funded by the European Union",
        "uk": "Співфінансується Європейським Союзом",
    }
    for url in sitemap_urls:
        response = client.get(url)
        assert statements[url.split("/")[1]] in response.content.decode(), url
        assert any(image["src"].endswith("eu-emblem.svg") for image in outline(response).images)


def test_accessibility_statement_and_privacy_notice_are_linked_from_every_page(client):
    for language, accessibility, privacy in [
        ("et", "/et/ligipaasetavus/", "/et/privaatsus/"),
        ("ru", "/ru/dostupnost/", "/ru/konfidencialnost/"),
        ("en", "/en/accessibility/", "/en/privacy/"),
    ]:
        hrefs = [link.get("href") for link in outline(client.get(f"/{language}/")).links]
        assert accessibility in hrefs
        assert privacy in hrefs
    privacy_text = client.get("/en/privacy/").content.decode()
    assert "sets no cookies for visitors" in privacy_text
    statement = client.get("/ru/dostupnost/").content.decode()
    assert "mailto:vitali.ljubimov@kjlv.ee" in statement


def test_unknown_address_gets_the_sites_404_page_in_the_visitors_language(client):
    for url, heading in [
        ("/et/ei-ole-olemas/", "Lehte ei leitud"),
        ("/ru/net-takoj-stranicy/", "Страница не найдена"),
        ("/en/no-such-page/", "Page not found"),
        ("/en/target-groups/no-such-group/", "Page not found"),
        ("/en/project/no-such-group/", "Page not found"),
    ]:
        response = client.get(url)
        assert response.status_code == 404
        page = outline(response)
        assert page.html_lang == url.split("/")[1]
        assert heading in response.content.decode()
        assert page.alternates == {}


def test_unpublished_page_is_not_shown_to_visitors(client):
    Page.objects.filter(slug_en="privacy").update(published=False)
    assert client.get("/en/privacy/").status_code == 404
    assert "/en/privacy/" not in client.get("/en/").content.decode()


def test_home_page_at_its_slug_redirects_to_the_language_root(client):
    response = client.get("/ru/glavnaya/")
    assert response.status_code == 301
    assert response["Location"] == "/ru/"


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_robots_txt_does_not_reveal_the_admins_address(client, settings):
    # ADMIN_PATH exists to make the admin's address hard to guess: robots.txt must not tell it.
    robots = client.get("/robots.txt").content.decode()
    assert settings.ADMIN_PATH.strip("/") not in robots
    assert "admin" not in robots.lower()


def test_no_public_page_runs_more_queries_than_its_budget(
    client, sitemap_urls, django_assert_max_num_queries
):
    for url in sitemap_urls:
        with django_assert_max_num_queries(MAX_QUERIES_PER_PAGE):
            assert client.get(url).status_code == 200


def test_a_text_changed_in_the_admin_appears_on_the_public_page(admin_client):
    group = TargetGroup.objects.get(code="repatriate")
    with translation.override("en"):
        change_url = reverse("admin:pages_targetgroup_change", args=[group.pk])
    form = admin_client.get(change_url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data["summary_ru"] = "Граждане Эстонии, вернувшиеся домой недавно."
    response = admin_client.post(change_url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    page = admin_client.get("/ru/celevye-gruppy/").content.decode()
    assert "Граждане Эстонии, вернувшиеся домой недавно." in page


def test_an_empty_translated_slug_is_filled_so_the_page_exists_in_every_language(client):
    page = Page(title_et="Uudised", title_ru="Новости", body_et="<p>Tekst</p>")
    page.save()
    assert page.slug_et == "uudised"
    assert page.slug_en == "uudised"
    assert client.get("/en/uudised/").status_code == 200


def test_no_migrations_are_missing():
    output = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=output)
    assert "No changes detected" in output.getvalue()


def test_every_group_the_checker_decides_has_a_target_group_page_code():
    assert list(TargetGroup.Code.values) == [group.value for group in Group]
    assert set(TargetGroup.objects.values_list("code", flat=True)) == set(TargetGroup.Code.values)
