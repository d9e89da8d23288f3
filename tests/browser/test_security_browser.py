"""In a real browser: the Content-Security-Policy stops an injected inline script, and the
admin's richest page (language tabs, rich-text editor) works under it without a violation."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.support.https_site import STAFF_PASSWORD, STAFF_USERNAME
from tests.support.totp import totp

pytestmark = pytest.mark.browser

# Runs before any page script and outside the page's CSP (Playwright injects it), so it sees
# every violation the page reports.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
});
"""
INJECTED = "<script>window.__pwned = 1;</script>"


def recording_page(browser, **context_options):
    context = browser.new_context(**context_options)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    return page, errors


def test_csp_blocks_a_script_injected_into_a_page(live_site, browser):
    page, errors = recording_page(browser)

    def inject(route):
        response = route.fetch()
        html = response.text().replace("</main>", f"{INJECTED}</main>")
        route.fulfill(response=response, body=html, headers=response.headers)

    page.route(re.compile(r".*/ru/proekt/$"), inject)
    page.goto(f"{live_site}/ru/proekt/")
    assert INJECTED in page.content()  # the script is in the page …
    assert page.evaluate("window.__pwned") is None  # … and did not run
    violations = page.evaluate("window.__violations")
    assert any(violation.startswith("script-src") for violation in violations), violations
    assert any("Content Security Policy" in error for error in errors), errors
    page.context.close()


def test_the_admin_change_page_works_under_the_policy_with_two_factor(https_site, browser):
    server, _ca_file = https_site
    page, errors = recording_page(browser, ignore_https_errors=True)
    with translation.override("et"):
        login, index = reverse("admin:login"), reverse("admin:index")
        changelist = reverse("admin:pages_page_changelist")

    # Production requires two-factor: sign in, then set it up as a phone's app would.
    page.goto(server.base + login)
    page.fill("#id_username", STAFF_USERNAME)
    page.fill("#id_password", STAFF_PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r".*/two-factor/$"))
    assert page.locator("img[src$='qr.svg']").evaluate("image => image.naturalWidth") > 0
    key = page.locator("code").inner_text()
    page.fill("#id_token", totp(key))
    page.click("input[type=submit]")
    page.wait_for_url(server.base + index)

    page.goto(server.base + changelist)
    page.locator("#result_list tbody a").first.click()
    page.wait_for_url(re.compile(r".*/change/$"))
    # modeltranslation's language tabs: switching shows the other language's fields.
    tabs = page.locator(".ui-tabs-nav a")
    assert tabs.count() >= 3
    tabs.filter(has_text="RU").first.click()
    assert page.locator("#id_title_ru").first.is_visible()
    # django-prose-editor turned the Russian text into an editor one can type in.
    editor = page.locator(".ProseMirror[contenteditable=true]:visible").first
    editor.click()
    page.keyboard.type(" Проверка")
    assert "Проверка" in editor.inner_text()

    assert page.evaluate("window.__violations") == []
    assert [error for error in errors if "Content Security Policy" in error] == []
    page.context.close()
