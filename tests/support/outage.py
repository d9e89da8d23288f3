"""A database that cannot be reached, and what the site answers then (its own 503 page)."""

from contextlib import contextmanager
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.utils import load_backend

from .html import PageOutline
from .servers import free_port

UNAVAILABLE = {
    "et": "Vabandame, see leht ei ole praegu kättesaadav",
    "ru": "Извините, эта страница сейчас недоступна",
    "en": "Sorry, this page is unavailable at the moment",
}


@contextmanager
def database_unreachable(folder):
    """While inside, the default connection points where no database is.

    A new connection object for the default alias, with the test database's settings except for
    the address: a port where nothing listens for PostgreSQL, a file in a missing folder for
    SQLite. The real connection (and the test's transaction on it) is put back afterwards.
    """
    real_connection = connections[DEFAULT_DB_ALIAS]
    settings_dict = {**real_connection.settings_dict}
    if real_connection.vendor == "sqlite":
        settings_dict["NAME"] = str(Path(folder) / "missing-folder" / "db.sqlite3")
    else:
        settings_dict.update(HOST="127.0.0.1", PORT=free_port())
    backend = load_backend(settings_dict["ENGINE"])
    connections[DEFAULT_DB_ALIAS] = backend.DatabaseWrapper(settings_dict, DEFAULT_DB_ALIAS)
    try:
        yield
    finally:
        connections[DEFAULT_DB_ALIAS].close()
        connections[DEFAULT_DB_ALIAS] = real_connection


def assert_503_page(status, headers, body, language):
    """The site's own 503 page in `language`, revealing nothing."""
    assert status == 503
    assert PageOutline(body).html_lang == language
    assert headers["Content-Language"] == language
    assert f"<h1>{UNAVAILABLE[language]}</h1>" in body
    assert f'href="/{language}/"' in body  # the home page, which is usually cached
    assert int(headers["Retry-After"]) > 0
    assert "no-store" in headers["Cache-Control"]
    for leak in ("Traceback", "OperationalError", "psycopg", "sqlite", "127.0.0.1"):
        assert leak not in body
