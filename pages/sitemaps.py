from django.contrib.sitemaps import Sitemap

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
        self.index = Page.objects.published().target_groups_index()
        if self.index is None:
            return []
        return TargetGroup.objects.published()

    def location(self, item):
        return item.url_under(self.index)
