"""The sign-up page and the page its e-mails link to, in a real browser: no axe violations
(with and without errors shown), usable by keyboard alone with focus always visible. (axe
needs JavaScript in the page; the site itself has none: the forms are plain HTML.)"""

import tempfile

import pytest

from tests.support.axe import axe_violations
from tests.support.keyboard import Keyboard
from tests.support.servers import GunicornServer, collect_static, manage, migrated_database
from tests.support.signup_site import create_event, signup_path

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def signup_site():
    """gunicorn as `make run` starts it, on a database of its own with one event to sign up
    for: (base URL, event id). Session-scoped and named before `browser`, so it starts before
    Playwright does (as live_site does)."""
    collect_static()
    with tempfile.TemporaryDirectory() as cache_dir, migrated_database() as database_url:
        environment = {"DATABASE_URL": database_url, "CACHE_DIR": cache_dir}
        event_id = create_event(environment, capacity=1)
        manage("check", env=environment)
        with GunicornServer({**environment, "WEB_CONCURRENCY": "2"}) as server:
            yield server.base, event_id


def no_violations(page):
    violations = axe_violations(page)
    assert violations == [], violations


def type_into(keyboard, field_id, text):
    keyboard.tab_to(lambda focus: focus["id"] == field_id)
    keyboard.page.keyboard.type(text)


def test_the_sign_up_page_and_its_errors_pass_axe(signup_site, browser):
    base, event_id = signup_site
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + signup_path(event_id))
    no_violations(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign up").click()
    assert page.title().startswith("Error:")
    summary = page.locator(".error-summary")
    assert "Enter your name" in summary.inner_text()
    no_violations(page)
    # The summary's link takes the reader to the field.
    summary.get_by_role("link", name="Enter your name").click()
    assert page.evaluate("document.activeElement.id") == "id_name"
    context.close()


def test_sign_up_and_cancel_by_keyboard_alone_with_focus_always_visible(signup_site, browser):
    base, event_id = signup_site
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + signup_path(event_id))
    keyboard = Keyboard(page)
    type_into(keyboard, "id_name", "Keyboard User")
    type_into(keyboard, "id_email", "keyboard@example.org")
    keyboard.tab_to(lambda focus: focus["id"] == "id_needs_0")
    keyboard.press("Space")
    keyboard.tab_to(lambda focus: focus["tag"] == "button" and focus["text"] == "Sign up")
    keyboard.activate()
    assert page.locator(".result-panel").inner_text() == "You are signed up"
    no_violations(page)

    keyboard.tab_to(lambda focus: focus["text"] == "Yes, cancel my sign-up")
    keyboard.activate()
    assert page.locator(".result-panel").inner_text() == "Your sign-up is cancelled"
    no_violations(page)
    keyboard.tab_to(lambda focus: focus["text"] == "Delete my details")
    keyboard.activate()
    assert page.locator(".result-panel").inner_text() == "Your details are deleted"
    no_violations(page)
    context.close()


def test_the_closed_sign_up_page_passes_axe(signup_site, browser):
    base, event_id = signup_site
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + f"/en/events/{event_id}/")
    no_violations(page)
    page.goto(base + "/en/sign-up/not-a-real-link:abc/")
    assert page.locator("h1").inner_text() == "This link does not work"
    no_violations(page)
    context.close()
