"""WCAG 2.2 AA in a real browser, in every language of settings.LANGUAGES.

One tour visits every public page of the sitemap (with the sample content of `make demo`:
services, past, upcoming and cancelled events, news), a filtered list and one with an error,
the eligibility checker (the start page, every question, two pages with errors, check your
answers and each kind of result), the 404 page and the admin's login page, once each, in
Chromium against the site served by gunicorn. On each page it runs axe-core, keeps the HTML
as served for the Nu Html Checker (one run for all pages: the JVM is slow to start), and
measures the page at 320 CSS pixels and with the text at 200 %; on result pages it also looks
at the printed page. The tests below each assert one of those
findings for every page, so a failure names the pages and the problem in words.

The keyboard, no-JavaScript and language-switcher tests drive their own pages.
"""

import json
import subprocess
import sys
from dataclasses import dataclass, field, replace
from datetime import date

import pytest
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as translated  # `make messages` skips this name

from eligibility.flow import QUESTIONS
from measure.parameters import PROJECT_END
from measure.rules import decide, today_in_tallinn
from pages.models import TargetGroup
from tests.support import page_checks
from tests.support.axe import AXE, axe_violations
from tests.support.checker_scenarios import (
    CONTINUE,
    FACT_OF_ANSWER,
    SEE_RESULT,
    START,
    Scenario,
    answer_all,
    fill_in,
    scenarios,
    submit,
)
from tests.support.ci import require_command, require_file
from tests.support.keyboard import Keyboard
from tests.support.languages import LANGUAGES
from tests.support.servers import ROOT, sitemap_paths

# No database access here: Playwright's event loop shares this thread, and Django refuses that.
pytestmark = pytest.mark.browser

VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
DESKTOP = {"width": 1280, "height": 900}
NARROW = {"width": 320, "height": 640}  # WCAG 1.4.10 Reflow: 320 CSS pixels wide
DOUBLE_TEXT = "200%"  # WCAG 1.4.4 Resize text, as a reader's browser setting does it
OVERLAP_TOLERANCE_PX = 3
HTML = "text/html; charset=utf-8"

# Printed result: what must be on paper, and the site's chrome that must not.
PRINTED = ("main h1", ".result-panel", ".group-outcome", ".contact-card", ".contact-card a")
NOT_PRINTED = (
    ".skip-link",
    ".language-switcher",
    ".main-nav",
    ".site-footer",
    "main form",
    ".back-link",
)


@dataclass
class Visit:
    name: str
    language: str
    html: str
    axe: list = field(default_factory=list)
    reflow: list = field(default_factory=list)
    overlaps: list = field(default_factory=list)
    fixed_text: list = field(default_factory=list)
    printed: dict | None = None
    result: dict | None = None  # result pages: the groups shown and those the engine gives


