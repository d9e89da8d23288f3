"""Scenarios for the eligibility rules, each reading of the seed tested at its boundary.

Pure Python: these tests do not need Django (run them with ``-p no:django`` if you like).
The readings are explained in docs/eligibility.md.
"""

import io
import tokenize
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from measure import rules
from measure.rules import (
    REASON_CODES,
    REASON_DATES,
    Citizenship,
    Decision,
    Facts,
    Group,
    InvalidFacts,
    Protection,
    ResidenceBasis,
    decide,
    today_in_tallinn,
)

IP = Group.INTERNATIONAL_PROTECTION
NEW = Group.NEW_IMMIGRANT
DIVERSE = Group.DIVERSE_BACKGROUND
REPATRIATE = Group.REPATRIATE

# A day well inside the project period, for scenarios that are not about dates.
MID_PROJECT = date(2025, 6, 1)


def years_before(day: date, years: int) -> date:
    return day.replace(year=day.year - years)


# --- People -------------------------------------------------------------------------------------


def foreigner(
    basis: ResidenceBasis,
    since: date | None,
    citizenship: Citizenship = Citizenship.THIRD_COUNTRY,
    protection: Protection | None = None,
) -> Facts:
    return Facts(
        citizenship=citizenship,
        residence_basis=basis,
        resident_since=since,
        protection=protection,
    )


def protected(protection: Protection, since: date) -> Facts:
    return foreigner(ResidenceBasis.INTERNATIONAL_PROTECTION, since, protection=protection)


def estonian_by_birth(
    returned_on: date | None = None, adult: bool = True, registered: bool = True
) -> Facts:
    return Facts(
        citizenship=Citizenship.ESTONIAN,
        naturalised=False,
        returned_on=returned_on,
        adult=adult if returned_on else None,
        population_register=registered if returned_on else None,
    )


def naturalised(since: date, returned_on: date | None = None) -> Facts:
    return Facts(
        citizenship=Citizenship.ESTONIAN,
        naturalised=True,
        resident_since=since,
        returned_on=returned_on,
        adult=True if returned_on else None,
        population_register=True if returned_on else None,
    )


B = ResidenceBasis
C = Citizenship


# --- Who is in which group -----------------------------------------------------------------------

