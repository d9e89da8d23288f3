"""The site's own 503 page while the database cannot be reached, in the test process.

The database is really unreachable (conftest.database_unreachable: a port where nothing listens,
or an SQLite file in a missing folder). tests/system/test_failover.py shows the same on a real
PostgreSQL server stopped under load, with gunicorn.
"""

import logging

import pytest
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.utils import load_backend
from django.test import Client
from django.urls import reverse
from django.utils import translation

from core.errors import server_error
from tests.support.outage import assert_503_page, database_unreachable
from tests.support.production import production_setting

pytestmark = pytest.mark.django_db

PROJECT_PAGE = {"et": "/et/projekt/", "ru": "/ru/proekt/", "en": "/en/project/"}


def assert_is_the_503_page(response, language):
    """A Django test response that is the site's 503 page in `language`."""
    assert_503_page(response.status_code, response.headers, response.content.decode(), language)


@pytest.mark.usefixtures("unreachable_database")
@pytest.mark.parametrize("language", ["et", "ru", "en"])
def test_a_page_answers_the_sites_own_503_in_the_language_of_its_address(client, language):
    # Accept-Language says otherwise: the address decides.
    response = client.get(PROJECT_PAGE[language], HTTP_ACCEPT_LANGUAGE="de, en;q=0.5")
    assert_is_the_503_page(response, language)


@pytest.mark.usefixtures("unreachable_database")
@pytest.mark.parametrize(
    ("headers", "language"),
    [({"HTTP_ACCEPT_LANGUAGE": "ru-RU,ru;q=0.9"}, "ru"), ({"HTTP_ACCEPT_LANGUAGE": "en-GB"}, "en")],
)
def test_the_root_address_answers_503_in_the_browsers_language(headers, language):
    # `/` renders the 404 page (its menu needs the database) before the language redirect.
    client = Client(raise_request_exception=False)
    assert_is_the_503_page(client.get("/", **headers), language)


@pytest.mark.usefixtures("unreachable_database")
def test_the_language_cookie_chooses_the_503_pages_language_where_the_address_has_none():
    client = Client(raise_request_exception=False)
    client.cookies["django_language"] = "ru"
    assert_is_the_503_page(client.get("/", HTTP_ACCEPT_LANGUAGE="en"), "ru")


def test_the_eligibility_result_and_the_admin_answer_503_too(client, admin_client, tmp_path):
    answers = {"estonian_citizen": "by_birth", "returned": "no", "go": "result"}
    with translation.override("ru"):
        admin_list = reverse("admin:pages_page_changelist")
    with database_unreachable(tmp_path):
        assert_is_the_503_page(client.post("/en/eligibility/", answers), "en")
        assert_is_the_503_page(admin_client.get(admin_list), "ru")


def test_cached_pages_are_still_served_while_the_database_is_unreachable(client, tmp_path):
    pages = {url: client.get(url).content for url in PROJECT_PAGE.values()}
    with database_unreachable(tmp_path):
        for url, content in pages.items():
            response = client.get(url)
            assert response.status_code == 200, url
            assert response.content == content
        assert client.get("/en/contacts/").status_code == 503  # never visited, so not cached


def test_a_503_is_never_kept_by_the_page_cache(client, tmp_path):
    with database_unreachable(tmp_path):
        assert client.get("/en/partners/").status_code == 503
    response = client.get("/en/partners/")
    assert response.status_code == 200
    assert "Partners" in response.content.decode()


def connect_anew():
    """A new connection to the test database, as a request's after the database came back."""
    settings_dict = connections[DEFAULT_DB_ALIAS].settings_dict
    backend = load_backend(settings_dict["ENGINE"])
    new_connection = backend.DatabaseWrapper(settings_dict, DEFAULT_DB_ALIAS)
    new_connection.ensure_connection()
    new_connection.close()


def test_the_log_says_once_that_the_database_is_unreachable_and_once_that_it_is_back(
    client, tmp_path, caplog
):
    connect_anew()  # whatever earlier tests did, the database answers now
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="core.errors"):
        with database_unreachable(tmp_path):
            for url in PROJECT_PAGE.values():
                assert client.get(url).status_code == 503
        connect_anew()
    outage_log = [r for r in caplog.records if r.name == "core.errors"]
    messages = [(record.levelno, record.getMessage()) for record in outage_log]
    assert messages == [
        (logging.WARNING, "Database unreachable, answering 503"),
        (logging.INFO, "Database reachable again"),
    ]
    assert outage_log[0].exc_info  # the reason, for the operator


def test_errors_other_than_a_lost_database_still_get_the_500_page(rf):
    request = rf.get("/en/")
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(request)
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


@pytest.mark.parametrize(
    ("database_url", "seconds"),
    [
        ("postgres://kjproject@db.example:5432/kjproject", 5),
        ("postgres://kjproject@db.example:5432/kjproject?connect_timeout=12", 12),
    ],
)
def test_a_postgresql_host_that_never_answers_is_given_up_on_within_seconds(database_url, seconds):
    # libpq's default is to wait as long as TCP does (minutes), past gunicorn's worker timeout:
    # the visitor would get a dropped connection instead of the 503 page.
    databases = production_setting("DATABASES", {"DATABASE_URL": database_url})
    assert databases["default"]["OPTIONS"]["connect_timeout"] == seconds
