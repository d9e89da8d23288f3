from functools import cached_property

from django.contrib.sitemaps import Sitemap, views
from django.utils import timezone

from .languages import public_languages
from .page_cache import changes_at


class LocalisedSitemap(Sitemap):
    """Each item once per public language (core.languages), with hreflang alternates and
    x-default."""

    i18n = True
    alternates = True
    x_default = True

    @cached_property  # the sitemap view makes a new instance for every request
    def languages(self):
        return list(public_languages())


def sitemap_instances(sitemaps, section=None):
    chosen = [sitemaps[section]] if section is not None else sitemaps.values()
    return [site() if callable(site) else site for site in chosen]


def declare_changes(request, sitemaps, section=None):
    """The page cache keeps a sitemap until the clock changes one of its sections' items (a
    section with `changes_at(now)`, e.g. content published from a time on)."""
    now = timezone.now()
    for site in sitemap_instances(sitemaps, section):
        if hasattr(site, "changes_at"):
            changes_at(request, site.changes_at(now))


def index(request, sitemaps, **kwargs):
    response = views.index(request, sitemaps, **kwargs)
    declare_changes(request, sitemaps)
    return response


def section(request, sitemaps, section, **kwargs):
    response = views.sitemap(request, sitemaps, section, **kwargs)  # a 404 if no such section
    declare_changes(request, sitemaps, section)
    return response
