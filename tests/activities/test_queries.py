"""Every list page, feed and API list runs the same number of queries with many items as with
few (bench/run.py measures their speed with 200 services, 2,000 events and 1,000 news)."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from tests.support.activities import make_event, make_news, make_service
from tests.support.budgets import MAX_QUERIES_PER_PAGE

pytestmark = pytest.mark.django_db

LISTS = [
    "/et/",
    "/et/teenused/",
    "/et/teenused/?group=repatriate&language=ru",
    "/et/sundmused/",
    "/et/sundmused/?group=repatriate",
    "/et/sundmused/moodunud/",
    "/et/sundmused/?page=2",
    "/et/uudised/",
    "/et/uudised/atom.xml",
    "/et/sundmused/calendar.ics",
    "/et/sihtruhmad/tagasipoordujad/",
    "/api/events/",
    "/api/services/?group=repatriate",
    "/sitemap-events.xml",
]


def add(count, start):
    for number in range(start, start + count):
        service = make_service(f"Teenus {number}", groups=["repatriate"], languages=["ru", "et"])
        for days in (-number - 1, number + 1):
            make_event(
                f"Sündmus {number} {days}",
                timezone.now() + timedelta(days=days),
                service=service,
                groups=["repatriate"],
                languages=["ru"],
            )
        make_news(f"Uudis {number}")


def query_counts(client, django_assert_max_num_queries):
    counts = {}
    for url in LISTS:
        cache.clear()
        with django_assert_max_num_queries(MAX_QUERIES_PER_PAGE) as queries:
            assert client.get(url).status_code == 200, url
        counts[url] = len(queries)
    return counts


def test_list_pages_feeds_and_api_lists_do_not_grow_in_queries_with_the_data(
    client, django_assert_max_num_queries
):
    add(21, 0)  # just over one page of each list
    few = query_counts(client, django_assert_max_num_queries)
    add(40, 21)
    many = query_counts(client, django_assert_max_num_queries)
    assert many == few
