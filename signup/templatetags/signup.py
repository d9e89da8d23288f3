"""The sign-up box of an event's page: places left, and the link to the sign-up page.

The event's page is cached (core.page_cache); a sign-up or cancellation forgets that page in
every language (signup.booking.forget_event_pages), and the moments sign-up opens and closes
are declared to the cache (changes_at), so the box is right on the next request.
"""

from django import template
from django.utils import timezone

from core.page_cache import changes_at

from .. import booking
from ..texts import REFUSALS, seats_line

register = template.Library()


@register.inclusion_tag("signup/event_box.html", takes_context=True)
def signup_box(context, event):
    if event.capacity is None:
        return {"event": None}
    now = timezone.now()
    request = context.get("request")
    if request is not None:
        for moment in (event.signup_opens_at, event.signup_closes_at, event.starts_at):
            if moment and moment > now:
                changes_at(request, moment)
    reason = booking.closed_reason(event, now)
    left = booking.seats_left(event)
    waiting_full = booking.waiting_list_full(event)
    return {
        "event": event,
        "seats": seats_line(event, left, waiting_full),
        "closed": REFUSALS[reason] if reason else None,
        "open": reason is None and (left or not waiting_full),
    }
