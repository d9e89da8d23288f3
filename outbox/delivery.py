"""Sending the outbox's e-mails: claim, send, record; retry with backoff; the sweep.

What is guaranteed (docs/operations.md, "What the outbox guarantees"):

- **Nothing queued is lost.** A message is a row written in its cause's transaction. It leaves
  "queued" only by a conditional UPDATE that claims it (→ "sending", with a lease), and
  "sending" only for "sent" (after the SMTP server's 250 reply to the message), for "queued"
  again (an error worth retrying, or the lease ran out because the worker died), or for
  "failed" (refused for good, or OUTBOX_MAX_ATTEMPTS used up: staff see it and can retry).
- **At most one worker sends a message at a time.** The claim is one UPDATE … WHERE status =
  'queued' AND next_attempt_at <= now: on PostgreSQL the row lock makes a second worker's UPDATE
  wait and then match nothing; SQLite runs one writer at a time. Unlike select_for_update(),
  which SQLite ignores, this holds on both. A claim lasts lease() seconds, longer than a send
  can take (every step of the SMTP conversation is bounded by EMAIL_TIMEOUT).
- **A second copy is possible only in one window**: after the SMTP server has accepted the
  message and before "sent" is committed (the worker killed then, or the database gone then).
  The lease runs out and the message is sent again, with the same Message-ID (and Date), so that
  the copy is recognisable. SMTP itself has the same window between the server's acceptance and
  the client's reading of the 250 (RFC 1047); a kill before the server accepts never duplicates.
"""

import logging
import random
import smtplib
import uuid
from datetime import timedelta
from email.utils import format_datetime

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import F, Q
from django.utils import timezone

from .models import Attachment, Email

logger = logging.getLogger(__name__)

# The steps of one SMTP conversation that each wait at most EMAIL_TIMEOUT: connect and greeting,
# EHLO, STARTTLS, EHLO again, AUTH (two for LOGIN), MAIL, RCPT, DATA, the message, QUIT.
SMTP_STEPS = 11
# The longest wait between two attempts, as a multiple of OUTBOX_RETRY_SECONDS.
MAX_BACKOFF_FACTOR = 256
# How many messages one sweep or one recovery takes on at most.
BATCH = 500
MAX_ERROR_LENGTH = 1000


def lease():
    """How long a claim lasts: longer than the slowest send that does not time out."""
    return timedelta(seconds=settings.EMAIL_TIMEOUT * (SMTP_STEPS + 4))


def backoff(attempts):
    """The wait before attempt `attempts` + 1: doubling from OUTBOX_RETRY_SECONDS, capped, with
    a tenth of jitter so that a backlog does not retry all at once."""
    factor = min(2 ** (attempts - 1), MAX_BACKOFF_FACTOR)
    return timedelta(seconds=settings.OUTBOX_RETRY_SECONDS * factor * random.uniform(0.9, 1.1))  # noqa: S311


def enqueue(email_ids, run_after=None):
    from .tasks import send_email

    task = send_email.using(run_after=run_after) if run_after else send_email
    for email_id in email_ids:
        task.enqueue(email_id)


def claim(email_id):
    """Take the message for sending, if it is due and nobody else has it: the claim's token."""
    now = timezone.now()
    token = uuid.uuid4().hex
    claimed = Email.objects.filter(
        pk=email_id, status=Email.Status.QUEUED, next_attempt_at__lte=now
    ).update(
        status=Email.Status.SENDING,
        attempts=F("attempts") + 1,
        lease_expires_at=now + lease(),
        claim=token,
    )
    return token if claimed else None


def deliver(email_id):
    """Send one message if it is due; what happened, in a word (the task's result)."""
    token = claim(email_id)
    if token is None:
        return "not due"  # sent, being sent, failed, or its next attempt is later
    email = Email.objects.prefetch_related("attachments").get(pk=email_id)
    try:
        send(email)
    except Exception as error:
        return record_failure(email, token, error)
    Email.objects.filter(pk=email.pk, claim=token).update(
        status=Email.Status.SENT, sent_at=timezone.now(), lease_expires_at=None, last_error=""
    )
    bring_forward_retries()
    return "sent"


def as_message(email):
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=email.sender,
        to=[email.recipient],
        headers={
            "Message-ID": email.message_id,
            # When it was written, not when this attempt runs: every copy is the same message.
            "Date": format_datetime(email.created_at),
            "Content-Language": email.language,
            # No out-of-office replies to an automatic message (RFC 3834).
            "Auto-Submitted": "auto-generated",
        },
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    for attachment in email.attachments.all():
        message.attach(attachment.filename, bytes(attachment.content), attachment.mimetype)
    return message


def send(email):
    """Hand the message to the mail server (EMAIL_URL). Returns once it has accepted it."""
    connection = get_connection(fail_silently=False)
    # Opened here, so that send_messages does not close it: an error while saying QUIT after
    # the server's 250 must not count as a failed send (that would send the message twice).
    connection.open()
    try:
        if connection.send_messages([as_message(email)]) != 1:
            raise smtplib.SMTPException("the mail server took no message")
    finally:
        try:
            connection.close()
        except Exception:
            logger.warning("Closing the mail server connection failed", exc_info=True)


