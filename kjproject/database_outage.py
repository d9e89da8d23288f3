"""The site's own 503 page while the database cannot be reached.

Public pages in the anonymous page cache are served before any view runs (kjproject.page_cache),
so they stay up. Everything else needs the database; when a view finds it unreachable, the
visitor gets ``templates/503.html`` instead of an error: in their language (the URL's prefix,
else the language cookie or Accept-Language), with ``Retry-After``, never stored by a cache,
and never with a stack trace. The page is rendered without a request context: the context
processors read the menu from the database, which is what failed.

Nothing has to happen for the site to recover: every request asks for a working connection
(``CONN_MAX_AGE`` with ``conn_health_checks``: a kept connection is tested before it is used, a
dead one is replaced), so the first request after the database is back is served normally.

The log says once per process that the database is unreachable (with the reason) and once that
it answers again; the access log and ``django.request`` still count every 503.
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.db.backends.signals import connection_created
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views import defaults

logger = logging.getLogger(__name__)

# What a lost or refused connection raises (psycopg's errors arrive as these, wrapped by Django);
# other database errors, such as a query on a missing table, are bugs and stay 500s.
UNREACHABLE_DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


class OutageLog:
    """Logs the start of an outage once, and the first new connection after it."""

    unreachable = False

    @classmethod
    def database_unreachable(cls, error):
        if cls.unreachable:
            logger.debug("Database still unreachable: %s", type(error).__name__)
            return
        cls.unreachable = True
        logger.warning("Database unreachable, answering 503", exc_info=error)

    @classmethod
    def connection_created(cls, **kwargs):
        if cls.unreachable:
            cls.unreachable = False
            logger.info("Database reachable again")


connection_created.connect(OutageLog.connection_created, dispatch_uid="database-outage-log")


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


class DatabaseOutageMiddleware:
    """Answers a view's lost database connection with the 503 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, UNREACHABLE_DATABASE_ERRORS):
            return None
        OutageLog.database_unreachable(exception)
        return service_unavailable(request)


def server_error(request):
    """handler500: the 503 page also when the database failed outside a view.

    For example the 404 page (its menu comes from the database), which is also what `/` renders
    before the language redirect. Any other error gets Django's 500 page (templates/500.html).
    """
    error = sys.exc_info()[1]
    if isinstance(error, UNREACHABLE_DATABASE_ERRORS):
        return service_unavailable(request)
    return defaults.server_error(request)
