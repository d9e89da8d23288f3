from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    """Services, locations, events (and series of them) and news: their pages, feeds and API."""

    name = "activities"
    verbose_name = _("Services, events and news")

    def ready(self):
        from staff.start_page import Section, add_section

        from .start_page import coming_events_section, services_due_section

        add_section(
            Section(
                "services-due",
                "admin/start_page/services_due.html",
                services_due_section,
                order=30,
            )
        )
        add_section(
            Section(
                "coming-events",
                "admin/start_page/coming_events.html",
                coming_events_section,
                order=40,
            )
        )
