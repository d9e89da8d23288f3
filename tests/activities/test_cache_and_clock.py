"""The page cache stays exact as time passes, with nobody editing: an event seconds long and a
clock the test controls (time-machine). A page listing events is served from the cache until
the moment its content changes by itself, and is rendered afresh from that moment on, from
this process's copy and from the shared cache alike."""

from datetime import timedelta

import pytest
import time_machine

from core import page_cache
from tests.support.activities import make_event, make_service, tallinn

pytestmark = pytest.mark.django_db

NOW = tallinn(2026, 5, 4, 12, 0, 0)
SECOND = timedelta(seconds=1)


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def shows(client, url, text):
    response = client.get(url)
    assert response.status_code == 200, url
    return text in response.content.decode()


def from_cache(client, url, django_assert_num_queries):
    with django_assert_num_queries(0):
        return client.get(url).content.decode()


def test_an_event_leaves_the_cached_upcoming_list_the_second_it_ends(
    client, clock, django_assert_num_queries
):
    make_event("Lühike kohtumine", NOW + 2 * SECOND, NOW + 4 * SECOND)
    assert shows(client, "/et/sundmused/", "Lühike kohtumine")
    assert not shows(client, "/et/sundmused/moodunud/", "Lühike kohtumine")
    clock.shift(3 * SECOND)  # under way: still on the list, from the cache
    assert "Lühike kohtumine" in from_cache(client, "/et/sundmused/", django_assert_num_queries)
    clock.shift(SECOND)  # the moment it ends
    assert not shows(client, "/et/sundmused/", "Lühike kohtumine")
    assert shows(client, "/et/sundmused/moodunud/", "Lühike kohtumine")


def test_the_shared_cache_copy_expires_too_not_only_this_processs(client, clock):
    make_event("Lühike kohtumine", NOW + 2 * SECOND, NOW + 4 * SECOND)
    assert shows(client, "/en/events/", "Lühike kohtumine")
    clock.shift(4 * SECOND)
    page_cache.local_pages.pages.clear()  # another worker: only the shared cache has the page
    assert not shows(client, "/en/events/", "Lühike kohtumine")


SHORT_LISTS = [
    "/et/",  # the home page's next three events
    "/et/sihtruhmad/tagasipoordujad/",  # the group's page: its next five
    "/et/teenused/keelekohvik/",  # the service's page: its next five
]
FULL_LISTS = ["/et/sundmused/calendar.ics", "/et/sundmused/?group=repatriate"]


def six_events(client):
    service = make_service("Keelekohvik", groups=["repatriate"], slug_et="keelekohvik")
    listed = {"service": service, "groups": ["repatriate"]}
    make_event("Esimene", NOW + SECOND, NOW + 3 * SECOND, **listed)
    for number in range(2, 7):
        make_event(f"Kohtumine {number}", NOW + number * timedelta(days=1), **listed)


@pytest.mark.parametrize("url", SHORT_LISTS + FULL_LISTS)
def test_every_page_listing_next_events_drops_one_the_moment_it_ends(
    client, clock, url, django_assert_num_queries
):
    six_events(client)
    assert shows(client, url, "Esimene")
    clock.shift(2 * SECOND)
    assert "Esimene" in from_cache(client, url, django_assert_num_queries)
    clock.shift(SECOND)
    assert not shows(client, url, "Esimene")


@pytest.mark.parametrize("url", SHORT_LISTS)
def test_a_short_list_shows_the_next_event_once_one_before_it_ends(client, clock, url):
    six_events(client)
    limit = 3 if url == "/et/" else 5
    assert not shows(client, url, f"Kohtumine {limit + 1}")
    clock.shift(3 * SECOND)
    assert shows(client, url, f"Kohtumine {limit + 1}")


def test_an_event_page_says_it_is_over_from_the_moment_it_ends(
    client, clock, django_assert_num_queries
):
    event = make_event("Lühike kohtumine", NOW + SECOND, NOW + 2 * SECOND)
    url = f"/en/events/{event.pk}/"
    assert not shows(client, url, "This event is over.")
    clock.shift(SECOND)
    assert "This event is over." not in from_cache(client, url, django_assert_num_queries)
    clock.shift(SECOND)
    assert shows(client, url, "This event is over.")


def test_a_page_without_events_ahead_is_kept_as_long_as_any_other(client, clock):
    make_event("Möödas", NOW - timedelta(days=2), NOW - timedelta(days=1))
    client.get("/et/sundmused/moodunud/")
    [(_key, page)] = [
        item for item in page_cache.local_pages.pages.items() if "moodunud" in item[0]
    ]
    assert page.expires_at is None


# Query strings: filters are cached, in one normalised form; made-up parameters are not.


def test_the_same_filters_in_another_order_come_from_the_same_cache_entry(
    client, django_assert_num_queries
):
    first = client.get("/en/services/?group=repatriate&language=ru")
    assert first.status_code == 200
    with django_assert_num_queries(0):
        again = client.get("/en/services/?language=ru&group=repatriate")
    assert again.content == first.content
    with django_assert_num_queries(0):
        client.get("/en/services/?group=repatriate&language=ru&")  # an empty field left out


@pytest.mark.parametrize(
    "query",
    ["utm_source=x", "group=repatriate&group=new_immigrant", "page=01", "group=nobody"],
)
def test_unknown_repeated_or_invalid_parameters_are_never_cached(
    client, query, django_assert_max_num_queries
):
    client.get(f"/en/services/?{query}")
    with django_assert_max_num_queries(6) as queries:
        client.get(f"/en/services/?{query}")
    assert len(queries) > 0
