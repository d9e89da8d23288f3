"""The admin start page's sections about services and events (staff.start_page): services whose
information is due for a check, and the coming events with sign-up and how many signed up."""

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import ngettext

from staff.start_page import admin_url, viewable

from .models import Event, Service
from .parameters import SERVICE_CHECK_INTERVAL, START_PAGE_EVENT_DAYS

# The sign-up app's statuses (signup.models.Registration.Status), read through the reverse
# relation event.registrations: the sign-up app imports this one, so this one may not import it.
HOLDING_A_PLACE = ("confirmed", "attended")
WAITING = ("waiting",)


def services_due_section(request, site):
    if not viewable(request, site, Service):
        return None
    due = Service.objects.due_for_check(timezone.localdate())
    months = SERVICE_CHECK_INTERVAL.years * 12 + SERVICE_CHECK_INTERVAL.months
    return {
        "count": due.count(),
        "interval": ngettext("%(months)d month", "%(months)d months", months) % {"months": months},
        "list_url": f"{admin_url(site, Service, 'changelist')}?checked=due",
    }


def coming_events(today):
    """The events with a number of places starting from `today` within START_PAGE_EVENT_DAYS
    (not cancelled), each with `signed_up` (holding a place) and `waiting`; and the same as the
    admin list's filters."""
    last_day = today + timedelta(days=START_PAGE_EVENT_DAYS - 1)
    filters = {
        "capacity__isnull": "False",
        "cancelled__exact": "0",
        "starts_at__date__gte": today.isoformat(),
        "starts_at__date__lte": last_day.isoformat(),
    }
    events = Event.objects.filter(
        capacity__isnull=False,
        cancelled=False,
        starts_at__date__gte=today,
        starts_at__date__lte=last_day,
    ).annotate(
        signed_up=Count("registrations", filter=Q(registrations__status__in=HOLDING_A_PLACE)),
        waiting=Count("registrations", filter=Q(registrations__status__in=WAITING)),
    )
    return events.order_by("starts_at", "pk"), filters


def coming_events_section(request, site):
    if not viewable(request, site, Event):
        return None
    events, filters = coming_events(timezone.localdate())
    return {
        "days": START_PAGE_EVENT_DAYS,
        "events": [
            {"event": event, "url": admin_url(site, Event, "change", event.pk)} for event in events
        ],
        "list_url": f"{admin_url(site, Event, 'changelist')}?{urlencode(filters)}",
    }
