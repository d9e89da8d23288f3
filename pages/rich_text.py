"""Rich text that staff write: one allow-list, shared by the editor and the sanitiser.

Staff edit page and target-group texts with django-prose-editor, which offers exactly the
extensions below. The allow-list nh3 cleans against is derived from the same extensions, by the
editor's own rules (``allowlist_from_extensions``), so the markup the editor can produce is the
markup that survives cleaning, and nothing else: a ``<script>``, an ``onerror=`` or a
``javascript:`` link saved by a staff account never reaches a visitor. Text is cleaned when it is
saved (the field and ``SluggedContent.save``) and again when it is shown (the ``sanitised``
template filter), in case something reached the database another way.
"""

from functools import cache

import nh3
from django.utils.html import strip_tags
from django_prose_editor.config import allowlist_from_extensions

RICH_TEXT_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    # The page title is the page's only <h1>; texts start their sections at <h2>.
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    # Links open in the same tab, as GOV.UK advises: no target attribute.
    "Link": {"enableTarget": False},
}
ALLOWED_URL_SCHEMES = {"https", "http", "mailto", "tel"}


@cache
def rich_text_cleaner() -> nh3.Cleaner:
    """The nh3 cleaner for RICH_TEXT_EXTENSIONS (built once, when settings are ready)."""
    allow_list = allowlist_from_extensions(RICH_TEXT_EXTENSIONS)
    return nh3.Cleaner(**allow_list | {"url_schemes": ALLOWED_URL_SCHEMES, "link_rel": None})


def sanitise_html(html: str | None) -> str | None:
    """Drop every tag, attribute and URL scheme not on the allow-list (scripts, on* handlers,
    javascript: links).

    Markup without any text (the editor's empty ``<p></p>``) becomes "", so that a translation
    left empty counts as missing and the Estonian text is shown instead of an empty block.
    None is returned unchanged.
    """
    if not html:
        return html
    cleaned = rich_text_cleaner().clean(html)
    if not strip_tags(cleaned).strip():
        return ""
    return cleaned
