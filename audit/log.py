"""Writing to the audit log: `record(request_or_user, action, obj=None, detail="")`.

`action` is one of AuditEntry.Action (or its value, with spaces or underscores: "viewed
participants"). `obj` is a model instance, a queryset
(a list of them, e.g. an event's sign-ups) or None; `detail` says more (a report's period and
format). Neither may carry a participant's name or contact: the log names events and reports.
"""

from django.db import models
from django.http import HttpRequest

from .models import AuditEntry

WHAT_LENGTH = AuditEntry._meta.get_field("what").max_length


def describe(obj) -> tuple[str, str, str]:
    """(what, object_type, object_id) of an instance, a queryset or None."""
    if obj is None:
        return "", "", ""
    if isinstance(obj, models.QuerySet):
        opts = obj.model._meta
        return f"{opts.verbose_name_plural} ({obj.count()})", opts.label_lower, ""
    return str(obj), obj._meta.label_lower, str(obj.pk)


def record(request_or_user, action, obj=None, detail="") -> AuditEntry:
    if isinstance(request_or_user, HttpRequest):
        user = request_or_user.user
        address = request_or_user.META.get("REMOTE_ADDR") or None
    else:
        user, address = request_or_user, None
    # "viewed participants" or "viewed_participants"; an unknown action is a programming error.
    action = AuditEntry.Action(str(action).replace(" ", "_"))
    what, object_type, object_id = describe(obj)
    what = " – ".join(part for part in (what, str(detail)) if part)
    return AuditEntry.objects.create(
        user=user if getattr(user, "pk", None) else None,
        username=user.get_username() if getattr(user, "pk", None) else "",
        action=action,
        what=what[:WHAT_LENGTH],
        object_type=object_type,
        object_id=object_id,
        address=address,
    )
