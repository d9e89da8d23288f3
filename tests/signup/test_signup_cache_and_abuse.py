"""The event's page stays cached and says how many places are left, right on the next request;
a burst of sign-ups does not empty the cache of the whole site. And the form's defences:
a honeypot, a limit per client address (the trusted proxy's), no third-party CAPTCHA."""

import pytest
from django.test import Client

from signup import booking
from tests.support.signup import form_key_of, signup_data, signup_event

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SIGNUP_FORM = "/en/events/{}/sign-up/"
EVENT_PAGE = "/en/events/{}/"


def post_form(client, event, number, **headers):
    form = client.get(SIGNUP_FORM.format(event.pk), headers=headers).content.decode()
    data = signup_data(number, form_key=form_key_of(form))
    return client.post(SIGNUP_FORM.format(event.pk), data, headers=headers)


def test_after_a_sign_up_the_event_page_shows_the_new_count_while_other_pages_stay_cached(
    client, django_assert_num_queries
):
    event = signup_event(capacity=2)
    page = EVENT_PAGE.format(event.pk)
    assert "2 places left" in client.get(page).content.decode()
    client.get("/en/project/")
    with django_assert_num_queries(0):
        client.get(page)  # cached
    assert post_form(Client(), event, 1).status_code == 302
    assert "1 place left" in client.get(page).content.decode()
    with django_assert_num_queries(0):
        assert client.get("/en/project/").status_code == 200  # still a cache hit
    booking.sign_up(event.pk, booking.Person(name="B", email="b@example.org", language="et"))
    assert "Full: waiting list open" in client.get(page).content.decode()
    assert (
        "Täis: saab registreeruda ootenimekirja"
        in client.get(f"/et/sundmused/{event.pk}/").content.decode()
    )


def test_a_cancellation_shows_on_the_event_page_at_once(client):
    event = signup_event(capacity=1)
    registration, _created = booking.sign_up(
        event.pk, booking.Person(name="A", email="a@example.org", language="et")
    )
    assert "Full: waiting list open" in client.get(EVENT_PAGE.format(event.pk)).content.decode()
    booking.cancel(registration.pk)
    assert "1 place left" in client.get(EVENT_PAGE.format(event.pk)).content.decode()


def test_the_event_page_links_the_sign_up_page(client):
    event = signup_event()
    html = client.get(EVENT_PAGE.format(event.pk)).content.decode()
    assert f'href="{SIGNUP_FORM.format(event.pk)}"' in html


def test_a_filled_honeypot_signs_nobody_up(client):
    event = signup_event()
    form = client.get(SIGNUP_FORM.format(event.pk)).content.decode()
    data = signup_data(1, form_key=form_key_of(form), website="http://spam.example")
    response = client.post(SIGNUP_FORM.format(event.pk), data)
    assert response.status_code == 400
    assert "Your form could not be sent" in response.content.decode()
    assert event.registrations.count() == 0


def test_the_rate_limit_counts_the_address_the_trusted_proxy_forwarded(settings):
    settings.SIGNUP_RATE_LIMIT = 2
    settings.FORWARDED_ALLOW_IPS = ["127.0.0.1"]  # the test client connects from 127.0.0.1
    event = signup_event()
    client = Client()
    first = {"X-Forwarded-For": "198.51.100.7"}
    assert post_form(client, event, 1, **first).status_code == 302
    # A client writing its own X-Forwarded-For: only the last address (the proxy's) counts.
    spoofed = {"X-Forwarded-For": "203.0.113.99, 198.51.100.7"}
    assert post_form(client, event, 2, **spoofed).status_code == 302
    refused = post_form(client, event, 3, **first)
    assert refused.status_code == 429
    assert "Too many sign-ups have been sent from your connection" in refused.content.decode()
    assert post_form(client, event, 4, **{"X-Forwarded-For": "198.51.100.8"}).status_code == 302
    assert event.registrations.count() == 3


def test_an_untrusted_connection_cannot_pick_its_address(settings):
    settings.SIGNUP_RATE_LIMIT = 1
    settings.FORWARDED_ALLOW_IPS = ["192.0.2.1"]  # some proxy, not the test client
    event = signup_event()
    client = Client()
    assert post_form(client, event, 1, **{"X-Forwarded-For": "198.51.100.1"}).status_code == 302
    again = post_form(client, event, 2, **{"X-Forwarded-For": "198.51.100.2"})
    assert again.status_code == 429


def test_zero_switches_the_rate_limit_off(settings):
    settings.SIGNUP_RATE_LIMIT = 0
    event = signup_event(capacity=50)
    client = Client()
    assert all(post_form(client, event, n).status_code == 302 for n in range(30))


def test_no_third_party_captcha_or_script_on_the_form(client):
    event = signup_event()
    html = client.get(SIGNUP_FORM.format(event.pk)).content.decode()
    assert "<script" not in html
    assert "recaptcha" not in html.lower() and "hcaptcha" not in html.lower()
