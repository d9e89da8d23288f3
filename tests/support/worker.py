"""The background worker as `make run`, Compose and Kubernetes start it (`manage.py worker`), in
a process of its own that a test may stop, or kill mid-send, and start again.

`query` reads the worker's database from the test (SQLite file or PostgreSQL, by its URL), so a
test can see each e-mail's row without a Django connection to that database.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

import dj_database_url
import psycopg

from .servers import ROOT

WAIT_SECONDS = 30


# db_worker's: look for tasks every 0.1 s, from the start.
DATABASE_WORKER_ARGUMENTS = ("--interval", "0.1", "--no-startup-delay")


class WorkerProcess:
    def __init__(self, env, backend_arguments=DATABASE_WORKER_ARGUMENTS):
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 - read by output(), closed by stop()
        self.process = subprocess.Popen(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", "worker", "--", *backend_arguments],
            cwd=ROOT,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "kjproject.settings", **env},
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def output(self):
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def kill(self):
        """SIGKILL: no handler runs, no row is updated, as when a container is killed."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=WAIT_SECONDS)
        self.log.close()

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=WAIT_SECONDS)
        self.log.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.stop()


def query(database_url, statement, parameters=()):
    """The rows of one SQL statement (with %s placeholders) on the database of `database_url`."""
    config = dj_database_url.parse(database_url)
    if config["ENGINE"].endswith("sqlite3"):
        with sqlite3.connect(config["NAME"], timeout=10) as connection:
            return connection.execute(statement.replace("%s", "?"), parameters).fetchall()
    with psycopg.connect(database_url.replace("postgres://", "postgresql://", 1)) as connection:
        return connection.execute(statement, parameters).fetchall()


def wait_until(condition, what, seconds=WAIT_SECONDS):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        time.sleep(0.05)
