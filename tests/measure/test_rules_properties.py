"""Properties of the eligibility rules over random people and dates (hypothesis).

Pure Python: no Django needed. The example database is off so no files are written.
"""

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from measure.rules import (
    REASON_DATES,
    Decision,
    Group,
    InvalidFacts,
    decide,
)
from tests.support.people import ANY_DAY, ANY_FACTS, temporary_residents, valid_cases

ONE_DAY = timedelta(days=1)
NEW = Group.NEW_IMMIGRANT
DIVERSE = Group.DIVERSE_BACKGROUND
checked = settings(database=None, max_examples=150, deadline=None)


def eligible(decision: Decision, group: Group) -> bool:
    return decision.result_for(group).eligible


@checked
@given(valid_cases())
def test_new_immigrant_and_diverse_background_never_both_apply(case):
    decision = decide(*case)
    assert not (eligible(decision, NEW) and eligible(decision, DIVERSE))


@checked
@given(temporary_residents(), st.integers(min_value=0, max_value=365 * 12))
def test_temporary_resident_is_every_day_in_exactly_one_of_groups_two_and_three(facts, days):
    as_of = facts.resident_since + timedelta(days=days)
    decision = decide(facts, as_of)
    assert eligible(decision, NEW) != eligible(decision, DIVERSE)


@checked
@given(valid_cases())
def test_group_three_starts_the_day_after_group_two_ends(case):
    facts, as_of = case
    newly_arrived = decide(facts, as_of).result_for(NEW)
    if not newly_arrived.eligible or newly_arrived.next_group is None:
        return
    last_day = newly_arrived.valid_until
    assert newly_arrived.next_group == DIVERSE
    assert newly_arrived.next_group_from == last_day + ONE_DAY
    on_last_day, on_next_day = decide(facts, last_day), decide(facts, last_day + ONE_DAY)
    assert eligible(on_last_day, NEW)
    assert not eligible(on_last_day, DIVERSE)
    assert on_last_day.result_for(DIVERSE).valid_from == last_day + ONE_DAY
    assert not eligible(on_next_day, NEW)
    assert eligible(on_next_day, DIVERSE)


@checked
@given(valid_cases())
def test_a_future_start_is_kept_on_that_day_and_not_the_day_before(case):
    facts, as_of = case
    for result in decide(facts, as_of).results:
        if result.valid_from is not None:
            assert not result.eligible
            assert result.valid_until == result.valid_from - ONE_DAY
            assert eligible(decide(facts, result.valid_from), result.group)
            assert not eligible(decide(facts, result.valid_until), result.group)


@checked
@given(valid_cases())
def test_an_eligible_result_holds_through_its_last_day_and_not_after(case):
    facts, as_of = case
    for result in decide(facts, as_of).results:
        if result.eligible and result.valid_until is not None:
            assert eligible(decide(facts, result.valid_until), result.group)
            assert not eligible(decide(facts, result.valid_until + ONE_DAY), result.group)


@checked
@given(valid_cases())
def test_results_cover_all_four_groups_in_order_with_declared_reasons(case):
    decision = decide(*case)
    assert tuple(result.group for result in decision.results) == tuple(Group)
    for result in decision.results:
        assert result.reasons
        for reason in result.reasons:
            assert tuple(reason.dates) == REASON_DATES[reason.code]


@checked
@given(valid_cases())
def test_groups_are_exactly_the_eligible_results_and_outside_the_project_reasons_say_so(case):
    decision = decide(*case)
    eligible_groups = tuple(result.group for result in decision.results if result.eligible)
    assert decision.groups == eligible_groups
    project_reasons = {result.reasons[0].code for result in decision.results}
    if decision.project_active:
        assert not project_reasons & {"project_not_started", "project_ended"}
    else:
        assert len(project_reasons) == 1
        assert project_reasons <= {"project_not_started", "project_ended"}


@checked
@given(ANY_FACTS, ANY_DAY)
def test_decide_raises_nothing_but_invalid_facts(facts, as_of):
    try:
        decision = decide(facts, as_of)
    except InvalidFacts as error:
        assert error.field
        assert error.code
    else:
        assert len(decision.results) == len(Group)
