"""The lists of services and events in a real browser without JavaScript: the filter form
narrows the list by its labelled controls alone, and a cancelled event says so."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as translated  # `make messages` skips this name

from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_services_filter_works_without_javascript(live_site, browser, language):
    with translation.override(language):
        services = reverse("activities:services")
        for_whom, in_language = translated("For whom"), translated("In which language")
        show = translated("Show")
        group_name = translated("Repatriates")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_site + services)
    everything = page.locator(".card").count()
    page.get_by_label(for_whom, exact=True).select_option(label=group_name)
    page.get_by_label(in_language, exact=True).select_option("ru")
    with page.expect_navigation():
        page.get_by_role("button", name=show).click()
    assert "group=repatriate" in page.url and "language=ru" in page.url
    narrowed = page.locator(".card").count()
    assert 0 < narrowed < everything
    assert page.get_by_label(for_whom, exact=True).input_value() == "repatriate"
    context.close()


def test_a_cancelled_event_is_marked_in_the_list_and_on_its_page(live_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_site}/en/events/")
    cancelled = page.locator(".event-list__item--cancelled")
    assert cancelled.count() >= 1
    assert "Cancelled" in cancelled.first.inner_text()
    with page.expect_navigation():
        cancelled.first.locator("a").first.click()
    assert page.title().startswith("Cancelled:")
    assert page.locator(".cancelled-notice").inner_text().startswith("This event is cancelled.")
    context.close()
