"""Sign-up under load and faults, on real servers: gunicorn as `make run` starts it, on a
PostgreSQL and a Redis of the tests' own (tests/support/private_servers.py), the worker as a
process of its own, a real SMTP server (aiosmtpd). Visitors use real HTTP.

- 200 sign-ups at once for 20 places through two instances: exactly 20 confirmed, the rest
  waiting or refused, none duplicated, none lost (and the same on SQLite with one instance);
- two cancellations at once move up two people;
- the SMTP server down: sign-ups still succeed, and every message arrives once it is back;
- an instance killed during sign-ups leaves each whole (with its e-mail) or absent;
- the database down: the sign-up page answers the site's own 503 and nothing is half-saved.
"""

import tempfile
import threading
import time
import uuid
from contextlib import ExitStack, contextmanager
from urllib.parse import urlsplit

import pytest

from tests.support.load import Visitor
from tests.support.outage import assert_503_page
from tests.support.private_servers import PrivatePostgres, PrivateRedis
from tests.support.servers import GunicornServer, collect_static, manage
from tests.support.signup_site import Resident, create_event, sign_up_at_once, signup_path
from tests.support.smtp import SmtpServer
from tests.support.worker import WorkerProcess, query, wait_until

TEMPLATE_DATABASE = "kjsignup_template"
SIGN_UPS, PLACES = 200, 20
# Tests send many sign-ups from one address: no rate limit here (tested in tests/signup/).
ENVIRONMENT = {"SIGNUP_RATE_LIMIT": "0", "SECRET_KEY": "signup-load-tests-only"}
STATUSES = "SELECT status, count(*) FROM signup_registration WHERE event_id = %s GROUP BY status"


@pytest.fixture(scope="module")
def services():
    collect_static()
    with PrivatePostgres() as postgres, PrivateRedis() as redis_server:
        postgres.query(f'CREATE DATABASE "{TEMPLATE_DATABASE}"')
        manage("migrate", "--noinput", env={"DATABASE_URL": postgres.url(TEMPLATE_DATABASE)})
        yield postgres, redis_server


@pytest.fixture
def site(services):
    """A fresh copy of the migrated database, an empty Redis; the environment for servers."""
    postgres, redis_server = services
    name = f"kjsignup_{uuid.uuid4().hex[:12]}"
    postgres.query(f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE_DATABASE}"')
    redis_server.client().flushall()
    yield {
        **ENVIRONMENT,
        "DATABASE_URL": postgres.url(name),
        "REDIS_URL": redis_server.url(),
        "WEB_CONCURRENCY": "2",
    }
    if not postgres.running:
        postgres.start()
    postgres.query(f'DROP DATABASE "{name}" WITH (FORCE)')


@contextmanager
def instances(environment, count):
    with ExitStack() as stack:
        yield [stack.enter_context(GunicornServer(environment)) for _n in range(count)]


def statuses(environment, event_id):
    return dict(query(environment["DATABASE_URL"], STATUSES, [event_id]))


def check_none_duplicated_none_lost(environment, event_id, attempts):
    """Every sign-up that was answered is saved once, with its e-mail; every refusal says why."""
    signed_up = [a for a in attempts if a.status == 200 and "/sign-up/" in urlsplit(a.url).path]
    signed_up = [a for a in signed_up if "/events/" not in urlsplit(a.url).path]
    refused = [a for a in attempts if a.status == 409]
    assert len(signed_up) + len(refused) == len(attempts), [a.status for a in attempts]
    for attempt in refused:
        assert "This event is full and so is its waiting list." in attempt.text
    rows = query(
        environment["DATABASE_URL"],
        "SELECT email, count(*) FROM signup_registration WHERE event_id = %s GROUP BY email",
        [event_id],
    )
    assert all(count == 1 for _email, count in rows)  # none duplicated
    saved = {email for email, _count in rows}
    assert saved == {f"resident{a.number}@example.org" for a in signed_up}  # none lost
    (emails,) = query(
        environment["DATABASE_URL"],
        "SELECT count(*) FROM outbox_email WHERE kind LIKE 'signup_%%'",
    )[0]
    assert emails == len(saved)
    return signed_up


def test_200_sign_ups_at_once_for_20_places_on_two_instances_sharing_postgresql(site):
    event_id = create_event(site, PLACES, waiting=100)
    with instances(site, 2) as servers:
        attempts = sign_up_at_once([s.base for s in servers], event_id, SIGN_UPS)
    signed_up = check_none_duplicated_none_lost(site, event_id, attempts)
    assert statuses(site, event_id) == {"confirmed": PLACES, "waiting": 100}
    confirmed = [a for a in signed_up if "You are signed up" in a.text]
    waiting = [a for a in signed_up if "You are on the waiting list" in a.text]
    assert (len(confirmed), len(waiting)) == (PLACES, 100)
    places = sorted(
        int(a.text.split("On the waiting list: number ")[1].split(".")[0]) for a in waiting
    )
    assert places == list(range(1, 101))  # each place on the list given once


