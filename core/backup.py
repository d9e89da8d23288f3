"""Back up and restore the site's database (``manage.py backup``).

    manage.py backup dump [FILE]     # default: var/backups/kjproject-<UTC time>.<ext>
    manage.py backup restore FILE    # replaces the database's contents with FILE's

(`make backup` and `make restore BACKUP=FILE` run these.) The database is the one the site uses:
its connection settings come from Django's settings, which read ``DATABASE_URL``.

- PostgreSQL: ``pg_dump --format=custom``, restored with ``pg_restore --clean --if-exists`` in a
  single transaction (all or nothing). pg_dump must be at least the server's major version.
- SQLite: sqlite3's online backup API, which copies a consistent snapshot even while the site
  writes (a ``cp`` of the file can catch a half-written transaction, and misses whatever is
  still in the ``-wal`` file).

Uploaded files (images, documents: Django's default storage, MEDIA_ROOT or an S3-compatible
bucket) go into a tar file beside the database's, named like it with ``.media.tar``; restoring
the database restores them too when that file is there. They are read and written through the
storage, so the same works for a folder and for a bucket.

Backups hold personal data (contact details, staff accounts): files are created readable by their
owner only, and an existing file is never overwritten.
"""

import os
import shutil
import sqlite3
import subprocess
import tarfile
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile

POSTGRESQL = "postgresql"
SQLITE = "sqlite"
FILE_EXTENSIONS = {POSTGRESQL: "dump", SQLITE: "sqlite3"}
# The first bytes of each format, to refuse restoring the wrong kind of file.
FILE_SIGNATURES = {POSTGRESQL: b"PGDMP", SQLITE: b"SQLite format 3\x00"}
FORMAT_NAMES = {
    POSTGRESQL: "a PostgreSQL custom-format dump (pg_dump --format=custom)",
    SQLITE: "an SQLite database file",
}


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why, without secrets."""


def database_kind(settings_dict) -> str:
    engine = settings_dict["ENGINE"]
    if engine.endswith("postgresql"):
        return POSTGRESQL
    if engine.endswith("sqlite3"):
        return SQLITE
    raise BackupError(f"backups of {engine} databases are not supported")


def default_backup_path(settings_dict, now=None) -> Path:
    """var/backups/kjproject-20250131T020000Z.dump: named by the time, so they sort by age."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    extension = FILE_EXTENSIONS[database_kind(settings_dict)]
    return settings.VAR_DIR / "backups" / f"kjproject-{stamp}.{extension}"


def dump(settings_dict, path) -> Path:
    """Write a backup of the database described by `settings_dict` to a new file at `path`."""
    kind = database_kind(settings_dict)
    path = Path(path)
    create_private_file(path)
    try:
        if kind == POSTGRESQL:
            run_postgresql_tool(
                "pg_dump",
                ["--format=custom", f"--file={path}", f"--dbname={settings_dict['NAME']}"],
                settings_dict,
            )
        else:
            dump_sqlite(settings_dict["NAME"], path)
    except BaseException:
        path.unlink(missing_ok=True)  # a partial file must never pass for a backup
        raise
    return path


def restore(settings_dict, path) -> None:
    """Replace the contents of the database described by `settings_dict` with the backup."""
    kind = database_kind(settings_dict)
    path = Path(path)
    check_backup_format(path, kind)
    if kind == POSTGRESQL:
        run_postgresql_tool(
            "pg_restore",
            [
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                f"--dbname={settings_dict['NAME']}",
                str(path),
            ],
            settings_dict,
        )
    else:
        restore_sqlite(path, settings_dict["NAME"])


def create_private_file(path: Path) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        raise BackupError(f"{path} exists already; choose another file name") from None


def check_backup_format(path: Path, kind: str) -> None:
    signature = FILE_SIGNATURES[kind]
    try:
        with path.open("rb") as backup_file:
            first_bytes = backup_file.read(len(signature))
    except FileNotFoundError:
        raise BackupError(f"no backup file at {path}") from None
    if first_bytes != signature:
        raise BackupError(f"{path} is not {FORMAT_NAMES[kind]}")


