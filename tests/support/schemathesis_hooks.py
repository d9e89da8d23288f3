"""schemathesis hooks for the API's contract test (tests/eligibility/test_api_schemathesis.py).

The OpenAPI document states every rule across fields that JSON Schema can express (``allOf``
with ``if``/``then``). Two it cannot: ``resident_since`` and ``returned_on`` must not lie after
``as_of`` (today when it is not given), and the periods counted from them must end by
9999-12-31. A body that breaks one of those is valid by the schema and still refused (400,
``after_as_of`` or ``date_out_of_range``), so for those bodies alone the check
``positive_data_acceptance`` is replaced by this one, which skips them and runs the built-in
check on every other case. The test runs schemathesis with ``--exclude-checks
positive_data_acceptance`` and this module in ``SCHEMATHESIS_HOOKS``.
"""

from datetime import date

import schemathesis
from schemathesis.specs.openapi.checks import positive_data_acceptance

from measure.rules import today_in_tallinn

DATED_FACTS = ("resident_since", "returned_on")
# The last days from which five years, or eight months, still end by 9999-12-31.
LAST_DAY_FOR = {"resident_since": date(9994, 12, 30), "returned_on": date(9999, 4, 30)}


def _day(value) -> date | None:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def breaks_a_date_rule_the_schema_cannot_express(body) -> bool:
    """Whether a date lies after ``as_of`` (or today), or too close to 9999-12-31."""
    if not isinstance(body, dict):
        return False
    as_of = _day(body.get("as_of")) or today_in_tallinn()
    days = {name: _day(body.get(name)) for name in DATED_FACTS}
    return any(day and (day > as_of or day > LAST_DAY_FOR[name]) for name, day in days.items())


@schemathesis.check
def positive_data_acceptance_within_date_rules(ctx, response, case):
    """``positive_data_acceptance``, except for bodies that break a date rule (module doc)."""
    if breaks_a_date_rule_the_schema_cannot_express(case.body):
        return None
    return positive_data_acceptance(ctx, response, case)
