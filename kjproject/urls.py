"""Root URLs: every page has a language prefix (/et/, /ru/, /en/); `/` negotiates and redirects."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from pages.sitemaps import SITEMAPS
from pages.views import robots_txt

urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("pages.urls")),
)

handler404 = "pages.views.page_not_found"
