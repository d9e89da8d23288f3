"""Rich text that staff write is cleaned against an allow-list before it is stored or shown."""

import nh3

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "b", "i", "a",
    "blockquote", "abbr", "dl", "dt", "dd", "span",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "hreflang", "lang"}, "abbr": {"title"}, "*": {"lang"}}
ALLOWED_URL_SCHEMES = {"https", "http", "mailto", "tel"}


def sanitise_html(html: str | None) -> str | None:
    """Drop every tag, attribute and URL scheme not on the allow-list (scripts, on* handlers,
    javascript: links). Returns None unchanged so empty translations stay empty."""
    if not html:
        return html
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=None,
    )
