"""Staff and sign-ups: signing people up by phone or in person with the website's rules,
attendance, each person's status and e-mails, and names shown only to those allowed."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import translation

from audit.models import AuditEntry
from signup import booking
from signup.models import Registration
from tests.support.signup import signup_event
from tests.support.staff import staff_with

pytestmark = pytest.mark.django_db

ADD = "admin:signup_registration_add"


@pytest.fixture(autouse=True)
def english_admin():
    with translation.override("en"):
        yield


@pytest.fixture
def desk():
    return staff_with(
        "view_participants",
        "view_registration",
        "add_registration",
        "change_registration",
        username="desk",
    )


def staff_form(event, **fields):
    return {
        "event": event.pk,
        "channel": "phone",
        "name": "Helistaja",
        "email": "",
        "phone": "+372 5123 4567",
        "language": "ru",
        "children": "0",
        **fields,
    }


def test_staff_sign_someone_up_by_phone_without_an_e_mail_address(desk):
    event = signup_event(capacity=1)
    response = desk.post(reverse(ADD), staff_form(event))
    assert response.status_code == 302, response.content.decode()[:3000]
    registration = event.registrations.get()
    assert (registration.channel, registration.status, registration.phone) == (
        "phone",
        "confirmed",
        "+37251234567",
    )


def test_staff_sign_ups_follow_the_same_rules_as_the_website(desk):
    event = signup_event(capacity=1, waiting_list_size=0)
    desk.post(reverse(ADD), staff_form(event))
    full = desk.post(reverse(ADD), staff_form(event, phone="+372 5999 9999", channel="in_person"))
    assert "This event is full and so is its waiting list." in full.content.decode()
    same = desk.post(reverse(ADD), staff_form(event))
    assert "already signed up" in same.content.decode()
    assert event.registrations.count() == 1


def test_staff_need_a_contact_and_a_name(desk):
    event = signup_event()
    response = desk.post(reverse(ADD), staff_form(event, phone="", name=""))
    assert response.status_code == 200
    assert "Enter an e-mail address or a phone number" in response.content.decode() or (
        "This field is required" in response.content.decode()
    )
    assert event.registrations.count() == 0


def test_the_add_form_offers_the_event_from_its_admin_page(desk):
    event = signup_event()
    response = desk.get(reverse(ADD) + f"?event={event.pk}")
    assert f'<option value="{event.pk}" selected>' in response.content.decode()


def test_mark_attended_and_see_each_persons_status_and_e_mails(desk):
    event = signup_event(capacity=1)
    first, _created = booking.sign_up(
        event.pk, booking.Person(name="Anna", email="anna@example.org", language="et")
    )
    booking.sign_up(
        event.pk, booking.Person(name="Boris", email="boris@example.org", language="ru")
    )
    listed = desk.get(
        reverse("admin:signup_registration_changelist") + f"?event__id__exact={event.pk}"
    )
    html = listed.content.decode()
    assert "Anna" in html and "Boris" in html and "on the waiting list" in html
    desk.post(
        reverse("admin:signup_registration_changelist"),
        {"action": "mark_attended", "_selected_action": [first.pk]},
    )
    first.refresh_from_db()
    assert first.status == Registration.Status.ATTENDED
    detail = desk.get(reverse("admin:signup_registration_change", args=[first.pk])).content.decode()
    assert "signup_confirmed" in detail
    assert "waiting to be sent" in detail  # the e-mail's status, from the outbox


def test_without_the_participants_permission_no_names_are_shown():
    event = signup_event()
    registration, _created = booking.sign_up(
        event.pk, booking.Person(name="Anna", email="anna@example.org", language="et")
    )
    client = staff_with("view_registration", "add_registration", username="editor")
    assert client.get(reverse("admin:signup_registration_changelist")).status_code == 403
    detail = reverse("admin:signup_registration_change", args=[registration.pk])
    assert client.get(detail).status_code in (302, 403)
    assert client.get(reverse(ADD)).status_code == 403


def test_the_audit_log_records_every_list_and_sign_up_a_coordinator_sees(desk):
    event = signup_event()
    registration, _created = booking.sign_up(
        event.pk, booking.Person(name="Anna", email="anna@example.org", language="et")
    )
    desk.get(reverse("admin:signup_registration_changelist"))
    desk.get(reverse("admin:signup_registration_change", args=[registration.pk]))
    desk.post(reverse(ADD), staff_form(event))
    entries = AuditEntry.objects.order_by("pk")
    assert [entry.action for entry in entries] == [AuditEntry.Action.VIEWED_PARTICIPANTS] * 3
    assert entries[1].object_id == str(registration.pk)
    assert all("Anna" not in entry.what for entry in entries)  # the log names no participant


def test_the_event_admin_links_its_sign_ups():
    event = signup_event()
    user = User.objects.create_superuser("boss")
    client = Client()
    client.force_login(user)
    html = client.get(reverse("admin:activities_event_change", args=[event.pk])).content.decode()
    assert f"?event__id__exact={event.pk}" in html
    assert f"?event={event.pk}" in html
