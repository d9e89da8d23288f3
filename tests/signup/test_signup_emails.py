"""The e-mails of a sign-up, in the person's language, and the link in them: it shows the
sign-up, asks before cancelling, cancels once, and can delete the person's details."""

import email
import email.policy
from datetime import timedelta

import icalendar
import pytest
from django.test import Client
from django.utils import timezone

from activities.models import Event
from outbox.models import Email
from signup import booking, reminders
from signup.models import Registration
from tests.support.html import PageOutline
from tests.support.signup import manage_link_in, signup_event, signup_series

pytestmark = pytest.mark.django_db


def person(number, language="ru", **fields):
    return booking.Person(
        name=f"Osaleja {number}", email=f"osaleja{number}@example.org", language=language, **fields
    )


def emails_to(number):
    return list(Email.objects.filter(recipient=f"osaleja{number}@example.org").order_by("pk"))


def local_path(url):
    return "/" + url.split("/", 3)[3]


def test_the_confirmation_is_in_the_persons_language_with_the_event_and_a_cancel_link():
    event = signup_event(capacity=5)
    booking.sign_up(event.pk, person(1, language="uk"))
    (message,) = emails_to(1)
    assert message.kind == "signup_confirmed"
    assert message.language == "uk"
    assert message.subject == "Вас зареєстровано: Eesti keele kohvik"
    assert "Ваше місце підтверджено." in message.body_text
    assert "/uk/zapys/" in message.body_text  # the link, in the person's language
    html = PageOutline(message.body_html)
    assert html.html_lang == "uk" and html.h1_count == 1
    assert not html.images
    (attached,) = message.attachments.all()
    assert attached.filename.endswith(".ics") and attached.mimetype == "text/calendar"
    calendar = icalendar.Calendar.from_ical(bytes(attached.content))
    (entry,) = calendar.walk("VEVENT")
    assert entry.decoded("dtstart") == event.starts_at.replace(microsecond=0)


def test_the_waiting_list_message_gives_the_place_and_moving_up_is_told():
    event = signup_event(capacity=1)
    first, _created = booking.sign_up(event.pk, person(1))
    booking.sign_up(event.pk, person(2, language="en"))
    (waiting,) = emails_to(2)
    assert waiting.kind == "signup_waiting"
    assert "waiting list, number 1" in waiting.body_text
    booking.cancel(first.pk)
    moved = emails_to(2)[-1]
    assert moved.kind == "signup_moved_up"
    assert moved.subject == "A place is now yours: Eesti keele kohvik"
    assert Registration.objects.get(email="osaleja2@example.org").status == "confirmed"


def test_moving_up_is_first_come_first_served_and_only_if_the_seats_fit():
    event = signup_event(capacity=3, children_take_seats=True)
    first, _created = booking.sign_up(event.pk, person(1))
    booking.sign_up(event.pk, person(2))
    booking.sign_up(event.pk, person(3))
    booking.sign_up(event.pk, person(4, children=2))  # three places
    booking.sign_up(event.pk, person(5))
    booking.cancel(first.pk)  # one place free: not enough for number 4
    statuses = dict(event.registrations.values_list("email", "status"))
    assert statuses["osaleja4@example.org"] == "waiting"
    assert statuses["osaleja5@example.org"] == "waiting"  # does not overtake number 4
    booking.cancel(event.registrations.get(email="osaleja2@example.org").pk)
    booking.cancel(event.registrations.get(email="osaleja3@example.org").pk)
    statuses = dict(event.registrations.values_list("email", "status"))
    assert statuses["osaleja4@example.org"] == "confirmed"
    assert statuses["osaleja5@example.org"] == "waiting"


def test_a_larger_capacity_saved_by_staff_moves_the_first_waiting_up():
    event = signup_event(capacity=1)
    booking.sign_up(event.pk, person(1))
    booking.sign_up(event.pk, person(2))
    booking.sign_up(event.pk, person(3))
    event.capacity = 2
    event.save()
    statuses = list(event.registrations.values_list("status", flat=True))
    assert statuses == ["confirmed", "confirmed", "waiting"]
    assert emails_to(2)[-1].kind == "signup_moved_up"


def test_cancelling_the_event_tells_everyone_confirmed_or_waiting_once():
    event = signup_event(capacity=1, cancellation_reason_ru="Ведущий заболел.")
    booking.sign_up(event.pk, person(1))
    booking.sign_up(event.pk, person(2))
    cancelled, _created = booking.sign_up(event.pk, person(3))
    booking.cancel(cancelled.pk)
    event.cancelled = True
    event.save()
    event.save()  # saved again: nobody is told twice
    told = Email.objects.filter(kind="signup_event_cancelled")
    assert sorted(told.values_list("recipient", flat=True)) == [
        "osaleja1@example.org",
        "osaleja2@example.org",
    ]
    assert "Ведущий заболел." in told.first().body_text


