"""The checker's JSON API: ``POST /api/eligibility/``, for partner municipalities' own services.

The contract is ``eligibility/openapi.json``, served at ``/api/openapi.json``. The body is read
by ``request_body`` and checked and decided by ``forms.FactsForm``, the same form the checker's
pages end in, so the API and the pages cannot disagree. Every answer is JSON, errors included
(each with a code from ``ERROR_CODES``), and is never stored: no cookies, no session,
``Cache-Control: no-store``.
"""

import json
from datetime import date
from functools import cache
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from measure.parameters import PROJECT_END, PROJECT_START
from measure.rules import Decision, GroupResult

from .forms import FIELD_ERROR_CODES, FactsForm
from .reasons import reason_text
from .request_body import BODY_ERROR_CODES, BodyRefused, read_json_object

JSON_OPTIONS = {"json_dumps_params": {"ensure_ascii": False}}  # Russian as Russian, not \u0440
OPENAPI_DOCUMENT = Path(__file__).with_name("openapi.json")

# Every code an error can have (the OpenAPI document lists the same): the request's, the
# body's, and the fields'.
REQUEST_ERROR_CODES = ("method_not_allowed", "unknown_language", "unknown_field")
ERROR_CODES = (*REQUEST_ERROR_CODES, *BODY_ERROR_CODES, *FIELD_ERROR_CODES)


class Refused(Exception):
    """A request answered with an error: HTTP status and, by field, (code, message) pairs."""

    def __init__(self, status: int, problems: dict[str, list[tuple[str, str]]]):
        super().__init__(status)
        self.status = status
        self.problems = problems

    def json(self) -> dict:
        """``errors``: messages by field, for people; ``error_codes``: the same as codes."""
        return {
            "errors": {
                field: [message for _code, message in pairs]
                for field, pairs in self.problems.items()
            },
            "error_codes": {
                field: [code for code, _message in pairs] for field, pairs in self.problems.items()
            },
        }


# Partner services call this from their servers; a forged cross-site request could only get
# an answer back, and there is no cookie or state to abuse: no CSRF token needed.
@csrf_exempt
def eligibility(request):
    language = translation.get_language()  # from Accept-Language, Estonian by default
    try:
        language = requested_language(request) or language
        with translation.override(language):
            response = JsonResponse(decision_json(decide_request(request)), **JSON_OPTIONS)
    except Refused as refusal:
        with translation.override(language):
            response = JsonResponse(refusal.json(), status=refusal.status, **JSON_OPTIONS)
        if refusal.status == 405:
            response["Allow"] = "POST"
    response["Content-Language"] = language
    response["Cache-Control"] = "no-store"
    return response


def requested_language(request) -> str | None:
    """``?lang=``, which must name one of the site's languages; None when not given."""
    values = request.GET.getlist("lang")
    if not values:
        return None
    if any(value not in dict(settings.LANGUAGES) for value in values):
        message = _("Unknown language. Expected one of: %(languages)s.") % {
            "languages": ", ".join(code for code, _name in settings.LANGUAGES)
        }
        raise Refused(400, {"lang": [("unknown_language", message)]})
    return values[-1]


def decide_request(request) -> Decision:
    if request.method != "POST":
        raise Refused(405, {"method": [("method_not_allowed", _("Use POST to send the answers."))]})
    try:
        body = read_json_object(request)
    except BodyRefused as refused:
        raise Refused(refused.status, {"body": [(refused.code, refused.message)]}) from None
    unknown = {
        key: [("unknown_field", _("Unknown field."))]
        for key in body
        if key not in FactsForm.base_fields
    }
    form = FactsForm(body)
    if not form.is_valid() or unknown:
        problems = {
            name: [(error.code, message) for error in errors for message in error]
            for name, errors in form.errors.as_data().items()
        }
        raise Refused(400, {**unknown, **problems})
    return form.decision


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
def openapi_json() -> dict:
    """The API's contract: the file in the repository, with the site's languages (settings) as
    the values every `lang` parameter and the Content-Language header take, so that a new
    language needs no edit here."""
    document = json.loads(OPENAPI_DOCUMENT.read_text(encoding="utf-8"))
    languages = [code for code, _name in settings.LANGUAGES]
    for operations in document["paths"].values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter["name"] == "lang":
                    parameter["schema"]["enum"] = languages
    document["components"]["headers"]["ContentLanguage"]["schema"]["enum"] = languages
    return document


@cache
def openapi_bytes() -> bytes:
    return json.dumps(openapi_json(), ensure_ascii=False, indent=2).encode()


@require_safe
def openapi_document(request):
    """The API's contract, OpenAPI 3.1."""
    return HttpResponse(openapi_bytes(), content_type="application/json")
