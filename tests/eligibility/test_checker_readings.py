"""The decided readings (docs/eligibility.md) as a resident meets them in the checker's pages,
each at its boundary, driven as a browser without JavaScript drives them."""

import re
from datetime import date

import pytest

from tests.support.flow_client import CHECKER_TODAY, Browser, travel_to

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("checker_today")]

TODAY = CHECKER_TODAY


MATCH = re.compile(r'class="group-outcome group-outcome--match" aria-labelledby="group-(\w+)"')


def groups_that_apply(browser) -> list[str]:
    """The groups the result page shows as applying (to the answers), in order."""
    return MATCH.findall(browser.press("result").html)


def foreigner(browser, basis, citizenship="third_country"):
    browser.start().answer(estonian_citizen="no").answer(citizenship=citizenship)
    return browser.answer(residence_basis=basis)


# --- 1. Legal residence counts from the first permit; a visa does not count ----------------------

HINTS = {
    "et": "Viisa või viisavaba viibimise aeg enne seda ei loe.",
    "ru": "Время по визе или без визы до этого не учитывается.",
    "en": "Time on a visa or a visa-free stay before it does not count.",
}


@pytest.mark.parametrize(("language", "hint"), HINTS.items())
def test_the_date_question_counts_from_the_first_permit_not_a_visa(client, language, hint):
    browser = foreigner(Browser(client, language), "temporary_permit").answer(protection="no")
    assert browser.question() == "resident_since"
    assert hint in browser.html


# --- 2. Protection is asked whatever the current permit ------------------------------------------


def test_a_refugee_on_a_long_term_residents_permit_is_asked_and_stays_in_group_one(client):
    browser = foreigner(Browser(client, "en"), "long_term_permit")
    assert browser.question() == "protection"
    assert browser.radio_values() == ["refugee", "subsidiary", "temporary", "no"]
    browser.answer(protection="refugee").answer(resident_since=(1, 3, 2015))
    browser.answer(lived_abroad="no")
    assert "Refugee status" in browser.html  # on "check your answers"
    assert groups_that_apply(browser) == ["international_protection", "diverse_background"]


def test_with_a_protection_permit_the_kind_is_asked_without_a_no(client):
    browser = foreigner(Browser(client, "en"), "international_protection")
    assert browser.radio_values() == ["refugee", "subsidiary", "temporary"]


@pytest.mark.parametrize(
    ("basis", "asked"),
    [("none", False), ("temporary_permit", True), ("eu_family_temporary_right", True)],
)
def test_protection_is_asked_of_everyone_with_a_permit_or_right_who_is_not_an_eu_citizen(
    client, basis, asked
):
    browser = foreigner(Browser(client, "en"), basis, citizenship="undetermined")
    assert ('name="step" value="protection"' in browser.html) is asked


def test_eu_citizens_are_never_asked_about_protection(client):
    browser = foreigner(Browser(client, "en"), "eu_temporary_right", citizenship="eu")
    assert browser.question() == "resident_since"


def test_no_protection_on_a_work_permit_is_not_group_one(client):
    browser = foreigner(Browser(client, "en"), "temporary_permit").answer(protection="no")
    browser.answer(resident_since=(1, 9, 2024)).answer(lived_abroad="no")
    html = browser.html
    assert "International protection" in html and ">No<" in html
    assert groups_that_apply(browser) == ["new_immigrant"]


# --- 4. Children naturalised at birth choose naturalisation --------------------------------------

NATURALISED_AT_BIRTH = {
    "et": "või sündides, sest teie vanemad olid määratlemata kodakondsusega",
    "ru": "или при рождении, потому что у ваших родителей было неопределённое гражданство",
    "en": "or at birth because your parents had undetermined citizenship",
}


@pytest.mark.parametrize(("language", "hint"), NATURALISED_AT_BIRTH.items())
def test_the_first_question_tells_children_of_grey_passport_holders_to_choose_naturalisation(
    client, language, hint
):
    html = Browser(client, language).start().html
    assert hint in html


def test_a_child_naturalised_at_birth_twelve_years_ago_is_of_diverse_background(client):
    browser = Browser(client, "en").start().answer(estonian_citizen="naturalised")
    browser.answer(resident_since=(20, 5, 2014)).answer(lived_abroad="no").answer(returned="no")
    assert groups_that_apply(browser) == ["diverse_background"]


DUAL_CITIZENS = {
    "et": "Vastake Eesti kodakondsuse kohta ka siis, kui teil on lisaks muu riigi kodakondsus.",
    "ru": "Ответьте о гражданстве Эстонии, даже если у вас есть и гражданство другой страны.",
    "en": "Answer about Estonian citizenship, even if you also have another citizenship.",
}


@pytest.mark.parametrize(("language", "hint"), DUAL_CITIZENS.items())
def test_dual_citizens_by_birth_are_told_to_answer_about_estonian_citizenship(
    client, language, hint
):
    browser = Browser(client, language).start()
    assert hint in browser.html
    browser.answer(estonian_citizen="by_birth").answer(returned="no")
    assert groups_that_apply(browser) == []  # group 3 is not for citizens by birth (docs)


# --- 5. Citizens born abroad who come to live here have "returned" -------------------------------

BORN_ABROAD = {
    "et": "ka siis, kui sündisite välismaal ja olete nüüd tulnud Eestisse elama",
    "ru": "а также если вы родились за границей и теперь приехали жить в Эстонию",
    "en": "also if you were born abroad and have now come to live in Estonia",
}


