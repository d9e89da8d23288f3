from django.urls import reverse

from core.sitemaps import LocalisedSitemap


class CheckerSitemap(LocalisedSitemap):
    """The eligibility checker's start page, in every public language."""

    def items(self):
        return ["eligibility:check"]

    def location(self, item):
        return reverse(item)