SCENARIOS = [
    # group 1, alone or with group 2 or 3
    pytest.param(
        protected(Protection.REFUGEE, years_before(MID_PROJECT, 2)),
        (IP, NEW),
        id="refugee_resident_two_years_is_also_newly_arrived",
    ),
    pytest.param(
        protected(Protection.REFUGEE, years_before(MID_PROJECT, 7)),
        (IP, DIVERSE),
        id="refugee_resident_seven_years_is_also_of_diverse_background",
    ),
    pytest.param(
        protected(Protection.SUBSIDIARY, years_before(MID_PROJECT, 1)),
        (IP, NEW),
        id="subsidiary_protection_resident_one_year_is_protected_and_newly_arrived",
    ),
    pytest.param(
        protected(Protection.TEMPORARY, date(2022, 3, 10)),
        (IP, NEW),
        id="temporary_protection_from_ukraine_is_group_one_and_newly_arrived",
    ),
    # protection counts whatever the current permit (reading 2)
    pytest.param(
        foreigner(B.LONG_TERM_PERMIT, date(2015, 3, 1), protection=Protection.REFUGEE),
        (IP, DIVERSE),
        id="refugee_on_long_term_permit_is_still_group_one",
    ),
    pytest.param(
        foreigner(
            B.TEMPORARY_PERMIT, years_before(MID_PROJECT, 1), protection=Protection.SUBSIDIARY
        ),
        (IP, NEW),
        id="subsidiary_protection_on_a_work_permit_is_still_group_one",
    ),
    pytest.param(
        foreigner(B.EU_FAMILY_PERMANENT_RIGHT, date(2012, 1, 1), protection=Protection.REFUGEE),
        (IP, DIVERSE),
        id="refugee_with_eu_family_members_right_is_still_group_one",
    ),
    pytest.param(
        foreigner(B.NONE, None, protection=Protection.REFUGEE),
        (),
        id="refugee_without_a_residence_basis_is_in_no_group",
    ),
    # family members of protection holders (reading 7)
    pytest.param(
        foreigner(B.PROTECTION_FAMILY_PERMIT, years_before(MID_PROJECT, 2)),
        (NEW,),
        id="refugees_family_member_two_years_is_newly_arrived_not_group_one",
    ),
    pytest.param(
        foreigner(B.PROTECTION_FAMILY_PERMIT, years_before(MID_PROJECT, 7), C.UNDETERMINED),
        (DIVERSE,),
        id="refugees_family_member_seven_years_is_of_diverse_background",
    ),
    # group 2 alone
    pytest.param(
        foreigner(B.TEMPORARY_PERMIT, years_before(MID_PROJECT, 3)),
        (NEW,),
        id="temporary_permit_three_years_is_newly_arrived",
    ),
    pytest.param(
        foreigner(B.TEMPORARY_PERMIT, MID_PROJECT),
        (NEW,),
        id="temporary_permit_since_today_is_newly_arrived",
    ),
    pytest.param(
        foreigner(B.EU_TEMPORARY_RIGHT, years_before(MID_PROJECT, 2), C.EU),
        (NEW,),
        id="eu_citizen_with_temporary_right_two_years_is_newly_arrived",
    ),
    pytest.param(
        foreigner(B.EU_FAMILY_TEMPORARY_RIGHT, years_before(MID_PROJECT, 1)),
        (NEW,),
        id="family_member_of_eu_citizen_with_temporary_right_is_newly_arrived",
    ),
    pytest.param(
        foreigner(B.EU_FAMILY_TEMPORARY_RIGHT, years_before(MID_PROJECT, 1), C.UNDETERMINED),
        (NEW,),
        id="stateless_family_member_of_eu_citizen_is_newly_arrived",
    ),
    # not group 2: the measure names temporary permits and rights only
    pytest.param(
        foreigner(B.LONG_TERM_PERMIT, years_before(MID_PROJECT, 3)),
        (),
        id="long_term_permit_three_years_is_not_newly_arrived",
    ),
    pytest.param(
        foreigner(B.EU_PERMANENT_RIGHT, years_before(MID_PROJECT, 3), C.EU),
        (),
        id="eu_permanent_right_three_years_is_not_newly_arrived",
    ),
    # group 3 alone
    pytest.param(
        foreigner(B.LONG_TERM_PERMIT, years_before(MID_PROJECT, 10)),
        (DIVERSE,),
        id="long_term_permit_ten_years_is_of_diverse_background",
    ),
    pytest.param(
        foreigner(B.LONG_TERM_PERMIT, years_before(MID_PROJECT, 30), C.UNDETERMINED),
        (DIVERSE,),
        id="undetermined_citizenship_thirty_years_is_of_diverse_background",
    ),
    pytest.param(
        foreigner(B.TEMPORARY_PERMIT, years_before(MID_PROJECT, 6)),
        (DIVERSE,),
        id="temporary_permit_six_years_is_of_diverse_background",
    ),
    pytest.param(
        foreigner(B.EU_PERMANENT_RIGHT, years_before(MID_PROJECT, 6), C.EU),
        (DIVERSE,),
        id="eu_citizen_with_permanent_right_six_years_is_of_diverse_background",
    ),
    pytest.param(
        foreigner(B.EU_FAMILY_PERMANENT_RIGHT, years_before(MID_PROJECT, 7)),
        (DIVERSE,),
        id="family_member_with_permanent_right_seven_years_is_of_diverse_background",
    ),
    pytest.param(
        naturalised(years_before(MID_PROJECT, 20)),
        (DIVERSE,),
        id="naturalised_citizen_twenty_years_is_of_diverse_background",
    ),
    pytest.param(
        naturalised(years_before(MID_PROJECT, 3)),
        (),
        id="naturalised_citizen_three_years_is_not_yet_of_diverse_background",
    ),
    # no legal basis
    pytest.param(
        foreigner(B.NONE, None),
        (),
        id="third_country_national_without_residence_basis_is_in_no_group",
    ),
    pytest.param(
        foreigner(B.NONE, None, C.UNDETERMINED),
        (),
        id="undetermined_citizenship_without_residence_basis_is_in_no_group",
    ),
    pytest.param(
        foreigner(B.NONE, years_before(MID_PROJECT, 10), C.EU),
        (),
        id="eu_citizen_without_residence_basis_is_in_no_group",
    ),
    # group 4
    pytest.param(
        estonian_by_birth(returned_on=date(2025, 4, 1)),
        (REPATRIATE,),
        id="adult_citizen_registered_after_returning_two_months_ago_is_repatriate",
    ),
    pytest.param(
        naturalised(years_before(MID_PROJECT, 20), returned_on=date(2025, 5, 1)),
        (DIVERSE, REPATRIATE),
        id="naturalised_citizen_who_returned_is_repatriate_and_of_diverse_background",
    ),
    pytest.param(
        estonian_by_birth(returned_on=date(2025, 4, 1), adult=False),
        (),
        id="minor_who_returned_is_not_repatriate",
    ),
    pytest.param(
        estonian_by_birth(returned_on=date(2025, 4, 1), registered=False),
        (),
        id="citizen_who_returned_without_registering_is_not_repatriate",
    ),
    pytest.param(
        estonian_by_birth(returned_on=date(2024, 6, 1)),
        (),
        id="citizen_who_returned_a_year_ago_is_not_repatriate",
    ),
    pytest.param(
        estonian_by_birth(),
        (),
        id="citizen_by_birth_who_never_left_is_in_no_group",
    ),
]


