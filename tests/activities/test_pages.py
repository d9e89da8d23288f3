"""What visitors see of services, events and news, in every language, without JavaScript."""

import json
import re
from datetime import timedelta
from html.parser import HTMLParser

import icalendar
import pytest
from django.contrib.sitemaps import Sitemap
from django.test import Client
from django.utils import timezone, translation

from activities.models import Location, Service
from activities.parameters import LISTED_SERVICES, PAGE_SIZE
from measure.rules import Group
from tests.support.activities import make_event, make_news, make_service, tallinn
from tests.support.flow_client import Browser, refugee_two_years
from tests.support.html import FormFields
from tests.support.languages import LANGUAGES
from tests.support.sitemap import paths_in_sitemap

pytestmark = pytest.mark.django_db

SEED_SERVICES = 7


def future(days, hour=18):
    day = timezone.localdate() + timedelta(days=days)
    return tallinn(day.year, day.month, day.day, hour)


def text_of(response):
    """The page's text as read, tags left out (inline ones leave no space)."""
    html = re.sub(r"</?(span|a|strong|time)\b[^>]*>", "", response.content.decode())
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace(" ,", ",")


class Headings(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.levels, self.items = [], 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))
        if tag == "li":
            self.items += 1


# Services.


def test_the_services_list_narrows_by_target_group_and_language_with_a_get_form(client):
    make_service("Vene keeles repatriantidele", groups=["repatriate"], languages=["ru"])
    make_service("Inglise keeles kõigile", languages=["en"])
    everything = client.get("/et/teenused/")
    assert f"{SEED_SERVICES + 2} teenust" in text_of(everything)
    form = FormFields(everything.content.decode(), "filters")
    assert {name for name, _value in form.fields} == {"group", "language"}
    narrowed = client.get(
        "/et/teenused/", dict(form.changed({"group": "repatriate", "language": "ru"}))
    )
    assert "Vene keeles repatriantidele" in narrowed.content.decode()
    assert "Inglise keeles kõigile" not in narrowed.content.decode()
    for_everyone = client.get("/et/teenused/?group=international_protection&language=en")
    assert "Inglise keeles kõigile" in for_everyone.content.decode()  # for everyone


def test_every_filter_control_has_a_label(client):
    html = client.get("/ru/uslugi/").content.decode()
    for control_id in re.findall(r'<select[^>]* id="([^"]+)"', html):
        assert f'<label class="filters__label" for="{control_id}">' in html


def test_an_unknown_filter_value_gets_a_message_in_the_visitors_language_not_an_error(client):
    response = client.get("/ru/uslugi/?group=nobody")
    assert response.status_code == 400
    assert "нет среди допустимых значений" in response.content.decode()
    assert "error-summary" in response.content.decode()


def test_a_service_page_says_who_gives_it_for_whom_where_and_how(client):
    place = Location.objects.create(
        name_et="Kogukonnamaja", address_et="Näide 1", step_free_entrance=True, hearing_loop=False
    )
    service = make_service(
        "Nõustamine",
        groups=["new_immigrant"],
        languages=["ru", "uk"],
        location=place,
        participation=Service.Participation.APPOINTMENT,
        free=True,
        email="noustamine@example.org",
        checked_on=timezone.localdate(),
    )
    with translation.override("en"):
        url = service.get_absolute_url()
    page = text_of(client.get(url))
    for text in [
        "Pakkuja",
        "Newly arrived immigrants",
        "Russian, Ukrainian",
        "Kogukonnamaja, Näide 1",
        "Step-free entrance: yes",
        "Hearing loop: no",
        "By appointment",
        "Free of charge",
        "noustamine@example.org",
        "This information was last checked on",
    ]:
        assert text in page, text
    assert "Accessible toilet" not in page  # not known: not said


def test_the_seed_services_come_from_the_facts_only():
    services = Service.objects.all()
    assert services.count() == SEED_SERVICES
    assert {service.phone for service in services} == {""}
    assert {location.address_et for location in Location.objects.all()} == {"Linda 2, Narva"}
    websites = {service.website for service in services}
    assert "https://www.settleinestonia.ee/" in websites
    assert "https://kjshkk.ee/" in websites
    every_group = Service.objects.get(website="https://www.tootukassa.ee/")
    assert {group.code for group in every_group.target_groups.all()} == {g.value for g in Group}


