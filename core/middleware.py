"""The site's own middleware, in the order settings.MIDDLEWARE runs it.

- ``RequestIdMiddleware``: a request id on every response (X-Request-ID), for the access log line
  and for support. A well-formed id sent by the proxy in front is kept, so one request can be
  followed through every layer; anything else is replaced by a new random id, so a client cannot
  put arbitrary text into the logs.
- ``HeadRequestMiddleware``: HEAD requests get the headers of the GET answer and no body. Django
  renders a HEAD request like a GET and leaves removing the body to the server; gunicorn does
  remove it, but also writes a warning line for every such response, which would break the
  access log's one-JSON-line-per-request rule for a monitor polling with HEAD.
- ``RequestLimitsMiddleware``: over-long addresses are refused with the site's own 414 page.
  gunicorn refuses request lines over its limit_request_line (kjproject/gunicorn_conf.py) with
  its own bare page; anything shorter but still longer than any real address here (settings
  MAX_URL_BYTES) gets the 414. Form bodies are bounded by Django's DATA_UPLOAD_MAX_MEMORY_SIZE
  and DATA_UPLOAD_MAX_NUMBER_FIELDS (a 400 page).
- ``DatabaseOutageMiddleware``: a view that finds the database unreachable answers with the
  site's own 503 page (core.errors.service_unavailable) instead of an error.
- ``PublicLocaleMiddleware``: Django's LocaleMiddleware, but an address without a language
  (`/`) is sent only to a public language (core.languages): the language cookie if that one is
  public, else the first public one the browser's Accept-Language names, else the source
  language.
- ``PublicLanguageMiddleware``: a page in a language that is not public yet is "page not found"
  (in the source language) for visitors, and a preview, never cached, for signed-in staff.
"""

import re
import uuid

from django.conf import settings
from django.http import Http404
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation.trans_real import parse_accept_lang_header

from . import errors
from .languages import public_languages

REQUEST_ID_HEADER = "X-Request-ID"
WELL_FORMED_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")


def request_id_of(request) -> str:
    sent = request.META.get("HTTP_X_REQUEST_ID", "")
    return sent if WELL_FORMED_REQUEST_ID.fullmatch(sent) else uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = request_id_of(request)
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request.id
        return response


class HeadRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "HEAD" and not response.streaming:
            if not response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response


class RequestLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # WSGI gives both as one character per byte.
        meta = request.META
        length = len(meta.get("PATH_INFO", "")) + len(meta.get("QUERY_STRING", ""))
        if length > settings.MAX_URL_BYTES:
            return errors.uri_too_long(request)
        return self.get_response(request)


class DatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, errors.UNREACHABLE_DATABASE_ERRORS):
            return None
        errors.outage_log.database_unreachable(exception)
        return errors.service_unavailable(request)


def negotiated_language(request, public) -> str:
    """The language for an address without one: cookie, then Accept-Language, then the source
    language; only public languages count."""
    wanted = [request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")]
    wanted += [
        code
        for code, _quality in parse_accept_lang_header(request.META.get("HTTP_ACCEPT_LANGUAGE", ""))
    ]
    for code in wanted:
        try:
            language = translation.get_supported_language_variant(code)
        except LookupError:
            continue
        if language in public:
            return language
    return settings.SOURCE_LANGUAGE


def public_or_outage(request):
    """(the public languages, None), or (None, the 503 page) when the database is unreachable:
    middleware runs outside the views, where DatabaseOutageMiddleware would answer it."""
    try:
        return public_languages(request), None
    except errors.UNREACHABLE_DATABASE_ERRORS as error:
        errors.outage_log.database_unreachable(error)
        return None, errors.service_unavailable(request)


class PublicLocaleMiddleware(LocaleMiddleware):
    """An address without a language is redirected, or answered "page not found", only in a
    public language. Only those answers read the languages from the database: the JSON API and
    the health checks, which need no language prefix, never do."""

    def process_response(self, request, response):
        if (
            response.status_code != 404
            or translation.get_language_from_path(request.path_info) is not None
            or request.LANGUAGE_CODE == settings.SOURCE_LANGUAGE  # always public
        ):
            return super().process_response(request, response)
        public, outage = public_or_outage(request)
        if outage:
            return outage
        language = negotiated_language(request, public)
        if language == request.LANGUAGE_CODE:
            return super().process_response(request, response)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        answer = super().process_response(request, response)
        if answer.status_code == 404:  # no such page in any language: say so in this one
            answer = super().process_response(request, errors.page_not_found(request, None))
        return answer


def is_staff(user) -> bool:
    return user.is_active and user.is_staff


class PublicLanguageMiddleware:
    """After AuthenticationMiddleware: it looks at request.user only for a language that is not
    public, so public pages never depend on the session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info)
        if language is None:
            return self.get_response(request)
        public, outage = public_or_outage(request)
        if outage:
            return outage
        if language in public:
            return self.get_response(request)
        admin = request.path_info.startswith(f"/{language}/{settings.ADMIN_PATH}")
        if admin:
            return self.get_response(request)
        if not is_staff(request.user):
            translation.activate(settings.SOURCE_LANGUAGE)
            request.LANGUAGE_CODE = settings.SOURCE_LANGUAGE
            raise Http404
        request.language_preview = True
        response = self.get_response(request)
        patch_cache_control(response, private=True, no_store=True)
        return response
