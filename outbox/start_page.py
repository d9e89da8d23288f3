"""The admin start page's section (staff.start_page) of e-mails that failed: they are sent only
if staff send them again from the outbox's list."""

from staff.start_page import admin_url, viewable

from .models import Email
from .queries import failed_messages


def failed_messages_section(request, site):
    if not viewable(request, site, Email):
        return None
    return {
        "count": failed_messages().count(),
        "list_url": f"{admin_url(site, Email, 'changelist')}?status__exact={Email.Status.FAILED}",
    }
