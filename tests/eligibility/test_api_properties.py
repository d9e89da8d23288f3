"""Properties of the JSON API over random input (hypothesis).

Whatever arrives, the API answers 200 with a decision or 4xx with errors, never a 5xx; and for
valid facts its groups are exactly ``decide()``'s. The API touches no database, so these run
without one; the example database is off so no files are written.
"""

import json
from datetime import date

from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from eligibility.api import ERROR_CODES
from eligibility.forms import FactsForm
from measure.rules import Citizenship, Facts, Protection, ResidenceBasis, decide
from tests.support.openapi import openapi_schema
from tests.support.people import valid_cases
from tests.support.schemathesis_hooks import breaks_a_date_rule_the_schema_cannot_express

URL = "/api/eligibility/"
checked = settings(database=None, max_examples=200, deadline=None)

JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=20,
)

ENGINE_VALUES = [
    *(value.value for value in Citizenship),
    *(value.value for value in ResidenceBasis),
    *(value.value for value in Protection),
]
EDGE_DATES = ["0001-01-01", "9999-12-31", "9999-06-01", "2024-02-29", "2025-02-29", "2025-13-01"]
# Values a real field might plausibly get, right or wrong, next to any JSON value at all.
FIELD_VALUES = (
    st.sampled_from(ENGINE_VALUES + EDGE_DATES) | st.dates().map(date.isoformat) | JSON_VALUES
)
FIELD_NAMES = st.sampled_from([*FactsForm.base_fields, "unknown"])


def post(body: bytes | str):
    return Client().post(URL, body, content_type="application/json")


def assert_answered_without_failing(response):
    assert response.status_code in (200, 400, 413), response.status_code
    answer = response.json()
    if response.status_code == 200:
        assert set(answer) == {"as_of", "groups", "results", "project_period"}
    else:
        assert set(answer) == {"errors", "error_codes"}
        assert answer["errors"]
        assert list(answer["error_codes"]) == list(answer["errors"])
        for field, messages in answer["errors"].items():
            assert messages
            assert all(isinstance(message, str) and message for message in messages)
            assert len(answer["error_codes"][field]) == len(messages)
            assert set(answer["error_codes"][field]) <= set(ERROR_CODES)


@checked
@given(JSON_VALUES)
def test_any_json_value_gets_a_decision_or_errors_never_a_server_error(value):
    assert_answered_without_failing(post(json.dumps(value)))


@checked
@given(st.dictionaries(FIELD_NAMES, FIELD_VALUES, max_size=10))
def test_real_field_names_with_random_values_never_get_a_server_error(body):
    response = post(json.dumps(body))
    assert response.status_code in (200, 400)
    assert_answered_without_failing(response)


@checked
@given(st.binary(max_size=200))
def test_random_bytes_never_get_a_server_error(body):
    assert_answered_without_failing(post(body))


def facts_json(facts: Facts, as_of: date) -> dict:
    body = {"as_of": as_of.isoformat()}
    for name, value in vars(facts).items():
        body[name] = value.isoformat() if isinstance(value, date) else value
    return body


@checked
@given(valid_cases())
def test_for_valid_facts_the_api_agrees_with_decide(case):
    facts, as_of = case
    response = post(json.dumps(facts_json(facts, as_of)))
    assert response.status_code == 200, response.content
    answer = response.json()
    decision = decide(facts, as_of)
    assert answer["groups"] == [group.value for group in decision.groups]
    for api_result, result in zip(answer["results"], decision.results, strict=True):
        assert api_result["eligible"] == result.eligible
        assert api_result["reason_codes"] == [reason.code for reason in result.reasons]
        assert api_result["valid_until"] == (result.valid_until and result.valid_until.isoformat())


# --- Text that is not Unicode, and keys given twice ----------------------------------------------

