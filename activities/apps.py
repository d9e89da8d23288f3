from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    """Services, locations, events (and series of them) and news: their pages, feeds and API."""

    name = "activities"
    verbose_name = _("Services, events and news")
