"""Which fields modeltranslation translates (into every language of settings.LANGUAGES); the
source language's (Estonian) text is required where the field is."""

from django.conf import settings
from modeltranslation.translator import TranslationOptions, register

from pages.translation import SluggedContentTranslation

from .models import Event, EventSeries, Location, NewsItem, Service

SOURCE = settings.SOURCE_LANGUAGE


@register(Location)
class LocationTranslation(TranslationOptions):
    fields = ("name", "address", "directions", "opening_hours", "accessibility_notes")
    required_languages = {SOURCE: ("name", "address")}


@register(Service)
class ServiceTranslation(SluggedContentTranslation):
    fields = (
        *SluggedContentTranslation.fields,
        "provider",
        "how_to_take_part",
        "what_to_bring",
        "cost",
    )
    required_languages = {SOURCE: ("title", "provider")}


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "body", "cancellation_reason")
    required_languages = {SOURCE: ("title",)}


@register(EventSeries)
class EventSeriesTranslation(EventTranslation):
    pass


@register(NewsItem)
class NewsItemTranslation(SluggedContentTranslation):
    pass