def test_200_sign_ups_at_once_on_sqlite_with_one_instance():
    with tempfile.TemporaryDirectory() as folder:
        environment = {
            **ENVIRONMENT,
            "DATABASE_URL": f"sqlite:///{folder}/db.sqlite3",
            "CACHE_DIR": f"{folder}/cache",
            "WEB_CONCURRENCY": "2",
        }
        manage("migrate", "--noinput", env=environment)
        event_id = create_event(environment, PLACES)
        with GunicornServer(environment) as server:
            attempts = sign_up_at_once([server.base], event_id, SIGN_UPS)
        check_none_duplicated_none_lost(environment, event_id, attempts)
        assert statuses(environment, event_id) == {
            "confirmed": PLACES,
            "waiting": SIGN_UPS - PLACES,
        }


def cancel_link(attempt):
    return attempt.url.split("?")[0]


def test_two_cancellations_at_once_move_up_two_people(site):
    event_id = create_event(site, 2)
    with instances(site, 2) as (a, b):
        first = sign_up_at_once([a.base], event_id, 2)
        later = sign_up_at_once([b.base], event_id, 2, first_number=2)
        assert statuses(site, event_id) == {"confirmed": 2, "waiting": 2}
        people = [Visitor(), Visitor()]
        forms = [people[n].get(cancel_link(first[n])) for n in range(2)]
        assert all("Yes, cancel my sign-up" in form.text for form in forms)
        barrier = threading.Barrier(2)

        def cancel(n):
            barrier.wait()
            people[n].post(cancel_link(first[n]).replace(a.base, (a, b)[n].base), forms_token(n))

        def forms_token(n):
            token = people[n].cookie("csrftoken")
            return {"csrfmiddlewaretoken": token, "action": "cancel"}

        threads = [threading.Thread(target=cancel, args=(n,)) for n in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert statuses(site, event_id) == {"cancelled": 2, "confirmed": 2}
    moved = query(
        site["DATABASE_URL"], "SELECT count(*) FROM outbox_email WHERE kind = 'signup_moved_up'"
    )
    assert moved == [(2,)]
    assert all("on the waiting list" in attempt.text.lower() for attempt in later)


def test_with_the_smtp_server_down_sign_ups_succeed_and_every_message_arrives_later(site):
    smtp = SmtpServer()  # not started: the mail server is down
    environment = {
        **site,
        "EMAIL_URL": smtp.url,
        "EMAIL_TIMEOUT": "0.5",
        "OUTBOX_SWEEP_SECONDS": "0.5",
        "OUTBOX_RETRY_SECONDS": "0.3",
    }
    event_id = create_event(environment, 5)
    with instances(environment, 1) as (server,), WorkerProcess(environment):
        attempts = sign_up_at_once([server.base], event_id, 8)
        assert all(a.status == 200 for a in attempts)
        wait_until(
            lambda: (
                query(
                    environment["DATABASE_URL"],
                    "SELECT count(*) FROM outbox_email WHERE attempts > 0 AND status = 'queued'",
                )[0][0]
                == 8
            ),
            "every message has been tried once and waits for a retry",
        )
        with smtp:
            messages = smtp.wait_for(8, seconds=60)
            recipients = sorted(str(message["To"]) for message in messages)
    assert recipients == sorted(f"resident{n}@example.org" for n in range(8))
    subjects = [str(message["Subject"]) for message in messages]
    assert sum(s.startswith("You are signed up") for s in subjects) == 5
    assert sum(s.startswith("On the waiting list") for s in subjects) == 3


def test_an_instance_killed_during_sign_ups_leaves_each_whole_or_absent(site):
    event_id = create_event(site, PLACES)
    with instances(site, 2) as (a, b):

        def kill_a_soon():
            threading.Timer(0.05, a.kill).start()

        attempts = sign_up_at_once([a.base, b.base], event_id, 60, before_sending=kill_a_soon)
    rows = query(
        site["DATABASE_URL"],
        "SELECT r.email, (SELECT count(*) FROM outbox_email e WHERE e.about_id = r.id) "
        "FROM signup_registration r WHERE r.event_id = %s",
        [event_id],
    )
    assert any(a.status is None for a in attempts)  # the kill came while sign-ups were sent
    assert all(count == 1 for _email, count in rows), rows  # each sign-up has its e-mail
    answered = {
        f"resident{a.number}@example.org"
        for a in attempts
        if a.status == 200 and "/events/" not in a.url
    }
    assert answered <= {email for email, _count in rows}  # every confirmed answer was saved
    counts = statuses(site, event_id)
    assert counts.get("confirmed", 0) == min(PLACES, len(rows))


def test_with_the_database_down_the_sign_up_page_answers_503_and_saves_nothing(site, services):
    postgres, _redis = services
    event_id = create_event(site, PLACES)
    with instances(site, 1) as (server,):
        resident = Resident(server.base, event_id, 1)
        resident.open_form()
        postgres.stop()
        try:
            page = Visitor().get(server.base + signup_path(event_id))
            assert_503_page(page.status, page.headers, page.text, "en")
            sent = resident.send()
            assert_503_page(sent.status, sent.headers, sent.text, "en")
        finally:
            postgres.start()
        wait_until(lambda: Visitor().get(server.base + "/readyz").status == 200, "the site is back")
        time.sleep(0.5)
    assert statuses(site, event_id) == {}
    assert query(site["DATABASE_URL"], "SELECT count(*) FROM outbox_email") == [(0,)]
