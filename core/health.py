"""Health endpoints for container engines, load balancers and Kubernetes probes.

- ``/healthz`` (liveness): the process answers. No database, no cache: a database outage must not
  make an orchestrator restart every healthy app process.
- ``/readyz`` (readiness): this process can serve pages: the database answers a trivial query and
  the cache completes a set/get round trip. 200 when both do, 503 when either does not.

Both are cheap, unauthenticated and never cached, and live outside ``i18n_patterns`` so that no
language redirect applies. They never read the session. The body says only "ok" or
"unavailable" per check; the reason (host names, error text) goes to the log, not to the client.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import Error as DatabaseError
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

OK = "ok"
UNAVAILABLE = "unavailable"


@require_safe
@never_cache
def healthz(request):
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


@require_safe
@never_cache
def readyz(request):
    checks = {
        "database": OK if database_answers() else UNAVAILABLE,
        "cache": OK if cache_round_trip_works() else UNAVAILABLE,
    }
    ready = all(state == OK for state in checks.values())
    return JsonResponse(checks, status=200 if ready else 503)


def database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.warning("Readiness check: the database does not answer", exc_info=True)
        return False


def cache_round_trip_works() -> bool:
    # A key of its own per check, so that concurrent probes never read each other's value.
    key = f"readyz:{secrets.token_hex(8)}"
    value = secrets.token_hex(8)
    try:
        cache.set(key, value, timeout=30)
        works = cache.get(key) == value
        cache.delete(key)
    except Exception:
        # Every cache backend raises its own exception types; any of them means "not ready".
        logger.warning("Readiness check: the cache does not answer", exc_info=True)
        return False
    if not works:
        # django-redis (IGNORE_EXCEPTIONS) turns errors into misses: a lost value means no cache.
        logger.warning("Readiness check: the cache did not keep a value")
    return works