@pytest.mark.parametrize(("facts", "expected_groups"), SCENARIOS)
def test_target_groups(facts, expected_groups):
    assert decide(facts, MID_PROJECT).groups == expected_groups


@pytest.mark.parametrize(("facts", "expected_groups"), SCENARIOS)
def test_every_result_lists_all_four_groups_in_order(facts, expected_groups):
    decision = decide(facts, MID_PROJECT)
    assert tuple(result.group for result in decision.results) == tuple(Group)
    assert all(result.reasons for result in decision.results)


# --- Five years: counted as civil law counts periods ---------------------------------------------

FIVE_YEAR_BOUNDARIES = [
    pytest.param(date(2020, 3, 15), date(2025, 3, 15), NEW, id="anniversary_is_still_less"),
    pytest.param(date(2020, 3, 15), date(2025, 3, 16), DIVERSE, id="day_after_anniversary_is_more"),
    pytest.param(date(2020, 2, 29), date(2025, 2, 28), NEW, id="29_february_reaches_5y_on_28th"),
    pytest.param(date(2020, 2, 29), date(2025, 3, 1), DIVERSE, id="29_february_more_on_1_march"),
    pytest.param(date(2022, 2, 28), date(2027, 2, 28), NEW, id="28_february_anniversary_is_less"),
    pytest.param(date(2022, 2, 28), date(2027, 3, 1), DIVERSE, id="28_february_more_on_1_march"),
    pytest.param(date(2020, 12, 31), date(2025, 12, 31), NEW, id="new_years_eve_anniversary"),
    pytest.param(date(2020, 12, 31), date(2026, 1, 1), DIVERSE, id="new_year_after_anniversary"),
    pytest.param(date(2019, 12, 31), date(2025, 1, 1), DIVERSE, id="more_on_project_start"),
]


@pytest.mark.parametrize(("resident_since", "as_of", "group"), FIVE_YEAR_BOUNDARIES)
def test_five_years_end_on_the_anniversary_and_groups_two_and_three_meet(
    resident_since, as_of, group
):
    decision = decide(foreigner(B.TEMPORARY_PERMIT, resident_since), as_of)
    assert decision.groups == (group,)


@pytest.mark.parametrize(
    ("facts", "on_anniversary", "day_after"),
    [
        pytest.param(
            foreigner(B.LONG_TERM_PERMIT, date(2020, 3, 15), protection=Protection.REFUGEE),
            (IP,),
            (IP, DIVERSE),
            id="refugee_on_long_term_permit",
        ),
        pytest.param(
            foreigner(B.PROTECTION_FAMILY_PERMIT, date(2020, 3, 15)),
            (NEW,),
            (DIVERSE,),
            id="refugees_family_member",
        ),
    ],
)
def test_the_new_readings_meet_the_five_year_boundary_too(facts, on_anniversary, day_after):
    assert decide(facts, date(2025, 3, 15)).groups == on_anniversary
    assert decide(facts, date(2025, 3, 16)).groups == day_after


