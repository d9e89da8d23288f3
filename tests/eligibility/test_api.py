"""The JSON API, POST /api/eligibility/, against its contract (eligibility/openapi.json)."""

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from eligibility.api import MAX_BODY_BYTES
from measure.rules import (
    Citizenship,
    Group,
    Protection,
    ResidenceBasis,
)
from tests.support.openapi import openapi_document, openapi_schema

URL = "/api/eligibility/"
OPENAPI = openapi_document()

REFUGEE = {
    "as_of": "2026-06-01",
    "citizenship": "third_country",
    "residence_basis": "international_protection",
    "protection": "refugee",
    "resident_since": "2024-06-01",
}
RETURNED = {
    "as_of": "2026-06-15",
    "citizenship": "estonian",
    "naturalised": False,
    "returned_on": "2026-03-15",
    "adult": True,
    "population_register": True,
}


def post(client, body, *, raw=False, **kwargs):
    data = body if raw else json.dumps(body)
    return client.post(URL, data, content_type="application/json", **kwargs)


def schema_errors(value, schema_name):
    """Why ``value`` does not match the OpenAPI document's schema ``schema_name`` (jsonschema)."""
    return [error.message for error in openapi_schema(schema_name).iter_errors(value)]


OPERATION = OPENAPI["paths"]["/api/eligibility/"]["post"]
FACTS_SCHEMA = "Facts"
DECISION_SCHEMA = "Decision"
ERRORS_SCHEMA = "Errors"


# --- The contract --------------------------------------------------------------------------------


def test_response_has_exactly_the_contracts_shape(client):
    response = post(client, REFUGEE)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert list(body) == ["as_of", "groups", "results", "project_period"]
    assert body["as_of"] == "2026-06-01"
    assert body["groups"] == ["international_protection", "new_immigrant"]
    assert [result["group"] for result in body["results"]] == [group.value for group in Group]
    assert body["project_period"] == {"start": "2025-01-01", "end": "2027-12-31", "active": True}
    new_immigrant = body["results"][1]
    assert new_immigrant == {
        "group": "new_immigrant",
        "eligible": True,
        "reasons": [
            "Rahvusvahelise kaitse alusel antud elamisluba on tähtajaline elamisluba.",
            "Olete Eestis seaduslikult elanud alates 01.06.2024: kuni 01.06.2029 (kaasa "
            "arvatud) on see vähem kui viis aastat.",
            "Projekt lõpeb varem: selle viimane päev on 31.12.2027.",
        ],
        "reason_codes": [
            "international_protection_permit",
            "resident_less_than_five_years",
            "project_ends_first",
        ],
        "valid_until": "2029-06-01",
        "valid_from": None,
        "next_group": "diverse_background",
        "next_group_from": "2029-06-02",
    }
    assert schema_errors(body, DECISION_SCHEMA) == []


def test_returned_citizen_is_a_repatriate_until_eight_months_later(client):
    body = post(client, RETURNED).json()
    assert body["groups"] == ["repatriate"]
    assert body["results"][3]["valid_until"] == "2026-11-15"


def test_facts_that_do_not_apply_may_be_omitted_or_null(client):
    omitted = post(client, {"as_of": "2026-01-05", "citizenship": "estonian", "naturalised": False})
    with_nulls = post(
        client,
        {
            "as_of": "2026-01-05",
            "citizenship": "estonian",
            "naturalised": False,
            "residence_basis": None,
            "protection": None,
            "resident_since": None,
            "adult": None,
            "returned_on": None,
            "population_register": None,
        },
    )
    ignored = post(
        client,
        {
            "as_of": "2026-01-05",
            "citizenship": "estonian",
            "naturalised": False,
            "residence_basis": "temporary_permit",
            "protection": "refugee",
        },
    )
    assert omitted.status_code == with_nulls.status_code == ignored.status_code == 200
    assert omitted.json() == with_nulls.json() == ignored.json()
    assert omitted.json()["groups"] == []


def test_outside_the_project_period_no_group_applies_but_every_result_is_explained(client):
    body = post(client, {**REFUGEE, "as_of": "2028-01-01"}).json()
    assert body["groups"] == []
    assert body["project_period"]["active"] is False
    assert body["results"][0]["eligible"] is True
    assert body["results"][0]["reason_codes"][0] == "project_ended"