# Lone surrogates (category Cs) next to ordinary text: json.dumps writes them as "\ud800".
SURROGATE_TEXT = st.text(
    st.characters(categories=["Cs"]) | st.characters(codec="utf-8"), min_size=1, max_size=8
)
SURROGATE_VALUES = st.recursive(
    JSON_SCALARS | SURROGATE_TEXT,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(SURROGATE_TEXT, children, max_size=4)
    ),
    max_leaves=12,
)


def has_lone_surrogate(value) -> bool:
    if isinstance(value, str):
        return any(0xD800 <= ord(character) <= 0xDFFF for character in value)
    if isinstance(value, dict):
        return any(has_lone_surrogate(key) or has_lone_surrogate(v) for key, v in value.items())
    if isinstance(value, list):
        return any(has_lone_surrogate(item) for item in value)
    return False


@checked
@given(st.dictionaries(FIELD_NAMES | SURROGATE_TEXT, SURROGATE_VALUES, min_size=1, max_size=6))
def test_lone_surrogates_in_keys_or_values_get_400_never_a_server_error(body):
    response = Client(raise_request_exception=False).post(
        URL, json.dumps(body), content_type="application/json"
    )
    assert_answered_without_failing(response)
    # Read back, a high surrogate followed by a low one is one real character, not an error.
    if has_lone_surrogate(json.loads(json.dumps(body))):
        assert response.status_code == 400
        assert response.json()["error_codes"] == {"body": ["invalid_unicode"]}


def object_text(pairs) -> str:
    """A JSON object written out pair by pair, so that a key may come twice."""
    return "{" + ", ".join(f"{json.dumps(key)}: {json.dumps(value)}" for key, value in pairs) + "}"


@checked
@given(st.lists(st.tuples(FIELD_NAMES | SURROGATE_TEXT, FIELD_VALUES), min_size=1, max_size=8))
def test_a_key_given_twice_gets_400_whichever_key_and_values(pairs):
    response = post(object_text(pairs))
    assert_answered_without_failing(response)
    keys = [key for key, _value in pairs]
    if len(set(keys)) < len(keys):
        assert response.status_code == 400
        assert response.json()["error_codes"] == {"body": ["duplicate_key"]}
    else:
        assert response.json().get("error_codes", {}).get("body") != ["duplicate_key"]


# --- The schema's rules across fields are the API's ----------------------------------------------

AROUND = date(2026, 6, 1)
FACT_DATES = st.dates(min_value=date(2015, 1, 1), max_value=date(2027, 12, 31)).map(date.isoformat)
FACT_VALUES = {
    "as_of": st.just(AROUND.isoformat()),
    "citizenship": st.sampled_from([value.value for value in Citizenship]),
    "naturalised": st.none() | st.booleans(),
    "residence_basis": st.none() | st.sampled_from([value.value for value in ResidenceBasis]),
    "protection": st.none() | st.sampled_from([value.value for value in Protection]),
    "resident_since": st.none() | FACT_DATES,
    "adult": st.none() | st.booleans(),
    "returned_on": st.none() | FACT_DATES,
    "population_register": st.none() | st.booleans(),
}
FACT_BODIES = st.fixed_dictionaries(
    {"as_of": FACT_VALUES["as_of"], "citizenship": FACT_VALUES["citizenship"]},
    optional={
        name: values for name, values in FACT_VALUES.items() if name not in ("as_of", "citizenship")
    },
)


@settings(database=None, max_examples=400, deadline=None)
@given(FACT_BODIES)
def test_a_body_is_valid_by_the_schema_exactly_when_the_api_decides_on_it(body):
    response = post(json.dumps(body))
    schema_valid = not list(openapi_schema("Facts").iter_errors(body))
    if breaks_a_date_rule_the_schema_cannot_express(body):
        # The two rules JSON Schema cannot express: refused for them alone, if at all (a date
        # that does not apply to the person is ignored).
        if response.status_code == 400 and schema_valid:
            codes = {code for codes in response.json()["error_codes"].values() for code in codes}
            assert codes == {"after_as_of"}, (response.json(), body)
        return
    assert (response.status_code == 200) == schema_valid, (response.json(), body)
