"""Backups: a dump, a wipe and a restore bring back every content row in every language.

The drill runs on the test database itself, whichever it is: SQLite in the plain run,
PostgreSQL when DATABASE_URL points there (CI runs both), through the command `make backup` and
`make restore` run (manage.py backup).
"""

import io
import os
import shutil
import sqlite3
import stat
import subprocess
import tarfile
from contextlib import closing
from datetime import UTC, datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from django.utils import translation

from core.backup import (
    BackupError,
    default_backup_path,
    dump,
    dump_media,
    media_backup_path,
    restore,
    restore_media,
    stored_names,
)
from media_library.models import Document, Image
from pages.models import Contact, Page, Partner, TargetGroup
from tests.support import uploads
from tests.support.languages import LANGUAGES
from tests.support.servers import ROOT
from tests.support.staff import staff_member

CONTENT_MODELS = (Page, TargetGroup, Partner, Contact, Image, Document)
SQLITE = "django.db.backends.sqlite3"
POSTGRESQL = "django.db.backends.postgresql"
MAKE_VARIABLES = {"MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES"}


def content_rows():
    """Every column of every content row, read with plain SQL: no translation field rewriting."""
    rows = {}
    with connection.cursor() as cursor:
        for model in CONTENT_MODELS:
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(f"SELECT * FROM {table} ORDER BY id")  # noqa: S608 - our table names
            columns = [column[0] for column in cursor.description]
            rows[model.__name__] = [dict(zip(columns, row, strict=True)) for row in cursor]
    return rows


def upload_an_image_and_a_document(client):
    """Through the admin, as staff do: the rows and the files a backup must bring back."""
    client.force_login(staff_member("editor", "Editors"))
    with translation.override("en"):
        for kind, content, field in (
            ("image", uploads.phone_photo(rotated=False), "alt_text"),
            ("document", uploads.pdf(), "title"),
        ):
            texts = {f"{field}_{code}": f"{kind} {code}" for code in LANGUAGES}
            response = client.post(
                reverse(f"admin:media_library_{kind}_add"),
                {"upload": SimpleUploadedFile("upload", content)} | texts,
            )
            assert response.status_code == 302
    client.logout()


def stored_files():
    return {name: default_storage.open(name).read() for name in stored_names(default_storage)}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_dump_wipe_and_restore_bring_back_every_content_row_and_uploaded_file(tmp_path, client):
    upload_an_image_and_a_document(client)
    page = Page.objects.get(kind=Page.Kind.PROJECT)
    page.image = Image.objects.get()
    page.save()
    before = content_rows()
    files = stored_files()
    for model in CONTENT_MODELS:
        assert before[model.__name__], f"no {model.__name__} rows to back up"
        columns = set(before[model.__name__][0])
        assert {field.column for field in model._meta.concrete_fields} <= columns
    assert {"title_et", "title_ru", "title_en", "body_ru"} <= set(before["Page"][0])
    assert all(row["title_ru"] for row in before["Page"])
    assert len(files) == 6  # five widths of the image, and the document
    backup_file = tmp_path / "drill.backup"

    call_command("backup", "dump", str(backup_file))
    assert media_backup_path(backup_file).exists()
    for model in CONTENT_MODELS:
        model.objects.all().delete()
    for name in files:
        default_storage.delete(name)
    assert not any(content_rows().values())
    assert stored_files() == {}
    # pg_restore drops and recreates the tables: start afresh after it, with no cached state.
    connection.close()
    call_command("backup", "restore", str(backup_file))

    assert content_rows() == before
    assert stored_files() == files
    assert client.get("/ru/").status_code == 200
    image = Image.objects.get()
    assert client.get(image.src()).status_code == 200
    assert client.get(Document.objects.get().get_absolute_url()).status_code == 200


def test_restoring_uploads_replaces_the_storages_files_with_the_backups(tmp_path):
    default_storage.save("images/kept.jpg", ContentFile(b"kept"))
    archive = dump_media(default_storage, tmp_path / "uploads.media.tar")
    default_storage.save("documents/added-later.pdf", ContentFile(b"later"))
    default_storage.delete("images/kept.jpg")
    assert restore_media(default_storage, archive) == 1
    assert stored_files() == {"images/kept.jpg": b"kept"}


def test_a_tar_with_a_path_out_of_the_storage_is_refused_and_changes_nothing(tmp_path):
    default_storage.save("images/kept.jpg", ContentFile(b"kept"))
    hostile = tmp_path / "hostile.media.tar"
    with tarfile.open(hostile, "w") as archive:
        member = tarfile.TarInfo("../../outside.txt")
        member.size = 4
        archive.addfile(member, io.BytesIO(b"evil"))
    with pytest.raises(BackupError, match="not an uploaded file"):
        restore_media(default_storage, hostile)
    assert stored_files() == {"images/kept.jpg": b"kept"}


