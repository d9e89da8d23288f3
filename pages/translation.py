"""Which fields modeltranslation translates (et, ru, en); Estonian is required."""

from modeltranslation.translator import TranslationOptions, register

from .models import Contact, Page, Partner, TargetGroup


class SluggedContentTranslation(TranslationOptions):
    fields = ("title", "slug", "summary", "body")
    required_languages = {"et": ("title",)}


@register(Page)
class PageTranslation(SluggedContentTranslation):
    pass


@register(TargetGroup)
class TargetGroupTranslation(SluggedContentTranslation):
    pass


@register(Partner)
class PartnerTranslation(TranslationOptions):
    fields = ("name", "role")
    required_languages = {"et": ("name", "role")}


@register(Contact)
class ContactTranslation(TranslationOptions):
    fields = ("position", "organisation")
    required_languages = {"et": ("position",)}
