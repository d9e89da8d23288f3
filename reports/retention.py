"""Deleting participants' personal data SIGNUP_KEEP_DAYS after their event (privacy by design).

For every event that ended more than SIGNUP_KEEP_DAYS ago and still has sign-ups with personal
data, in one transaction per event: first the sign-ups' rows of the report table are written
(or brought up to date), then their name, e-mail, phone and needs are emptied and
`anonymised_at` set. The worker runs it daily (settings.WORKER_PERIODIC_JOBS), and
`manage.py forget_participants` runs it at once.

Safe to run twice (the report table's rows are keyed by the sign-up's unique number; an emptied
sign-up is not read again) and in two processes at once: the sign-ups are locked
(SELECT ... FOR UPDATE), so the second waits, then finds them emptied and skips them. SQLite
has no row locks: a second writer is refused ("database is locked") and tries the event again a
moment later, when it finds the sign-ups emptied.
"""

import time
from datetime import timedelta

from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from activities.models import Event
from signup.models import Registration

from .models import Participation
from .rows import live_registrations, participation_of, row_of_registration

# SQLite: how often, and after how long a wait, an event locked by another writer is tried again.
SQLITE_ATTEMPTS, SQLITE_WAIT_SECONDS = 10, 0.2
UPDATED_FIELDS = [
    field.name
    for field in Participation._meta.concrete_fields
    if field.name not in {"id", "registration_id"}
]


def events_due(now):
    kept = Registration.objects.filter(event=OuterRef("pk"), anonymised_at__isnull=True)
    ended_before = now - timedelta(days=settings.SIGNUP_KEEP_DAYS)
    return Event.objects.filter(Exists(kept), ends_at__lt=ended_before).order_by("ends_at", "pk")


def forget_event(event_id, now) -> int:
    """Report rows, then no personal data, for one event's sign-ups: how many were emptied."""
    with transaction.atomic():
        locked = list(
            Registration.objects.select_for_update()
            .filter(event_id=event_id, anonymised_at__isnull=True)
            .values_list("pk", flat=True)
        )
        if not locked:
            return 0
        registrations = live_registrations().filter(pk__in=locked)
        rows = [participation_of(row_of_registration(r)) for r in registrations]
        Participation.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["registration_id"],
            update_fields=UPDATED_FIELDS,
        )
        return Registration.objects.filter(pk__in=locked, anonymised_at__isnull=True).update(
            name="", email="", phone="", needs=[], anonymised_at=now, changed_at=now
        )


def forget_participants(now=None) -> int:
    """Every due event's sign-ups; the number of sign-ups whose personal data was deleted."""
    now = now or timezone.now()
    due = events_due(now).values_list("pk", flat=True)
    return sum(forget_event_when_free(event_id, now) for event_id in list(due))


def forget_event_when_free(event_id, now) -> int:
    for attempt in range(1, SQLITE_ATTEMPTS + 1):
        try:
            return forget_event(event_id, now)
        except OperationalError:
            if connection.vendor != "sqlite" or attempt == SQLITE_ATTEMPTS:
                raise
            time.sleep(SQLITE_WAIT_SECONDS * attempt)
    return 0
