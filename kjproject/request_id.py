"""A request id on every response (X-Request-ID), for the access log line and for support.

A well-formed id sent by the proxy in front (X-Request-ID) is kept, so one request can be
followed through every layer; anything else is replaced by a new random id, so a client cannot
put arbitrary text into the logs.
"""

import re
import uuid

HEADER = "X-Request-ID"
WELL_FORMED = re.compile(r"[A-Za-z0-9._-]{8,64}")


def request_id_of(request) -> str:
    sent = request.META.get("HTTP_X_REQUEST_ID", "")
    return sent if WELL_FORMED.fullmatch(sent) else uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = request_id_of(request)
        response = self.get_response(request)
        response[HEADER] = request.id
        return response