def test_each_target_groups_page_lists_its_services_and_upcoming_events(client):
    make_event("Repatriantide õhtu", future(3), groups=["repatriate"])
    make_event("Pagulaste hommik", future(3), groups=["international_protection"])
    page = client.get("/et/sihtruhmad/tagasipoordujad/").content.decode()
    assert "Kohtla-Järve Linnavalitsus: elukoha registreerimine" in page
    assert "Sotsiaalkindlustusamet" not in page  # for recipients of protection only
    assert "Repatriantide õhtu" in page
    assert "Pagulaste hommik" not in page


# Events.


def test_upcoming_events_soonest_first_past_ones_newest_first_both_paginated(client):
    for number in range(PAGE_SIZE + 2):
        make_event(f"Tulevane {number:02d}", future(number + 1))
        make_event(f"Möödunud {number:02d}", future(-number - 1))
    first = client.get("/en/events/").content.decode()
    assert first.index("Tulevane 00") < first.index("Tulevane 01")
    assert "Tulevane 21" not in first
    assert 'rel="next"' in first
    second = client.get("/en/events/?page=2").content.decode()
    assert "Tulevane 21" in second and "Tulevane 00" not in second
    past = client.get("/en/events/past/").content.decode()
    assert past.index("Möödunud 00") < past.index("Möödunud 01")
    assert client.get("/en/events/?page=9").status_code == 404


def test_an_event_page_shows_time_place_languages_and_for_whom_in_each_language(client):
    place = Location.objects.create(name_et="Saal", name_ru="Зал", address_et="Näide 1")
    event = make_event(
        "Keelekohvik",
        tallinn(2031, 5, 14, 18),
        tallinn(2031, 5, 14, 19, 30),
        groups=["repatriate"],
        languages=["et", "ru"],
        location=place,
        estonian_level="A2",
        title_ru="Языковое кафе",
    )
    expected = {
        "et": ("14.05.2031, 18:00", "Saal", "Tagasipöördujad", "eesti, vene"),
        "ru": ("14 мая 2031 г., 18:00", "Зал", "Репатрианты", "Эстонский, Русский"),
        "en": ("14 May 2031, 18:00", "Saal", "Repatriates", "Estonian, Russian"),
    }
    for language in LANGUAGES:
        with translation.override(language):
            url = event.get_absolute_url()
        response = client.get(url)
        html = response.content.decode()
        assert '<time datetime="2031-05-14T18:00:00+03:00">' in html
        for text in expected.get(language, ()):
            assert text in text_of(response), (language, text)
        assert "A2" in html


def test_a_cancelled_event_says_so_in_its_title_on_its_page_and_in_lists(client):
    event = make_event(
        "Infopäev", future(2), cancelled=True, cancellation_reason_et="Ruum on remondis."
    )
    page = client.get(f"/et/sundmused/{event.pk}/").content.decode()
    assert "<title>Ära jäetud: Infopäev" in page
    assert "See sündmus jääb ära." in page
    assert "Ruum on remondis." in page
    listed = client.get("/et/sundmused/").content.decode()
    assert 'class="tag tag--cancelled">Ära jäetud</strong>' in listed
    data = json_ld(page)
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    calendar = icalendar.Calendar.from_ical(
        client.get(f"/et/sundmused/{event.pk}/event.ics").content
    )
    assert calendar.walk("VEVENT")[0]["STATUS"] == "CANCELLED"


def json_ld(html):
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    return json.loads(found.group(1))


def test_an_event_page_describes_the_event_as_schema_org_json_ld_that_cannot_break_out(client):
    event = make_event("</script><script>alert(1)</script>", tallinn(2031, 5, 14, 18))
    html = client.get(f"/en/events/{event.pk}/").content.decode()
    assert "<script>alert(1)" not in html
    data = json_ld(html)
    assert data["@type"] == "Event"
    assert data["name"] == "</script><script>alert(1)</script>"
    assert data["startDate"] == "2031-05-14T18:00:00+03:00"
    assert data["url"] == f"http://testserver/en/events/{event.pk}/"


