"""The read-only JSON API for partner municipalities: ``GET /api/events/`` and ``/api/services/``.

The contract is in eligibility/openapi.json (the site's one OpenAPI document, served at
/api/openapi.json). Every parameter is checked: a bad one gets 400 with
``{"errors": {parameter: [message, …]}, "error_codes": {parameter: [code, …]}}``, the messages
in the request's language (``?lang=``, else Accept-Language, else Estonian), never a 500 — the
same shape as the eligibility API's. Lists are paginated and each page runs the same
number of queries however many items there are.
"""

import re
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt

from pages.models import GROUP_NAMES

from .api_json import event_json, service_json
from .models import Event, Service
from .parameters import API_MAX_PAGE, API_MAX_PAGE_SIZE, API_PAGE_SIZE

JSON_OPTIONS = {"json_dumps_params": {"ensure_ascii": False}}
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
LANGUAGE_CODE = r"\A[a-z]{2,3}(-[a-z0-9]{2,8})?\Z"
METHODS = ("GET", "HEAD")
# Every code an error of these lists can have (the OpenAPI document's ErrorCode lists them).
LIST_ERROR_CODES = (
    "method_not_allowed",
    "invalid_choice",
    "invalid_date",
    "invalid",
    "min_value",
    "max_value",
    "max_length",
    "repeated",
    "empty",
    "not_whole_number",
)


class IsoDateField(forms.Field):
    """A date written YYYY-MM-DD, and nothing else (no local formats)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            if not ISO_DATE.fullmatch(value):
                raise ValueError(value)
            return date.fromisoformat(value)
        except ValueError:
            raise forms.ValidationError(
                gettext_lazy("Enter a date as YYYY-MM-DD."), code="invalid_date"
            ) from None


class ServiceQuery(forms.Form):
    lang = forms.ChoiceField(required=False, choices=settings.LANGUAGES)
    group = forms.ChoiceField(
        required=False, choices=[(group.value, group.value) for group in GROUP_NAMES]
    )
    language = forms.RegexField(required=False, regex=LANGUAGE_CODE, max_length=12)
    page = forms.IntegerField(required=False, min_value=1, max_value=API_MAX_PAGE)
    page_size = forms.IntegerField(required=False, min_value=1, max_value=API_MAX_PAGE_SIZE)

    def __init__(self, query):
        super().__init__(query)
        self.query = query

    def clean(self):
        # Present but empty is a mistake here (the pages' forms, unlike this, send every field).
        for name in self.fields:
            if len(self.query.getlist(name)) > 1:
                self.add_error(
                    name, forms.ValidationError(_("Give this parameter once."), "repeated")
                )
            elif name in self.query and self.query[name] == "":
                message = _("This parameter cannot be empty.")
                self.add_error(name, forms.ValidationError(message, "empty"))
        for name in ("page", "page_size"):
            value = self.query.get(name, "")
            if value and not (value.isascii() and value.isdigit()) and name not in self.errors:
                message = _("Enter a whole number.")
                self.add_error(name, forms.ValidationError(message, "not_whole_number"))
        return self.cleaned_data

    def narrow(self, items):
        if group := self.cleaned_data.get("group"):
            items = items.for_group(group)
        if language := self.cleaned_data.get("language"):
            items = items.in_language(language)
        return items


def day_boundary(day):
    """Midnight at the start of `day` in Tallinn, or None past the calendar's ends."""
    try:
        zone = timezone.get_default_timezone()
        return datetime.combine(day, time(), tzinfo=zone).astimezone(UTC)
    except (OverflowError, ValueError):
        return None


class EventQuery(ServiceQuery):
    start = IsoDateField(required=False)
    end = IsoDateField(required=False)

    def __init__(self, query):
        super().__init__(query)
        # "from" and "to" are Python keywords: the form's fields have other names.
        self.fields["from"] = self.fields.pop("start")
        self.fields["to"] = self.fields.pop("end")

    def narrow(self, items):
        items = super().narrow(items)
        start, end = self.cleaned_data.get("from"), self.cleaned_data.get("to")
        if start is None:
            items = items.filter(ends_at__gt=timezone.now())
        elif (boundary := day_boundary(start)) is not None:
            items = items.filter(ends_at__gt=boundary)
        if end is not None and end < date.max:
            boundary = day_boundary(end + timedelta(days=1))
            items = items if boundary is None else items.filter(starts_at__lt=boundary)
        return items


def answer(request, query_form, items, as_json):
    requested = request.GET.get("lang", "")
    language = requested if requested in dict(settings.LANGUAGES) else translation.get_language()
    with translation.override(language):
        if request.method not in METHODS:
            body = {
                "errors": {"method": [_("Only GET is allowed.")]},
                "error_codes": {"method": ["method_not_allowed"]},
            }
            response = JsonResponse(body, status=405, **JSON_OPTIONS)
            response["Allow"] = ", ".join(METHODS)
        else:
            query = query_form(request.GET)
            if query.is_valid():
                response = JsonResponse(page_json(request, query, items, as_json), **JSON_OPTIONS)
            else:
                response = JsonResponse(errors_json(query), status=400, **JSON_OPTIONS)
    response["Content-Language"] = language
    response["Cache-Control"] = "no-cache"
    return response


def errors_json(query):
    """The form's errors by parameter, as messages and as codes (any other of Django's codes,
    such as a null character's, is "invalid")."""
    problems = query.errors.as_data()
    return {
        "errors": {
            name: [m for error in errors for m in error] for name, errors in problems.items()
        },
        "error_codes": {
            name: [error.code if error.code in LIST_ERROR_CODES else "invalid" for error in errors]
            for name, errors in problems.items()
        },
    }


def page_json(request, query, items, as_json):
    size = query.cleaned_data.get("page_size") or API_PAGE_SIZE
    number = query.cleaned_data.get("page") or 1
    paginator = Paginator(query.narrow(items), size)
    start = (number - 1) * size
    rows = list(paginator.object_list[start : start + size]) if start < paginator.count else []

    def link(page):
        if not 1 <= page <= paginator.num_pages:
            return None
        parameters = {**request.GET.dict(), "page": page}
        return request.build_absolute_uri(f"{request.path}?{urlencode(parameters)}")

    return {
        "count": paginator.count,
        "page": number,
        "pages": paginator.num_pages if paginator.count else 0,
        "page_size": size,
        "next": link(number + 1),
        "previous": link(number - 1),
        "results": [as_json(request, item) for item in rows],
    }


# Read-only, no cookie and no session: nothing for a forged request to do. Exempt, so that any
# method but GET gets the API's own 405 rather than the CSRF check's 403 page.
@csrf_exempt
def events(request):
    listed = Event.objects.published().order_by("starts_at", "pk")
    listed = listed.select_related("location", "service").prefetch_related(
        "languages", "target_groups"
    )
    return answer(request, EventQuery, listed, event_json)


@csrf_exempt
def services(request):
    listed = Service.objects.published().select_related("location")
    listed = listed.prefetch_related("languages", "target_groups")
    return answer(request, ServiceQuery, listed, service_json)
