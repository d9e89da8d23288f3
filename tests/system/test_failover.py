"""Scale-out and failover, proven on real servers.

gunicorn is started as `make run` starts it (tests/support/servers.py), on a PostgreSQL cluster and
a Redis server of the tests' own (tests/support/private_servers.py): the same server programs as
production, which these tests may stop, start and kill without touching the machine's shared
ones. Visitors and staff use real HTTP (tests/support/load.py); nothing is mocked.

- Two app instances share one database and one Redis: an admin edit on one is on the other's
  very next answer, in every language (issue 6: correct across processes sharing Redis).
- One instance is killed under load: the other answers every request; nothing saved is lost.
- PostgreSQL stops under load: cached pages stay up, the rest get the site's 503 page, and the
  same processes serve normally once it is back.
- Redis stops: the site serves everything from the database.
"""

import json
import threading
import time
import uuid
from contextlib import ExitStack, contextmanager, suppress
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from tests.support.html import FormFields
from tests.support.load import LoadRun, Visitor
from tests.support.outage import assert_503_page
from tests.support.private_servers import PrivatePostgres, PrivateRedis
from tests.support.servers import GunicornServer, collect_static, manage, sitemap_paths

LANGUAGES = ("et", "ru", "en")
HOME = {"et": "/et/", "ru": "/ru/", "en": "/en/"}
PROJECT = {"et": "/et/projekt/", "ru": "/ru/proekt/", "en": "/en/project/"}
PARTNERS = {"et": "/et/partnerid/", "ru": "/ru/partnery/", "en": "/en/partners/"}
CONTACTS = {"et": "/et/kontaktid/", "ru": "/ru/kontakty/", "en": "/en/contacts/"}
STAFF = {"username": "failover-editor", "password": "a long passphrase for the failover tests"}
# Every instance gets the same key, as every pod gets the same Secret: a session made on one
# instance is valid on all of them.
SECRET_KEY = "failover-tests-only-not-a-secret"
TEMPLATE_DATABASE = "kjfailover_template"
RECOVERY_SECONDS = 30


@pytest.fixture(scope="module")
def services():
    """A private PostgreSQL with a migrated template database (and a staff user), and a Redis."""
    collect_static()
    with PrivatePostgres() as postgres, PrivateRedis() as redis_server:
        postgres.query(f'CREATE DATABASE "{TEMPLATE_DATABASE}"')
        environment = {"DATABASE_URL": postgres.url(TEMPLATE_DATABASE)}
        manage("migrate", "--noinput", env=environment)
        manage(
            "createsuperuser",
            "--noinput",
            env={
                **environment,
                "DJANGO_SUPERUSER_USERNAME": STAFF["username"],
                "DJANGO_SUPERUSER_PASSWORD": STAFF["password"],
                "DJANGO_SUPERUSER_EMAIL": "editor@example.org",
            },
        )
        yield postgres, redis_server


