"""Scheduled publishing: content with a publish-from and an unpublish-at time appears and
disappears to the minute with nobody editing, also on pages the page cache holds (a clock the
test controls, as for events in tests/activities/test_cache_and_clock.py)."""

from datetime import date, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from activities.models import Event, NewsItem, Service
from activities.parameters import HOME_NEWS
from pages.models import Contact, Page, Partner, TargetGroup
from tests.support.activities import admin_form_data, make_event, make_news, make_service, tallinn
from tests.support.budgets import MAX_QUERIES_PER_PAGE

pytestmark = pytest.mark.django_db

NOW = tallinn(2026, 5, 4, 12, 0, 0)
MINUTE = timedelta(minutes=1)
SECOND = timedelta(seconds=1)
APPEARS, DISAPPEARS = NOW + MINUTE, NOW + 3 * MINUTE
WINDOW = {"publish_from": APPEARS, "unpublish_at": DISAPPEARS}


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def cached_text(client, url, django_assert_num_queries):
    with django_assert_num_queries(0):
        return page_text(client, url)


def scheduled_partner():
    Partner.objects.create(name_et="Ajastatud partner", role_et="Roll", **WINDOW)
    return "Ajastatud partner"


def scheduled_contact():
    Contact.objects.create(name="Ajastatud kontakt", position_et="Ametikoht", **WINDOW)
    return "Ajastatud kontakt"


def scheduled_menu_page():
    Page.objects.create(title_et="Ajastatud menüüleht", in_navigation=True, **WINDOW)
    return "Ajastatud menüüleht"


def scheduled_group():
    TargetGroup.objects.filter(code="repatriate").update(**WINDOW)
    return "Tagasipöördujad"


def scheduled_service():
    make_service("Ajastatud teenus", groups=["repatriate"], **WINDOW)
    return "Ajastatud teenus"


def scheduled_event():
    make_event("Ajastatud sündmus", NOW + timedelta(days=2), groups=["repatriate"], **WINDOW)
    return "Ajastatud sündmus"


def scheduled_news():
    make_news("Ajastatud uudis", **WINDOW)
    return "Ajastatud uudis"


CASES = [
    (scheduled_partner, "/et/partnerid/"),
    (scheduled_contact, "/et/kontaktid/"),
    (scheduled_menu_page, "/et/kontaktid/"),  # the menu, on every page
    (scheduled_group, "/et/"),
    (scheduled_group, "/et/sihtruhmad/"),
    (scheduled_service, "/et/teenused/"),
    (scheduled_service, "/et/sihtruhmad/tagasipoordujad/"),
    (scheduled_event, "/et/sundmused/"),
    (scheduled_event, "/et/sundmused/?group=repatriate"),
    (scheduled_event, "/et/"),
    (scheduled_event, "/et/sundmused/calendar.ics"),
    (scheduled_news, "/et/uudised/"),
    (scheduled_news, "/et/"),
    (scheduled_news, "/et/uudised/atom.xml"),
]


@pytest.mark.parametrize(("make", "url"), CASES)
def test_a_cached_page_shows_an_item_from_its_minute_and_drops_it_at_its_end(
    client, clock, make, url, django_assert_num_queries
):
    text = make()
    assert text not in page_text(client, url)
    clock.move_to(APPEARS - SECOND)
    assert text not in cached_text(client, url, django_assert_num_queries)
    clock.move_to(APPEARS)
    assert text in page_text(client, url)
    clock.move_to(DISAPPEARS - SECOND)
    assert text in cached_text(client, url, django_assert_num_queries)
    clock.move_to(DISAPPEARS)
    assert text not in page_text(client, url)


@pytest.mark.parametrize(
    ("make", "slug"),
    [(scheduled_service, "ajastatud-teenus"), (scheduled_news, "ajastatud-uudis")],
)
def test_the_sitemap_lists_an_item_only_while_visitors_see_it(client, clock, make, slug):
    make()
    section = "/sitemap-services.xml" if "teenus" in slug else "/sitemap-news.xml"
    assert slug not in page_text(client, section)
    clock.move_to(APPEARS)
    assert slug in page_text(client, section)
    clock.move_to(DISAPPEARS)
    assert slug not in page_text(client, section)


