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
from tests.support.people import valid_cases

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