def test_each_event_has_an_ics_and_each_language_a_calendar_feed(client):
    event = make_event("Keelekohvik", tallinn(2031, 5, 14, 18), title_ru="Языковое кафе")
    make_event("Möödas", future(-3))
    one = client.get(f"/ru/meropriyatiya/{event.pk}/event.ics")
    assert one["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in one["Content-Disposition"]
    [entry] = icalendar.Calendar.from_ical(one.content).walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Языковое кафе"
    assert entry.decoded("DTSTART") == tallinn(2031, 5, 14, 18)
    feed = icalendar.Calendar.from_ical(client.get("/en/events/calendar.ics").content)
    assert [str(item["SUMMARY"]) for item in feed.walk("VEVENT")] == ["Keelekohvik"]


# News, the home page, feeds.


def test_news_list_page_and_atom_feed_linked_from_the_page(client):
    make_news("Uus hooaeg", published_on=timezone.localdate(), title_en="A new season")
    make_news("Eelmine kord", published_on=timezone.localdate() - timedelta(days=9))
    listed = client.get("/en/news/").content.decode()
    assert listed.index("A new season") < listed.index("Eelmine kord")
    assert '<link rel="alternate" type="application/atom+xml" href="/en/news/atom.xml"' in listed
    feed = client.get("/en/news/atom.xml")
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert "<title>A new season</title>" in feed.content.decode()
    assert 'xml:lang="en"' in feed.content.decode()


def test_the_home_page_shows_the_next_events_and_the_latest_news(client):
    make_event("Järgmine sündmus", future(1))
    make_event("Möödunud sündmus", future(-1))
    make_news("Värske uudis")
    home = client.get("/et/").content.decode()
    assert "Järgmine sündmus" in home
    assert "Möödunud sündmus" not in home
    assert "Värske uudis" in home


def test_drafts_are_hidden_from_visitors(client):
    event = make_event("Mustand", future(2), published=False)
    assert client.get(f"/et/sundmused/{event.pk}/").status_code == 404
    assert "Mustand" not in client.get("/et/sundmused/").content.decode()


# The checker's result.


def test_the_checkers_result_lists_services_and_events_for_the_groups_that_apply(client):
    make_event("Pagulaste hommik", future(3), groups=["international_protection"])
    make_event("Repatriantide õhtu", future(3), groups=["repatriate"])
    html = refugee_two_years(Browser(client, "et")).press("result").html
    assert "Sotsiaalkindlustusamet" in html  # national, for recipients of protection
    assert "Pagulaste hommik" in html
    assert "Repatriantide õhtu" not in html


# The sitemap.


def test_past_its_limit_a_sitemap_section_is_split_into_pages_the_index_lists(client, monkeypatch):
    for number in range(5):
        make_event(f"Sündmus {number}", future(number + 1))
    monkeypatch.setattr(Sitemap, "limit", 4)
    index = client.get("/sitemap.xml").content.decode()
    assert "/sitemap-events.xml?p=2" in index

    def fetch(path):
        return Client().get(path).content

    paths = paths_in_sitemap(fetch("/sitemap.xml"), fetch)
    languages = "|".join(LANGUAGES)
    event_pages = [path for path in paths if re.fullmatch(rf"/({languages})/[a-z]+/\d+/", path)]
    assert len(event_pages) == 5 * len(LANGUAGES)
    assert len(set(paths)) == len(paths)


def test_lists_use_real_lists_and_headings_in_order(client):
    make_event("Sündmus", future(1))
    for url in ["/et/teenused/", "/et/sundmused/", "/et/uudised/"]:
        page = Headings(client.get(url).content.decode())
        assert page.levels[0] == 1
        assert all(b - a <= 1 for a, b in zip(page.levels, page.levels[1:], strict=False)), url


def test_a_groups_page_lists_a_few_services_and_links_to_all_of_them(client):
    for number in range(LISTED_SERVICES + 3):
        make_service(f"Lisateenus {number:02d}", groups=["repatriate"], ordering=200 + number)
    page = client.get("/et/sihtruhmad/tagasipoordujad/").content.decode()
    assert page.count('class="card__title"') == LISTED_SERVICES
    assert '<a href="/et/teenused/?group=repatriate">Kõik teenused sellele rühmale</a>' in page
    everything = client.get("/et/teenused/?group=repatriate").content.decode()
    assert "Lisateenus 12" in everything
