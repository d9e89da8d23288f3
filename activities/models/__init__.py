"""What the project offers: services, the places they are given at, events (one by one or in a
series) and news. Every text is translated by modeltranslation (activities/translation.py).

Times are aware datetimes; Django shows them in settings.TIME_ZONE (Europe/Tallinn).
"""

from .content import Language, Location, NewsItem, Service
from .events import Event, EventSeries

__all__ = ["Event", "EventSeries", "Language", "Location", "NewsItem", "Service"]
