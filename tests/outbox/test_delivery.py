"""Delivery to a real SMTP server on loopback: sent once, retried with backoff while the server
is down, failed for good only when refused, recovered by the sweep, erased after the retention.

The worker process itself (killed while sending, restarted) is in tests/system/test_worker.py;
here its task runs in this process, with time moved by time-machine.
"""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from outbox.delivery import deliver, lease, sweep
from outbox.messages import AttachedFile, queue_message
from outbox.models import Email
from tests.support.outbox import enqueued_sends
from tests.support.smtp import SmtpServer

pytestmark = pytest.mark.django_db


def queue(recipient="resident@example.org", **extra):
    return queue_message(
        kind="test",
        recipient=recipient,
        language="et",
        template="outbox/test_message",
        context={"queued_at": timezone.now()},
        **extra,
    )


def text_of(message, subtype):
    """A part's text as written (SMTP carries lines ending in CRLF)."""
    return message.get_body((subtype,)).get_content().replace("\r\n", "\n")


def reload(email):
    return Email.objects.get(pk=email.pk)


def test_a_queued_message_arrives_once_as_plain_text_and_html_with_its_attachment(smtp):
    ics = AttachedFile("event.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    email = queue(attachments=[ics])
    assert deliver(email.pk) == "sent"
    assert deliver(email.pk) == "not due"  # a second task for it does nothing
    (message,) = smtp.wait_for(1)
    assert message["To"] == "resident@example.org"
    assert message["Message-ID"] == email.message_id
    assert message["Subject"].strip() == email.subject  # Django folds a long one
    assert message["Auto-Submitted"] == "auto-generated"
    assert text_of(message, "plain") == email.body_text
    assert text_of(message, "html") == email.body_html
    (attachment,) = message.iter_attachments()
    assert (attachment.get_filename(), attachment.get_payload(decode=True)) == (
        "event.ics",
        ics.content,
    )
    sent = reload(email)
    assert (sent.status, sent.attempts, sent.last_error) == ("sent", 1, "")
    assert sent.sent_at is not None


def test_while_the_server_is_down_the_message_waits_and_arrives_once_it_is_back(settings):
    settings.OUTBOX_RETRY_SECONDS = 60
    server = SmtpServer()  # not started: nothing listens on its port
    from tests.support.outbox import send_through

    send_through(settings, server)
    email = queue()
    assert deliver(email.pk) == "retry"
    waiting = reload(email)
    assert (waiting.status, waiting.attempts) == ("queued", 1)
    assert "ConnectionRefusedError" in waiting.last_error
    assert "resident@example.org" not in waiting.last_error
    # The next attempt is enqueued for about a minute later, and not before.
    ((task_email, run_after),) = [s for s in enqueued_sends() if s[1] is not None]
    assert task_email == email.pk
    assert timedelta(seconds=50) < run_after - timezone.now() < timedelta(seconds=70)
    assert deliver(email.pk) == "not due"

    with server, time_machine.travel(run_after + timedelta(seconds=1)):
        assert deliver(email.pk) == "sent"
        (message,) = server.wait_for(1)
    assert message["Message-ID"] == email.message_id
    assert reload(email).attempts == 2


def test_the_wait_doubles_with_each_failure_up_to_its_cap(settings):
    from outbox.delivery import MAX_BACKOFF_FACTOR, backoff

    settings.OUTBOX_RETRY_SECONDS = 10
    waits = [backoff(attempts).total_seconds() for attempts in range(1, 13)]
    for attempts, wait in enumerate(waits, start=1):
        expected = 10 * min(2 ** (attempts - 1), MAX_BACKOFF_FACTOR)
        assert expected * 0.9 <= wait <= expected * 1.1


def test_the_first_success_brings_forward_the_messages_waiting_for_a_retry(settings, smtp):
    smtp.stop()
    waiting = [queue(f"person{n}@example.org") for n in range(3)]
    for email in waiting:
        assert deliver(email.pk) == "retry"
    smtp.start()
    fresh = queue("new@example.org")
    assert deliver(fresh.pk) == "sent"
    assert all(reload(email).next_attempt_at <= timezone.now() for email in waiting)
    for email in waiting:
        assert deliver(email.pk) == "sent"
    assert len(smtp.wait_for(4)) == 4


def test_a_recipient_refused_for_good_fails_at_once_and_says_why_without_the_address(smtp):
    async def refuse(server, session, envelope, address, rcpt_options):
        return "550 5.1.1 <nobody@example.org>: user unknown"

    smtp.recorder.handle_RCPT = refuse
    email = queue("nobody@example.org")
    assert deliver(email.pk) == "failed"
    failed = reload(email)
    assert (failed.status, failed.attempts) == ("failed", 1)
    assert "550" in failed.last_error and "nobody@example.org" not in failed.last_error
    assert smtp.accepted == []


def test_after_the_last_attempt_a_message_fails_and_staff_see_it(settings):
    from outbox.queries import failed_messages
    from tests.support.outbox import send_through

    settings.OUTBOX_MAX_ATTEMPTS = 2
    send_through(settings, SmtpServer())
    email = queue()
    assert deliver(email.pk) == "retry"
    with time_machine.travel(reload(email).next_attempt_at):
        assert deliver(email.pk) == "failed"
    assert list(failed_messages()) == [reload(email)]


def test_the_sweep_sends_a_message_whose_task_was_lost(settings, smtp):
    settings.OUTBOX_SWEEP_SECONDS = 60
    email = queue()  # outside a transaction's commit capture: no task was ever enqueued
    assert enqueued_sends() == []
    assert sweep() == []  # not yet: its task may still be in the queue
    with time_machine.travel(timezone.now() + timedelta(seconds=61)):
        assert sweep() == [email.pk]
        assert sweep() == []  # once per sweep interval, not a task per sweep
        assert deliver(email.pk) == "sent"
    assert [pk for pk, _run_after in enqueued_sends()] == [email.pk]


def test_the_sweep_takes_back_a_message_whose_worker_died_while_sending(settings, smtp):
    email = queue()
    Email.objects.filter(pk=email.pk).update(
        status="sending", attempts=1, lease_expires_at=timezone.now() + lease(), claim="dead"
    )
    assert sweep() == []  # the lease has not run out: the worker may still be sending
    with time_machine.travel(timezone.now() + lease() + timedelta(seconds=1)):
        assert sweep() == [email.pk]
        assert reload(email).status == "queued"
        assert deliver(email.pk) == "sent"
    (message,) = smtp.wait_for(1)
    assert message["Message-ID"] == email.message_id
    assert reload(email).attempts == 2


def test_personal_data_is_erased_the_set_number_of_days_after_sending(settings, smtp):
    settings.OUTBOX_KEEP_DAYS = 30
    ics = AttachedFile("event.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    email = queue(attachments=[ics])
    deliver(email.pk)
    unsent = queue("later@example.org")
    with time_machine.travel(timezone.now() + timedelta(days=29)):
        sweep()
    assert reload(email).recipient == "resident@example.org"
    with time_machine.travel(timezone.now() + timedelta(days=31)):
        sweep()
    erased = reload(email)
    assert (erased.recipient, erased.subject, erased.body_text, erased.body_html) == ("",) * 4
    assert erased.attachments.count() == 0
    assert (erased.status, erased.kind, erased.language) == ("sent", "test", "et")
    assert erased.erased_at is not None
    # What has not been sent keeps everything it needs to be sent.
    assert reload(unsent).recipient == "later@example.org"