# --- Bad input: 400 with the field named ---------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ('{"citizenship": "eu",', "body"),
        ("", "body"),
        ("NaN", "body"),
        ('{"citizenship": "eu", "adult": NaN}', "body"),
        (b"\xff\xfe{}", "body"),
        ("[" * 5000, "body"),
        ('["citizenship", "eu"]', "body"),
        ('"estonian"', "body"),
        ("null", "body"),
        ("42", "body"),
    ],
)
def test_body_that_is_not_a_json_object_is_refused(client, body, field):
    response = post(client, body, raw=True)
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "citizenship"),
        ({"citizenship": None}, "citizenship"),
        ({"citizenship": "martian"}, "citizenship"),
        ({"citizenship": 5}, "citizenship"),
        ({"citizenship": ["eu"]}, "citizenship"),
        ({"citizenship": "estonian", "naturalised": False, "adult": "yes"}, "adult"),
        ({"citizenship": "estonian", "naturalised": 0}, "naturalised"),
        ({"citizenship": "estonian", "naturalised": "false"}, "naturalised"),
        ({"citizenship": "eu", "residence_basis": "visa"}, "residence_basis"),
        (
            {"citizenship": "estonian", "naturalised": False, "returned_on": "15.03.2026"},
            "returned_on",
        ),
        (
            {"citizenship": "estonian", "naturalised": False, "returned_on": "2026-3-15"},
            "returned_on",
        ),
        ({"citizenship": "estonian", "naturalised": False, "returned_on": 20260315}, "returned_on"),
        ({"citizenship": "eu", "as_of": "2026-02-31"}, "as_of"),
        ({"citizenship": "eu", "as_of": "2026-02-29"}, "as_of"),
        ({"citizenship": "eu", "as_of": "0000-01-01"}, "as_of"),
        ({"citizenship": "eu", "as_of": "２０２６-01-01"}, "as_of"),
        ({"citizenship": "estonian"}, "naturalised"),
        ({"citizenship": "estonian", "naturalised": True}, "resident_since"),
        ({"citizenship": "third_country", "residence_basis": "temporary_permit"}, "resident_since"),
        (
            {
                "citizenship": "third_country",
                "residence_basis": "international_protection",
                "resident_since": "2024-01-01",
            },
            "protection",
        ),
        (
            {"citizenship": "estonian", "naturalised": False, "returned_on": "2026-01-01"},
            "adult",
        ),
        (
            {
                "as_of": "2026-01-01",
                "citizenship": "eu",
                "residence_basis": "eu_temporary_right",
                "resident_since": "2026-01-02",
            },
            "resident_since",
        ),
        (
            {
                "as_of": "9999-12-31",
                "citizenship": "eu",
                "residence_basis": "eu_temporary_right",
                "resident_since": "9999-06-01",
            },
            "resident_since",
        ),
        (
            {"citizenship": "third_country", "residence_basis": "eu_permanent_right"},
            "residence_basis",
        ),
        ({"citizenship": "eu", "resident_sinse": "2024-01-01"}, "resident_sinse"),
    ],
)
def test_bad_facts_get_400_naming_the_field(client, body, field):
    response = post(client, body)
    assert response.status_code == 400, response.content
    errors = response.json()["errors"]
    assert field in errors
    assert all(isinstance(message, str) and message for message in errors[field])
    assert schema_errors(response.json(), ERRORS_SCHEMA) == []


def test_error_messages_are_in_the_requests_language(client):
    body = {"citizenship": "estonian", "naturalised": False, "adult": "yes"}
    assert post(client, body).json() == {
        "errors": {"adult": ["Väärtus peab olema true või false."]}
    }
    russian = post(client, body, headers={"accept-language": "ru"}).json()
    assert russian == {"errors": {"adult": ["Значение должно быть true или false."]}}
    english = post(Client(), body, QUERY_STRING="lang=en").json()
    assert english == {"errors": {"adult": ["Expected true or false."]}}


def test_unknown_value_lists_the_values_allowed(client):
    errors = post(client, {"citizenship": "martian"}, QUERY_STRING="lang=en").json()["errors"]
    assert errors == {
        "citizenship": [
            "Unknown value. Expected one of: estonian, eu, third_country, undetermined."
        ]
    }


def test_body_over_the_limit_is_refused_with_413(client):
    padding = " " * (MAX_BODY_BYTES - len(json.dumps(REFUGEE)))
    assert post(client, json.dumps(REFUGEE) + padding, raw=True).status_code == 200
    response = post(client, json.dumps(REFUGEE) + padding + " ", raw=True)
    assert response.status_code == 413
    assert list(response.json()["errors"]) == ["body"]
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("method", ["get", "put", "delete", "patch", "options"])
def test_other_methods_get_405_with_allow(client, method):
    response = getattr(client, method)(URL)
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert list(response.json()["errors"]) == ["method"]


# --- Language, today, caching, CSRF --------------------------------------------------------------