@pytest.mark.parametrize(("language", "hint"), BORN_ABROAD.items())
def test_the_return_question_includes_citizens_born_abroad(client, language, hint):
    browser = Browser(client, language).start().answer(estonian_citizen="by_birth")
    assert browser.question() == "returned"
    assert hint in browser.html


# --- 6. Interrupted residence counts from the start of the current period ------------------------


def interrupted(browser, first, again):
    foreigner(browser, "temporary_permit").answer(protection="no")
    browser.answer(resident_since=first).answer(lived_abroad="yes")
    assert browser.question() == "resident_again_since"
    return browser.answer(resident_again_since=again)


def test_after_more_than_six_months_abroad_residence_counts_from_the_return(client):
    browser = interrupted(Browser(client, "en"), (1, 9, 2017), (1, 3, 2024))
    assert "Check your answers" in browser.html
    assert "1 September 2017" in browser.html and "1 March 2024" in browser.html
    html = browser.press("result").html
    assert MATCH.findall(html) == ["new_immigrant"]
    assert "You have lived in Estonia legally since 1 March 2024" in html


def test_without_such_a_stay_abroad_residence_counts_from_the_first_permit(client):
    browser = foreigner(Browser(client, "en"), "temporary_permit").answer(protection="no")
    browser.answer(resident_since=(1, 9, 2017)).answer(lived_abroad="no")
    assert groups_that_apply(browser) == ["diverse_background"]


@pytest.mark.parametrize(
    ("again", "accepted"),
    [((1, 3, 2020), False), ((2, 3, 2020), True)],
)
def test_the_new_period_starts_more_than_six_months_after_the_first_permit(client, again, accepted):
    browser = interrupted(Browser(client, "en"), (1, 9, 2019), again)
    if accepted:
        assert "Check your answers" in browser.html
        return
    assert browser.question() == "resident_again_since"
    assert browser.page.title.startswith("Error: ")
    message = (
        "The date must be more than 6 months after the day your legal residence began, "
        "1 September 2019"
    )
    assert f'<a href="#resident_again_since-day">{message}</a>' in browser.html


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("et", "Kas olete pärast seda elanud Eestist väljaspool järjest üle 6 kuu?"),
        ("ru", "Жили ли вы с тех пор за пределами Эстонии более 6 месяцев подряд?"),
        ("en", "Since then, have you lived outside Estonia for more than 6 months in a row?"),
    ],
)
def test_the_six_months_are_asked_in_every_language(client, language, title):
    browser = Browser(client, language).start().answer(estonian_citizen="naturalised")
    browser.answer(resident_since=(1, 2, 2010))
    assert browser.question() == "lived_abroad"
    assert title in browser.html


def test_correcting_an_earlier_date_keeps_the_answers_after_it(client):
    browser = interrupted(Browser(client, "en"), (1, 9, 2017), (1, 3, 2024))
    browser.press("resident_since", "Change").answer(resident_since=(31, 2, 2017))
    assert browser.question() == "resident_since"  # the error
    browser.answer(resident_since=(1, 8, 2017))
    assert "Check your answers" in browser.html  # nothing asked again
    assert "1 August 2017" in browser.html and "1 March 2024" in browser.html


# --- 7. Family members of protection holders: groups 2 and 3, not 1 ------------------------------


@pytest.mark.parametrize(
    ("since", "groups"),
    [((1, 9, 2024), ["new_immigrant"]), ((1, 9, 2020), ["diverse_background"])],
)
def test_a_refugees_family_member_has_a_choice_of_their_own(client, since, groups):
    browser = foreigner(Browser(client, "en"), "protection_family_permit")
    browser.answer(protection="no").answer(resident_since=since).answer(lived_abroad="no")
    assert "Residence permit as a family member of a person granted international protection" in (
        browser.html
    )
    assert groups_that_apply(browser) == groups


# --- 8. The Estonian long-term resident's permit -------------------------------------------------

LONG_TERM = {
    "et": "Eesti pikaajalise elaniku elamisluba",
    "ru": "Вид на жительство долгосрочного резидента Эстонии",
    "en": "Estonian long-term resident&#x27;s permit",
}


@pytest.mark.parametrize(("language", "label"), LONG_TERM.items())
def test_the_long_term_choice_says_estonian_and_no_outdated_term_is_left(client, language, label):
    browser = Browser(client, language).start().answer(estonian_citizen="no")
    html = browser.answer(citizenship="third_country").html
    assert label in html
    assert "alaline elamisluba" not in html.lower()


# --- 3. Outside the project period ---------------------------------------------------------------


def test_after_the_project_the_groups_matched_are_shown_and_the_project_is_not_running(client):
    with travel_to(date(2028, 2, 1)):
        browser = foreigner(Browser(client, "en"), "protection_family_permit")
        browser.answer(protection="no").answer(resident_since=(1, 9, 2024))
        html = browser.answer(lived_abroad="no").press("result").html
    assert "The project is not running at the moment." in html
    assert "Groups your answers match" in html
    assert MATCH.findall(html) == ["new_immigrant"]


# --- The browser tests' people give the facts they claim -----------------------------------------


def test_every_browser_scenario_leads_to_the_groups_of_its_facts(client):
    from measure.rules import decide
    from tests.support.checker_scenarios import scenarios

    for scenario in scenarios(TODAY).values():
        browser = Browser(client, "en").start()
        for question, value in scenario.answers:
            assert browser.question() == question, scenario.name
            if isinstance(value, date):
                value = (value.day, value.month, value.year)
            browser.answer(**{question: value})
        assert "Check your answers" in browser.html, scenario.name
        expected = [group.value for group in decide(scenario.facts, TODAY).groups]
        assert groups_that_apply(browser) == expected, scenario.name
