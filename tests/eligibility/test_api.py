"""The JSON API, POST /api/eligibility/, against its contract (eligibility/openapi.json)."""

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from activities.api import LIST_ERROR_CODES
from eligibility.api import ERROR_CODES
from eligibility.request_body import MAX_BODY_BYTES, MAX_DEPTH
from measure.rules import (
    REASON_CODES,
    Citizenship,
    Group,
    Protection,
    ResidenceBasis,
)
from tests.support.languages import LANGUAGES
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


@pytest.mark.parametrize(
    ("as_of", "code"),
    [("2024-12-31", "project_not_started"), ("2028-01-01", "project_ended")],
)
def test_outside_the_project_period_groups_agree_with_results_and_say_it_is_not_running(
    client, as_of, code
):
    body = post(client, {**REFUGEE, "resident_since": "2024-06-01", "as_of": as_of}).json()
    eligible = [result["group"] for result in body["results"] if result["eligible"]]
    assert body["groups"] == eligible == ["international_protection", "new_immigrant"]
    assert body["project_period"]["active"] is False
    assert all(result["reason_codes"][0] == code for result in body["results"])
    assert schema_errors(body, DECISION_SCHEMA) == []


def test_a_refugee_on_a_long_term_residents_permit_is_still_group_one(client):
    body = {**REFUGEE, "residence_basis": "long_term_permit", "resident_since": "2015-03-01"}
    answer = post(client, body).json()
    assert answer["groups"] == ["international_protection", "diverse_background"]
    assert answer["results"][0]["reason_codes"] == ["refugee"]


@pytest.mark.parametrize(
    ("basis", "groups"),
    [
        ("temporary_permit", ["international_protection", "new_immigrant"]),
        ("eu_family_temporary_right", ["international_protection", "new_immigrant"]),
        ("none", []),
    ],
)
def test_protection_counts_with_any_residence_basis_but_none(client, basis, groups):
    body = {**REFUGEE, "residence_basis": basis}
    if basis == "none":
        del body["resident_since"]
    assert post(client, body).json()["groups"] == groups


def test_a_refugees_family_member_is_newly_arrived_then_of_diverse_background(client):
    body = {
        "citizenship": "third_country",
        "residence_basis": "protection_family_permit",
        "resident_since": "2024-06-01",
    }
    assert post(client, {**body, "as_of": "2026-06-01"}).json()["groups"] == ["new_immigrant"]
    later = post(client, {**body, "as_of": "2029-06-02"}).json()
    assert later["groups"] == ["diverse_background"]


# --- Bad input: 400 with the field named ---------------------------------------------------------


NESTED = "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ('{"citizenship": "eu",', "not_json"),
        ("", "not_json"),
        ("NaN", "not_json"),
        ('{"citizenship": "eu", "adult": NaN}', "not_json"),
        ('{"citizenship": "eu", "adult": -Infinity}', "not_json"),
        (b"\xff\xfe{}", "not_json"),
        (b"\xef\xbb\xbf{}", "not_json"),
        ('{"citizenship": "eu"}{"citizenship": "estonian"}', "not_json"),
        ('{"citizenship": "eu"} {}', "not_json"),
        ('{"citizenship": "eu"}\n"x"', "not_json"),
        ("[" * 5000, "too_deep"),
        ('{"citizenship": "eu", "as_of": ' + NESTED + "}", "too_deep"),
        ('{"\\ud800": 1, "citizenship": "eu"}', "invalid_unicode"),
        ('{"citizenship": "\\udfff"}', "invalid_unicode"),
        ('{"citizenship": "eu", "as_of": ["\\ud83d"]}', "invalid_unicode"),
        ('{"citizenship": "eu", "citizenship": "eu"}', "duplicate_key"),
        ('{"as_of": "2024-12-31", "citizenship": "eu", "as_of": "2026-01-01"}', "duplicate_key"),
        ('{"citizenship": "martian", "citizenship": "eu"}', "duplicate_key"),
        ('{"citizenship": "eu", "as_of": {"a": 1, "a": 2}}', "duplicate_key"),
        ('{"\\ud800": 1, "\\ud800": 2}', "duplicate_key"),
        ('["citizenship", "eu"]', "not_object"),
        ('"estonian"', "not_object"),
        ("null", "not_object"),
        ("42", "not_object"),
    ],
)
def test_body_that_is_not_one_interoperable_json_object_is_refused(client, body, code):
    response = post(client, body, raw=True)
    assert response.status_code == 400
    assert response.json()["error_codes"] == {"body": [code]}
    assert list(response.json()["errors"]) == ["body"]
    assert schema_errors(response.json(), ERRORS_SCHEMA) == []


