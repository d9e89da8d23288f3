"""gunicorn's access log as one JSON object per line (gunicorn's `logger_class` setting).

gunicorn's own access_log_format is a %-template: the decoded path may hold quotes, backslashes
or a newline (%0A), which would break a JSON line or forge a second one. Here every value goes
through json.dumps. Only what operations need is written: time, request id (the X-Request-ID
response header from core.middleware.RequestIdMiddleware), method, path without the query
string, status, bytes sent and duration. Never the client address, the query string, the
referrer, the user agent, cookies or the body: the eligibility checker's answers are in POST
bodies and stay there.
"""

import json
import uuid
from datetime import UTC, datetime

from gunicorn.glogging import Logger


def access_record(resp, environ, request_time) -> dict:
    status = resp.status
    if isinstance(status, str):
        status = status.split(None, 1)[0]
    response_headers = dict((name.lower(), value) for name, value in resp.headers)
    # WSGI hands the path over as one character per byte; show it as the UTF-8 it was.
    path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", errors="replace")
    return {
        "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
        "request_id": response_headers.get("x-request-id") or uuid.uuid4().hex,
        "method": environ.get("REQUEST_METHOD"),
        "path": path,
        "status": int(status),
        "bytes": getattr(resp, "sent", None) or 0,
        "duration_ms": round(request_time.total_seconds() * 1000, 1),
    }


class JsonAccessLogger(Logger):
    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        record = access_record(resp, environ, request_time)
        self.access_log.info(json.dumps(record, ensure_ascii=False))
