"""Root URLs: every page has a language prefix (/et/, /ru/, /en/); `/` negotiates and redirects."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from activities.sitemaps import EventSitemap, ListSitemap, NewsSitemap, ServiceSitemap
from activities.urls import api_urlpatterns as activities_api_urlpatterns
from core import health, sitemaps
from core.views import robots_txt
from eligibility.sitemaps import CheckerSitemap
from eligibility.urls import api_urlpatterns as eligibility_api_urlpatterns
from pages.sitemaps import PageSitemap, TargetGroupSitemap

SITEMAPS = {
    "pages": PageSitemap,
    "target-groups": TargetGroupSitemap,
    "checker": CheckerSitemap,
    "lists": ListSitemap,
    "services": ServiceSitemap,
    "events": EventSitemap,
    "news": NewsSitemap,
}

urlpatterns = [
    # An index of sections, each split into pages past Django's limit (?p=2 …).
    path(
        "sitemap.xml",
        sitemaps.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemaps.section,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("robots.txt", robots_txt, name="robots_txt"),
    # The eligibility checker's JSON API and its contract: no language prefix (?lang= instead).
    *eligibility_api_urlpatterns,
    # The read-only API of services and events, for partner municipalities.
    *activities_api_urlpatterns,
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
    # Before activities: an event's sign-up page lies under its address.
    path("", include("signup.urls")),
    # Before pages too: /services/, /events/, /news/ (translated) are not page slugs.
    path("", include("activities.urls")),
    path("", include("pages.urls")),
)

handler400 = "core.errors.bad_request"
handler403 = "core.errors.permission_denied"
handler404 = "core.errors.page_not_found"
handler500 = "core.errors.server_error"
