"""The start page's sections about what needs attention, each a count with a link to the
admin's list filtered to just those items: services due for a check, e-mails that failed, and
the coming events with sign-up and how many have signed up."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_date

from activities.models import Service
from activities.parameters import SERVICE_CHECK_INTERVAL, START_PAGE_EVENT_DAYS
from activities.start_page import HOLDING_A_PLACE, WAITING
from outbox.messages import queue_message
from outbox.models import Email
from signup.models import Registration
from tests.support.activities import make_event, make_service
from tests.support.staff import signed_in, staff_member, start_page_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return signed_in(staff_member("editor", "Editors"))


def start_page(client, language="en"):  # the sections' words are checked in English
    return start_page_of(client, language)


def section_of(response, module_id):
    html = response.content.decode()
    start = html.index(f'id="{module_id}"')
    return html[start : html.index("</table>", start)]


def link_in(response, module_id, text):
    """The address of the section's link whose words contain `text`."""
    links = re.findall(r'<a href="([^"]+)">([^<]*)</a>', section_of(response, module_id))
    (href,) = [unescape(href) for href, words in links if text in unescape(words)]
    return href


def rows_of(response, module_id):
    """The section's table rows, each a list of its cells' texts."""
    rows = re.findall(r"<tr>(.*?)</tr>", section_of(response, module_id), re.DOTALL)
    return [
        [" ".join(unescape(re.sub(r"<[^>]+>", " ", cell)).split()) for cell in cells]
        for cells in (re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.DOTALL) for row in rows)
    ]


def listed(client, url):
    with translation.override("en"):
        response = client.get(url)
    assert response.status_code == 200
    return {str(item) for item in response.context["cl"].result_list}


def test_services_due_for_a_check_are_counted_and_linked_to_the_list_of_them(editor):
    today = timezone.localdate()
    Service.objects.update(checked_on=today)  # the initial content: all checked today
    make_service("Never checked")
    make_service("Checked long ago", checked_on=today - SERVICE_CHECK_INTERVAL - timedelta(days=1))
    make_service("Checked lately", checked_on=today - timedelta(days=30))
    response = start_page(editor)
    href = link_in(response, "services-due-module", "2 services were last checked more than")
    assert "6 months ago, or never" in response.content.decode()
    assert listed(editor, href) == {"Never checked", "Checked long ago"}


def test_with_every_service_checked_the_section_says_so(editor):
    Service.objects.update(checked_on=timezone.localdate())
    html = start_page(editor, "ru").content.decode()
    assert "Все услуги проверены за последние 6 месяцев." in html


def failed_email():
    email = queue_message(
        kind="test",
        recipient="resident@example.org",
        language="ru",
        template="outbox/test_message",
        context={"queued_at": timezone.now()},
    )
    Email.objects.filter(pk=email.pk).update(status="failed", failed_at=timezone.now())
    return email


@pytest.fixture
def outbox_watcher():
    """Staff who may view the outbox (no role has it: it is given person by person)."""
    user = staff_member("watcher")
    user.user_permissions.add(Permission.objects.get(codename="view_email"))
    return signed_in(user)


def test_failed_e_mails_are_counted_and_linked_to_the_outbox_list_of_failed_ones(
    outbox_watcher,
):
    assert "No e-mail failed." in start_page(outbox_watcher).content.decode()
    failed = [failed_email(), failed_email()]
    queue_message(
        kind="test",
        recipient="other@example.org",
        language="et",
        template="outbox/test_message",
        context={"queued_at": timezone.now()},
    )
    response = start_page(outbox_watcher)
    href = link_in(response, "failed-emails-module", "2 e-mails were not sent")
    with translation.override("en"):
        shown = outbox_watcher.get(href).context["cl"].result_list
    assert {email.pk for email in shown} == {email.pk for email in failed}


def test_staff_who_may_not_see_e_mail_get_no_section_about_it(editor):
    failed_email()
    assert 'id="failed-emails-module"' not in start_page(editor).content.decode()


def test_the_statuses_counted_are_the_sign_up_apps_own():
    # Named here, not imported (the sign-up app imports activities): they must stay in step.
    assert {*HOLDING_A_PLACE, *WAITING} <= set(Registration.Status.values)


def sign_ups(event, **counts):
    for status, count in counts.items():
        for number in range(count):
            Registration.objects.create(
                event=event, status=status, email=f"{status}{number}@example.org", language="et"
            )


def test_coming_events_with_sign_up_show_how_many_hold_a_place_and_wait(editor):
    soon = timezone.now() + timedelta(days=3)
    event = make_event("Keelekohvik", soon, capacity=20)
    sign_ups(event, confirmed=2, attended=1, waiting=1, cancelled=4)
    make_event("No sign-up", soon)  # no number of places: anyone may come
    make_event("Cancelled", soon, capacity=10, cancelled=True)
    make_event("Later", timezone.now() + timedelta(days=START_PAGE_EVENT_DAYS + 1), capacity=10)
    response = start_page(editor)
    html = response.content.decode()
    assert f"Events with sign-up in the next {START_PAGE_EVENT_DAYS} days" in html
    [row] = [row for row in rows_of(response, "coming-events-module") if "Keelekohvik" in row[0]]
    assert row[1:] == ["3 of 20", "1"]
    for other in ("No sign-up", "Cancelled", "Later"):
        assert other not in html
    with translation.override("en"):
        change = reverse("admin:activities_event_change", args=[event.pk])
    assert change in html
    href = link_in(response, "coming-events-module", "These events in the list of events")
    assert listed(editor, href) == {"Keelekohvik"}


def test_the_coming_events_are_counted_in_the_staff_members_language(editor):
    make_event("Keelekohvik", timezone.now() + timedelta(days=1), capacity=5)
    html = start_page(editor, "uk").content.decode()
    assert f"Події з реєстрацією: найближчі {START_PAGE_EVENT_DAYS} днів" in html
    assert "0 з 5" in html


def test_the_filtered_events_list_is_the_next_days_from_today(editor):
    response = start_page(editor)
    href = link_in(response, "coming-events-module", "These events in the list of events")
    query = dict(part.split("=") for part in href.partition("?")[2].split("&"))
    first = parse_date(query["starts_at__date__gte"])
    last = parse_date(query["starts_at__date__lte"])
    assert first == timezone.localdate()
    assert (last - first).days == START_PAGE_EVENT_DAYS - 1