def test_an_items_own_page_exists_only_while_visitors_see_it(
    client, clock, django_assert_num_queries
):
    make_news("Ajastatud uudis", **WINDOW)
    url = "/et/uudised/ajastatud-uudis/"
    assert client.get(url).status_code == 404
    clock.move_to(APPEARS)
    assert "Ajastatud uudis" in page_text(client, url)
    clock.move_to(DISAPPEARS - SECOND)
    assert "Ajastatud uudis" in cached_text(client, url, django_assert_num_queries)
    clock.move_to(DISAPPEARS)
    assert client.get(url).status_code == 404


def test_an_event_links_to_its_service_only_once_the_service_is_published(client, clock):
    service = make_service("Ajastatud teenus", publish_from=APPEARS)
    event = make_event("Kohtumine", NOW + timedelta(days=2), service=service)
    url = f"/et/sundmused/{event.pk}/"
    assert service.get_absolute_url() not in page_text(client, url)
    clock.move_to(APPEARS)
    assert service.get_absolute_url() in page_text(client, url)


def test_the_api_lists_only_what_visitors_see_now(client, clock):
    make_service("Ajastatud teenus", **WINDOW)
    make_event("Ajastatud sündmus", NOW + timedelta(days=2), **WINDOW)
    for url in ("/api/services/", "/api/events/"):
        assert "Ajastatud" not in client.get(url).content.decode()
    clock.move_to(APPEARS)
    for url in ("/api/services/", "/api/events/"):
        assert "Ajastatud" in client.get(url).content.decode()


def test_an_unpublished_item_stays_hidden_whatever_its_times(client, clock):
    make_news("Mustand", published=False, publish_from=APPEARS)
    clock.move_to(APPEARS)
    assert "Mustand" not in page_text(client, "/et/uudised/")


@pytest.mark.parametrize("model", [Page, Partner, Service, Event, NewsItem])
def test_unpublishing_must_come_after_publishing(model):
    item = model(publish_from=APPEARS, unpublish_at=APPEARS)
    with pytest.raises(ValidationError) as error:
        item.clean()
    assert "unpublish_at" in error.value.message_dict


def test_the_admin_refuses_an_unpublish_time_before_the_publish_time(admin_client):
    item = make_news("Uudis")
    url = reverse("admin:activities_newsitem_change", args=[item.pk])
    data = admin_form_data(admin_client, url) | {
        "publish_from_0": "2026-05-04",
        "publish_from_1": "12:00:00",
        "unpublish_at_0": "2026-05-04",
        "unpublish_at_1": "11:00:00",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Avaldamise lõpp peab olema pärast avaldamise algust." in response.content.decode()
    item.refresh_from_db()
    assert item.unpublish_at is None


def test_the_admin_list_says_which_items_are_scheduled(admin_client, clock):
    make_news("Ajastatud uudis", publish_from=APPEARS)
    make_news("Lõppev uudis", unpublish_at=DISAPPEARS)
    content = admin_client.get(reverse("admin:activities_newsitem_changelist")).content.decode()
    assert "ajastatud: alates 04.05.2026 12:01" in content
    assert "kuni 04.05.2026 12:03" in content


def test_items_still_to_come_never_push_shown_ones_out_of_a_short_list(client, clock):
    for number in range(HOME_NEWS):
        make_news(f"Avaldatud {number}", published_on=date(2026, 5, 1))
    for number in range(2):  # newer, so first in date order, but not shown yet
        make_news(f"Tulekul {number}", published_on=date(2026, 5, 3), publish_from=APPEARS)
    html = page_text(client, "/et/")
    assert all(f"Avaldatud {number}" in html for number in range(HOME_NEWS))
    assert "Tulekul" not in html
    clock.move_to(APPEARS)
    html = page_text(client, "/et/")
    assert "Tulekul 0" in html and "Tulekul 1" in html


def test_the_home_page_without_events_or_news_stays_within_the_query_budget(
    client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(MAX_QUERIES_PER_PAGE):
        page_text(client, "/et/")
