"""The eligibility checker answered in a real browser, as a resident answers it.

Shared by the browser tests and `make screenshots`. A scenario is a person: the answers they
give, question by question, and the facts the engine decides on. Dates are counted back from
today in Tallinn, so each scenario stays the same kind of person whenever it runs.

No Django here (the screenshot script runs without settings): questions are found by their
field names, which are the form's contract with the page.
"""

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from measure.rules import Citizenship, Facts, Protection, ResidenceBasis, today_in_tallinn

# The buttons a resident presses: "Start now", a question's "Continue" (in the form that carries
# the `step` field), and "See your result" on "check your answers".
START = "main form button[type='submit']"
CONTINUE = "form:has(input[name='step']) button[type='submit']"
SEE_RESULT = "button[name='go'][value='result']"


@dataclass(frozen=True)
class Scenario:
    name: str
    answers: tuple[tuple[str, "str | date"], ...]  # (question, value or date), in order
    facts: Facts  # what the answers tell the engine


# The answer whose date is a different fact: after a stay abroad, the new period's start.
FACT_OF_ANSWER = {"resident_again_since": "resident_since"}


def scenarios(today: date | None = None) -> dict[str, Scenario]:
    """One person per kind of result the checker gives, and one per reading that adds a page."""
    today = today or today_in_tallinn()
    one_year_ago = today - relativedelta(years=1)
    two_years_ago = today - relativedelta(years=2)
    ten_years_ago = today - relativedelta(years=10)
    twelve_years_ago = today - relativedelta(years=12)
    two_months_ago = today - relativedelta(months=2)
    third_country, undetermined = Citizenship.THIRD_COUNTRY, Citizenship.UNDETERMINED
    people = [
        Scenario(
            "refugee",  # two groups, one ending on a date and followed by another
            (
                ("estonian_citizen", "no"),
                ("citizenship", third_country),
                ("residence_basis", ResidenceBasis.INTERNATIONAL_PROTECTION),
                ("protection", Protection.REFUGEE),
                ("resident_since", two_years_ago),
                ("lived_abroad", "no"),
            ),
            Facts(
                citizenship=third_country,
                residence_basis=ResidenceBasis.INTERNATIONAL_PROTECTION,
                protection=Protection.REFUGEE,
                resident_since=two_years_ago,
            ),
        ),
        Scenario(
            "long_term_resident",  # one group, with no end date
            (
                ("estonian_citizen", "no"),
                ("citizenship", undetermined),
                ("residence_basis", ResidenceBasis.LONG_TERM_PERMIT),
                ("protection", "no"),
                ("resident_since", ten_years_ago),
                ("lived_abroad", "no"),
            ),
            Facts(
                citizenship=undetermined,
                residence_basis=ResidenceBasis.LONG_TERM_PERMIT,
                resident_since=ten_years_ago,
            ),
        ),
        Scenario(
            "repatriate",  # an Estonian citizen back from abroad, for eight months
            (
                ("estonian_citizen", "by_birth"),
                ("returned", "yes"),
                ("returned_on", two_months_ago),
                ("population_register", "yes"),
                ("adult", "yes"),
            ),
            Facts(
                citizenship=Citizenship.ESTONIAN,
                naturalised=False,
                returned_on=two_months_ago,
                population_register=True,
                adult=True,
            ),
        ),
        Scenario(
            "visitor",  # no group: an EU citizen on a visit
            (
                ("estonian_citizen", "no"),
                ("citizenship", Citizenship.EU),
                ("residence_basis", ResidenceBasis.NONE),
            ),
            Facts(citizenship=Citizenship.EU, residence_basis=ResidenceBasis.NONE),
        ),
        Scenario(
            "long_term_refugee",  # reading 2: protection asked whatever the permit
            (
                ("estonian_citizen", "no"),
                ("citizenship", third_country),
                ("residence_basis", ResidenceBasis.LONG_TERM_PERMIT),
                ("protection", Protection.REFUGEE),
                ("resident_since", ten_years_ago),
                ("lived_abroad", "no"),
            ),
            Facts(
                citizenship=third_country,
                residence_basis=ResidenceBasis.LONG_TERM_PERMIT,
                protection=Protection.REFUGEE,
                resident_since=ten_years_ago,
            ),
        ),
        Scenario(
            "back_after_years_abroad",  # reading 6: residence counted from the new period
            (
                ("estonian_citizen", "no"),
                ("citizenship", third_country),
                ("residence_basis", ResidenceBasis.TEMPORARY_PERMIT),
                ("protection", "no"),
                ("resident_since", ten_years_ago),
                ("lived_abroad", "yes"),
                ("resident_again_since", two_years_ago),
            ),
            Facts(
                citizenship=third_country,
                residence_basis=ResidenceBasis.TEMPORARY_PERMIT,
                resident_since=two_years_ago,
            ),
        ),
        Scenario(
            "refugees_family_member",  # reading 7: a choice of their own, groups 2 then 3
            (
                ("estonian_citizen", "no"),
                ("citizenship", third_country),
                ("residence_basis", ResidenceBasis.PROTECTION_FAMILY_PERMIT),
                ("protection", "no"),
                ("resident_since", one_year_ago),
                ("lived_abroad", "no"),
            ),
            Facts(
                citizenship=third_country,
                residence_basis=ResidenceBasis.PROTECTION_FAMILY_PERMIT,
                resident_since=one_year_ago,
            ),
        ),
        Scenario(
            "naturalised_at_birth",  # reading 4: a grey-passport family's child, group 3
            (
                ("estonian_citizen", "naturalised"),
                ("resident_since", twelve_years_ago),  # the date of birth
                ("lived_abroad", "no"),
                ("returned", "no"),
            ),
            Facts(
                citizenship=Citizenship.ESTONIAN,
                naturalised=True,
                resident_since=twelve_years_ago,
            ),
        ),
    ]
    return {person.name: person for person in people}


def fill_in(page, question: str, value) -> None:
    """Give one answer with the mouse: tick the radio, or type the date into its three boxes."""
    if isinstance(value, date):
        page.fill(f"#{question}-day", str(value.day))
        page.fill(f"#{question}-month", str(value.month))
        page.fill(f"#{question}-year", str(value.year))
    else:
        page.check(f"input[name='{question}'][value='{value}']")


def submit(page, selector: str) -> None:
    """Click a button or link that loads the next page, and wait for that page."""
    with page.expect_navigation():
        page.click(selector)


def current_question(page) -> str | None:
    step = page.locator("input[name='step']")
    return step.get_attribute("value") if step.count() else None


def answer_all(page, scenario: Scenario, on_page=None) -> None:
    """From the first question to "check your answers", answering as the scenario says.

    ``on_page(page, question)`` is called on each question page before it is answered.
    """
    for question, value in scenario.answers:
        assert current_question(page) == question, (scenario.name, current_question(page))
        if on_page:
            on_page(page, question)
        fill_in(page, question, value)
        submit(page, CONTINUE)
    assert current_question(page) is None, f"{scenario.name}: more questions than answers"