class Tour:
    """One browser page walking the site; ``visit`` measures whatever page it shows."""

    def __init__(self, page):
        self.page = page
        self.visits: dict[str, Visit] = {}
        self.axe_source = AXE.read_text()
        self.document = None
        page.on("response", self._remember_document)

    def _remember_document(self, response):
        if response.request.is_navigation_request() and response.frame == self.page.main_frame:
            self.document = response

    def visit(self, name, language) -> Visit:
        assert name not in self.visits, name
        page = self.page
        visit = Visit(name, language, self.document.text())
        visit.axe = axe_violations(page, self.axe_source)
        # Text doubled (WCAG 1.4.4) on the desktop and at 320 px, then 320 px alone (1.4.10).
        before = page.evaluate(page_checks.FONT_SIZES)
        page.evaluate(page_checks.SET_TEXT_SIZE, DOUBLE_TEXT)
        after = page.evaluate(page_checks.FONT_SIZES)
        visit.fixed_text = [
            f'{element} "{text}" stays at {size}px'
            for key, (element, text, size) in after.items()
            if key in before and size < 1.9 * before[key][2]
        ]
        visit.overlaps = self.overlaps("desktop")
        page.set_viewport_size(NARROW)
        visit.overlaps += self.overlaps("320 px")
        page.evaluate(page_checks.SET_TEXT_SIZE, "")
        visit.reflow = page.evaluate(page_checks.REFLOW)
        page.set_viewport_size(DESKTOP)
        self.visits[name] = visit
        return visit

    def glance(self, name, language) -> Visit:
        """The page as served, for the Nu Html Checker, without the browser's measurements."""
        assert name not in self.visits, name
        self.visits[name] = Visit(name, language, self.document.text())
        return self.visits[name]

    def overlaps(self, window):
        found = self.page.evaluate(page_checks.OVERLAPS, OVERLAP_TOLERANCE_PX)
        return [f"{window}: {problem}" for problem in found]

    def printed(self, visit):
        self.page.emulate_media(media="print")
        visit.printed = self.page.evaluate(page_checks.DRAWN, [*PRINTED, *NOT_PRINTED])
        self.page.emulate_media(media="screen")

    def result(self, visit, scenario: Scenario, today: date):
        decision = decide(scenario.facts, today)
        with translation.override(visit.language):
            expected = [str(TargetGroup.Code(group).label) for group in decision.groups]
        shown = self.page.locator(".group-outcome--match .group-outcome__name").all_inner_texts()
        visit.result = {"expected": expected, "shown": shown, "active": decision.project_active}
        self.printed(visit)


def result_kind(result) -> str:
    if not result["active"]:
        return "project not running"
    if not result["expected"]:
        return "no group"
    return "one group" if len(result["expected"]) == 1 else "several groups"


# The questions also visited with an error, and the answer that causes it ("" : none given).
ERRORS_SHOWN = {
    "estonian_citizen": "",
    "resident_since": "31 February",
    "resident_again_since": date(2000, 1, 1),  # not more than six months after the first permit
}


# One person for each kind of result: several groups, one group, one that ends, no group.
MEASURED_RESULTS = ("refugee", "long_term_resident", "repatriate", "visitor")


def walk_checker(tour, base, language):
    """Every question once (three also with an error), and each result."""
    page = tour.page
    seen = set()

    def on_question(page, question):
        radios = tuple(
            page.eval_on_selector_all("input[type=radio]", "els => els.map(e => e.value)")
        )
        if (question, radios) in seen:
            return
        seen.add((question, radios))
        tour.visit(f"{language}: checker question {question} {len(seen)}", language)
        wrong = ERRORS_SHOWN.get(question)
        if wrong is None or f"{language}: checker question {question} with an error" in tour.visits:
            return
        if wrong == "31 February":
            fill_in(page, question, date(2021, 2, 1))
            page.fill(f"#{question}-day", "31")
        elif wrong:
            fill_in(page, question, wrong)
        submit(page, CONTINUE)
        tour.visit(f"{language}: checker question {question} with an error", language)

    today = today_in_tallinn()
    for scenario in scenarios(today).values():
        page.goto(f"{base}/{language}/eligibility/")
        if scenario.name == "refugee":
            tour.visit(f"{language}: checker start", language)
        submit(page, START)
        answer_all(page, scenario, on_page=on_question)
        if scenario.name == "refugee":
            tour.visit(f"{language}: checker check your answers", language)
        submit(page, SEE_RESULT)
        # The result page is measured once per kind of result; the other people's results are
        # the same page with other groups, so only their HTML and their groups are checked.
        look = tour.visit if scenario.name in MEASURED_RESULTS else tour.glance
        tour.result(look(f"{language}: checker result {scenario.name}", language), scenario, today)