def test_newly_arrived_says_until_when_and_from_when_diverse_background_applies():
    result = decide(foreigner(B.TEMPORARY_PERMIT, date(2020, 3, 15)), date(2025, 1, 10))
    newly_arrived = result.result_for(NEW)
    assert newly_arrived.eligible
    assert newly_arrived.valid_until == date(2025, 3, 15)
    assert newly_arrived.next_group == DIVERSE
    assert newly_arrived.next_group_from == date(2025, 3, 16)
    assert [reason.code for reason in newly_arrived.reasons] == [
        "temporary_residence_permit",
        "resident_less_than_five_years",
    ]
    assert newly_arrived.reasons[1].dates == {
        "resident_since": date(2020, 3, 15),
        "until": date(2025, 3, 15),
    }


@pytest.mark.parametrize(
    "facts",
    [
        pytest.param(foreigner(B.EU_TEMPORARY_RIGHT, date(2021, 5, 2), C.EU), id="eu_citizen"),
        pytest.param(foreigner(B.EU_FAMILY_TEMPORARY_RIGHT, date(2021, 5, 2)), id="eu_family"),
        pytest.param(
            foreigner(B.TEMPORARY_PERMIT, date(2021, 5, 2), C.UNDETERMINED), id="undetermined"
        ),
        pytest.param(protected(Protection.REFUGEE, date(2021, 5, 2)), id="refugee"),
    ],
)
def test_every_newly_arrived_person_later_has_a_diverse_background(facts):
    newly_arrived = decide(facts, MID_PROJECT).result_for(NEW)
    assert newly_arrived.next_group == DIVERSE
    assert newly_arrived.next_group_from == date(2026, 5, 3)
    assert decide(facts, date(2026, 5, 3)).result_for(DIVERSE).eligible


def test_not_yet_diverse_background_says_from_which_day():
    result = decide(foreigner(B.LONG_TERM_PERMIT, date(2022, 9, 1)), MID_PROJECT)
    diverse = result.result_for(DIVERSE)
    assert not diverse.eligible
    assert diverse.valid_until == date(2027, 9, 1)
    assert diverse.valid_from == date(2027, 9, 2)
    assert [reason.code for reason in diverse.reasons] == ["resident_less_than_five_years"]


def test_start_after_project_end_is_flagged_so_nobody_waits_for_nothing():
    result = decide(foreigner(B.TEMPORARY_PERMIT, date(2024, 1, 15)), MID_PROJECT)
    newly_arrived, diverse = result.result_for(NEW), result.result_for(DIVERSE)
    assert newly_arrived.next_group_from == date(2029, 1, 16)
    assert diverse.valid_from == date(2029, 1, 16)
    project_ends_first = rules.Reason("project_ends_first", {"project_end": date(2027, 12, 31)})
    assert newly_arrived.reasons[-1] == project_ends_first
    assert diverse.reasons[-1] == project_ends_first


def test_start_within_project_is_not_flagged():
    result = decide(foreigner(B.TEMPORARY_PERMIT, date(2021, 1, 15)), MID_PROJECT)
    codes = {reason.code for r in result.results for reason in r.reasons}
    assert "project_ends_first" not in codes


def test_international_protection_has_no_end_date():
    protection = decide(protected(Protection.REFUGEE, date(2010, 1, 1)), MID_PROJECT)
    assert protection.result_for(IP).valid_until is None
    assert protection.result_for(DIVERSE).valid_until is None


def test_long_term_permit_within_five_years_is_told_why_not_newly_arrived():
    result = decide(foreigner(B.LONG_TERM_PERMIT, date(2023, 1, 1)), MID_PROJECT)
    assert [reason.code for reason in result.result_for(NEW).reasons] == ["residence_not_temporary"]


def test_every_failed_condition_of_newly_arrived_is_listed():
    result = decide(foreigner(B.LONG_TERM_PERMIT, date(2015, 1, 1)), MID_PROJECT)
    assert [reason.code for reason in result.result_for(NEW).reasons] == [
        "residence_not_temporary",
        "resident_more_than_five_years",
    ]


# --- Eight months: from the return date through the same date eight months later -----------------

