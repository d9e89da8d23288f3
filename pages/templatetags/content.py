from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from ..rich_text import sanitise_html

register = template.Library()


@register.simple_tag
def fallback_lang(obj, field_name):
    """` lang="et"` when the active language has no text and modeltranslation shows the source
    language's (Estonian) text instead.

    Screen readers then pronounce the Estonian text as Estonian.
    """
    language = get_language()
    source = settings.SOURCE_LANGUAGE
    if language == source or getattr(obj, build_localized_fieldname(field_name, language)):
        return ""
    return format_html(' lang="{}"', source)


@register.simple_tag
def untranslated_note(obj, *field_names):
    """A note, in the visitor's language, when any of the fields shows the Estonian text because
    the visitor's language has none yet (never a silent fallback). Fields the item does not have
    (an event has no summary) are left out, so templates shared by kinds of content can name
    them all."""
    language = get_language()
    own = [build_localized_fieldname(name, language) for name in field_names]
    if language == settings.SOURCE_LANGUAGE or all(getattr(obj, field, True) for field in own):
        return ""
    return format_html(
        '<p class="untranslated-note">{}</p>',
        _("This text is not translated yet, so it is shown in Estonian."),
    )


@register.filter
def sanitised(html):
    """Clean staff-written HTML once more on output, whatever reached the database."""
    return mark_safe(sanitise_html(html) or "")  # noqa: S308 - cleaned against the allow-list