def project_ended_results():
    """Result pages from after the project, by language: see tests/support/result_on_day.py."""
    day = PROJECT_END.replace(year=PROJECT_END.year + 1, month=3, day=1)
    rendered = subprocess.run(  # noqa: S603 - this project's own module
        [sys.executable, "-m", "tests.support.result_on_day", day.isoformat(), "refugee"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(rendered.stdout), scenarios(day)["refugee"], day


@pytest.fixture(scope="module")
def tour(live_site, browser):
    require_file(AXE, "axe-core comes from npm")
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    tour = Tour(page)
    ended, ended_scenario, ended_day = project_ended_results()
    sitemap = sitemap_paths(live_site)
    for language in LANGUAGES:
        for path in sitemap:
            if path.startswith(f"/{language}/"):
                page.goto(live_site + path)
                tour.visit(f"{language}: {path}", language)
        with translation.override(language):
            services = reverse("activities:services")
        # A list narrowed by the GET form (not in the sitemap), and one with a filter error.
        page.goto(f"{live_site}{services}?group=repatriate&language=ru")
        tour.visit(f"{language}: filtered list of services", language)
        page.goto(f"{live_site}{services}?group=nobody")
        tour.visit(f"{language}: list of services with a filter error", language)
        response = page.goto(f"{live_site}/{language}/no-such-page/")
        assert response.status == 404
        tour.visit(f"{language}: page not found", language)
        with translation.override(language):
            page.goto(live_site + reverse("admin:login"))
        tour.visit(f"{language}: admin login", language)
        walk_checker(tour, live_site, language)

        url = f"{live_site}/{language}/eligibility/?project-ended"
        page.route(url, answer_with(ended[language]))
        page.goto(url)
        page.unroute(url)
        visit = tour.visit(f"{language}: checker result after the project", language)
        tour.result(visit, ended_scenario, ended_day)
    yield tour
    context.close()


def answer_with(html):
    return lambda route: route.fulfill(body=html, content_type=HTML)


def report(found: dict[str, list]) -> str:
    return "\n".join(f"{page}:\n  " + "\n  ".join(problems) for page, problems in found.items())


def test_the_tour_covers_every_page_and_each_kind_of_result(tour, live_site):
    names = list(tour.visits)
    assert len([name for name in names if ": /" in name]) == len(sitemap_paths(live_site))
    for language in LANGUAGES:
        assert f"{language}: page not found" in names
        assert f"{language}: admin login" in names
        for question in ERRORS_SHOWN:
            assert f"{language}: checker question {question} with an error" in names
        asked = {name.split()[3] for name in names if name.startswith(f"{language}: checker q")}
        assert asked == {question.name for question in QUESTIONS}, language
        assert f"{language}: filtered list of services" in names
        # make demo's sample content (tests/conftest.py, live_site): a cancelled event's page.
        cancelled = [
            visit.name
            for visit in tour.visits.values()
            if visit.language == language and 'class="cancelled-notice"' in visit.html
        ]
        assert cancelled, f"{language}: no page of a cancelled event was visited"
    results = [visit for visit in tour.visits.values() if visit.result]
    wrong = {
        v.name: [f"shows {v.result['shown']}, the rules give {v.result['expected']}"]
        for v in results
        if v.result["shown"] != v.result["expected"]
    }
    assert not wrong, report(wrong)
    kinds = {result_kind(visit.result) for visit in results}
    assert "project not running" in kinds
    if today_in_tallinn() <= PROJECT_END:
        assert kinds == {"one group", "several groups", "no group", "project not running"}


def test_no_axe_violations(tour):
    found = {
        visit.name: [f"{v['id']} ({v['help']}): " + "; ".join(v["nodes"]) for v in visit.axe]
        for visit in tour.visits.values()
        if visit.axe
    }
    assert not found, report(found)


def test_no_html_errors(tour, tmp_path):
    require_file(VNU, "the Nu Html Checker comes from npm")
    require_command("java", "the Nu Html Checker runs on Java 17")
    files = {}
    for number, visit in enumerate(tour.visits.values()):
        path = tmp_path / f"{number:03d}.html"
        path.write_text(visit.html)
        files[path.as_uri()] = visit.name
    # Java 17 from the system (.ci/run installs it), validating our own files.
    checked = subprocess.run(  # noqa: S603
        [  # noqa: S607
            "java",
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            *map(str, tmp_path.glob("*.html")),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(checked.stderr)["messages"]
    found = {}
    for message in messages:
        where = files.get(message.get("url", ""), message.get("url", "?"))
        found.setdefault(where, []).append(
            f"line {message.get('lastLine', '?')}: {message['message']}"
        )
    assert not found, report(found)


def test_320_px_wide_no_sideways_scrolling_and_no_text_cut_off(tour):
    found = {visit.name: visit.reflow for visit in tour.visits.values() if visit.reflow}
    assert not found, report(found)


def test_text_at_200_percent_grows_and_nothing_overlaps(tour):
    found = {
        visit.name: visit.fixed_text + visit.overlaps
        for visit in tour.visits.values()
        if visit.fixed_text or visit.overlaps
    }
    assert not found, report(found)


def test_printed_result_shows_result_and_contacts_without_the_site_chrome(tour):
    found = {}
    for visit in tour.visits.values():
        if visit.printed is None:
            continue
        problems = [
            f"{selector} is not printed" for selector in PRINTED if not visit.printed[selector]
        ]
        problems += [
            f"{selector} is printed" for selector in NOT_PRINTED if visit.printed[selector]
        ]
        if problems:
            found[visit.name] = problems
    assert not found, report(found)


# --- The keyboard alone ---------------------------------------------------------------------------

# The languages take these people in turn (in the order of settings.LANGUAGES), so that every
# question is answered by keyboard.
KEYBOARD_PEOPLE = ("repatriate", "long_term_refugee", "back_after_years_abroad")


def person_for(people, language):
    return people[LANGUAGES.index(language) % len(people)]


def answer_by_keyboard(keyboard, question, value):
    page = keyboard.page
    if isinstance(value, date):
        keyboard.tab_to(lambda focus: focus["id"] == f"{question}-day")
        page.keyboard.type(str(value.day))
        assert keyboard.press("Tab")["id"] == f"{question}-month"
        page.keyboard.type(str(value.month))
        assert keyboard.press("Tab")["id"] == f"{question}-year"
        page.keyboard.type(str(value.year))
        return
    choices = page.eval_on_selector_all(
        f"input[name='{question}']", "radios => radios.map(radio => radio.value)"
    )
    first = keyboard.tab_to(lambda focus: focus["name"] == question)
    assert first["value"] == choices[0], "Tab should enter a group of radios at its first one"
    # Shift+Tab leaves the group backwards (to Back), Tab comes back to it.
    assert keyboard.press("Shift+Tab")["name"] != question
    keyboard.press("Tab")
    for _ in range(choices.index(value)):
        assert keyboard.press("ArrowDown")["name"] == question
    if choices.index(value) == 0:
        keyboard.press("Space")
    assert page.is_checked(f"input[name='{question}'][value='{value}']")


def test_the_keyboard_people_answer_every_question_between_them():
    people = scenarios()
    answered = {question for name in KEYBOARD_PEOPLE for question, _ in people[name].answers}
    assert answered == {question.name for question in QUESTIONS}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_whole_check_by_keyboard_alone_with_focus_always_visible(live_site, browser, language):
    person = scenarios()[person_for(KEYBOARD_PEOPLE, language)]
    with translation.override(language):
        continue_text, result_heading = translated("Continue"), translated("Your result")
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{live_site}/{language}/eligibility/")
    keyboard = Keyboard(page)

    keyboard.tab_to(lambda focus: "button--start" in focus["classes"])
    keyboard.activate()
    for question, value in person.answers:
        answer_by_keyboard(keyboard, question, value)
        keyboard.tab_to(lambda focus: focus["tag"] == "button" and focus["text"] == continue_text)
        keyboard.activate()
    keyboard.tab_to(lambda focus: focus["value"] == "result")
    keyboard.activate()

    assert page.locator("h1").inner_text() == result_heading
    # Every link and button of the result page shows where focus is.
    assert keyboard.tab_through_page() > 10
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_main_content(
    live_site, browser, language
):
    with translation.override(language):
        skip_text = translated("Skip to main content")
    context = browser.new_context(viewport=NARROW)
    page = context.new_page()
    page.goto(f"{live_site}/{language}/")
    keyboard = Keyboard(page)
    skip_link = keyboard.press("Tab")
    assert "skip-link" in skip_link["classes"]
    assert skip_link["text"] == skip_text
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")
    context.close()


# --- Without JavaScript ---------------------------------------------------------------------------


# Between them, these people answer every question, each kind of result among them.
NO_JAVASCRIPT_PEOPLE = ("refugee", "repatriate", "back_after_years_abroad", "long_term_refugee")


def test_the_people_without_javascript_answer_every_question_between_them():
    people = scenarios()
    answered = {question for name in NO_JAVASCRIPT_PEOPLE for question, _ in people[name].answers}
    assert answered == {question.name for question in QUESTIONS}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_checker_works_end_to_end_without_javascript(live_site, browser, language):
    """Every question, in every language, without JavaScript."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for name in NO_JAVASCRIPT_PEOPLE:
        check_without_javascript(page, live_site, language, scenarios()[name])
    context.close()


def check_without_javascript(page, live_site, language, person):
    first_question, first_answer = person.answers[0]
    page.goto(f"{live_site}/{language}/eligibility/")
    submit(page, START)

    # Back keeps the answer given.
    fill_in(page, first_question, first_answer)
    submit(page, CONTINUE)
    submit(page, "button.back-link")
    assert page.is_checked(f"input[name='{first_question}'][value='{first_answer}']")
    answer_all(page, person)

    # Change the last date on "check your answers": back there after that one question.
    facts = person.facts
    dates = [(question, value) for question, value in person.answers if isinstance(value, date)]
    if dates:
        date_question, entered = dates[-1]
        changed = entered - relativedelta(months=1)
        submit(page, f"button[name='go'][value='{date_question}']")
        fill_in(page, date_question, changed)
        submit(page, CONTINUE)
        facts = replace(facts, **{FACT_OF_ANSWER.get(date_question, date_question): changed})
    submit(page, SEE_RESULT)

    with translation.override(language):
        expected = [
            str(TargetGroup.Code(group).label) for group in decide(facts, today_in_tallinn()).groups
        ]
    shown = page.locator(".group-outcome--match .group-outcome__name").all_inner_texts()
    assert shown == expected, person.name
    assert page.locator(".contact-card").count() > 0


# --- The language switcher ------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_switcher_names_each_language_in_its_own_language(live_site, browser, language):
    """What a screen reader announces: a "Language" navigation with one link per language,
    named in that language and marked with its `lang` (so it is pronounced right), the current
    one marked as current."""
    with translation.override(language):
        label = translated("Language")
        pages = [reverse("pages:home"), reverse("eligibility:check"), f"/{language}/no-such-page/"]
    context = browser.new_context(viewport=NARROW)
    page = context.new_page()
    for path in pages:
        page.goto(live_site + path)
        assert page.locator("html").get_attribute("lang") == language
        switcher = page.get_by_role("navigation", name=label, exact=True)
        assert switcher.get_by_role("link").count() == len(settings.LANGUAGES)
        for code, name in settings.LANGUAGES:
            link = switcher.get_by_role("link", name=name, exact=True)
            assert link.get_attribute("lang") == code, (path, name)
            assert link.get_attribute("hreflang") == code, (path, name)
            current = link.get_attribute("aria-current")
            assert current == ("true" if code == language else None), (path, name)
        assert f'link "{dict(settings.LANGUAGES)[language]}"' in switcher.aria_snapshot()
    context.close()
