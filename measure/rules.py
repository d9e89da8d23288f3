"""Who belongs to which target group of measure 21.4.7.56 on a given day.

Plain Python: a person's facts and a date go in, a ``Decision`` comes out. Each of the four
target groups has one rule function below whose docstring quotes the sentence of the project
description (``docs/sources/project-description.txt``, Estonian authoritative) it implements.
Every result carries its reasons as codes plus the dates they mention; wording and translation
belong to the presentation layer, which can check ``REASON_CODES`` to prove it has a sentence
for each.

Periods, ages and project dates come from ``measure.parameters``; the readings of the seed
that are not obvious (how five years and eight months are counted, what happens outside the
project period) are explained in ``docs/eligibility.md``. No Django imports here.
"""

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from .facts import (
    INVALID_FACTS_CODES,
    REASON_CODES,
    REASON_DATES,
    Citizenship,
    Decision,
    Facts,
    Group,
    GroupResult,
    InvalidFacts,
    Protection,
    Reason,
    ResidenceBasis,
)
from .parameters import (
    NEW_IMMIGRANT_RESIDENCE,
    PROJECT_END,
    PROJECT_START,
    REPATRIATE_RETURN_WINDOW,
    TIME_ZONE,
)
from .validation import check_facts

__all__ = [
    "INVALID_FACTS_CODES",
    "REASON_CODES",
    "REASON_DATES",
    "RULES",
    "Citizenship",
    "Decision",
    "Facts",
    "Group",
    "GroupResult",
    "InvalidFacts",
    "Protection",
    "Reason",
    "ResidenceBasis",
    "decide",
    "diverse_background",
    "end_of_less_than_five_years",
    "end_of_return_window",
    "international_protection",
    "new_immigrant",
    "repatriate",
    "today_in_tallinn",
]


_ONE_DAY = timedelta(days=1)

_PROTECTION_REASONS = {
    Protection.REFUGEE: "refugee",
    Protection.SUBSIDIARY: "subsidiary_protection",
    Protection.TEMPORARY: "temporary_protection",
}

# The three bullets of the new immigrant definition name only temporary permits and rights.
_TEMPORARY_RESIDENCE_REASONS = {
    ResidenceBasis.TEMPORARY_PERMIT: "temporary_residence_permit",
    ResidenceBasis.INTERNATIONAL_PROTECTION: "international_protection_permit",
    ResidenceBasis.PROTECTION_FAMILY_PERMIT: "protection_family_permit",
    ResidenceBasis.EU_TEMPORARY_RIGHT: "eu_temporary_right",
    ResidenceBasis.EU_FAMILY_TEMPORARY_RIGHT: "eu_family_temporary_right",
}


def today_in_tallinn() -> date:
    """Today's date in Estonia, whatever the server's time zone: the one "today" callers use."""
    return datetime.now(ZoneInfo(TIME_ZONE)).date()


# --- Periods -------------------------------------------------------------------------------------


def _calendar_shift(start: date, period: relativedelta, field_name: str) -> date:
    try:
        return start + period
    except (OverflowError, ValueError) as error:  # past date.max: year 10000 does not exist
        raise InvalidFacts(field_name, "date_out_of_range", str(error)) from error


def _day_after(day: date, field_name: str) -> date:
    try:
        return day + _ONE_DAY
    except OverflowError as error:
        raise InvalidFacts(field_name, "date_out_of_range", str(error)) from error


def end_of_less_than_five_years(resident_since: date) -> date:
    """Last day on which legal residence since ``resident_since`` is "less than five years".

    As Tsiviilseadustiku üldosa seadus §§ 134–136 count periods, the period starts the day after
    residence began and ends at the end of the same calendar date five years later; a date the
    target month lacks (29 February) falls back to that month's last day, as relativedelta does.
    From the next day residence is "more than five years", so groups 2 and 3 meet without a gap.
    """
    return _calendar_shift(resident_since, NEW_IMMIGRANT_RESIDENCE, "resident_since")


def end_of_return_window(returned_on: date) -> date:
    """Last day on which a return on ``returned_on`` is "within the last eight months".

    Counted like the five years above: the same calendar date eight months later, or that
    month's last day when the date does not exist there (31 August → 30 April).
    """
    return _calendar_shift(returned_on, REPATRIATE_RETURN_WINDOW, "returned_on")


def _residence_period_reason(resident_since: date, as_of: date) -> tuple[Reason, bool]:
    """The reason describing the length of legal residence, and whether it is under five years."""
    last_day_under = end_of_less_than_five_years(resident_since)
    first_day_over = _day_after(last_day_under, "resident_since")
    if as_of <= last_day_under:
        dates = {"resident_since": resident_since, "until": last_day_under}
        return Reason("resident_less_than_five_years", dates), True
    dates = {"resident_since": resident_since, "since": first_day_over}
    return Reason("resident_more_than_five_years", dates), False


