"""What the reports keep once a sign-up's personal data is deleted (reports/retention.py), and
the figures of a reporting period frozen as they were."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Participation(models.Model):
    """One sign-up, without the person: no name, e-mail, phone or needs.

    `registration_id` is the sign-up's number (no foreign key: the row outlives it), unique, so
    that writing the rows again changes them instead of adding more. `person_key` is
    pseudonymous (SECURITY.md): the same e-mail address or phone number gives the same key, so
    the reports count unique persons, and the key cannot be turned back into the contact.
    """

    registration_id = models.PositiveBigIntegerField(_("sign-up number"), unique=True)
    event_id = models.PositiveBigIntegerField(_("event number"), db_index=True)
    event_title = models.CharField(_("event"), max_length=300)
    service_id = models.PositiveBigIntegerField(_("service number"), null=True, blank=True)
    service_title = models.CharField(_("service"), max_length=300, blank=True)
    event_starts_at = models.DateTimeField(_("event starts"))
    event_ends_at = models.DateTimeField(_("event ends"))
    event_date = models.DateField(_("event date"), db_index=True)
    month = models.DateField(_("month"), help_text=_("The first day of the event's month."))
    status = models.CharField(_("status"), max_length=20)
    language = models.CharField(_("language"), max_length=10)
    target_groups = models.JSONField(_("target groups"), default=list, blank=True)
    children = models.PositiveSmallIntegerField(_("accompanying children"), default=0)
    channel = models.CharField(_("signed up"), max_length=20)
    person_key = models.CharField(_("person key"), max_length=64, blank=True)
    signed_up_at = models.DateTimeField(_("signed up at"))
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        ordering = ["event_date", "registration_id"]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")

    def __str__(self):
        return f"{self.event_title} {self.event_date} #{self.registration_id}"


class FrozenReport(models.Model):
    """A reporting period's figures as they were when frozen: later deletions change nothing."""

    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    frozen_at = models.DateTimeField(_("frozen at"), default=timezone.now)
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("frozen by"),
        related_name="+",
    )
    frozen_by_name = models.CharField(_("frozen by"), max_length=150, blank=True)
    figures = models.JSONField(_("figures"))

    class Meta:
        ordering = ["-period_start", "-frozen_at"]
        verbose_name = _("frozen report")
        verbose_name_plural = _("frozen reports")
        permissions = [("view_reports", _("Can see and download the project's reports"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="frozen_report_period_in_order",
            )
        ]

    def __str__(self):
        return f"{self.period_start.isoformat()} – {self.period_end.isoformat()}"
