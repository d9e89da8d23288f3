"""The audit log: one entry each time a staff member sees or downloads what the log watches.

An entry names the staff member, the moment, the action, the item (its name and reference) and
the address the request came from. It holds no participant's personal data: `what` is the
event's or report's name, never a person's.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        VIEWED_PARTICIPANTS = "viewed_participants", _("viewed participants")
        EXPORTED_PARTICIPANTS = "exported_participants", _("exported participants")
        EXPORTED_REPORT = "exported_report", _("exported a report")
        FROZE_REPORT = "froze_report", _("froze a report")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("staff member"),
        related_name="+",
    )
    # Kept when the user is deleted: the log still says who it was.
    username = models.CharField(_("user name"), max_length=150)
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    action = models.CharField(_("action"), max_length=40, choices=Action, db_index=True)
    what = models.CharField(_("what"), max_length=300, blank=True)
    # The item's reference: "app_label.model" and its primary key (empty for a set of items).
    object_type = models.CharField(_("kind of item"), max_length=100, blank=True)
    object_id = models.CharField(_("item number"), max_length=64, blank=True)
    address = models.GenericIPAddressField(_("from the address"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log entries")

    def __str__(self):
        return f"{self.username}: {self.get_action_display()} ({self.what})"