RETURN_WINDOW_BOUNDARIES = [
    pytest.param(date(2025, 1, 15), date(2025, 1, 15), True, id="on_the_day_of_return"),
    pytest.param(date(2025, 1, 15), date(2025, 9, 15), True, id="eight_months_later"),
    pytest.param(date(2025, 1, 15), date(2025, 9, 16), False, id="eight_months_and_a_day_later"),
    pytest.param(date(2025, 8, 31), date(2026, 4, 30), True, id="31_august_through_30_april"),
    pytest.param(date(2025, 8, 31), date(2026, 5, 1), False, id="31_august_not_1_may"),
    pytest.param(date(2025, 6, 30), date(2026, 2, 28), True, id="30_june_through_28_february"),
    pytest.param(date(2025, 6, 30), date(2026, 3, 1), False, id="30_june_not_1_march"),
    pytest.param(date(2027, 6, 29), date(2027, 12, 31), True, id="still_in_on_project_end"),
]


@pytest.mark.parametrize(("returned_on", "as_of", "eligible"), RETURN_WINDOW_BOUNDARIES)
def test_repatriate_from_return_through_eight_months_later(returned_on, as_of, eligible):
    decision = decide(estonian_by_birth(returned_on=returned_on), as_of)
    assert decision.groups == ((REPATRIATE,) if eligible else ())


def test_repatriate_says_until_when():
    result = decide(estonian_by_birth(returned_on=date(2025, 8, 31)), date(2025, 9, 1))
    repatriate = result.result_for(REPATRIATE)
    assert repatriate.valid_until == date(2026, 4, 30)
    assert repatriate.reasons == (
        rules.Reason(
            "returned_within_eight_months",
            {"returned_on": date(2025, 8, 31), "until": date(2026, 4, 30)},
        ),
    )


def test_repatriate_window_over_says_when_it_ended():
    result = decide(estonian_by_birth(returned_on=date(2025, 1, 15)), date(2025, 12, 1))
    assert result.result_for(REPATRIATE).reasons[0].dates["until"] == date(2025, 9, 15)


def test_minor_is_told_repatriates_are_adults_and_until_when_turning_18_still_counts():
    minor = decide(estonian_by_birth(returned_on=date(2025, 5, 1), adult=False), MID_PROJECT)
    assert minor.result_for(REPATRIATE).reasons == (
        rules.Reason("not_adult_yet", {"until": date(2026, 1, 1)}),
    )
    later = decide(estonian_by_birth(returned_on=date(2025, 5, 1), adult=False), date(2026, 1, 2))
    assert [reason.code for reason in later.result_for(REPATRIATE).reasons] == [
        "not_adult",
        "returned_more_than_eight_months_ago",
    ]


def test_every_failed_condition_of_repatriate_is_listed():
    facts = estonian_by_birth(returned_on=date(2024, 1, 1), adult=False, registered=False)
    result = decide(facts, MID_PROJECT)
    assert [reason.code for reason in result.result_for(REPATRIATE).reasons] == [
        "not_adult",
        "returned_more_than_eight_months_ago",
        "not_in_population_register",
    ]


def test_citizen_by_birth_who_never_left_gets_a_reason_for_every_group():
    result = decide(estonian_by_birth(), MID_PROJECT)
    assert [[reason.code for reason in r.reasons] for r in result.results] == [
        ["estonian_citizen"],
        ["estonian_citizen"],
        ["estonian_citizen_by_birth"],
        ["not_returned"],
    ]


def test_foreigner_is_told_repatriates_are_estonian_citizens():
    result = decide(foreigner(B.TEMPORARY_PERMIT, date(2024, 1, 1)), MID_PROJECT)
    assert result.result_for(REPATRIATE).reasons == (rules.Reason("not_estonian_citizen"),)


def test_person_without_residence_basis_is_told_so_in_groups_one_to_three():
    result = decide(foreigner(B.NONE, None), MID_PROJECT)
    assert [[reason.code for reason in r.reasons] for r in result.results[:3]] == [
        ["no_legal_residence"]
    ] * 3


@pytest.mark.parametrize(
    ("protection", "code"),
    [
        (Protection.REFUGEE, "refugee"),
        (Protection.SUBSIDIARY, "subsidiary_protection"),
        (Protection.TEMPORARY, "temporary_protection"),
    ],
)
def test_protection_result_names_the_kind_of_protection(protection, code):
    result = decide(protected(protection, date(2024, 1, 1)), MID_PROJECT)
    assert result.result_for(IP).reasons == (rules.Reason(code),)
    assert result.result_for(NEW).reasons[0].code == "international_protection_permit"


