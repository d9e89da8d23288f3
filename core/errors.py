"""What a visitor sees when something fails: the site's own error pages, in their language.

| failure                          | handler                 | status | template       |
|----------------------------------|-------------------------|--------|----------------|
| no such page                     | ``page_not_found``      | 404    | 404.html       |
| a request that cannot be read    | ``bad_request``         | 400    | error.html     |
| no permission                    | ``permission_denied``   | 403    | error.html     |
| a stale or forged form (CSRF)    | ``csrf_failure``        | 403    | error.html     |
| an address too long              | ``uri_too_long``        | 414    | error.html     |
| the database cannot be reached   | ``service_unavailable`` | 503    | 503.html       |
| any other error                  | ``server_error``        | 500    | error.html     |

The wording of each error.html page is in ``ERROR_PAGES``. Staff locked out of the sign-in get
staff.lockout's page. All of them take the language from the URL's prefix (set by
LocaleMiddleware); the 503 page, which must not touch the database or the session, works it out
from the request itself (the prefix, else the language cookie or Accept-Language). None of them
reads the database: error.html and 503.html are rendered without the context processors.

The 503 page: public pages in the anonymous page cache are served before any view runs
(core.page_cache), so they stay up. Everything else needs the database; when a view finds it
unreachable, the visitor gets 503.html instead of an error, with ``Retry-After``, never stored by
a cache, and never with a stack trace. It is rendered without a request context: the context
processors read the menu from the database, which is what failed. Nothing has to happen for the
site to recover: every request asks for a working connection (``CONN_MAX_AGE`` with
``conn_health_checks``), so the first request after the database is back is served normally.
The log says once per process that the database is unreachable (with the reason) and once that
it answers again; the access log and ``django.request`` still count every 503.
"""

import logging
import sys
from typing import NamedTuple

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .languages import paths_by_language

logger = logging.getLogger(__name__)

# What a lost or refused connection raises (psycopg's errors arrive as these, wrapped by Django);
# other database errors, such as a query on a missing table, are bugs and stay 500s.
UNREACHABLE_DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


class OutageLog:
    """Logs the start of an outage once, and the first new connection after it."""

    def __init__(self):
        self.unreachable = False

    def database_unreachable(self, error):
        if self.unreachable:
            logger.debug("Database still unreachable: %s", type(error).__name__)
            return
        self.unreachable = True
        logger.warning("Database unreachable, answering 503", exc_info=error)

    def connection_created(self, **kwargs):
        """Receiver of connection_created (connected in core.apps)."""
        if self.unreachable:
            self.unreachable = False
            logger.info("Database reachable again")


outage_log = OutageLog()


class ErrorPage(NamedTuple):
    heading: Promise
    message: Promise


ERROR_PAGES = {
    400: ErrorPage(
        _("Sorry, we could not read that request"),
        _(
            "Something in the request your browser sent was not valid or was too large. If you "
            "typed the web address, check it is correct."
        ),
    ),
    403: ErrorPage(
        _("You cannot open this page"), _("You do not have permission to open this page.")
    ),
    "csrf": ErrorPage(
        _("Your form could not be sent"),
        _(
            "For your security, forms expire. Go back, reload the page and send the form again. "
            "Cookies must be allowed for this site to sign in."
        ),
    ),
    414: ErrorPage(
        _("The web address is too long"),
        _(
            "No page on this site has an address this long. If you typed or pasted it, check it "
            "is correct."
        ),
    ),
    500: ErrorPage(
        _("Sorry, there is a problem with the service"), _("Please try again in a few minutes.")
    ),
}


def error_response(kind, status, home_url=None):
    """error.html with ERROR_PAGES[kind], in the active language, without the database."""
    page = ERROR_PAGES[kind]
    context = {
        "heading": page.heading,
        "message": page.message,
        "home_url": home_url or reverse("pages:home"),
    }
    return HttpResponse(loader.render_to_string("error.html", context), status=status)


def page_not_found(request, exception):
    """handler404: the language switcher offers each home page."""
    context = {
        "language_paths": paths_by_language(lambda: reverse("pages:home")),
        "error_page": True,
    }
    return render(request, "404.html", context, status=404)


def bad_request(request, exception):
    """handler400."""
    return error_response(400, 400)


def permission_denied(request, exception):
    """handler403."""
    return error_response(403, 403)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW."""
    return error_response("csrf", 403)


def uri_too_long(request):
    return error_response(414, 414)


def service_unavailable(request):
    """The 503 page in the visitor's language; reads neither the database nor the session."""
    language = translation.get_language_from_request(request, check_path=True)
    with translation.override(language):
        body = loader.render_to_string("503.html", {"site_name": settings.SITE_NAME})
    response = HttpResponse(body, status=503)
    response["Content-Language"] = language
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def server_error(request):
    """handler500: the 503 page also when the database failed outside a view.

    For example the 404 page (its menu comes from the database), which is also what `/` renders
    before the language redirect. Any other error gets the 500 page, whose link home is `/`: it
    must not depend on resolving addresses, which may be what failed.
    """
    error = sys.exc_info()[1]
    if isinstance(error, UNREACHABLE_DATABASE_ERRORS):
        return service_unavailable(request)
    return error_response(500, 500, home_url="/")