@pytest.mark.parametrize(
    "value",
    [
        "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1),  # with the object: exactly MAX_DEPTH
        '"' + "[{" * 2000 + '"',  # brackets inside a string are text, not nesting
        '"\\"' + "[" * 100 + '"',  # nor after an escaped quote
    ],
)
def test_nesting_is_counted_only_in_the_structure_and_up_to_the_limit(client, value):
    response = post(client, '{"citizenship": "eu", "as_of": ' + value + "}", raw=True)
    assert response.status_code == 400
    assert list(response.json()["error_codes"]) == ["as_of"]


def test_a_lone_surrogate_is_refused_in_every_language_never_a_server_error():
    client = Client(raise_request_exception=False)
    for language in LANGUAGES:
        response = post(client, '{"\\ud800": 1}', raw=True, QUERY_STRING=f"lang={language}")
        assert response.status_code == 400
        assert response.json()["errors"]["body"][0]
    pair = post(client, '{"citizenship": "eu", "\\ud83d\\ude00": 1}', raw=True).json()
    assert pair["error_codes"] == {"😀": ["unknown_field"]}  # a real pair is a real character


def test_a_valid_surrogate_pair_in_a_value_is_a_character_not_an_error(client):
    response = post(client, '{"citizenship": "\\ud83d\\ude00"}', raw=True)
    assert response.json()["error_codes"] == {"citizenship": ["invalid_choice"]}


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("as_of", "1" * 5000, "type"),
        ("as_of", "1e999999", "type"),
        ("as_of", "-0.0", "type"),
        ("as_of", "20260101", "type"),
        ("as_of", '{"year": 2026, "month": 1, "day": 1}', "type"),
        ("as_of", '["2026-01-01"]', "type"),
        ("as_of", "true", "type"),
        ("citizenship", "1" * 5000, "type"),
        ("citizenship", '{"eu": true}', "type"),
        ("naturalised", "1", "type"),
    ],
)
def test_numbers_and_objects_where_dates_or_strings_belong_are_the_wrong_type(
    client, field, value, code
):
    others = '"citizenship": "estonian", "naturalised": false, ' if field == "as_of" else ""
    body = "{" + others + f'"{field}": {value}' + "}"
    response = post(client, body, raw=True)
    assert response.status_code == 400
    assert response.json()["error_codes"][field] == [code]
    assert schema_errors(response.json(), ERRORS_SCHEMA) == []


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
    codes = response.json()["error_codes"]
    assert list(codes) == list(errors)
    assert all(len(codes[name]) == len(errors[name]) for name in errors)


EU = {"as_of": "2026-01-15", "citizenship": "eu", "resident_since": "2024-01-01"}