def refused_for_good(error):
    """A 5xx refusal of this message or its recipient: trying again would not help. Everything
    else (no connection, time-outs, 4xx, a refused sender or password: the configuration, which
    staff can fix) is worth retrying."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    return isinstance(error, smtplib.SMTPDataError) and error.smtp_code >= 500


def describe(error, email):
    """The error for staff, without the recipient's address (they may not see it)."""
    text = f"{type(error).__name__}: {error}"
    if email.recipient:
        text = text.replace(email.recipient, "<recipient>")
    return text[:MAX_ERROR_LENGTH]


def record_failure(email, token, error):
    now = timezone.now()
    attempts = email.attempts  # read after the claim counted this attempt
    last_error = describe(error, email)
    logger.warning("E-mail %s not sent (attempt %s): %s", email.pk, attempts, last_error)
    mine = Email.objects.filter(pk=email.pk, claim=token, status=Email.Status.SENDING)
    if refused_for_good(error) or attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        mine.update(
            status=Email.Status.FAILED, failed_at=now, lease_expires_at=None, last_error=last_error
        )
        return "failed"
    next_attempt_at = now + backoff(attempts)
    if mine.update(
        status=Email.Status.QUEUED,
        next_attempt_at=next_attempt_at,
        lease_expires_at=None,
        last_error=last_error,
    ):
        enqueue([email.pk], run_after=next_attempt_at)
    return "retry"


def bring_forward_retries():
    """The mail server works again: the messages waiting for a retry go now, not hours later."""
    now = timezone.now()
    waiting = Email.objects.filter(
        status=Email.Status.QUEUED, attempts__gt=0, next_attempt_at__gt=now
    )
    ids = list(waiting.values_list("pk", flat=True)[:BATCH])
    if ids:
        Email.objects.filter(pk__in=ids, status=Email.Status.QUEUED).update(next_attempt_at=now)
        enqueue(ids)


def sweep():
    """The worker's periodic job (WORKER_PERIODIC_JOBS): recover, then erase what is old.

    1. "sending" whose lease ran out (the worker died or hung): "queued" again, and enqueued,
       or "failed" if that was its last attempt;
    2. "queued" and due for longer than OUTBOX_SWEEP_SECONDS (its task was lost, e.g. the
       process died between the commit and the enqueue): enqueued again;
    3. OUTBOX_KEEP_DAYS after sending or failing: the personal data erased (erase_old()).

    Safe in several workers at once: every change is a conditional UPDATE, and a task more for
    a message does nothing (deliver() claims first).
    """
    now = timezone.now()
    expired = Email.objects.filter(status=Email.Status.SENDING, lease_expires_at__lt=now)
    recovered = []
    for email_id, attempts in expired.values_list("pk", "attempts")[:BATCH]:
        still_expired = expired.filter(pk=email_id)
        if attempts >= settings.OUTBOX_MAX_ATTEMPTS:
            still_expired.update(
                status=Email.Status.FAILED,
                failed_at=now,
                lease_expires_at=None,
                last_error="The worker stopped while sending, on the last attempt.",
            )
        elif still_expired.update(
            status=Email.Status.QUEUED,
            next_attempt_at=now,
            lease_expires_at=None,
            last_error="The worker stopped while sending; sending again.",
        ):
            recovered.append(email_id)
    overdue = Email.objects.filter(
        status=Email.Status.QUEUED,
        next_attempt_at__lte=now - timedelta(seconds=settings.OUTBOX_SWEEP_SECONDS),
    )
    for email_id, due in overdue.values_list("pk", "next_attempt_at")[:BATCH]:
        # Due again only one sweep interval from now: a long backlog of tasks is not answered
        # with a new task per message at every sweep.
        if overdue.filter(pk=email_id, next_attempt_at=due).update(next_attempt_at=now):
            recovered.append(email_id)
    enqueue(recovered)
    erase_old(now)
    return recovered


def erase_old(now):
    """Erase recipient, subject, texts and attachments of messages sent or failed more than
    OUTBOX_KEEP_DAYS ago. The row stays: what kind of message went out, in which language,
    when, about what."""
    cutoff = now - timedelta(days=settings.OUTBOX_KEEP_DAYS)
    old = Email.objects.filter(erased_at=None).filter(
        Q(status=Email.Status.SENT, sent_at__lt=cutoff)
        | Q(status=Email.Status.FAILED, failed_at__lt=cutoff)
    )
    ids = list(old.values_list("pk", flat=True)[:BATCH])
    if not ids:
        return 0
    Attachment.objects.filter(email__in=ids).delete()
    return Email.objects.filter(pk__in=ids).update(
        recipient="", subject="", body_text="", body_html="", last_error="", erased_at=now
    )
