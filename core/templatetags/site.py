from django import template

from ..languages import alternates_for

register = template.Library()


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """This page in every language (views may pass `language_paths` for translated slugs)."""
    return alternates_for(context["request"], context.get("language_paths"))
