"""The sitemap's sections for services, events and news: the lists, and a page per item. Past
Django's limit (50,000 addresses) a section is split into pages (?p=2), which the sitemap
index lists."""

from django.urls import reverse

from core.sitemaps import LocalisedSitemap
from pages.sitemaps import ContentSitemap

from .models import Event, NewsItem, Service

LISTS = ("activities:services", "activities:events", "activities:past_events", "activities:news")


class ListSitemap(LocalisedSitemap):
    def items(self):
        return LISTS

    def location(self, item):
        return reverse(item)


class ServiceSitemap(ContentSitemap):
    def candidates(self):
        return Service.objects.order_by("pk")


class EventSitemap(ContentSitemap):
    def candidates(self):
        return Event.objects.order_by("pk")


class NewsSitemap(ContentSitemap):
    def candidates(self):
        return NewsItem.objects.order_by("pk")
