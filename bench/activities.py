"""Services, events and news at scale, for bench/run.py: 200 services, 2,000 events and 1,000
news items generated into the benchmark's own database (never committed), the list pages and
feeds to load-test, and the uncached render time of each list page.

    .venv/bin/python -m bench.activities sqlite:////tmp/bench.sqlite3   # fill a migrated database
"""

import os
import sys
import time
import xml.etree.ElementTree as ET
from datetime import timedelta
from statistics import median, quantiles

SERVICES = 200
EVENTS = 2000
NEWS = 1000
RENDERS = 30  # uncached renders of each list page, for its median and p99
NAMESPACE = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
ITEM_SECTIONS = ("services", "events", "news")  # one page of each kind is enough to load-test


def slugs(word, n):
    """An address in every site language, as the admin gives each item (the lookup is by the
    visitor's language's own slug)."""
    from django.conf import settings

    return {f"slug_{code}": f"{word}-{code}-{n}" for code, _name in settings.LANGUAGES}


def populate():
    """Bulk-create the items (no signals: the database is new and the cache is empty)."""
    from django.utils import timezone

    from activities.models import Event, Language, NewsItem, Service
    from pages.models import TargetGroup

    languages, groups = list(Language.objects.all()), list(TargetGroup.objects.all())
    now = timezone.now()
    texts = {"summary_et": "Lühikirjeldus.", "body_et": "<p>Tekst.</p>", "provider_et": "Pakkuja"}
    services = Service.objects.bulk_create(
        Service(
            title_et=f"Teenus {n}",
            title_ru=f"Услуга {n}",
            **slugs("teenus", n),
            **texts,
        )
        for n in range(SERVICES)
    )
    # Half of the events are over, half to come, an hour each, spread over two years.
    events = Event.objects.bulk_create(
        Event(
            title_et=f"Sündmus {n}",
            title_ru=f"Мероприятие {n}",
            body_et="<p>Tekst.</p>",
            starts_at=now + timedelta(hours=9 * (n - EVENTS // 2)),
            ends_at=now + timedelta(hours=9 * (n - EVENTS // 2) + 1),
            service=services[n % SERVICES],
            cancelled=n % 17 == 0,
        )
        for n in range(EVENTS)
    )
    today = timezone.localdate()
    NewsItem.objects.bulk_create(
        NewsItem(
            title_et=f"Uudis {n}",
            **slugs("uudis", n),
            summary_et="Kokkuvõte.",
            published_on=today - timedelta(days=n),
        )
        for n in range(NEWS)
    )
    for model, items in ((Service, services), (Event, events)):
        own = f"{model._meta.model_name}_id"
        groups_through = model.target_groups.through
        groups_through.objects.bulk_create(
            groups_through(**{own: item.pk, "targetgroup_id": groups[n % len(groups)].pk})
            for n, item in enumerate(items)
        )
        languages_through = model.languages.through
        languages_through.objects.bulk_create(
            languages_through(**{own: item.pk, "language_id": languages[n % 2].pk})
            for n, item in enumerate(items)
        )


def sitemap_sections(fetch):
    """{section name: [paths]} from the sitemap index (every page of each section)."""
    from tests.support.sitemap import path_of, paths_in_sitemap

    sections = {}
    index = ET.fromstring(fetch("/sitemap.xml"))
    for location in index.findall("s:sitemap/s:loc", NAMESPACE):
        path = path_of(location.text)
        name = path.removeprefix("/sitemap-").partition(".xml")[0]
        sections.setdefault(name, []).extend(paths_in_sitemap(fetch(path), fetch))
    return sections


def list_paths(languages):
    """Each list page, a filtered one, a second page and each feed, in every language."""
    from django.urls import reverse
    from django.utils import translation

    paths = []
    for language in languages:
        with translation.override(language):
            services, events = reverse("activities:services"), reverse("activities:events")
            paths += [
                services,
                f"{services}?group=repatriate&language=ru",
                events,
                f"{events}?page=2",
                reverse("activities:past_events"),
                reverse("activities:news"),
                reverse("activities:news") + "?page=2",
                reverse("activities:news_feed"),
                reverse("activities:calendar"),
            ]
    return paths


API_PATHS = ["/api/events/", "/api/events/?group=repatriate&language=ru", "/api/services/"]


def bench_paths(fetch, languages):
    """What the load test requests: every page of the sitemap but the items of services,
    events and news (one of each per language stands for thousands), and every list and feed."""
    sections = sitemap_sections(fetch)
    paths = []
    for name, section in sections.items():
        if name in ITEM_SECTIONS:
            paths += [next(p for p in section if p.startswith(f"/{code}/")) for code in languages]
        elif name != "lists":
            paths += section
    return paths + list_paths(languages)


def render_times(client, paths):
    """{path: (median ms, p99 ms)} of RENDERS renders each, the page cache emptied each time."""
    from django.core.cache import cache

    timings = {}
    for path in paths:
        durations = []
        for _render in range(RENDERS):
            cache.clear()
            start = time.perf_counter()
            client.get(path)
            durations.append((time.perf_counter() - start) * 1000)
        timings[path] = (median(durations), quantiles(durations, n=100)[98])
    cache.clear()
    return timings


if __name__ == "__main__":
    os.environ["DATABASE_URL"] = sys.argv[1]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kjproject.settings")
    import django

    django.setup()
    populate()
