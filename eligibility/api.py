"""The checker's JSON API: ``POST /api/eligibility/``, for partner municipalities' own services.

The contract is ``eligibility/openapi.json``, served at ``/api/openapi.json``. The body is
checked and decided by ``forms.FactsForm``, the same form the checker's pages end in, so the
API and the pages cannot disagree. Every answer is JSON, errors included, and is never stored:
no cookies, no session, ``Cache-Control: no-store``.
"""

import json
from datetime import date
from functools import cache
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from measure.parameters import PROJECT_END, PROJECT_START
from measure.rules import Decision, GroupResult

from .forms import FactsForm
from .reasons import reason_text

# The largest body accepted, in bytes; a full set of facts is under 400.
MAX_BODY_BYTES = 8 * 1024

JSON_OPTIONS = {"json_dumps_params": {"ensure_ascii": False}}  # Russian as Russian, not \u0440
OPENAPI_DOCUMENT = Path(__file__).with_name("openapi.json")


class Refused(Exception):
    """A request answered with an error: HTTP status and ``{"errors": {field: [message]}}``."""

    def __init__(self, status: int, errors: dict[str, list[str]]):
        super().__init__(status)
        self.status = status
        self.errors = errors


# Partner services call this from their servers; a forged cross-site request could only get
# an answer back, and there is no cookie or state to abuse: no CSRF token needed.
@csrf_exempt
def eligibility(request):
    language = request_language(request)
    with translation.override(language):
        try:
            response = JsonResponse(decision_json(decide_request(request)), **JSON_OPTIONS)
        except Refused as refusal:
            response = JsonResponse(
                {"errors": refusal.errors}, status=refusal.status, **JSON_OPTIONS
            )
            if refusal.status == 405:
                response["Allow"] = "POST"
    response["Content-Language"] = language
    response["Cache-Control"] = "no-store"
    return response


def request_language(request) -> str:
    """``?lang=`` if it names one of the site's languages, else what LocaleMiddleware chose
    from Accept-Language (Estonian by default)."""
    requested = request.GET.get("lang", "")
    if requested in dict(settings.LANGUAGES):
        return requested
    return translation.get_language()


def decide_request(request) -> Decision:
    if request.method != "POST":
        raise Refused(405, {"method": [_("Use POST to send the answers.")]})
    body = read_json_object(request)
    unknown = {key: [_("Unknown field.")] for key in body if key not in FactsForm.base_fields}
    form = FactsForm(body)
    if not form.is_valid() or unknown:
        raise Refused(400, {**unknown, **{name: list(form.errors[name]) for name in form.errors}})
    return form.decision


def read_json_object(request) -> dict:
    too_large = Refused(413, {"body": [body_limit_message()]})
    try:
        declared_length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared_length = 0
    if declared_length > MAX_BODY_BYTES:
        raise too_large  # refused before reading a byte of it
    raw = request.read(MAX_BODY_BYTES + 1)
    if len(raw) > MAX_BODY_BYTES:
        raise too_large
    try:
        body = json.loads(raw.decode("utf-8"), parse_constant=refuse_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        # RecursionError: 8 KB of "[" nests deeper than the parser goes.
        raise Refused(400, {"body": [_("The body is not valid JSON.")]}) from None
    if not isinstance(body, dict):
        raise Refused(400, {"body": [_("The body must be a JSON object.")]})
    return body


def refuse_constant(name: str):
    """Python's json reads NaN and Infinity; JSON has no such values."""
    raise ValueError(f"{name} is not JSON")


def body_limit_message() -> str:
    return ngettext(
        "The body must not be larger than %(limit)d byte.",
        "The body must not be larger than %(limit)d bytes.",
        MAX_BODY_BYTES,
    ) % {"limit": MAX_BODY_BYTES}


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def result_json(result: GroupResult) -> dict:
    return {
        "group": result.group,
        "eligible": result.eligible,
        "reasons": [reason_text(reason) for reason in result.reasons],
        "reason_codes": [reason.code for reason in result.reasons],
        "valid_until": iso(result.valid_until),
        "valid_from": iso(result.valid_from),
        "next_group": result.next_group,
        "next_group_from": iso(result.next_group_from),
    }


def decision_json(decision: Decision) -> dict:
    return {
        "as_of": iso(decision.as_of),
        "groups": list(decision.groups),
        "results": [result_json(result) for result in decision.results],
        "project_period": {
            "start": iso(PROJECT_START),
            "end": iso(PROJECT_END),
            "active": decision.project_active,
        },
    }


@cache
def openapi_bytes() -> bytes:
    return OPENAPI_DOCUMENT.read_bytes()


@require_safe
def openapi_document(request):
    """The API's contract, OpenAPI 3.1, as the file in the repository."""
    return HttpResponse(openapi_bytes(), content_type="application/json")
