from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class CheckerSitemap(Sitemap):
    """The eligibility checker's start page, in every language."""

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ["eligibility:check"]

    def location(self, item):
        return reverse(item)
