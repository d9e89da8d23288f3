"""The eligibility checker's pages, driven the way a browser without JavaScript drives them.

Each test starts at /<lang>/eligibility/, presses the buttons the page shows and sends back the
hidden fields each form carries, so a test passes only if the answers really travel in the
pages. "Today" is fixed with time-machine (in Europe/Tallinn) so every date is exact.
"""

import re
from datetime import date
from urllib.parse import urlsplit

import pytest

from eligibility.flow import QUESTIONS
from tests.support.budgets import MAX_QUERIES_PER_PAGE
from tests.support.flow_client import (
    CHECKER_TODAY,
    Browser,
    Forms,
    matching_section,
    refugee_two_years,
    returned_citizen,
    travel_to,
)
from tests.support.languages import LANGUAGES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("checker_today")]

TODAY = CHECKER_TODAY


# --- Whole journeys ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "newly_arrived_until", "diverse_from"),
    [
        (
            "et",
            "Olete uussisserändaja kuni 15.06.2029",
            "Alates 16.06.2029 olete selle asemel",
        ),
        (
            "ru",
            "новоприбывшим иммигрантом до 15 июня 2029\u00a0г. включительно",
            "С 16 июня 2029\u00a0г.",
        ),
        ("en", "newly arrived immigrant until 15 June 2029", "From 16 June 2029 you count as"),
        (
            "uk",
            "новоприбулим іммігрантом до 15 червня 2029\u00a0р. включно",
            "З 16 червня 2029\u00a0р. замість цього",
        ),
    ],
)
def test_refugee_resident_two_years_is_protected_and_newly_arrived_with_dates(
    client, language, newly_arrived_until, diverse_from
):
    browser = refugee_two_years(Browser(client, language))
    assert 'value="result"' in browser.html  # the check answers page
    html = browser.press("result").html
    applies = matching_section(html)
    assert 'id="group-international_protection"' in applies
    assert 'id="group-new_immigrant"' in applies
    assert 'id="group-diverse_background"' not in applies
    assert newly_arrived_until in html
    assert diverse_from in html


def test_refugee_result_in_russian_names_both_groups_and_says_it_is_not_a_decision(client):
    html = refugee_two_years(Browser(client, "ru")).press("result").html
    assert "вы относитесь к 2 целевым группам проекта" in html
    assert "Получатели международной защиты" in html
    assert "Новоприбывшие иммигранты" in html
    assert "Вы признаны беженцем и имеете вид на жительство в Эстонии." in html
    assert "не официальное решение" in html
    assert "mailto:vitali.ljubimov@kjlv.ee" in html


@pytest.mark.parametrize(
    ("language", "until"),
    [
        ("et", "Olete tagasipöörduja kuni 15.11.2026"),
        ("ru", "Вы считаетесь репатриантом до 15 ноября 2026\u00a0г. включительно."),
        ("en", "You count as a repatriate until 15 November 2026."),
        ("uk", "Ви вважаєтеся репатріантом до 15 листопада 2026\u00a0р. включно."),
    ],
)
def test_citizen_who_returned_three_months_ago_is_repatriate_for_eight_months(
    client, language, until
):
    html = returned_citizen(Browser(client, language)).press("result").html
    applies = matching_section(html)
    assert 'id="group-repatriate"' in applies
    assert applies.count("<section") == 1
    assert until in html


def test_a_minor_who_returned_is_told_the_group_is_for_adults(client):
    html = returned_citizen(Browser(client, "en"), adult="no").press("result").html
    assert "none of the project's four target groups applies to you" in html
    assert (
        "This group is for adults, aged 18 or older. If you turn 18 on or before 15 November 2026, "
        "it can apply to you from your 18th birthday until that day."
    ) in html


def test_citizen_by_birth_who_never_left_belongs_to_no_group_and_is_told_kindly(client):
    browser = Browser(client, "en").start()
    browser.answer(estonian_citizen="by_birth").answer(returned="no")
    rows = browser.html
    assert "Estonian citizen" in rows
    assert "Moved back to Estonia" in rows
    html = browser.press("result").html
    assert "none of the project's four target groups applies to you at the moment" in html
    assert "You can still contact the project" in html
    assert "This group is for Estonian citizens who have moved back to Estonia from abroad." in html
    assert html.count("<section") == 4
    assert "Vitali Ljubimov" in html


