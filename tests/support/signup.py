"""Events that take sign-ups, and the sign-up form filled in as a visitor would."""

import re
from datetime import time, timedelta

from django.utils import timezone

from activities.models import EventSeries

from .activities import make_event


def signup_event(title="Eesti keele kohvik", *, capacity=20, starts_in=timedelta(days=3), **fields):
    starts_at = timezone.now() + starts_in
    return make_event(title, starts_at, capacity=capacity, **fields)


def form_key_of(html):
    return re.search(r'name="form_key" value="([^"]+)"', html).group(1)


def signup_data(number=1, **fields):
    """The form as a visitor fills it in: person `number` (their own e-mail address)."""
    return {
        "name": f"Osaleja {number}",
        "email": f"osaleja{number}@example.org",
        "phone": "",
        "language": "ru",
        "children": "",
        **fields,
    }


def manage_link_in(text):
    """The link to see, cancel or delete the sign-up, from an e-mail's text: the one whose last
    part is a signed token (signing's "value:signature")."""
    return re.search(r"https?://\S+/[^/\s]+:[^/\s]+/", text).group(0)


def signup_series(times, **fields):
    """A weekly language café from tomorrow, `times` dates, its dates made (apply_from)."""
    series = EventSeries.objects.create(
        title_et="Keelekohvik",
        first_day=timezone.localdate() + timedelta(days=1),
        weekdays="MO,TH",
        times=times,
        start_time=time(17),
        end_time=time(18),
        **fields,
    )
    series.apply_from(series.first_day)
    return series
