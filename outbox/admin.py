"""The outbox for staff: every e-mail's status, read-only; failed ones can be sent again.

Who sees what: "Can view e-mail" shows the list (kind, language, status, attempts, times, the
last error with the address left out); "Can see e-mail recipients and contents" adds the
address, subject, texts and attachments' names; "Can send failed e-mails again" the action.
"""

from django.contrib import admin, messages
from django.contrib.admin.exceptions import NotRegistered
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .delivery import enqueue
from .models import Email

# django-tasks-db's own list of task rows is an implementation detail, in English only; staff
# follow e-mail here, and operators read the task table from the shell (docs/operations.md).
try:
    from django_tasks_db.models import DBTaskResult

    admin.site.unregister(DBTaskResult)
except NotRegistered:
    pass

EVERYONE_SEES = (
    "kind",
    "language",
    "status",
    "attempts",
    "created_at",
    "next_attempt_at",
    "sent_at",
    "failed_at",
    "erased_at",
    "last_error",
    "message_id",
)
CONTENTS = ("sender", "recipient", "subject", "body_text", "body_html", "attachment_names")


def may_see_recipients(request):
    return request.user.has_perm("outbox.view_recipients")


@admin.register(Email)
class EmailAdmin(admin.ModelAdmin):
    list_display = (
        "created_at",
        "kind",
        "language",
        "status",
        "attempts",
        "shown_recipient",
        "sent_at",
        "last_error",
    )
    list_filter = ("status", "kind", "language")
    date_hierarchy = "created_at"
    actions = ["send_again"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # OUTBOX_KEEP_DAYS erases what is old; nothing else deletes

    def has_retry_permission(self, request):
        return request.user.has_perm("outbox.retry_email")

    def get_fields(self, request, obj=None):
        return EVERYONE_SEES + (CONTENTS if may_see_recipients(request) else ())

    def get_search_fields(self, request):
        return ("recipient", "subject") if may_see_recipients(request) else ()

    def get_list_display(self, request):
        shown = self.list_display
        return (
            shown
            if may_see_recipients(request)
            else tuple(name for name in shown if name != "shown_recipient")
        )

    @admin.display(description=_("to"))
    def shown_recipient(self, email):
        return email.recipient or _("erased")

    @admin.display(description=_("attachments"))
    def attachment_names(self, email):
        return ", ".join(attachment.filename for attachment in email.attachments.all())

    @admin.action(description=_("Send the selected failed e-mails again"), permissions=["retry"])
    def send_again(self, request, queryset):
        with transaction.atomic():
            ids = list(
                queryset.filter(status=Email.Status.FAILED, erased_at=None).values_list(
                    "pk", flat=True
                )
            )
            # A fresh series of attempts; the last error stays until the next attempt.
            Email.objects.filter(pk__in=ids, status=Email.Status.FAILED).update(
                status=Email.Status.QUEUED,
                attempts=0,
                next_attempt_at=timezone.now(),
                failed_at=None,
            )
            transaction.on_commit(lambda: enqueue(ids), robust=True)
        self.message_user(
            request,
            ngettext(
                "%(count)d e-mail will be sent again.",
                "%(count)d e-mails will be sent again.",
                len(ids),
            )
            % {"count": len(ids)},
            messages.SUCCESS,
        )