def test_naturalised_citizen_is_asked_since_when_and_whether_they_moved_back(client):
    browser = Browser(client, "en").start().answer(estonian_citizen="naturalised")
    assert browser.question() == "resident_since"
    browser.answer(resident_since=(1, 2, 2010))
    assert browser.question() == "lived_abroad"
    browser.answer(lived_abroad="no")
    assert browser.question() == "returned"
    html = browser.answer(returned="no").press("result").html
    assert 'id="group-diverse_background"' in matching_section(html)
    assert "You became an Estonian citizen by naturalisation." in html


def test_eu_citizen_is_offered_only_the_rights_of_residence_of_eu_citizens(client):
    browser = Browser(client, "en").start().answer(estonian_citizen="no")
    browser.answer(citizenship="eu")
    offered = set(browser.radio_values())
    assert offered == {"eu_temporary_right", "eu_permanent_right", "none"}
    browser.press("citizenship").answer(citizenship="third_country")  # Back, then another answer
    offered = set(browser.radio_values())
    assert "eu_temporary_right" not in offered
    assert {"temporary_permit", "international_protection", "none"} <= offered


def test_without_a_legal_basis_the_date_is_not_asked(client):
    browser = Browser(client, "en").start().answer(estonian_citizen="no")
    browser.answer(citizenship="undetermined").answer(residence_basis="none")
    assert "Check your answers" in browser.html
    html = browser.press("result").html
    assert "none of the project's four target groups applies to you" in html


def test_outside_the_project_period_the_result_says_the_project_is_not_running(client):
    with travel_to(date(2028, 2, 1)):
        html = refugee_two_years(Browser(client, "en")).press("result").html
    assert "The project is not running at the moment." in html
    assert "The project ended on 31 December 2027." in html
    assert "Groups your answers match" in html
    assert "you belong to" not in html


# --- Errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "title_prefix", "message"),
    [
        ("et", "Viga:", "Sisestage olemasolev kuupäev"),
        ("ru", "Ошибка:", "Укажите существующую дату"),
        ("en", "Error:", "The date must be a real date"),
    ],
)
def test_31_february_is_not_a_real_date_and_the_summary_links_to_the_day(
    client, language, title_prefix, message
):
    browser = Browser(client, language).start().answer(estonian_citizen="naturalised")
    browser.answer(resident_since=(31, 2, 2020))
    page = browser.page
    assert browser.question() == "resident_since"
    assert page.title.startswith(f"{title_prefix} ")
    summary = browser.html[browser.html.index('class="error-summary"') :]
    assert f'<a href="#resident_since-day">{message}</a>' in summary
    assert 'id="resident_since-day"' in browser.html
    assert 'id="resident_since-error"' in browser.html
    assert 'value="31"' in browser.html  # what was typed is kept


@pytest.mark.parametrize(
    ("typed", "message", "target"),
    [
        ((15, 6, 2027), "The date must be today or in the past", "returned_on-day"),
        (("", "", ""), "Enter the date you moved back to Estonia", "returned_on-day"),
        ((15, "", 2026), "The date must include a month", "returned_on-month"),
        (("", "", 2026), "The date must include a day and month", "returned_on-day"),
        ((15, 13, 2026), "The date must be a real date", "returned_on-month"),
        ((15, "March", 2026), "The date must be a real date", "returned_on-month"),
        ((15, 3, 26), "The year must include 4 numbers", "returned_on-year"),
    ],
)
def test_date_errors_are_specific_and_link_to_the_box_to_fix(client, typed, message, target):
    browser = Browser(client, "en").start()
    browser.answer(estonian_citizen="by_birth").answer(returned="yes")
    browser.answer(returned_on=typed)
    assert browser.page.title.startswith("Error: When did you move back to Estonia?")
    assert f'<a href="#{target}">{message}</a>' in browser.html


def test_future_date_is_refused_however_far_ahead(client):
    browser = Browser(client, "en").start().answer(estonian_citizen="no")
    browser.answer(citizenship="third_country").answer(residence_basis="temporary_permit")
    browser.answer(protection="no").answer(resident_since=(16, 6, 2026))  # tomorrow
    assert "The date must be today or in the past" in browser.html
    browser.answer(resident_since=(15, 6, 2026))  # today
    assert browser.question() == "lived_abroad"


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("et", "Valige, kas olete Eesti kodanik"),
        ("ru", "Укажите, являетесь ли вы гражданином Эстонии"),
        ("en", "Select whether you are an Estonian citizen"),
    ],
)
def test_a_missing_answer_asks_again_with_an_error_linked_to_the_first_radio(
    client, language, message
):
    browser = Browser(client, language).start().answer()
    assert browser.question() == "estonian_citizen"
    assert f'<a href="#estonian_citizen">{message}</a>' in browser.html
    assert 'id="estonian_citizen" name="estonian_citizen" type="radio"' in browser.html