# --- The four target groups ----------------------------------------------------------------------


def international_protection(facts: Facts, as_of: date) -> GroupResult:
    """Group 1: recipient of international protection.

    Seed (et): "Rahvusvahelise kaitse saaja on välismaalane, keda on tunnustatud pagulasena,
    täiendava kaitse- või ajutise kaitse saajana ning kellele on antud Eesti elamisluba."
    Seed (en): "An alien who has been recognized as a refugee or placed under temporary or
    additional protection and has been granted a residence permit in Estonia."

    Two conditions: protection granted, and an Estonian residence permit granted ("antud", has
    been granted). Neither ties the protection to the current permit, so a refugee who moved on
    to a long-term resident's permit, or to any other basis, is still group 1. A family member
    on a family-reunification permit has no protection of their own (``protection`` None).
    The definition sets no time limit, so an eligible result has no ``valid_until``.
    """
    group = Group.INTERNATIONAL_PROTECTION
    if facts.citizenship == Citizenship.ESTONIAN:
        return GroupResult(group, False, (Reason("estonian_citizen"),))
    if facts.residence_basis == ResidenceBasis.NONE:
        return GroupResult(group, False, (Reason("no_legal_residence"),))
    if facts.protection is None:
        return GroupResult(group, False, (Reason("no_international_protection"),))
    return GroupResult(group, True, (Reason(_PROTECTION_REASONS[facts.protection]),))


def new_immigrant(facts: Facts, as_of: date) -> GroupResult:
    """Group 2: new immigrant.

    Seed (et): "Uussisserändaja on vähem kui viis aastat Eestis seaduslikult elanud:
    välismaalane, kellele on antud Eesti tähtajaline elamisluba välismaalaste seaduses või
    välismaalasele rahvusvahelise kaitse andmise seaduses sätestatud alusel; Euroopa Liidu
    kodanik, kes on omandanud Eestis tähtajalise elamisõiguse Euroopa Liidu kodaniku seaduses
    sätestatud alusel; Euroopa Liidu kodaniku perekonnaliige, kellele on antud Eestis tähtajaline
    elamisõigus Euroopa Liidu kodaniku seaduses sätestatud alusel."
    Seed (en): "A foreigner who has legally resided in Estonia for less than five years,
    specifically: a foreigner who has received a temporary residence permit in Estonia under the
    Aliens Act or the Act on Granting International Protection to Aliens; a citizen of the
    European Union who has received a temporary right of residence in Estonia under the Citizen
    of the European Union Act; a family member of an EU citizen who has received a temporary
    right of residence in Estonia under the Citizen of the European Union Act."

    An eligible result holds until the five years end and names the day group 3 takes over.
    """
    group = Group.NEW_IMMIGRANT
    if facts.citizenship == Citizenship.ESTONIAN:
        return GroupResult(group, False, (Reason("estonian_citizen"),))
    if facts.residence_basis == ResidenceBasis.NONE:
        return GroupResult(group, False, (Reason("no_legal_residence"),))

    basis_code = _TEMPORARY_RESIDENCE_REASONS.get(facts.residence_basis)
    period_reason, under_five_years = _residence_period_reason(facts.resident_since, as_of)
    if basis_code is None or not under_five_years:
        # List every condition that fails, so the person learns all of them at once.
        failed = [] if basis_code else [Reason("residence_not_temporary")]
        failed += [] if under_five_years else [period_reason]
        return GroupResult(group, False, tuple(failed))

    last_day = period_reason.dates["until"]
    first_day_after = _day_after(last_day, "resident_since")
    # Whether the same person is group 3 once the five years are over: ask that rule itself.
    becomes_diverse = diverse_background(facts, first_day_after).eligible
    return GroupResult(
        group,
        True,
        (Reason(basis_code), period_reason),
        valid_until=last_day,
        next_group=Group.DIVERSE_BACKGROUND if becomes_diverse else None,
        next_group_from=first_day_after if becomes_diverse else None,
    )


