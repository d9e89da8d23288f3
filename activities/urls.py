"""The public pages' addresses; each first part is translated (/et/teenused/, /ru/uslugi/,
/en/services/), and the JSON API's, outside the language prefix."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import api, calendar, views
from .feeds import NewsFeed

app_name = "activities"
urlpatterns = [
    path(
        _("services/"),
        include(
            [
                path("", views.service_list, name="services"),
                path("<slug:slug>/", views.service_detail, name="service"),
            ]
        ),
    ),
    path(
        _("events/"),
        include(
            [
                path("", views.event_list, name="events"),
                path(_("past/"), views.past_event_list, name="past_events"),
                path("calendar.ics", calendar.calendar_feed, name="calendar"),
                path("<int:pk>/", views.event_detail, name="event"),
                path("<int:pk>/event.ics", calendar.event_ics, name="event_ics"),
            ]
        ),
    ),
    path(
        _("news/"),
        include(
            [
                path("", views.news_list, name="news"),
                path("atom.xml", NewsFeed(), name="news_feed"),
                path("<slug:slug>/", views.news_detail, name="news_item"),
            ]
        ),
    ),
]

# Outside the language prefix and the app's namespace (the root URLconf includes them).
api_urlpatterns = [
    path("api/events/", api.events, name="events_api"),
    path("api/services/", api.services, name="services_api"),
]
