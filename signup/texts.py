"""What a visitor reads when a sign-up cannot be made, and the seats line of an event's page."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

REFUSALS = {
    "no_signup": _("This event needs no sign-up: anyone may come."),
    "cancelled": _("This event is cancelled, so sign-up is closed."),
    "started": _("This event has already started, so sign-up is closed."),
    "not_open": _("Sign-up for this event has not opened yet."),
    "closed": _("Sign-up for this event has closed."),
    "waiting_list_full": _("This event is full and so is its waiting list."),
    "too_many_seats": _("There are not that many places at this event in all."),
    "already_signed_up": _(
        "This e-mail address or phone number is already signed up for this event. The e-mail "
        "we sent has a link to see or cancel that sign-up."
    ),
}


def seats_line(event, left, waiting_full):
    """'N places left', 'Full: waiting list open', … (None for an event without sign-up)."""
    if event.capacity is None:
        return None
    if left:
        return ngettext("%(count)d place left", "%(count)d places left", left) % {"count": left}
    if waiting_full:
        return str(_("Full: the waiting list is full too"))
    return str(_("Full: waiting list open"))


REFUSALS["rate_limited"] = _(
    "Too many sign-ups have been sent from your connection in the last hour. Please try again "
    "later, or phone the project to sign up."
)