def diverse_background(facts: Facts, as_of: date) -> GroupResult:
    """Group 3: person with a diverse linguistic and cultural background.

    Seed (et): "Erineva keele- ja kultuuritaustaga inimene on üle viie aasta Eestis seaduslikul
    alusel viibiv isik, kes on saanud Eesti kodakondsuse naturalisatsiooni korras, on
    määratlemata või muu riigi kodakondsusega."
    Seed (en): "An individual who has legally resided in Estonia for more than five years and has
    acquired Estonian citizenship through naturalization, or is a stateless person, or is a
    citizen of another country."

    "Viibiv" (staying) is present tense: a non-citizen must still have a legal basis today.
    Someone who will pass five years later gets ``valid_from``, the first day they are group 3.
    """
    group = Group.DIVERSE_BACKGROUND
    if facts.citizenship == Citizenship.ESTONIAN:
        if not facts.naturalised:
            return GroupResult(group, False, (Reason("estonian_citizen_by_birth"),))
        status_code = "naturalised_citizen"
    elif facts.residence_basis == ResidenceBasis.NONE:
        return GroupResult(group, False, (Reason("no_legal_residence"),))
    elif facts.citizenship == Citizenship.UNDETERMINED:
        status_code = "undetermined_citizenship"
    else:  # an EU citizen is a citizen of another country too
        status_code = "citizen_of_another_country"

    period_reason, under_five_years = _residence_period_reason(facts.resident_since, as_of)
    if under_five_years:
        last_day_under = period_reason.dates["until"]
        return GroupResult(
            group,
            False,
            (period_reason,),
            valid_until=last_day_under,
            valid_from=_day_after(last_day_under, "resident_since"),
        )
    return GroupResult(group, True, (Reason(status_code), period_reason))


def repatriate(facts: Facts, as_of: date) -> GroupResult:
    """Group 4: repatriate.

    Seed (et): "Tagasipöörduja on Eesti kodakondsust omav täiskasvanud isik, kes on Eestisse
    püsivalt naasnud viimase kaheksa kuu jooksul ja oma elukoha registreerinud Eesti
    rahvastikuregistris."
    Seed (en): "An adult Estonian citizen who has returned to Estonia for permanent residence
    within the last eight months and has registered their place of residence in the Estonian
    Population Register."

    Eligible from the return date through the same date eight months later, inclusive. An
    Estonian citizen born abroad who comes to live in Estonia has "returned" too (the
    Integration Foundation's return support counts them); the form's hint says so.
    """
    group = Group.REPATRIATE
    if facts.citizenship != Citizenship.ESTONIAN:
        return GroupResult(group, False, (Reason("not_estonian_citizen"),))
    if facts.returned_on is None:
        return GroupResult(group, False, (Reason("not_returned"),))

    last_day = end_of_return_window(facts.returned_on)
    dates = {"returned_on": facts.returned_on, "until": last_day}
    failed = []
    if not facts.adult:
        # While the window is open, a minor may still turn 18 inside it: say until when.
        failed.append(
            Reason("not_adult_yet", {"until": last_day})
            if as_of <= last_day
            else Reason("not_adult")
        )
    if as_of > last_day:
        failed.append(Reason("returned_more_than_eight_months_ago", dates))
    if not facts.population_register:
        failed.append(Reason("not_in_population_register"))
    if failed:
        return GroupResult(group, False, tuple(failed))
    reasons = (Reason("returned_within_eight_months", dates),)
    return GroupResult(group, True, reasons, valid_until=last_day)


RULES: tuple[Callable[[Facts, date], GroupResult], ...] = (
    international_protection,
    new_immigrant,
    diverse_background,
    repatriate,
)  # in Group order


# --- Deciding ------------------------------------------------------------------------------------


def _within_project_period(result: GroupResult, as_of: date) -> GroupResult:
    """Add what the project period means for this result.

    Outside the project period the rule is still evaluated (so a resident can see where they
    stand), but the result says first that the project is not running. A result pointing to a
    start after the project's end says so too, and so does one that ends before the project
    starts, so nobody waits for a date that brings nothing.
    """
    before: tuple[Reason, ...] = ()
    if as_of < PROJECT_START:
        before = (Reason("project_not_started", {"project_start": PROJECT_START}),)
    elif as_of > PROJECT_END:
        before = (Reason("project_ended", {"project_end": PROJECT_END}),)
    after: tuple[Reason, ...] = ()
    starts = (result.valid_from, result.next_group_from)
    if as_of <= PROJECT_END and any(start and start > PROJECT_END for start in starts):
        after = (Reason("project_ends_first", {"project_end": PROJECT_END}),)
    elif result.eligible and result.valid_until and result.valid_until < PROJECT_START:
        after = (Reason("ends_before_project_starts", {"project_start": PROJECT_START}),)
    if not before and not after:
        return result
    return replace(result, reasons=(*before, *result.reasons, *after))


def decide(facts: Facts, as_of: date) -> Decision:
    """Which target groups ``facts`` describe on ``as_of`` (a date in Europe/Tallinn).

    Raises ``InvalidFacts`` for missing or impossible facts. Outside the project period every
    result is still evaluated and ``Decision.groups`` lists those whose rule holds, while
    ``project_active`` is False and every result's first reason says the project is not running.
    """
    check_facts(facts, as_of)
    results = tuple(_within_project_period(rule(facts, as_of), as_of) for rule in RULES)
    return Decision(
        as_of=as_of,
        results=results,
        project_active=PROJECT_START <= as_of <= PROJECT_END,
    )
