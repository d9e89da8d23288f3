"""Queue an e-mail: render it in the recipient's language and store it with the caller's data.

    from outbox.messages import AttachedFile, queue_message

    with transaction.atomic():
        registration = Registration.objects.create(...)
        queue_message(
            kind="signup_confirmed",
            recipient=registration.email,
            language=registration.language,
            template="signups/email/confirmed",
            context={"registration": registration},
            about=registration,
            attachments=[AttachedFile("event.ics", ics_bytes, "text/calendar")],
        )

`queue_message` must run inside the transaction that causes the message: the row is written in
it, so a rolled-back sign-up leaves no e-mail, and a committed one always has its e-mail. The
send task is enqueued when that transaction commits; if that enqueue is lost (the process dies in
between, the task queue is down) the worker's sweep sends the message anyway.

A template prefix names three templates, rendered under translation.override(language):
`<prefix>_subject.txt` (one line), `<prefix>.txt` (the plain text, extending
outbox/base.txt) and `<prefix>.html` (extending outbox/base.html: `lang`, a `<title>`, one
heading, text only). Every message thus reaches its reader in their own language, also when the
worker (which has no request) sends it days later.
"""

from dataclasses import dataclass
from email.utils import make_msgid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import Attachment, Email

# Mail servers commonly refuse messages over 10 MB; an .ics is a few kilobytes.
MAX_ATTACHMENTS_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class AttachedFile:
    filename: str
    content: bytes
    mimetype: str


@dataclass(frozen=True)
class RenderedMessage:
    subject: str
    text: str
    html: str


def render_message(template, context, language):
    """The subject, plain text and HTML of `template` in `language`."""
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"{language!r} is not one of the site's LANGUAGES")
    with translation.override(language):
        context = {
            "site_name": str(settings.SITE_NAME),
            "site_url": settings.SITE_URL,
            **(context or {}),
        }
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        context["subject"] = subject
        text = render_to_string(f"{template}.txt", context).strip() + "\n"
        html = render_to_string(f"{template}.html", context)
    return RenderedMessage(subject=subject, text=text, html=html)


def message_id_domain():
    """The domain of the sender's address: Message-IDs name the site, not the worker's host."""
    return settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip(" >") or "localhost"


def queue_message(*, kind, recipient, language, template, context=None, about=None, attachments=()):
    """Store one e-mail to `recipient` in the current transaction; send it after the commit.

    Returns the Email row (status "queued"). Raises ValueError for a language the site does not
    have or attachments over MAX_ATTACHMENTS_BYTES, and any template error: at queue time, in
    the caller's transaction, never later in the worker.
    """
    from .tasks import send_email

    attachments = list(attachments)
    if sum(len(attached.content) for attached in attachments) > MAX_ATTACHMENTS_BYTES:
        raise ValueError(f"attachments over {MAX_ATTACHMENTS_BYTES} bytes")
    rendered = render_message(template, context, language)
    with transaction.atomic():
        email = store(kind, recipient, language, rendered, about, attachments)
    # robust: after the commit, a task queue that is down must not turn the caller's success
    # into an error. The sweep sends what was never enqueued.
    transaction.on_commit(lambda: send_email.enqueue(email.pk), robust=True)
    return email


def store(kind, recipient, language, rendered, about, attachments):
    email = Email.objects.create(
        kind=kind,
        language=language,
        sender=settings.DEFAULT_FROM_EMAIL,
        recipient=recipient,
        subject=rendered.subject,
        body_text=rendered.text,
        body_html=rendered.html,
        message_id=make_msgid(domain=message_id_domain()),
        next_attempt_at=timezone.now(),
        about_type=ContentType.objects.get_for_model(about) if about is not None else None,
        about_id=about.pk if about is not None else None,
    )
    Attachment.objects.bulk_create(
        Attachment(email=email, filename=a.filename, content=a.content, mimetype=a.mimetype)
        for a in attachments
    )
    return email