def test_sqlite_backup_holds_committed_rows_still_in_the_wal_and_no_uncommitted_ones(tmp_path):
    database = tmp_path / "site.sqlite3"
    with closing(sqlite3.connect(database, isolation_level=None)) as site:
        # WAL mode with no checkpoint: committed rows are only in the -wal file, which a
        # copy of the database file would miss.
        site.execute("PRAGMA journal_mode=wal")
        site.execute("PRAGMA wal_autocheckpoint=0")
        site.execute("CREATE TABLE contact (name TEXT)")
        site.execute("INSERT INTO contact VALUES ('committed')")
        site.execute("BEGIN")
        site.execute("INSERT INTO contact VALUES ('uncommitted')")

        backup_file = dump({"ENGINE": SQLITE, "NAME": str(database)}, tmp_path / "copy.sqlite3")

        site.execute("ROLLBACK")
    with closing(sqlite3.connect(backup_file)) as copy:
        assert copy.execute("SELECT name FROM contact").fetchall() == [("committed",)]


def test_sqlite_restore_replaces_the_whole_database(tmp_path):
    settings_dict = {"ENGINE": SQLITE, "NAME": str(tmp_path / "site.sqlite3")}
    with closing(sqlite3.connect(settings_dict["NAME"], isolation_level=None)) as site:
        site.execute("CREATE TABLE contact (name TEXT)")
        site.execute("INSERT INTO contact VALUES ('before')")
    backup_file = dump(settings_dict, tmp_path / "copy.sqlite3")
    with closing(sqlite3.connect(settings_dict["NAME"], isolation_level=None)) as site:
        site.execute("DELETE FROM contact")
        site.execute("CREATE TABLE added_later (id INTEGER)")

    restore(settings_dict, backup_file)

    with closing(sqlite3.connect(settings_dict["NAME"])) as site:
        assert site.execute("SELECT name FROM contact").fetchall() == [("before",)]
        tables = site.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        assert tables == [("contact",)]


def test_backup_files_are_readable_by_their_owner_only_and_never_overwritten(tmp_path):
    database = tmp_path / "site.sqlite3"
    sqlite3.connect(database).close()
    settings_dict = {"ENGINE": SQLITE, "NAME": str(database)}
    backup_file = dump(settings_dict, tmp_path / "backups" / "copy.sqlite3")
    assert stat.S_IMODE(os.stat(backup_file).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(backup_file.parent).st_mode) == 0o700
    with pytest.raises(BackupError, match="exists already"):
        dump(settings_dict, backup_file)


def test_dump_of_a_missing_sqlite_database_fails_and_leaves_no_file(tmp_path):
    settings_dict = {"ENGINE": SQLITE, "NAME": str(tmp_path / "missing.sqlite3")}
    with pytest.raises(BackupError, match="no SQLite database"):
        dump(settings_dict, tmp_path / "copy.sqlite3")
    assert not (tmp_path / "copy.sqlite3").exists()
    assert not (tmp_path / "missing.sqlite3").exists()


@pytest.mark.parametrize(
    ("engine", "message"),
    [(SQLITE, "not an SQLite database"), (POSTGRESQL, "not a PostgreSQL custom-format dump")],
)
def test_restore_refuses_a_file_that_is_not_a_backup_of_that_database_kind(
    tmp_path, engine, message
):
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("not a backup")
    settings_dict = {"ENGINE": engine, "NAME": str(tmp_path / "site.sqlite3")}
    with pytest.raises(BackupError, match=message):
        restore(settings_dict, not_a_backup)
    assert not (tmp_path / "site.sqlite3").exists()


def test_default_backup_file_is_under_var_backups_named_by_utc_time():
    now = datetime(2025, 1, 31, 2, 0, 5, tzinfo=UTC)
    backups = ROOT / "var" / "backups"
    assert default_backup_path({"ENGINE": POSTGRESQL}, now) == (
        backups / "kjproject-20250131T020005Z.dump"
    )
    assert default_backup_path({"ENGINE": SQLITE}, now).name == "kjproject-20250131T020005Z.sqlite3"


def test_command_reports_a_failed_restore_in_one_line_without_a_traceback(tmp_path):
    with pytest.raises(CommandError, match="restore: no backup file at"):
        call_command("backup", "restore", str(tmp_path / "missing.dump"))


def test_make_restore_without_a_file_says_how_to_call_it_and_restores_nothing():
    make = shutil.which("make")
    if make is None:
        pytest.skip("make is not installed")
    # A make of its own: not the variables of a `make test` that may be running this test.
    environment = {k: v for k, v in os.environ.items() if k not in MAKE_VARIABLES}
    result = subprocess.run(  # noqa: S603 - our own Makefile
        [make, "--silent", "restore"], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "usage: make restore BACKUP=var/backups/FILE" in result.stderr
    assert "Database restored" not in result.stdout
