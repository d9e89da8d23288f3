from core.sitemaps import LocalisedSitemap

from .models import Page, TargetGroup


class ContentSitemap(LocalisedSitemap):
    def lastmod(self, item):
        return item.updated_at


class PageSitemap(ContentSitemap):
    def items(self):
        return Page.objects.published()


class TargetGroupSitemap(ContentSitemap):
    def items(self):
        self.index = Page.objects.published().target_groups_index()
        if self.index is None:
            return []
        return TargetGroup.objects.published()

    def location(self, item):
        return item.url_under(self.index)