def test_protection_holder_reaching_five_years_moves_from_group_two_to_three():
    facts = protected(Protection.TEMPORARY, date(2022, 3, 10))
    assert decide(facts, date(2027, 3, 10)).groups == (IP, NEW)
    assert decide(facts, date(2027, 3, 11)).groups == (IP, DIVERSE)


@pytest.mark.parametrize(
    ("facts", "code"),
    [
        pytest.param(foreigner(B.TEMPORARY_PERMIT, date(2010, 1, 1)), "citizen_of_another_country"),
        pytest.param(
            foreigner(B.EU_PERMANENT_RIGHT, date(2010, 1, 1), C.EU), "citizen_of_another_country"
        ),
        pytest.param(
            foreigner(B.LONG_TERM_PERMIT, date(2010, 1, 1), C.UNDETERMINED),
            "undetermined_citizenship",
        ),
        pytest.param(naturalised(date(2010, 1, 1)), "naturalised_citizen"),
    ],
)
def test_diverse_background_names_why(facts, code):
    diverse = decide(facts, MID_PROJECT).result_for(DIVERSE)
    assert [reason.code for reason in diverse.reasons] == [code, "resident_more_than_five_years"]
    assert diverse.reasons[1].dates == {
        "resident_since": date(2010, 1, 1),
        "since": date(2015, 1, 2),
    }


# --- Project period ------------------------------------------------------------------------------

RESIDENT = foreigner(B.TEMPORARY_PERMIT, date(2023, 6, 1))


@pytest.mark.parametrize(
    ("as_of", "active"),
    [
        pytest.param(date(2024, 12, 31), False, id="day_before_start"),
        pytest.param(date(2025, 1, 1), True, id="first_day"),
        pytest.param(date(2027, 12, 31), True, id="last_day"),
        pytest.param(date(2028, 1, 1), False, id="day_after_end"),
    ],
)
def test_project_runs_from_1_january_2025_through_31_december_2027(as_of, active):
    decision = decide(RESIDENT, as_of)
    assert decision.project_active is active
    assert decision.groups == (NEW,)  # the rule holds either way (reading 3)


def test_before_the_project_groups_say_whose_rule_holds_and_reasons_that_it_has_not_started():
    decision = decide(RESIDENT, date(2024, 12, 31))
    assert not decision.project_active
    assert decision.groups == (NEW,)
    assert decision.result_for(NEW).eligible
    for result in decision.results:
        assert result.reasons[0] == rules.Reason(
            "project_not_started", {"project_start": date(2025, 1, 1)}
        )


def test_after_the_project_every_result_says_it_has_ended():
    decision = decide(RESIDENT, date(2028, 1, 1))
    assert not decision.project_active
    assert decision.groups == (NEW,)
    for result in decision.results:
        assert result.reasons[0] == rules.Reason(
            "project_ended", {"project_end": date(2027, 12, 31)}
        )


@pytest.mark.parametrize(
    ("returned_on", "flagged"),
    [
        pytest.param(date(2024, 1, 10), True, id="window_ends_10_september_2024"),
        pytest.param(date(2024, 4, 30), True, id="window_ends_30_december_2024"),
        pytest.param(date(2024, 5, 1), False, id="window_ends_on_project_start"),
    ],
)
def test_a_result_ending_before_the_project_starts_says_so(returned_on, flagged):
    decision = decide(estonian_by_birth(returned_on=returned_on), date(2024, 6, 1))
    repatriate = decision.result_for(REPATRIATE)
    assert repatriate.eligible
    ends_first = rules.Reason("ends_before_project_starts", {"project_start": date(2025, 1, 1)})
    assert (repatriate.reasons[-1] == ends_first) is flagged
    assert repatriate.reasons[0].code == "project_not_started"


def test_rules_take_every_period_and_date_from_parameters():
    source = Path(rules.__file__).read_text(encoding="utf-8")
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    numbers = {token.string for token in tokens if token.type == tokenize.NUMBER}
    assert numbers <= {"1"}  # one day: the day after a period ends


# --- Invalid facts -------------------------------------------------------------------------------

