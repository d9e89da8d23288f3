"""The outbox: one row per e-mail, from the moment it is queued until long after it is sent.

A message is rendered (in its recipient's language) and stored by `outbox.queue_message`, inside
the transaction of whatever caused it, and sent by the worker (outbox/delivery.py). Its status:

    queued ──claim──▶ sending ──SMTP 250──▶ sent
      ▲                  │
      └──retry (backoff)─┤ (a temporary error, or the worker died: the lease ran out)
                         └──▶ failed (refused for good, or OUTBOX_MAX_ATTEMPTS used up)

OUTBOX_KEEP_DAYS after it is sent or has failed, its personal data (recipient, subject, texts,
attachments) is erased; the row stays as the record that such a message went out.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Email(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting to be sent")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    # What kind of message this is ("test", and the sign-up's kinds), for staff and reports.
    kind = models.CharField(_("kind"), max_length=50)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    sender = models.CharField(_("from"), max_length=254)
    recipient = models.EmailField(_("to"), blank=True)
    subject = models.CharField(_("subject"), max_length=255, blank=True)
    body_text = models.TextField(_("plain text"), blank=True)
    body_html = models.TextField(_("HTML"), blank=True)
    # Fixed when queued and sent with every attempt, so that a second copy (a worker that died
    # between the SMTP server's acceptance and our record of it) is recognisably the same.
    message_id = models.CharField(_("Message-ID"), max_length=255, unique=True)

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("next attempt"))
    # While "sending": the worker that claimed it (claim) may send until this time; after it
    # the sweep takes the message back (the worker has died or hangs).
    lease_expires_at = models.DateTimeField(null=True, blank=True)
    claim = models.CharField(max_length=32, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    failed_at = models.DateTimeField(_("failed at"), null=True, blank=True)
    erased_at = models.DateTimeField(_("personal data erased at"), null=True, blank=True)

    # What the message is about (a sign-up, say), set by the app that queues it. The site's
    # models have integer keys (DEFAULT_AUTO_FIELD), so a GenericRelation on them joins here:
    #     emails = GenericRelation(Email, content_type_field="about_type",
    #                              object_id_field="about_id")
    # also deletes a row's e-mails with the row (anonymising a sign-up).
    about_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    about_id = models.PositiveBigIntegerField(null=True, blank=True)
    about = GenericForeignKey("about_type", "about_id")

    class Meta:
        verbose_name = _("e-mail message")
        verbose_name_plural = _("e-mail messages")
        ordering = ["-created_at", "-id"]
        permissions = [
            ("view_recipients", _("Can see e-mail recipients and contents")),
            ("retry_email", _("Can send failed e-mails again")),
        ]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["status", "lease_expires_at"]),
            models.Index(fields=["about_type", "about_id"]),
        ]

    def __str__(self):
        return f"{self.kind} #{self.pk}"


class Attachment(models.Model):
    """A file sent with an e-mail (an event's .ics, say), stored with it and erased with it."""

    email = models.ForeignKey(Email, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(_("file name"), max_length=255)
    mimetype = models.CharField(_("type"), max_length=100)
    content = models.BinaryField(_("content"))

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.filename
