"""Short lists of what is coming up, for pages that are not lists of events themselves (the
home page, a target group's page, a service's page, the checker's result, the calendar feed).
Each tells the page cache when the clock next changes it (an event ends, an item is published
or unpublished at its time: pages.scheduling)."""

from django.utils import timezone

from core.page_cache import changes_at
from pages.scheduling import shown_first

from .models import Event, NewsItem, Service
from .parameters import LISTED_EVENTS, LISTED_SERVICES


def next_events(request, events, limit=LISTED_EVENTS, now=None):
    """The next `limit` of `events` that are not over yet, soonest first.

    The list changes by itself when one of them ends: an event further down moves up only
    then, so the others' times do not matter. That moment is declared to the page cache.
    """
    now = now or timezone.now()
    shown = shown_first(request, events.upcoming(now).select_related("location"), limit, now)
    changes_at(request, min((event.ends_at for event in shown), default=None))
    return shown


def next_services(request, services, limit=LISTED_SERVICES, now=None):
    return shown_first(request, services, limit, now or timezone.now())


def for_groups(request, codes, limit=LISTED_EVENTS):
    """The services and the next events for people of any of these target groups (and those
    for everyone): what the checker's result offers under "What next"."""
    return {
        "services": next_services(request, Service.objects.for_groups(codes)),
        "events": next_events(request, Event.objects.for_groups(codes), limit),
    }


def latest_news(request, limit, now=None):
    return shown_first(request, NewsItem.objects.all(), limit, now or timezone.now())