INVALID = [
    pytest.param(
        foreigner(B.TEMPORARY_PERMIT, date(2025, 6, 2)),
        MID_PROJECT,
        "resident_since",
        "after_as_of",
        id="residence_starting_tomorrow",
    ),
    pytest.param(
        naturalised(date(2030, 1, 1)),
        MID_PROJECT,
        "resident_since",
        "after_as_of",
        id="naturalised_residence_in_future",
    ),
    pytest.param(
        estonian_by_birth(returned_on=date(2025, 6, 2)),
        MID_PROJECT,
        "returned_on",
        "after_as_of",
        id="return_tomorrow",
    ),
    pytest.param(
        foreigner(B.LONG_TERM_PERMIT, None),
        MID_PROJECT,
        "resident_since",
        "required",
        id="residence_basis_without_start",
    ),
    pytest.param(
        Facts(C.ESTONIAN, naturalised=True),
        MID_PROJECT,
        "resident_since",
        "required",
        id="naturalised_without_start",
    ),
    pytest.param(
        foreigner(B.INTERNATIONAL_PROTECTION, date(2024, 1, 1)),
        MID_PROJECT,
        "protection",
        "required",
        id="protection_basis_without_kind",
    ),
    pytest.param(
        Facts(C.ESTONIAN),
        MID_PROJECT,
        "naturalised",
        "required",
        id="citizen_without_by_birth_or_naturalised",
    ),
    pytest.param(
        Facts(
            C.ESTONIAN, naturalised=False, returned_on=date(2025, 5, 1), population_register=True
        ),
        MID_PROJECT,
        "adult",
        "required",
        id="returnee_without_age",
    ),
    pytest.param(
        Facts(C.ESTONIAN, naturalised=False, returned_on=date(2025, 5, 1), adult=True),
        MID_PROJECT,
        "population_register",
        "required",
        id="returnee_without_registration",
    ),
    pytest.param(
        foreigner(B.EU_TEMPORARY_RIGHT, date(2024, 1, 1), C.THIRD_COUNTRY),
        MID_PROJECT,
        "residence_basis",
        "requires_eu_citizenship",
        id="third_country_national_with_eu_citizens_right",
    ),
    pytest.param(
        foreigner(B.EU_PERMANENT_RIGHT, date(2010, 1, 1), C.UNDETERMINED),
        MID_PROJECT,
        "residence_basis",
        "requires_eu_citizenship",
        id="stateless_person_with_eu_citizens_right",
    ),
    # what the law rules out for EU citizens
    pytest.param(
        foreigner(B.INTERNATIONAL_PROTECTION, date(2024, 1, 1), C.EU, Protection.REFUGEE),
        MID_PROJECT,
        "residence_basis",
        "protection_not_for_eu_citizens",
        id="eu_citizen_with_a_protection_permit",
    ),
    pytest.param(
        foreigner(B.EU_TEMPORARY_RIGHT, date(2024, 1, 1), C.EU, Protection.TEMPORARY),
        MID_PROJECT,
        "protection",
        "protection_not_for_eu_citizens",
        id="eu_citizen_with_a_right_of_residence_and_protection",
    ),
    pytest.param(
        foreigner(B.NONE, None, C.EU, Protection.SUBSIDIARY),
        MID_PROJECT,
        "protection",
        "protection_not_for_eu_citizens",
        id="eu_citizen_without_basis_but_with_protection",
    ),
    pytest.param(
        foreigner(B.TEMPORARY_PERMIT, date(2024, 1, 1), C.EU),
        MID_PROJECT,
        "residence_basis",
        "permit_not_for_eu_citizens",
        id="eu_citizen_with_an_aliens_act_temporary_permit",
    ),
    pytest.param(
        foreigner(B.LONG_TERM_PERMIT, date(2014, 1, 1), C.EU),
        MID_PROJECT,
        "residence_basis",
        "permit_not_for_eu_citizens",
        id="eu_citizen_with_a_long_term_residents_permit",
    ),
    pytest.param(
        foreigner(B.PROTECTION_FAMILY_PERMIT, date(2024, 1, 1), C.EU),
        MID_PROJECT,
        "residence_basis",
        "permit_not_for_eu_citizens",
        id="eu_citizen_with_a_protection_family_permit",
    ),
    pytest.param(
        foreigner(B.EU_FAMILY_TEMPORARY_RIGHT, date(2024, 1, 1), C.EU),
        MID_PROJECT,
        "residence_basis",
        "family_right_not_for_eu_citizens",
        id="eu_citizen_as_family_member_of_an_eu_citizen",
    ),
    pytest.param(
        foreigner(B.EU_FAMILY_PERMANENT_RIGHT, date(2014, 1, 1), C.EU),
        MID_PROJECT,
        "residence_basis",
        "family_right_not_for_eu_citizens",
        id="eu_citizen_with_a_family_members_permanent_right",
    ),
    pytest.param(
        foreigner(B.TEMPORARY_PERMIT, date(9998, 6, 1)),
        date(9999, 1, 1),
        "resident_since",
        "date_out_of_range",
        id="five_years_after_year_9998",
    ),
    pytest.param(
        foreigner(B.TEMPORARY_PERMIT, date(9994, 12, 31)),
        date.max,
        "resident_since",
        "date_out_of_range",
        id="five_years_ending_on_date_max",
    ),
    pytest.param(
        estonian_by_birth(returned_on=date(9999, 6, 1)),
        date(9999, 7, 1),
        "returned_on",
        "date_out_of_range",
        id="eight_months_after_june_9999",
    ),
]