def test_a_tampered_answer_is_asked_again_not_crashed_on(client):
    data = {"estonian_citizen": "no", "citizenship": "martian", "go": "result"}
    response = client.post("/en/eligibility/", data)
    assert response.status_code == 200
    assert 'name="step" value="citizenship"' in response.content.decode()


# --- Check answers, Change and Back --------------------------------------------------------------


def test_check_answers_lists_every_answer_with_a_change_button(client):
    browser = refugee_two_years(Browser(client, "en"))
    page = browser.page
    (form,) = [f for f in page.forms if any(b.get("value") == "result" for b in f["buttons"])]
    changes = [b["value"] for b in form["buttons"] if b["text"].startswith("Change")]
    assert changes == [
        "estonian_citizen",
        "citizenship",
        "residence_basis",
        "protection",
        "resident_since",
        "lived_abroad",
    ]
    assert "15 June 2024" in browser.html
    assert "Refugee status" in browser.html
    assert '<span class="visually-hidden"> Basis of residence</span>' in browser.html


def test_change_shows_the_question_with_the_answer_and_returns_to_check_answers(client):
    browser = refugee_two_years(Browser(client, "en")).press("resident_since", "Change")
    assert browser.question() == "resident_since"
    assert 'name="resident_since-year" type="text" inputmode="numeric" value="2024"' in browser.html
    browser.answer(resident_since=(15, 6, 2019))
    assert "Check your answers" in browser.html
    assert "15 June 2019" in browser.html
    html = browser.press("result").html
    assert 'id="group-diverse_background"' in matching_section(html)


def test_change_that_needs_new_questions_asks_them_before_check_answers(client):
    browser = Browser(client, "en").start()
    browser.answer(estonian_citizen="by_birth").answer(returned="no")
    browser.press("returned", "Change").answer(returned="yes")
    assert browser.question() == "returned_on"
    browser.answer(returned_on=(1, 5, 2026))
    assert browser.question() == "population_register"
    browser.answer(population_register="yes").answer(adult="yes")
    assert "Check your answers" in browser.html
    assert "1 May 2026" in browser.html


def test_change_that_makes_answers_irrelevant_drops_them(client):
    browser = refugee_two_years(Browser(client, "en")).press("estonian_citizen", "Change")
    browser.answer(estonian_citizen="by_birth")
    assert browser.question() == "returned"
    browser.answer(returned="no")
    assert "Check your answers" in browser.html
    assert "Refugee status" not in browser.html
    assert 'name="protection"' not in browser.html


def test_back_goes_to_the_previous_question_with_its_answer_kept(client):
    browser = Browser(client, "en").start().answer(estonian_citizen="no")
    browser.answer(citizenship="undetermined")
    assert browser.question() == "residence_basis"
    browser.press("citizenship")  # the Back button
    assert browser.question() == "citizenship"
    assert 'value="undetermined" checked' in browser.html
    browser.answer(citizenship="undetermined")
    assert browser.question() == "residence_basis"


def test_result_page_can_go_back_to_check_answers(client):
    browser = refugee_two_years(Browser(client, "en")).press("result").press("check")
    assert "Check your answers" in browser.html


# --- Privacy, caching, queries -------------------------------------------------------------------


def test_no_checker_response_sets_a_cookie_and_no_answer_may_be_stored(client):
    browser = refugee_two_years(Browser(client, "ru"))
    browser.press("resident_since", "Изменить").answer(resident_since=(31, 2, 2020))
    browser.answer(resident_since=(1, 1, 2020)).press("result")
    start_page, *answered = browser.responses
    assert len(answered) >= 8
    for response in browser.responses:
        assert not response.cookies
        assert "Set-Cookie" not in response
    for response in answered:
        assert response["Cache-Control"] == "no-store"
    # The empty start page holds no answers: browsers may keep it, and must revalidate it.
    assert start_page["Cache-Control"] == "no-cache"


