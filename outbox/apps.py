from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    """Outgoing e-mail: stored in the transaction that causes it, sent by the worker."""

    name = "outbox"
    verbose_name = _("Outgoing e-mail")

    def ready(self):
        from staff.start_page import Section, add_section

        from .start_page import failed_messages_section

        add_section(
            Section(
                "failed-emails",
                "admin/start_page/failed_emails.html",
                failed_messages_section,
                order=15,
            )
        )