class Site:
    """A fresh copy of the migrated database and an empty Redis, and app instances on them."""

    def __init__(self, postgres, redis_server):
        self.postgres = postgres
        self.redis = redis_server
        self.database = f"kjfailover_{uuid.uuid4().hex[:12]}"

    @contextmanager
    def instances(self, count, workers=2):
        """`count` gunicorn instances on this database and Redis, started side by side."""
        environment = {
            "DATABASE_URL": self.postgres.url(self.database),
            "REDIS_URL": self.redis.url(),
            "SECRET_KEY": SECRET_KEY,
            "WEB_CONCURRENCY": str(workers),
        }
        with ExitStack() as stack:
            servers = [None] * count

            def start(index):
                servers[index] = GunicornServer(environment)

            threads = [threading.Thread(target=start, args=(i,)) for i in range(count)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            for server in servers:
                if server is not None:
                    stack.enter_context(server)
            assert None not in servers, "an instance did not start"
            yield servers

    def query(self, statement, *parameters):
        return self.postgres.query(statement, self.database, parameters)


@pytest.fixture
def site(services):
    postgres, redis_server = services
    site = Site(postgres, redis_server)
    postgres.query(f'CREATE DATABASE "{site.database}" TEMPLATE "{TEMPLATE_DATABASE}"')
    redis_server.client().flushall()
    yield site
    # A test that failed half-way may have left a server stopped.
    if not postgres.running:
        postgres.start()
    if not redis_server.running:
        redis_server.start()
    postgres.query(f'DROP DATABASE "{site.database}" WITH (FORCE)')


def admin_path(name, *arguments):
    # The admin's address comes from the URLconf (it may be configured), never written here.
    with translation.override("en"):
        return reverse(f"admin:{name}", args=arguments)


def path_of(answer):
    return urlsplit(answer.url).path


def sign_in(base):
    """A member of staff signs in through the admin's login form (CSRF token included)."""
    staff = Visitor()
    login = staff.get(base + admin_path("login"))
    assert login.status == 200
    credentials = FormFields(login.text, "login-form").changed(STAFF)
    answer = staff.post(base + admin_path("login"), credentials)
    assert (answer.status, path_of(answer)) == (200, admin_path("index")), answer.text[:2000]
    return staff


def filled_change_form(staff, base, model, pk, changes):
    """Open an item's change form in the admin and change some fields: (address, fields)."""
    url = base + admin_path(f"pages_{model}_change", pk)
    form = FormFields(staff.get(url).text, f"{model}_form")
    return url, [*form.changed(changes), ("_save", "Save")]


def save_in_admin(staff, base, model, pk, changes):
    answer = staff.post(*filled_change_form(staff, base, model, pk, changes))
    # Saved: the admin goes back to the list. Refused: the form again, with its errors.
    assert (answer.status, path_of(answer)) == (200, admin_path(f"pages_{model}_changelist")), (
        answer.text[:3000]
    )


SUMMARY_IN_EVERY_LANGUAGE = (
    "SELECT summary_et, summary_ru, summary_en FROM pages_page WHERE id = %s"
)
NAME_IN_EVERY_LANGUAGE = "SELECT name_et, name_ru, name_en FROM pages_partner WHERE id = %s"


def test_across_app_processes_sharing_postgresql_and_redis_an_admin_edit_shows_on_the_other_at_once(
    site,
):
    project_id, changes = new_project_summary(site)
    new_summary = {language: changes[f"summary_{language}"] for language in LANGUAGES}
    (old_summary,) = site.query(SUMMARY_IN_EVERY_LANGUAGE, project_id)
    old_summary = dict(zip(LANGUAGES, old_summary, strict=True))
    with site.instances(2) as (a, b):
        visitor = Visitor()
        for language, path in PROJECT.items():
            first = visitor.get(b.base + path)
            assert escape(old_summary[language]) in first.text
            assert visitor.get(b.base + path).text == first.text
        # B has the pages in the shared cache, the state an edit must not leave stale.
        cached_keys = list(site.redis.client().scan_iter())
        for path in PROJECT.values():
            assert any(path.encode() in key for key in cached_keys), path

        staff = sign_in(a.base)
        save_in_admin(staff, a.base, "page", project_id, changes)

        for language, path in PROJECT.items():
            answer = visitor.get(b.base + path)
            assert answer.status == 200
            assert new_summary[language] in answer.text, language
            assert escape(old_summary[language]) not in answer.text, language
    assert site.query(SUMMARY_IN_EVERY_LANGUAGE, project_id) == [tuple(new_summary.values())]


def new_project_summary(site):
    """Changes to make to the project page: {admin field: text}, and its id."""
    token = uuid.uuid4().hex[:8]
    (project_id,) = site.query("SELECT id FROM pages_page WHERE kind = 'project'")[0]
    return project_id, {
        "summary_et": f"Kokkuvõte uuendati {token}",
        "summary_ru": f"Описание обновлено {token}",
        "summary_en": f"The summary was updated {token}",
    }


def partner_names(partner_id, token):
    return {
        "et": f"Partner {partner_id} {token}",
        "ru": f"Партнёр {partner_id} {token}",
        "en": f"Partner no. {partner_id} {token}",
    }


def name_fields(names):
    """{language: name} as the admin form's fields."""
    return {f"name_{language}": name for language, name in names.items()}


def stored_partner_names(site, partner_id):
    (names,) = site.query(NAME_IN_EVERY_LANGUAGE, partner_id)
    return dict(zip(LANGUAGES, names, strict=True))


def test_one_instance_killed_under_load_the_other_answers_every_request_and_nothing_saved_is_lost(
    site,
):
    token = uuid.uuid4().hex[:8]
    partner_ids = [row[0] for row in site.query("SELECT id FROM pages_partner ORDER BY id")]
    *saved_ids, in_flight_id = partner_ids[:4]
    before_in_flight = stored_partner_names(site, in_flight_id)
    with site.instances(2) as (a, b):
        urls = [b.base + path for path in sitemap_paths(b.base)]
        staff = sign_in(a.base)
        with LoadRun(urls) as load:
            load.wait_for(50)
            for partner_id in saved_ids:
                names = name_fields(partner_names(partner_id, token))
                save_in_admin(staff, a.base, "partner", partner_id, names)
            # One more edit on A: Save is pressed, and A dies while it is on its way.
            names = name_fields(partner_names(in_flight_id, token))
            form = filled_change_form(staff, a.base, "partner", in_flight_id, names)
            in_flight = threading.Thread(target=post_cut_off_by_a_kill, args=(staff, *form))
            in_flight.start()
            time.sleep(0.02)
            a.kill()
            load.phase = "after the kill"
            in_flight.join()
            load.wait_for(300)

        print("load on the surviving instance:", load.summary())
        assert len(load.outcomes) >= 350
        assert len(load.within("after the kill")) >= 300
        failed = [outcome for outcome in load.outcomes if outcome.status != 200]
        assert not failed, failed[:5]

        # Every acknowledged save is in the database and on B's pages, in every language.
        for partner_id in saved_ids:
            assert stored_partner_names(site, partner_id) == partner_names(partner_id, token)
        for language, path in PARTNERS.items():
            page = Visitor().get(b.base + path)
            for partner_id in saved_ids:
                assert escape(partner_names(partner_id, token)[language]) in page.text
        # The edit cut off by the kill is there whole or not at all, never half.
        cut_off = stored_partner_names(site, in_flight_id)
        assert cut_off in (before_in_flight, partner_names(in_flight_id, token))
        print(
            "the edit cut off by the kill:", "saved" if cut_off != before_in_flight else "not saved"
        )
        # The session made on A is in the database: the member of staff stays signed in on B.
        assert path_of(staff.get(b.base + admin_path("index"))) == admin_path("index")


def post_cut_off_by_a_kill(visitor, url, fields):
    # A request to a server that is killed may end any way (reset, refused, no answer).
    with suppress(OSError):
        visitor.post(url, fields)


def readiness(base):
    answer = Visitor().get(base + "/readyz")
    return answer.status, json.loads(answer.text)


def wait_until_ready(base):
    deadline = time.monotonic() + RECOVERY_SECONDS
    while readiness(base)[0] != 200:
        assert time.monotonic() < deadline, f"not ready {RECOVERY_SECONDS} s after the recovery"
        time.sleep(0.2)


def language_of(url):
    return urlsplit(url).path.split("/")[1]


def test_postgresql_stopped_under_load_cached_pages_stay_up_others_get_the_503_page_then_recovery(
    site,
):
    with site.instances(1) as (server,):
        cached = [server.base + path for path in (*HOME.values(), *PROJECT.values())]
        # Addresses with a query string are never served from the cache (e.g. a newsletter link).
        uncached = [f"{server.base}{path}?from=newsletter" for path in PARTNERS.values()]
        for url in cached:
            assert Visitor().get(url).status == 200
        workers = server.worker_pids()

        with LoadRun(cached + uncached) as load:
            load.wait_for(60)
            load.phase = "stopping"
            site.postgres.stop()
            load.phase = "outage"
            load.wait_for(150)

            # Pages nobody opened before the outage: the 503 page in the address's language.
            for language, path in CONTACTS.items():
                answer = Visitor({"Accept-Language": "de"}).get(server.base + path)
                assert_503_page(answer.status, answer.headers, answer.text, language)
            # `/` in the browser's language.
            answer = Visitor({"Accept-Language": "ru-RU,ru;q=0.9"}).get(server.base + "/")
            assert_503_page(answer.status, answer.headers, answer.text, "ru")
            assert readiness(server.base) == (503, {"database": "unavailable", "cache": "ok"})
            assert Visitor().get(server.base + "/healthz").status == 200

            load.phase = "recovering"
            site.postgres.start()
            wait_until_ready(server.base)
            load.phase = "recovered"
            load.wait_for(150)

        print("load with PostgreSQL stopped and started again:", load.summary())
        assert [o for o in load.outcomes if o.status is None] == [], "requests without an answer"
        for outcome in load.outcomes:
            assert outcome.status in (200, 503), outcome
            if outcome.url in cached:
                assert outcome.status == 200, outcome
            if outcome.status == 503:
                language = language_of(outcome.url)
                assert f'<html lang="{language}">' in outcome.text
                assert "Traceback" not in outcome.text
        for phase, status in (("before", 200), ("outage", 503), ("recovered", 200)):
            in_phase = [o for o in load.within(phase) if o.url in uncached]
            assert in_phase, phase
            assert {o.status for o in in_phase} == {status}, phase
        assert len([o for o in load.within("outage") if o.url in cached]) >= 50

        # Recovered without a restart: the same processes serve every page again.
        assert server.process.poll() is None
        assert server.worker_pids() == workers
        for path in CONTACTS.values():
            assert Visitor().get(server.base + path).status == 200
        assert readiness(server.base) == (200, {"database": "ok", "cache": "ok"})


REFUGEE_FOR_TWO_YEARS = {
    "estonian_citizen": "no",
    "citizenship": "third_country",
    "residence_basis": "international_protection",
    "protection": "refugee",
    "resident_since-day": "15",
    "resident_since-month": "6",
    "resident_since-year": "2024",
    "lived_abroad": "no",
    "go": "result",
}


def test_with_redis_stopped_the_site_serves_everything_from_the_database(site):
    with site.instances(1) as (server,):
        paths = sitemap_paths(server.base)
        for language in LANGUAGES:
            Visitor().get(f"{server.base}/{language}/")  # in the cache, then the cache goes
        site.redis.stop()

        for path in paths:
            assert Visitor().get(server.base + path).status == 200, path
        with LoadRun([server.base + path for path in paths]) as load:
            load.wait_for(2 * len(paths))
        print("load with Redis stopped:", load.summary())
        assert {o.status for o in load.outcomes} == {200}

        result = Visitor().post(server.base + "/en/eligibility/", REFUGEE_FOR_TWO_YEARS)
        assert result.status == 200
        assert "<h1>Your result</h1>" in result.text
        staff = sign_in(server.base)
        assert staff.get(server.base + admin_path("pages_page_changelist")).status == 200
        assert Visitor().get(server.base + "/healthz").status == 200
        assert readiness(server.base) == (503, {"database": "ok", "cache": "unavailable"})

        site.redis.start()
        wait_until_ready(server.base)
        assert Visitor().get(server.base + PROJECT["ru"]).status == 200


def test_an_edit_saved_while_redis_is_down_shows_when_redis_returns_with_its_old_pages(site):
    # A Redis that keeps its data (as a managed one may) comes back holding the pages cached
    # before the edit, and the content version the edit could not replace. One worker: the
    # process that saved the edit is the one that answers next.
    project_id, changes = new_project_summary(site)
    with site.instances(1, workers=1) as (server,):
        for path in PROJECT.values():
            Visitor().get(server.base + path)
        staff = sign_in(server.base)
        site.redis.stop(keep_data=True)
        save_in_admin(staff, server.base, "page", project_id, changes)
        site.redis.start()
        for language, path in PROJECT.items():
            assert changes[f"summary_{language}"] in Visitor().get(server.base + path).text
