"""The reminder the day before (REMINDER_BEFORE): a periodic job of the worker
(settings.WORKER_PERIODIC_JOBS). Once per sign-up: the row records that it was sent, set by a
conditional update in the transaction that queues the e-mail, so two workers running the job at
once send it once. Those who signed up after the reminder moment already have everything."""

from django.db import transaction
from django.utils import timezone

from . import notices
from .models import Registration
from .parameters import REMINDER_BEFORE


def due(now):
    return (
        Registration.objects.filter(
            status=Registration.Status.CONFIRMED,
            reminder_sent_at=None,
            anonymised_at=None,
            event__cancelled=False,
            event__starts_at__gt=now,
            event__starts_at__lte=now + REMINDER_BEFORE,
        )
        .exclude(email="")
        .select_related("event__location")
    )


def send_reminders(now=None):
    now = now or timezone.now()
    sent = 0
    for registration in due(now):
        if registration.created_at >= registration.event.starts_at - REMINDER_BEFORE:
            continue  # signed up after the reminder moment
        with transaction.atomic():
            claimed = Registration.objects.filter(pk=registration.pk, reminder_sent_at=None)
            if claimed.update(reminder_sent_at=now):
                notices.reminder(registration)
                sent += 1
    return sent
