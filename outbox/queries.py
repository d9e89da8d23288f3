"""What other apps ask of the outbox: the admin's start page, a sign-up's e-mails, monitoring."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Min
from django.utils import timezone

from .models import Email


def failed_messages():
    """E-mails that will not be sent unless staff retry them, newest first."""
    return Email.objects.filter(status=Email.Status.FAILED, erased_at=None)


def messages_about(obj):
    """The e-mails queued about `obj` (a sign-up, say), newest first."""
    return Email.objects.filter(about_type=ContentType.objects.get_for_model(obj), about_id=obj.pk)


def outbox_status():
    """{status: count}, and how long the oldest message due has waited (seconds, or None)."""
    counts = dict.fromkeys(Email.Status.values, 0)
    per_status = Email.objects.order_by().values("status").annotate(n=Count("pk"))
    counts.update((row["status"], row["n"]) for row in per_status)
    oldest_due = Email.objects.filter(
        status=Email.Status.QUEUED, next_attempt_at__lte=timezone.now()
    ).aggregate(oldest=Min("next_attempt_at"))["oldest"]
    waited = (timezone.now() - oldest_due).total_seconds() if oldest_due else None
    return {"counts": counts, "oldest_due_seconds": waited}
