"""The sign-up's e-mails, in the person's language, queued in the transaction that causes them
(outbox.queue_message): signed up (confirmed or waiting, with the event's .ics), moved up from
the waiting list, the event cancelled, and the reminder the day before. A sign-up without an
e-mail address (staff took it by phone) gets none: staff call the person."""

from django.conf import settings
from django.utils import timezone, translation

from activities.calendar import event_file
from outbox.messages import AttachedFile, queue_message
from outbox.models import Email
from outbox.queries import messages_about

from .links import manage_url

TEMPLATE = "signup/email/notice"


def event_url(registration):
    with translation.override(registration.language):
        return settings.SITE_URL + registration.event.get_absolute_url()


def queue(registration, kind, attach_event=False, **context):
    if not registration.email:
        return None
    event = registration.event
    attachments = []
    if attach_event:
        ics = event_file(event, settings.SITE_URL)
        attachments.append(AttachedFile(f"event-{event.pk}.ics", ics, "text/calendar"))
    return queue_message(
        kind=f"signup_{kind}",
        recipient=registration.email,
        language=registration.language,
        template=TEMPLATE,
        context={
            "kind": kind,
            "registration": registration,
            "event": event,
            "event_url": event_url(registration),
            "manage_url": manage_url(registration),
            **context,
        },
        about=registration,
        attachments=attachments,
    )


def signed_up(registration):
    from .booking import place_on_waiting_list

    if registration.status == registration.Status.WAITING:
        return queue(registration, "waiting", place=place_on_waiting_list(registration))
    return queue(registration, "confirmed", attach_event=True)


def moved_up(registration):
    return queue(registration, "moved_up", attach_event=True)


def event_cancelled(registration):
    return queue(registration, "event_cancelled")


def reminder(registration):
    return queue(registration, "reminder", attach_event=True)


def withdraw(registration, now=None):
    """The person deleted their sign-up: its e-mails lose their recipient and contents now; one
    not yet sent is not sent at all."""
    now = now or timezone.now()
    messages = messages_about(registration).exclude(status=Email.Status.SENDING)
    for email in messages:
        email.attachments.all().delete()
    erased = {"recipient": "", "subject": "", "body_text": "", "body_html": "", "erased_at": now}
    messages.filter(status=Email.Status.QUEUED).update(
        status=Email.Status.FAILED, failed_at=now, last_error="", **erased
    )
    messages.filter(erased_at=None).update(**erased)
