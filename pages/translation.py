"""Which fields modeltranslation translates (into every language of settings.LANGUAGES); the
source language's (Estonian) text is required."""

from django.conf import settings
from modeltranslation.translator import TranslationOptions, register

from .models import Contact, Page, Partner, TargetGroup


class SluggedContentTranslation(TranslationOptions):
    fields = ("title", "slug", "summary", "body")
    required_languages = {settings.SOURCE_LANGUAGE: ("title",)}


@register(Page)
class PageTranslation(SluggedContentTranslation):
    pass


@register(TargetGroup)
class TargetGroupTranslation(SluggedContentTranslation):
    pass


@register(Partner)
class PartnerTranslation(TranslationOptions):
    fields = ("name", "role")
    required_languages = {settings.SOURCE_LANGUAGE: ("name", "role")}


@register(Contact)
class ContactTranslation(TranslationOptions):
    fields = ("position", "organisation")
    required_languages = {settings.SOURCE_LANGUAGE: ("position",)}
