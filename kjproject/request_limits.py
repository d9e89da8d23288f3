"""Over-long addresses are refused with the site's own page, in the visitor's language.

gunicorn refuses request lines over its limit_request_line (kjproject/gunicorn_conf.py) with its
own bare page; anything shorter but still longer than any real address here (settings
MAX_URL_BYTES) gets a 414 from this middleware. Form bodies are bounded by Django's
DATA_UPLOAD_MAX_MEMORY_SIZE and DATA_UPLOAD_MAX_NUMBER_FIELDS (a 400 page).
"""

from django.conf import settings
from django.shortcuts import render


class RequestLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # WSGI gives both as one character per byte.
        meta = request.META
        length = len(meta.get("PATH_INFO", "")) + len(meta.get("QUERY_STRING", ""))
        if length > settings.MAX_URL_BYTES:
            return render(request, "414.html", status=414)
        return self.get_response(request)
