from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Page, TargetGroup


class LocalisedSitemap(Sitemap):
    """Each item once per language, with hreflang alternates and x-default."""

    i18n = True
    alternates = True
    x_default = True

    def lastmod(self, item):
        return item.updated_at


class PageSitemap(LocalisedSitemap):
    def items(self):
        return Page.objects.published()


class TargetGroupSitemap(LocalisedSitemap):
    def items(self):
        index = Page.objects.published().filter(kind=Page.Kind.TARGET_GROUPS).first()
        if index is None:
            return []
        self.index = index
        return TargetGroup.objects.published()

    def location(self, item):
        return item.url_under(self.index)


class FixedPagesSitemap(Sitemap):
    """Pages served by code rather than content (the eligibility checker)."""

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ["eligibility:check"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {
    "pages": PageSitemap,
    "target-groups": TargetGroupSitemap,
    "checker": FixedPagesSitemap,
}
