"""Texts of images and documents, required in every language: a screen reader reads the
alternative text, and a document's title is its link, in the visitor's language."""

from django.conf import settings
from modeltranslation.translator import TranslationOptions, register

from .models import Document, Image

EVERY_LANGUAGE = tuple(code for code, _name in settings.LANGUAGES)


@register(Image)
class ImageTranslation(TranslationOptions):
    fields = ("alt_text",)
    required_languages = EVERY_LANGUAGE


@register(Document)
class DocumentTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = EVERY_LANGUAGE