@pytest.mark.parametrize(("facts", "as_of", "field", "code"), INVALID)
def test_invalid_facts_name_the_field_and_the_problem(facts, as_of, field, code):
    with pytest.raises(InvalidFacts) as raised:
        decide(facts, as_of)
    assert (raised.value.field, raised.value.code) == (field, code)
    assert code in rules.INVALID_FACTS_CODES
    assert isinstance(raised.value, ValueError)


def test_facts_that_do_not_apply_are_ignored():
    citizen = Facts(
        C.ESTONIAN,
        naturalised=False,
        residence_basis=B.EU_TEMPORARY_RIGHT,
        resident_since=date(2030, 1, 1),
    )
    assert decide(citizen, MID_PROJECT).groups == ()
    stranger = Facts(C.THIRD_COUNTRY, residence_basis=B.NONE, returned_on=date(2030, 1, 1))
    assert decide(stranger, MID_PROJECT).groups == ()


def test_five_years_ending_in_year_9999_are_still_computed():
    decision = decide(foreigner(B.TEMPORARY_PERMIT, date(9994, 12, 30)), date(9999, 12, 30))
    assert decision.result_for(NEW).valid_until == date(9999, 12, 30)
    assert decision.result_for(NEW).next_group_from == date(9999, 12, 31)


# --- Today ---------------------------------------------------------------------------------------


def test_today_is_the_date_in_tallinn_not_utc(monkeypatch):
    half_past_ten_utc = datetime(2025, 12, 31, 22, 30, tzinfo=UTC)

    class FrozenClock(datetime):
        @classmethod
        def now(cls, tz=None):
            return half_past_ten_utc.astimezone(tz)

    monkeypatch.setattr(rules, "datetime", FrozenClock)
    assert today_in_tallinn() == date(2026, 1, 1)


# --- Reason codes ------------------------------------------------------------------------------


def scenario_decisions() -> list[Decision]:
    """Every scenario above, during and after the project, plus the boundary tables."""
    decisions = [
        decide(scenario.values[0], as_of)
        for scenario in SCENARIOS
        for as_of in (MID_PROJECT, date(2028, 1, 1))
    ]
    decisions.append(decide(RESIDENT, date(2024, 12, 31)))
    decisions += [
        decide(foreigner(B.TEMPORARY_PERMIT, case.values[0]), case.values[1])
        for case in FIVE_YEAR_BOUNDARIES
    ]
    decisions += [
        decide(estonian_by_birth(returned_on=case.values[0]), case.values[1])
        for case in RETURN_WINDOW_BOUNDARIES
    ]
    decisions.append(decide(estonian_by_birth(returned_on=date(2024, 1, 10)), date(2024, 6, 1)))
    return decisions


def test_every_reason_code_emitted_is_declared_with_its_dates():
    for decision in scenario_decisions():
        for result in decision.results:
            for reason in result.reasons:
                assert reason.code in REASON_CODES
                assert tuple(reason.dates) == REASON_DATES[reason.code]


def test_every_declared_reason_code_occurs_in_a_scenario():
    emitted = {
        reason.code
        for decision in scenario_decisions()
        for result in decision.results
        for reason in result.reasons
    }
    assert emitted == set(REASON_CODES)
