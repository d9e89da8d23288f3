from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname

from ..html import sanitise_html
from ..languages import alternates_for

register = template.Library()


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """This page in every language (views may pass `language_paths` for translated slugs)."""
    return alternates_for(context["request"], context.get("language_paths"))


@register.simple_tag
def fallback_lang(obj, field_name):
    """` lang="et"` when the active language has no text and modeltranslation shows Estonian.

    Screen readers then pronounce the Estonian text as Estonian.
    """
    language = get_language()
    if language == "et" or getattr(obj, build_localized_fieldname(field_name, language)):
        return ""
    return format_html(' lang="{}"', "et")


@register.filter
def sanitised(html):
    """Clean staff-written HTML once more on output, whatever reached the database."""
    return mark_safe(sanitise_html(html) or "")  # noqa: S308 - cleaned against the allow-list
