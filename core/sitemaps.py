from functools import cached_property

from django.contrib.sitemaps import Sitemap

from .languages import public_languages


class LocalisedSitemap(Sitemap):
    """Each item once per public language (core.languages), with hreflang alternates and
    x-default."""

    i18n = True
    alternates = True
    x_default = True

    @cached_property  # the sitemap view makes a new instance for every request
    def languages(self):
        return list(public_languages())
