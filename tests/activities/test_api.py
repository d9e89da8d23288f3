"""The read-only JSON API for partner municipalities: /api/events/ and /api/services/, as the
OpenAPI document describes them. Bad parameters get 400 with the errors shape, never a 500."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.activities import make_event, make_service, tallinn
from tests.support.openapi import openapi_document, openapi_schema

pytestmark = pytest.mark.django_db

SEED_SERVICES = 7


def get(url, **params):
    response = Client().get(url, params)
    assert response["Content-Type"] == "application/json"
    return response


def valid(name, answer):
    openapi_schema(name).validate(answer)
    return answer


def test_events_filtered_by_date_range_group_and_language_in_the_language_asked(client):
    make_event(
        "Mais", tallinn(2031, 5, 14, 18), groups=["repatriate"], languages=["ru"], title_en="In May"
    )
    make_event("Juunis", tallinn(2031, 6, 14, 18), groups=["repatriate"], languages=["ru"])
    make_event(
        "Mais eesti keeles", tallinn(2031, 5, 15, 18), groups=["repatriate"], languages=["et"]
    )
    make_event("Mais pagulastele", tallinn(2031, 5, 16, 18), groups=["international_protection"])
    answer = valid(
        "EventPage",
        get(
            "/api/events/",
            **{"from": "2031-05-01", "to": "2031-05-31", "group": "repatriate", "language": "ru"},
            lang="en",
        ).json(),
    )
    assert [event["title"] for event in answer["results"]] == ["In May"]
    [event] = answer["results"]
    assert event["starts_at"] == "2031-05-14T18:00:00+03:00"
    assert event["url"] == f"http://testserver/en/events/{event['id']}/"
    assert event["languages"] == ["ru"]
    assert event["target_groups"] == ["repatriate"]


def test_without_a_date_only_events_not_over_yet_are_listed(client):
    make_event("Möödas", timezone.now() - timedelta(days=2))
    make_event("Tulekul", timezone.now() + timedelta(days=2))
    titles = [event["title"] for event in get("/api/events/").json()["results"]]
    assert titles == ["Tulekul"]


def test_services_by_group_and_language_paginated(client):
    make_service("Vene keeles", groups=["repatriate"], languages=["ru"])
    everything = valid("ServicePage", get("/api/services/", page_size="3").json())
    assert everything["count"] == SEED_SERVICES + 1
    assert everything["pages"] == 3
    assert everything["next"] == "http://testserver/api/services/?page_size=3&page=2"
    last = valid("ServicePage", get("/api/services/", page_size="3", page="3").json())
    assert len(last["results"]) == 2 and last["next"] is None
    narrowed = get("/api/services/", group="repatriate", language="ru").json()
    assert [service["title"] for service in narrowed["results"]] == ["Vene keeles"]


def test_a_page_past_the_last_is_empty_not_an_error():
    answer = valid("ServicePage", get("/api/services/", page="500").json())
    assert answer["results"] == [] and answer["count"] == SEED_SERVICES


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"from": "2031-02-30"}, "from"),
        ({"from": "14.05.2031"}, "from"),
        ({"to": ""}, "to"),
        ({"group": "nobody"}, "group"),
        ({"language": "Russian"}, "language"),
        ({"page": "0"}, "page"),
        ({"page": "1.5"}, "page"),
        ({"page_size": "1000"}, "page_size"),
        ({"lang": "de"}, "lang"),
        ({"page": ["1", "2"]}, "page"),
    ],
)
def test_bad_parameters_get_400_with_a_message_per_parameter(params, field):
    response = get("/api/events/", **params)
    assert response.status_code == 400
    errors = valid("Errors", response.json())["errors"]
    assert list(errors) == [field]


def test_error_messages_are_in_the_language_asked():
    errors = get("/api/events/", lang="ru", **{"from": "soon"}).json()["errors"]
    assert errors["from"] == ["Введите дату в виде ГГГГ-ММ-ДД."]


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch", "options"])
def test_only_get_is_allowed(method):
    response = getattr(Client(enforce_csrf_checks=True), method)("/api/events/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    valid("Errors", response.json())


def test_the_openapi_document_describes_both_lists_with_every_parameter_the_api_reads():
    paths = openapi_document()["paths"]
    events = {param["name"] for param in paths["/api/events/"]["get"]["parameters"]}
    services = {param["name"] for param in paths["/api/services/"]["get"]["parameters"]}
    assert events == {"lang", "group", "language", "from", "to", "page", "page_size"}
    assert services == events - {"from", "to"}


# Whatever arrives, an answer that the document describes, never a server error.

PARAMETER_VALUES = st.one_of(
    st.text(max_size=12),
    st.dates().map(lambda day: day.isoformat()),
    st.integers(min_value=-5, max_value=10**25).map(str),
    st.sampled_from(["", "repatriate", "ru", "en", "0001-01-01", "9999-12-31"]),
)
PARAMETERS = st.dictionaries(
    st.sampled_from(["lang", "group", "language", "from", "to", "page", "page_size", "x"]),
    PARAMETER_VALUES,
    max_size=5,
)


@settings(database=None, max_examples=150, deadline=None)
@given(PARAMETERS, st.sampled_from(["/api/events/", "/api/services/"]))
def test_any_parameters_get_a_described_answer_never_a_server_error(params, url):
    response = Client().get(url, params)
    assert response.status_code in (200, 400), response.status_code
    name = "Errors" if response.status_code == 400 else url.split("/")[2][:-1].title() + "Page"
    valid(name, response.json())