@pytest.mark.parametrize(
    ("body", "field", "code"),
    [
        (
            {**EU, "residence_basis": "international_protection", "protection": "refugee"},
            "residence_basis",
            "protection_not_for_eu_citizens",
        ),
        (
            {**EU, "residence_basis": "eu_temporary_right", "protection": "temporary"},
            "protection",
            "protection_not_for_eu_citizens",
        ),
        ({**EU, "protection": "subsidiary"}, "protection", "protection_not_for_eu_citizens"),
        (
            {**EU, "residence_basis": "temporary_permit"},
            "residence_basis",
            "permit_not_for_eu_citizens",
        ),
        (
            {**EU, "residence_basis": "long_term_permit"},
            "residence_basis",
            "permit_not_for_eu_citizens",
        ),
        (
            {**EU, "residence_basis": "protection_family_permit"},
            "residence_basis",
            "permit_not_for_eu_citizens",
        ),
        (
            {**EU, "residence_basis": "eu_family_temporary_right"},
            "residence_basis",
            "family_right_not_for_eu_citizens",
        ),
        (
            {**EU, "residence_basis": "eu_family_permanent_right"},
            "residence_basis",
            "family_right_not_for_eu_citizens",
        ),
        (
            {**EU, "citizenship": "undetermined", "residence_basis": "eu_temporary_right"},
            "residence_basis",
            "requires_eu_citizenship",
        ),
    ],
)
def test_combinations_the_law_rules_out_get_400_with_a_specific_code(client, body, field, code):
    response = post(client, body, QUERY_STRING="lang=en")
    assert response.status_code == 400
    assert response.json()["error_codes"] == {field: [code]}
    assert schema_errors(body, FACTS_SCHEMA), "the schema should rule it out too"


def test_error_messages_are_in_the_requests_language(client):
    body = {"citizenship": "estonian", "naturalised": False, "adult": "yes"}
    codes = {"error_codes": {"adult": ["type"]}}
    assert post(client, body).json() == {
        "errors": {"adult": ["Väärtus peab olema true või false."]},
        **codes,
    }
    russian = post(client, body, headers={"accept-language": "ru"}).json()
    assert russian == {"errors": {"adult": ["Значение должно быть true или false."]}, **codes}
    english = post(Client(), body, QUERY_STRING="lang=en").json()
    assert english == {"errors": {"adult": ["Expected true or false."]}, **codes}


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


@pytest.mark.parametrize(
    "query", ["lang=de", "lang=", "lang=ET", "lang=et&lang=xx", "lang=%ED%A0%80"]
)
def test_a_lang_outside_the_sites_languages_is_refused_as_documented(query):
    response = post(Client(), REFUGEE, QUERY_STRING=query, headers={"accept-language": "ru"})
    assert response.status_code == 400
    languages = ", ".join(LANGUAGES)
    assert response.json() == {
        "errors": {"lang": [f"Неизвестный язык. Ожидается один из: {languages}."]},
        "error_codes": {"lang": ["unknown_language"]},
    }
    assert response["Content-Language"] == "ru"
    (lang,) = [p for p in OPERATION["parameters"] if p["name"] == "lang"]
    assert lang["schema"]["enum"] == list(LANGUAGES)
    assert "refused with 400" in lang["description"]


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
    responses = [post(client, REFUGEE), post(client, {}), client.get(URL)]
    responses.append(post(client, REFUGEE, QUERY_STRING="lang=xx"))
    for response in responses:
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


def test_openapi_version_is_raised_and_the_document_describes_the_change():
    assert OPENAPI["info"]["version"] == "2.0.0"
    description = OPENAPI["info"]["description"]
    assert "Changes in 2.0.0 (from 1.0.0)" in description
    for change in ("`groups`", "`protection`", "protection_family_permit", "`?lang=`"):
        assert change in description, change


def test_openapi_lists_every_reason_and_error_code():
    schemas = OPENAPI["components"]["schemas"]
    assert schemas["ReasonCode"]["enum"] == list(REASON_CODES)
    assert schemas["ErrorCode"]["enum"] == list(dict.fromkeys((*ERROR_CODES, *LIST_ERROR_CODES)))
    assert len(set(ERROR_CODES)) == len(ERROR_CODES)


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
    errors = OPENAPI["components"]["responses"]["BadRequest"]["content"]["application/json"]
    for name, example in errors["examples"].items():
        assert schema_errors(example["value"], ERRORS_SCHEMA) == [], name


def test_the_schema_check_used_here_does_catch_a_wrong_response():
    wrong = {"as_of": "2026-02-31", "groups": ["x"], "results": [], "extra": 1}
    assert len(schema_errors(wrong, DECISION_SCHEMA)) >= 4
