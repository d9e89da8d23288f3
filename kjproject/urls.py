"""Root URLs: every page has a language prefix (/et/, /ru/, /en/); `/` negotiates and redirects."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from core import health
from core.views import robots_txt
from eligibility.sitemaps import CheckerSitemap
from eligibility.urls import api_urlpatterns as eligibility_api_urlpatterns
from pages.sitemaps import PageSitemap, TargetGroupSitemap

SITEMAPS = {
    "pages": PageSitemap,
    "target-groups": TargetGroupSitemap,
    "checker": CheckerSitemap,
}

urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # The eligibility checker's JSON API and its contract: no language prefix (?lang= instead).
    *eligibility_api_urlpatterns,
    # Machine-facing health checks: no language prefix, no redirect (docs/operations.md).
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    # Uploaded images and documents, the same in every language.
    path("", include("media_library.urls")),
]
urlpatterns += i18n_patterns(
    path(settings.ADMIN_PATH, admin.site.urls),
    # Before pages: its catch-all <slug>/ would take "eligibility/" for a page.
    path("eligibility/", include("eligibility.urls")),
    path("", include("pages.urls")),
)

handler400 = "core.errors.bad_request"
handler403 = "core.errors.permission_denied"
handler404 = "core.errors.page_not_found"
handler500 = "core.errors.server_error"