def test_the_reminder_goes_the_day_before_once_and_not_to_late_sign_ups():
    event = signup_event(starts_in=timedelta(days=2))
    booking.sign_up(event.pk, person(1))
    the_day_before = event.starts_at - timedelta(hours=23)
    booking.sign_up(event.pk, person(2), now=the_day_before)
    assert reminders.send_reminders(now=event.starts_at - timedelta(hours=30)) == 0  # too early
    assert reminders.send_reminders(now=the_day_before) == 1
    assert reminders.send_reminders(now=the_day_before + timedelta(minutes=5)) == 0
    assert [m.kind for m in emails_to(1)] == ["signup_confirmed", "signup_reminder"]
    assert "Напоминание" in emails_to(1)[-1].subject
    assert [m.kind for m in emails_to(2)] == ["signup_confirmed"]


def test_the_reminder_job_is_one_of_the_workers_periodic_jobs(settings):
    assert "signup.reminders.send_reminders" in settings.WORKER_PERIODIC_JOBS


def test_the_link_shows_the_sign_up_asks_then_cancels_once():
    event = signup_event(capacity=1)
    booking.sign_up(event.pk, person(1, language="en"))
    booking.sign_up(event.pk, person(2))
    link = local_path(manage_link_in(emails_to(1)[0].body_text))
    client = Client()
    shown = client.get(link)
    assert "Your place is confirmed." in shown.content.decode()
    assert "no-store" in shown["Cache-Control"]
    assert event.registrations.filter(status="confirmed").count() == 1  # GET changes nothing
    cancelled = client.post(link, {"action": "cancel"})
    assert "Your sign-up is cancelled" in cancelled.content.decode()
    again = client.post(link, {"action": "cancel"})
    assert "Yes, cancel my sign-up" not in again.content.decode()
    statuses = list(event.registrations.values_list("status", flat=True))
    assert statuses == ["cancelled", "confirmed"]  # one cancellation, one person moved up


def test_an_altered_link_does_not_work():
    event = signup_event()
    booking.sign_up(event.pk, person(1, language="en"))
    link = local_path(manage_link_in(emails_to(1)[0].body_text))
    response = Client().get(link[:-3] + "xx/")
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


def test_deleting_erases_the_personal_data_and_keeps_the_counts():
    event = signup_event()
    registration, _created = booking.sign_up(
        event.pk, person(1, language="en", phone="5123 4567", needs=("sign_language",), children=2)
    )
    link = local_path(manage_link_in(emails_to(1)[0].body_text))
    response = Client().post(link, {"action": "delete"})
    assert "Your details are deleted" in response.content.decode()
    registration.refresh_from_db()
    assert (registration.name, registration.email, registration.phone) == ("", "", "")
    assert registration.needs == []
    assert registration.anonymised_at is not None
    assert (registration.status, registration.language, registration.children) == (
        "cancelled",
        "en",
        2,
    )
    (message,) = Email.objects.filter(about_id=registration.pk)
    assert (message.recipient, message.body_text, message.attachments.count()) == ("", "", 0)
    assert message.status != "queued"  # an e-mail not yet sent is not sent at all


def test_a_phone_sign_up_without_e_mail_gets_no_message():
    event = signup_event()
    booking.sign_up(
        event.pk, booking.Person(name="Helistaja", phone="+372 5123 4567", language="ru")
    )
    assert Email.objects.count() == 0


def test_the_messages_are_whole_mime_with_text_and_html(settings, mailoutbox):
    from outbox.delivery import deliver

    event = signup_event()
    booking.sign_up(event.pk, person(1))
    deliver(Email.objects.get().pk)
    (sent,) = mailoutbox
    parsed = email.message_from_bytes(sent.message().as_bytes(), policy=email.policy.default)
    types = [part.get_content_type() for part in parsed.walk()]
    assert {"text/plain", "text/html", "text/calendar"} <= set(types)


def test_an_event_that_is_over_takes_no_sign_up_and_the_clock_is_the_servers():
    event = signup_event()
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - timedelta(hours=2), ends_at=timezone.now() - timedelta(hours=1)
    )
    with pytest.raises(booking.Refused) as refused:
        booking.sign_up(event.pk, person(1))
    assert refused.value.reason == "started"


def test_a_date_a_series_no_longer_gives_is_cancelled_not_deleted_under_those_signed_up():
    series = signup_series(2, capacity=5)
    last = series.events.order_by("starts_at").last()
    booking.sign_up(last.pk, person(1))
    series.times = 1
    series.save()
    series.apply_from(series.first_day)
    last.refresh_from_db()
    assert last.cancelled
    assert emails_to(1)[-1].kind == "signup_event_cancelled"
