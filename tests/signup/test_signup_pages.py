"""A resident signs up on the event's own sign-up page: confirmed while places are left, on the
waiting list after, refused with a clear message (and other sessions) when sign-up is closed."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from activities.models import Event
from signup.models import Registration
from tests.support.activities import make_service
from tests.support.flow_client import Browser, refugee_two_years, travel_to
from tests.support.html import outline
from tests.support.signup import form_key_of, signup_data, signup_event, signup_series

pytestmark = pytest.mark.django_db


def signup_url(event, language="en"):
    segment = {"et": "sundmused", "ru": "meropriyatiya", "en": "events", "uk": "podii"}[language]
    return (
        f"/{language}/{segment}/{event.pk}/"
        + {
            "et": "registreerumine/",
            "ru": "zapis/",
            "en": "sign-up/",
            "uk": "zapys/",
        }[language]
    )


def sign_up(client, event, number=1, language="en", **fields):
    form = client.get(signup_url(event, language))
    assert form.status_code == 200
    data = signup_data(number, form_key=form_key_of(form.content.decode()), **fields)
    return client.post(signup_url(event, language), data, follow=True)


def test_the_sign_up_page_asks_for_what_the_issue_lists_and_is_never_cached(client):
    event = signup_event()
    response = client.get(signup_url(event))
    html = response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert 'name="csrfmiddlewaretoken"' in html
    for field in ("name", "email", "phone", "language", "children", "needs", "target_groups"):
        assert f'name="{field}"' in html
    assert '<option value="en" selected>' in html  # the page's language
    assert 'href="/en/privacy/"' in html  # the consent sentence links the privacy notice
    assert outline(response).h1_count == 1


def test_seats_left_confirm_at_once_then_the_waiting_list_shows_the_place(client):
    event = signup_event(capacity=1)
    first = sign_up(client, event, 1)
    assert "You are signed up" in first.content.decode()
    assert "Your place is confirmed." in first.content.decode()
    second = sign_up(client, event, 2)
    assert "You are on the waiting list" in second.content.decode()
    assert "number 1" in second.content.decode()
    third = sign_up(client, event, 3)
    assert "number 2" in third.content.decode()
    statuses = list(event.registrations.values_list("status", flat=True))
    assert statuses == ["confirmed", "waiting", "waiting"]


def test_a_double_click_gives_one_sign_up_and_the_second_post_shows_the_first(client):
    event = signup_event()
    form = client.get(signup_url(event)).content.decode()
    data = signup_data(1, form_key=form_key_of(form))
    first = client.post(signup_url(event), data)
    second = client.post(signup_url(event), data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert event.registrations.count() == 1


def test_one_active_sign_up_per_e_mail_address_and_per_phone_number(client):
    event = signup_event()
    sign_up(client, event, 1, email="Sama@Example.org")
    again = sign_up(client, event, 2, email="sama@example.org")
    assert again.status_code == 409
    assert "already signed up for this event" in again.content.decode()
    sign_up(client, event, 3, email="", phone="+372 5123 4567")
    by_phone = sign_up(client, event, 4, email="", phone="+3725123 4567")
    assert "already signed up for this event" in by_phone.content.decode()
    assert event.registrations.count() == 2


@pytest.mark.parametrize(
    ("fields", "field_id", "message"),
    [
        ({"name": ""}, "id_name", "Enter your name"),
        ({"email": "", "phone": ""}, "id_email", "Enter an e-mail address or a phone number"),
        ({"email": "not-an-address"}, "id_email", "Enter an e-mail address like name@example.com"),
        ({"phone": "call me"}, "id_phone", "Enter a phone number with digits only"),
        ({"children": "two"}, "id_children", "Enter the number of children as a whole number"),
        ({"children": "99"}, "id_children", "You can sign up at most 10 children"),
    ],
)
def test_bad_input_gets_an_error_summary_linking_to_the_field(client, fields, field_id, message):
    event = signup_event()
    response = sign_up(client, event, **fields)
    html = response.content.decode()
    assert response.status_code == 400
    assert 'class="error-summary"' in html
    assert f'<a href="#{field_id}">{message}' in html
    field_name = field_id.removeprefix("id_")
    assert f'aria-describedby="{field_name}-hint {field_name}-error"' in html or (
        f'aria-describedby="{field_name}-error"' in html
    )
    assert outline(response).title.startswith("Error:")
    assert event.registrations.count() == 0


def test_the_messages_are_in_the_visitors_language(client):
    event = signup_event()
    response = sign_up(client, event, language="ru", name="")
    assert "Введите своё имя" in response.content.decode()
    uk = sign_up(client, event, language="uk", name="")
    assert "Введіть своє ім’я" in uk.content.decode()


def test_children_count_against_the_places_where_the_event_says_so(client):
    event = signup_event(capacity=3, children_take_seats=True)
    sign_up(client, event, 1, children="2")
    waiting = sign_up(client, event, 2, children="1")
    assert "You are on the waiting list" in waiting.content.decode()
    other = signup_event("Teine", capacity=1)
    confirmed = sign_up(client, other, 1, children="4")
    assert "Your place is confirmed." in confirmed.content.decode()


def test_groups_carried_from_the_checker_are_pre_ticked_as_codes_only(client):
    event = signup_event()
    response = client.get(signup_url(event) + "?groups=new_immigrant,made_up")
    html = response.content.decode()
    assert 'value="new_immigrant" id="id_target_groups_' in html
    ticked = html.split('value="new_immigrant"')[1].split(">")[0]
    assert "checked" in ticked


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"cancelled": True}, "This event is cancelled, so sign-up is closed."),
        ({"signup_opens_at": timedelta(days=1)}, "Sign-up for this event has not opened yet."),
        ({"signup_closes_at": -timedelta(hours=1)}, "Sign-up for this event has closed."),
        ({"starts_at": -timedelta(minutes=5)}, "This event has already started"),
        ({"waiting_list_size": 0, "capacity": 0}, "This event is full and so is its waiting list."),
    ],
)
def test_closed_sign_up_says_why_and_offers_the_next_sessions_in_the_same_language(
    client, change, message
):
    service = make_service("Keelekohvik")
    event = signup_event(service=service, languages=["ru"])
    later = signup_event(
        "Järgmine kord", service=service, languages=["ru"], starts_in=timedelta(days=9)
    )
    signup_event("Eesti keeles", service=service, languages=["et"], starts_in=timedelta(days=8))
    now = timezone.now()
    updates = {
        name: (now + value if isinstance(value, timedelta) else value)
        for name, value in change.items()
    }
    if "starts_at" in updates:
        updates["ends_at"] = now + timedelta(hours=1)
    Event.objects.filter(pk=event.pk).update(**updates)
    response = client.get(signup_url(event))
    html = response.content.decode()
    assert message in html
    assert f'href="{signup_url(later)}"' in html
    assert "Eesti keeles" not in html
    posted = client.post(signup_url(event), signup_data(1, form_key="k"))
    assert message in posted.content.decode()
    assert Registration.objects.count() == 0


def test_an_event_without_places_has_no_sign_up(client):
    event = signup_event(capacity=None)
    response = client.get(signup_url(event))
    assert "This event needs no sign-up" in response.content.decode()
    assert "Sign up" not in client.get(event.get_absolute_url()).content.decode()


def test_an_unpublished_event_has_no_sign_up_page(client):
    event = signup_event(published=False)
    assert client.get(signup_url(event)).status_code == 404


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/en/privacy/", "30 days after the event ends, your name, e-mail address, phone number"),
        ("/en/privacy/", "You can delete your details at any time with the link in our e-mails."),
        ("/ru/konfidencialnost/", "Через 30 дней после окончания мероприятия ваше имя"),
        ("/uk/zakhyst-personalnykh-danykh/", "csrftoken"),
    ],
)
def test_the_privacy_notice_says_what_a_sign_up_stores_and_for_how_long(client, path, text):
    assert text in client.get(path).content.decode()


def test_the_checkers_result_links_the_sign_up_with_the_groups_as_codes_only(client):
    with travel_to(date(2026, 6, 15)):
        event = signup_event("Uute tulijate kohtumine", groups=["new_immigrant"])
        html = refugee_two_years(Browser(client, "en")).press("result").html
        link = f"/en/events/{event.pk}/sign-up/?groups="
        assert link in html
        carried = html.split(link)[1].split('"')[0]
        assert set(carried.replace("%2C", ",").split(",")) == {
            "international_protection",
            "new_immigrant",
        }
        form = client.get(link + carried).content.decode()
    for code in ("international_protection", "new_immigrant"):
        assert "checked" in form.split(f'value="{code}"')[1].split(">")[0]


def test_a_series_gives_each_date_its_sign_up_settings():
    series = signup_series(3, capacity=12, children_take_seats=True, waiting_list_size=5)
    dates = list(series.events.values_list("capacity", "children_take_seats", "waiting_list_size"))
    assert dates == [(12, True, 5)] * 3
