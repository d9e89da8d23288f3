from core.sitemaps import LocalisedSitemap

from .models import Page, TargetGroup
from .scheduling import earliest


class ContentSitemap(LocalisedSitemap):
    """The items visitors see now (pages.scheduling); `changes_at(now)` tells the sitemap
    views (core.sitemaps) when that list is next changed by the clock."""

    def candidates(self):
        raise NotImplementedError

    def items(self):
        return self.candidates().published()

    def lastmod(self, item):
        return item.updated_at

    def changes_at(self, now):
        return self.candidates().visibility_changes_at(now)


class PageSitemap(ContentSitemap):
    def candidates(self):
        return Page.objects.all()


class TargetGroupSitemap(ContentSitemap):
    def candidates(self):
        return TargetGroup.objects.all()

    def items(self):
        self.index = Page.objects.published().target_groups_index()
        if self.index is None:
            return []
        return super().items()

    def location(self, item):
        return item.url_under(self.index)

    def changes_at(self, now):
        index_pages = Page.objects.filter(kind=Page.Kind.TARGET_GROUPS)
        return earliest(super().changes_at(now), index_pages.visibility_changes_at(now))