ESTONIAN = "Teid on tunnustatud pagulasena ja teil on Eesti elamisluba."
RUSSIAN = "Вы признаны беженцем и имеете вид на жительство в Эстонии."
ENGLISH = "You have been recognised as a refugee and have a residence permit in Estonia."


@pytest.mark.parametrize(
    ("query", "accept_language", "language", "first_reason"),
    [
        ("", "", "et", ESTONIAN),
        ("", "ru-RU,ru;q=0.9", "ru", RUSSIAN),
        ("lang=ru", "", "ru", RUSSIAN),
        ("lang=ru", "en", "ru", RUSSIAN),
        ("lang=en", "ru", "en", ENGLISH),
        ("lang=de", "ru", "ru", RUSSIAN),
        ("", "de-DE", "et", ESTONIAN),
    ],
)
def test_reasons_are_in_lang_then_accept_language_then_estonian(
    query, accept_language, language, first_reason
):
    headers = {"accept-language": accept_language} if accept_language else {}
    response = post(Client(), REFUGEE, QUERY_STRING=query, headers=headers)
    assert response.json()["results"][0]["reasons"] == [first_reason]
    assert response["Content-Language"] == language


def test_russian_reasons_use_russian_dates(client):
    body = post(client, REFUGEE, QUERY_STRING="lang=ru").json()
    assert "до 1 июня 2029\u00a0г. включительно" in body["results"][1]["reasons"][1]


def test_as_of_defaults_to_today_in_tallinn_not_utc(client):
    late_evening_utc = datetime(2026, 3, 1, 22, 30, tzinfo=ZoneInfo("UTC"))  # 00:30 in Tallinn
    with time_machine.travel(late_evening_utc, tick=False):
        body = post(client, {"citizenship": "estonian", "naturalised": False}).json()
    assert body["as_of"] == "2026-03-02"


def test_a_date_of_today_in_tallinn_is_not_in_the_future(client):
    late_evening_utc = datetime(2026, 3, 1, 22, 30, tzinfo=ZoneInfo("UTC"))
    facts = {"citizenship": "estonian", "naturalised": False, "returned_on": "2026-03-02"}
    with time_machine.travel(late_evening_utc, tick=False):
        response = post(client, {**facts, "adult": True, "population_register": True})
    assert response.json()["groups"] == ["repatriate"]


def test_api_needs_no_csrf_token_sets_no_cookie_and_is_never_stored():
    client = Client(enforce_csrf_checks=True)
    for response in [post(client, REFUGEE), post(client, {}), client.get(URL)]:
        assert response.status_code in (200, 400, 405)
        assert response["Cache-Control"] == "no-store"
        assert not response.cookies


# --- OpenAPI -------------------------------------------------------------------------------------


def test_openapi_document_is_served_and_lists_the_path(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    document = response.json()
    assert document["openapi"].startswith("3.1")
    assert "/api/eligibility/" in document["paths"]
    assert set(OPERATION["responses"]) == {"200", "400", "405", "413"}


def test_openapi_enums_are_the_engines_enums():
    properties = OPENAPI["components"]["schemas"]["Facts"]["properties"]
    assert properties["citizenship"]["enum"] == [value.value for value in Citizenship]
    assert properties["residence_basis"]["enum"] == [value.value for value in ResidenceBasis] + [
        None
    ]
    assert properties["protection"]["enum"] == [value.value for value in Protection] + [None]
    assert OPENAPI["components"]["schemas"]["Group"]["enum"] == [value.value for value in Group]


def test_openapi_request_fields_are_the_apis_fields():
    from eligibility.forms import FactsForm

    properties = OPENAPI["components"]["schemas"]["Facts"]["properties"]
    assert list(properties) == list(FactsForm.base_fields)
    assert str(MAX_BODY_BYTES) in OPENAPI["info"]["description"]


def test_openapi_examples_are_valid_and_the_api_answers_them_as_documented(client):
    examples = OPERATION["requestBody"]["content"]["application/json"]["examples"]
    assert examples
    for name, example in examples.items():
        assert schema_errors(example["value"], FACTS_SCHEMA) == [], name
        response = post(client, example["value"])
        assert response.status_code == 200, name
        assert schema_errors(response.json(), DECISION_SCHEMA) == [], name
    documented = OPENAPI["components"]["examples"]["RefugeeDecision"]["value"]
    assert post(client, examples["refugee"]["value"]).json() == documented


def test_the_schema_check_used_here_does_catch_a_wrong_response():
    wrong = {"as_of": "2026-02-31", "groups": ["x"], "results": [], "extra": 1}
    assert len(schema_errors(wrong, DECISION_SCHEMA)) >= 4
