"""iCalendar (RFC 5545, built with the icalendar library): an .ics for each event, to add it to a
calendar, and a feed of the upcoming events per language, to subscribe to."""

from datetime import UTC
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from pages.views import visible_or_404

from .listing import next_events
from .models import Event
from .parameters import FEED_ITEMS

PRODUCT = "-//Kohtla-Jarve City Government//Integration project website//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def calendar(name):
    cal = icalendar.Calendar()
    cal.add("prodid", PRODUCT)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    return cal


def vevent(request, event):
    """One event; times in UTC, so that no time zone definition is needed."""
    return event_entry(event, request.get_host(), request.build_absolute_uri)


def event_entry(event, host, absolute_url):
    entry = icalendar.Event()
    entry.add("uid", f"event-{event.pk}@{host}")
    entry.add("dtstamp", event.updated_at.astimezone(UTC))
    entry.add("last-modified", event.updated_at.astimezone(UTC))
    entry.add("dtstart", event.starts_at.astimezone(UTC))
    entry.add("dtend", event.ends_at.astimezone(UTC))
    title = f"{_('Cancelled')}: {event.title}" if event.cancelled else event.title
    entry.add("summary", title)
    entry.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    entry.add("url", absolute_url(event.get_absolute_url()))
    if description := strip_tags(event.body or "").strip():
        entry.add("description", description)
    if event.location:
        entry.add("location", f"{event.location.name}, {event.location.address}")
    elif event.online_url:
        entry.add("location", event.online_url)
    return entry


def event_file(event, site_url):
    """The .ics of one event, without a request (an e-mail's attachment): links on `site_url`."""
    cal = calendar(str(settings.SITE_NAME))
    cal.add_component(event_entry(event, urlsplit(site_url).netloc, lambda path: site_url + path))
    return cal.to_ical()


def ics_response(cal, filename):
    response = HttpResponse(cal.to_ical(), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Content-Language"] = get_language()
    return response


def event_ics(request, pk):
    event = visible_or_404(request, Event.objects.select_related("location").filter(pk=pk).first())
    cal = calendar(str(settings.SITE_NAME))
    cal.add_component(vevent(request, event))
    return ics_response(cal, f"event-{event.pk}.ics")


def calendar_feed(request):
    """The next FEED_ITEMS events, in the request's language."""
    cal = calendar(f"{_('Events')} – {settings.SITE_NAME}")
    for event in next_events(request, Event.objects, FEED_ITEMS):
        cal.add_component(vevent(request, event))
    return ics_response(cal, f"events-{get_language()}.ics")