def test_the_start_page_comes_from_the_page_cache_but_results_never_do(
    client, django_assert_num_queries, django_assert_max_num_queries
):
    first = client.get("/et/eligibility/")
    with django_assert_num_queries(0):
        assert client.get("/et/eligibility/").content == first.content
    for _attempt in range(2):
        browser = refugee_two_years(Browser(client, "et"))
        with django_assert_max_num_queries(MAX_QUERIES_PER_PAGE) as queries:
            browser.press("result")
        assert len(queries) > 0  # built afresh from the answers, never replayed
        assert "Rahvusvahelise kaitse saajad" in browser.html


def test_answers_never_appear_in_a_url(client):
    browser = returned_citizen(Browser(client, "en"))
    browser.press("result")
    for response in browser.responses:
        assert response.status_code == 200  # no redirects: no Location to carry answers
        page = Forms(response.content.decode())
        for form in page.forms:
            assert form["method"] == "post"
            assert form["action"] == "/en/eligibility/"
        for href in page.links:
            assert not urlsplit(href).query, href


def test_forms_post_without_csrf_tokens(client):
    html = refugee_two_years(Browser(client, "en")).html
    assert "csrfmiddlewaretoken" not in html


def test_the_result_page_runs_no_more_queries_than_a_page_may(
    client, django_assert_max_num_queries
):
    browser = refugee_two_years(Browser(client, "en"))
    # What next: the services and the next events for the groups, one query each.
    with django_assert_max_num_queries(MAX_QUERIES_PER_PAGE):
        browser.press("result")


def test_result_links_each_group_to_its_page(client):
    html = refugee_two_years(Browser(client, "ru")).press("result").html
    assert (
        'href="/ru/celevye-gruppy/novopribyvshie-immigranty/">Новоприбывшие иммигранты</a>' in html
    )


# --- The pages around it -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("et", "Kontrollige, millisesse sihtrühma te kuulute"),
        ("ru", "Узнайте, к какой целевой группе вы относитесь"),
        ("en", "Check which target group you belong to"),
    ],
)
def test_start_page_explains_and_starts_in_each_language(client, language, heading):
    browser = Browser(client, language).open()
    assert f"<h1>{heading}</h1>" in browser.html
    assert browser.press().question() == "estonian_citizen"


def test_main_menu_links_to_the_checker_and_marks_it_current_there(client):
    home = client.get("/en/").content.decode()
    assert '<a href="/en/eligibility/">Check your target group</a>' in home
    checker = client.get("/en/eligibility/").content.decode()
    assert '<a href="/en/eligibility/" aria-current="page">Check your target group</a>' in checker


def test_home_target_groups_and_group_pages_link_to_the_checker(client):
    for url in ["/et/", "/ru/celevye-gruppy/", "/en/target-groups/repatriates/"]:
        button = rf'class="button[^"]*" href="/{url.split("/")[1]}/eligibility/"'
        assert re.search(button, client.get(url).content.decode()), url


def test_sitemap_lists_the_checker_in_every_language(sitemap_urls):
    for language in ("et", "ru", "en"):
        assert f"/{language}/eligibility/" in sitemap_urls


def test_other_methods_are_not_allowed(client):
    assert client.put("/en/eligibility/").status_code == 405


def test_every_question_has_its_title_hint_and_summary_label_translated():
    from django.utils import translation

    def texts(question):
        return [str(question.title), str(question.hint), str(question.summary_label)]

    for question in QUESTIONS:
        with translation.override(None):  # the msgids: the English originals
            originals = texts(question)
        for language in LANGUAGES:
            if language == "en":
                continue
            with translation.override(language):
                translated = texts(question)
            untranslated = [o for o, t in zip(originals, translated, strict=True) if o == t]
            assert untranslated == [], (language, question.name)


def test_a_fact_the_engine_refuses_sends_the_person_back_to_that_question(rf):
    # The questions prevent this; the view must still not fail if the engine finds a problem,
    # here a residence that begins after the day decided on.
    from eligibility.flow import Flow
    from eligibility.views import result_page

    answers = {
        "estonian_citizen": "no",
        "citizenship": "eu",
        "residence_basis": "eu_temporary_right",
        "resident_since-day": "1",
        "resident_since-month": "6",
        "resident_since-year": "2026",
    }
    request = rf.post("/en/eligibility/", {**answers, "go": "result"})
    flow = Flow(request.POST, TODAY)
    flow.today = date(2026, 5, 31)  # decide on a day before the residence began
    html = result_page(request, flow).content.decode()
    assert 'name="step" value="resident_since"' in html
    assert '<a href="#resident_since-day">' in html
    assert 'name="resident_since-day"' in html