# PostgreSQL: the client tools read the connection from libpq's environment variables, which
# keeps the password out of the process list.
LIBPQ_ENVIRONMENT = {"HOST": "PGHOST", "PORT": "PGPORT", "USER": "PGUSER", "PASSWORD": "PGPASSWORD"}
LIBPQ_OPTION_ENVIRONMENT = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
}


def run_postgresql_tool(tool, arguments, settings_dict) -> None:
    executable = shutil.which(tool)
    if executable is None:
        raise BackupError(
            f"{tool} is not installed: install the PostgreSQL client tools "
            "of the server's major version or newer (Debian: postgresql-client)"
        )
    environment = dict(os.environ)
    for setting, variable in LIBPQ_ENVIRONMENT.items():
        if settings_dict.get(setting):
            environment[variable] = str(settings_dict[setting])
    for option, variable in LIBPQ_OPTION_ENVIRONMENT.items():
        if settings_dict.get("OPTIONS", {}).get(option):
            environment[variable] = str(settings_dict["OPTIONS"][option])
    # Fixed arguments and our own settings, never a shell: nothing here is untrusted input.
    result = subprocess.run([executable, *arguments], env=environment, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{tool} failed (exit status {result.returncode}); see its output above")


# SQLite: Django connects with uri=True, so NAME may be a "file:" URI (the test databases are).


def dump_sqlite(database_name, path: Path) -> None:
    if not str(database_name).startswith("file:") and not Path(database_name).exists():
        raise BackupError(f"no SQLite database at {database_name}")
    with (
        closing(sqlite3.connect(database_name, uri=True)) as database,
        closing(sqlite3.connect(path)) as copy,
    ):
        database.backup(copy)
        (result,) = copy.execute("PRAGMA quick_check").fetchone()
    if result != "ok":
        raise BackupError(f"the copy failed its integrity check: {result}")


def restore_sqlite(path: Path, database_name) -> None:
    with (
        closing(sqlite3.connect(path)) as backup,
        closing(sqlite3.connect(database_name, uri=True)) as database,
    ):
        backup.backup(database)


# Uploaded files.


def media_backup_path(database_backup) -> Path:
    """kjproject-20250131T020000Z.dump → kjproject-20250131T020000Z.media.tar, beside it."""
    return Path(database_backup).with_suffix(".media.tar")


def stored_names(storage) -> list[str]:
    names, folders = [], [""]
    while folders:
        folder = folders.pop()
        subfolders, files = storage.listdir(folder)
        folders += [f"{folder}{name}/" for name in subfolders]
        names += [f"{folder}{name}" for name in files]
    return sorted(names)


def dump_media(storage, path) -> Path:
    """Write every file of the storage into a new tar file at `path`."""
    path = Path(path)
    create_private_file(path)
    try:
        with tarfile.open(path, "w") as archive:
            for name in stored_names(storage):
                member = tarfile.TarInfo(name)
                member.size = storage.size(name)
                member.mode = 0o600
                with storage.open(name, "rb") as stored:
                    archive.addfile(member, stored)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


def restore_media(storage, path) -> int:
    """Make the storage hold exactly the files of the tar file; returns how many."""
    path = Path(path)
    if not path.is_file() or not tarfile.is_tarfile(path):
        raise BackupError(f"{path} is not a tar file of uploaded files")
    with tarfile.open(path) as archive:
        members = archive.getmembers()
        for member in members:
            parts = Path(member.name).parts
            if not member.isfile() or Path(member.name).is_absolute() or ".." in parts:
                raise BackupError(f"{path} holds {member.name!r}, which is not an uploaded file")
        for name in stored_names(storage):
            storage.delete(name)
        for member in members:
            content = archive.extractfile(member).read()
            if storage.save(member.name, ContentFile(content)) != member.name:
                raise BackupError(f"could not restore {member.name} under its own name")
    return len(members)
