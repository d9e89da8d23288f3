from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """The project's figures: participants per event, service, month, target group and language,
    from the sign-ups and, once their personal data is deleted, from the report table."""

    name = "reports"
    verbose_name = _("Reports")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from staff.start_page import Section, add_section

        from .page import reports_section

        add_section(Section("reports", "admin/start_page/reports.html", reports_section, order=60))
