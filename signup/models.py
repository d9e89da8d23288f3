"""A resident's sign-up for an event."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_manage_key():
    return secrets.token_urlsafe(16)


class Registration(models.Model):
    """One person (with any accompanying children) signed up for one event.

    The personal fields (name, e-mail, phone, needs) are emptied a number of days after the event
    (``anonymised_at``); what the project reports (status, language, target groups, children,
    channel) stays.
    """

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITING = "waiting", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")
        ATTENDED = "attended", _("attended")

    class Channel(models.TextChoices):
        ONLINE = "online", _("on the website")
        PHONE = "phone", _("by phone")
        IN_PERSON = "in_person", _("in person")

    class Need(models.TextChoices):
        INTERPRETATION = "interpretation", _("interpretation")
        SIGN_LANGUAGE = "sign_language", _("sign language")
        CHILDCARE = "childcare", _("childcare")
        STEP_FREE = "step_free", _("step-free access")

    event = models.ForeignKey(
        "activities.Event",
        models.PROTECT,
        verbose_name=_("event"),
        related_name="registrations",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.CONFIRMED, db_index=True
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    language = models.CharField(
        _("language of communication"), max_length=10, choices=settings.LANGUAGES
    )
    children = models.PositiveSmallIntegerField(_("accompanying children"), default=0)
    needs = models.JSONField(_("needs"), default=list, blank=True)
    target_groups = models.ManyToManyField(
        "pages.TargetGroup", verbose_name=_("target groups"), blank=True
    )
    channel = models.CharField(
        _("signed up"), max_length=20, choices=Channel, default=Channel.ONLINE
    )
    created_at = models.DateTimeField(_("signed up at"), default=timezone.now, db_index=True)
    changed_at = models.DateTimeField(_("last changed"), auto_now=True)
    anonymised_at = models.DateTimeField(_("personal data deleted at"), null=True, blank=True)
    # Each e-mail that must go once at most: the reminder the day before, the notice that the
    # event is cancelled.
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    told_cancelled_at = models.DateTimeField(
        _("told of the cancellation at"), null=True, blank=True
    )
    # The sign-up form's one-time key: a second submission of the same form (a double click)
    # finds the first sign-up instead of making another.
    form_key = models.CharField(max_length=64, blank=True, editable=False)
    # Part of the signed link in the e-mails (signup/links.py): the link is this sign-up's alone.
    manage_key = models.CharField(max_length=32, default=new_manage_key, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        permissions = [("view_participants", _("Can see participants' names and contacts"))]
        constraints = [
            models.CheckConstraint(
                condition=~Q(email="") | ~Q(phone="") | Q(anonymised_at__isnull=False),
                name="registration_has_a_contact",
            ),
            models.UniqueConstraint(
                fields=["event", "form_key"],
                condition=~Q(form_key=""),
                name="one_registration_per_form",
            ),
        ]

    def __str__(self):
        return f"{self.event} ({self.get_status_display()})"

    @property
    def active(self):
        return self.status in (self.Status.CONFIRMED, self.Status.WAITING)

    @property
    def seats(self):
        """The places this sign-up takes: the person, and the children where the event counts
        them."""
        return 1 + (self.children if self.event.children_take_seats else 0)
