"""Real servers for tests and benchmarks: gunicorn as `make run` starts it, on its own database.

Shared by the browser, security and scale-out tests and by the benchmark (bench/run.py), so that
each starts the site the way production does (DEBUG off, collected static files, the gunicorn
config file).
"""

import importlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import dj_database_url
import pytest

from .sitemap import paths_in_sitemap

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
# gunicorn's --config, as `make run` and the container image pass it.
GUNICORN_CONFIG = "python:kjproject.gunicorn_conf"
STARTUP_SECONDS = 30


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch_with_headers(url, headers=None):
    """(response headers, body) of a GET."""
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {})) as response:
        return response.headers, response.read()


def fetch(url, headers=None):
    return fetch_with_headers(url, headers)[1]


def sitemap_paths(base):
    """The path of every URL the sitemap at `base` lists: the site's public pages."""
    return paths_in_sitemap(fetch(f"{base}/sitemap.xml"), lambda path: fetch(base + path))


def gunicorn_config_with(environment=None):
    """gunicorn's validated settings from our config file, read under `environment` the way
    gunicorn reads it (importing the module GUNICORN_CONFIG names)."""
    from gunicorn.config import Config

    module_name = GUNICORN_CONFIG.removeprefix("python:")
    with pytest.MonkeyPatch.context() as patch:
        for name, value in (environment or {}).items():
            patch.setenv(name, value)
        module = dict(vars(importlib.reload(importlib.import_module(module_name))))
    importlib.reload(importlib.import_module(module_name))  # back to this process's environment
    config = Config()
    for name, value in module.items():
        if name in config.settings:
            config.set(name, value)  # runs gunicorn's own validation of each setting
    return config


def manage(*arguments, env=None):
    """Run a manage.py command in a process of its own; its CompletedProcess (text output)."""
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "kjproject.settings", **(env or {})},
        check=True,
        capture_output=True,
        text=True,
    )


@cache
def collect_static():
    """What `make setup` does for static files: the manifest storage needs them collected.

    Once per test run: every server of the run serves the same files.
    """
    manage("collectstatic", "--noinput", "--verbosity", "0")


@contextmanager
def migrated_database():
    """A database of its own, migrated and seeded, on the engine the tests run on.

    With DATABASE_URL pointing at PostgreSQL a fresh database is created on that server and
    dropped afterwards; otherwise a SQLite file in a temporary folder.
    """
    configured = os.environ.get("DATABASE_URL", "")
    if configured.startswith(("postgres://", "postgresql://")):
        import psycopg

        name = f"kjlive_{uuid.uuid4().hex[:12]}"
        admin_url = dj_database_url.parse(configured)
        connect = {
            "host": admin_url["HOST"] or "127.0.0.1",
            "port": admin_url["PORT"] or 5432,
            "user": admin_url["USER"],
            "password": admin_url["PASSWORD"] or None,
            "dbname": "postgres",
            "autocommit": True,
        }
        with psycopg.connect(**connect) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        url = configured.rsplit("/", 1)[0] + f"/{name}"
        try:
            manage("migrate", "--noinput", env={"DATABASE_URL": url})
            yield url
        finally:
            with psycopg.connect(**connect) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite:///{folder}/db.sqlite3"
            manage("migrate", "--noinput", env={"DATABASE_URL": url})
            yield url


class GunicornServer:
    """gunicorn started the way `make run` starts it, on 127.0.0.1 and a free port.

    `env` adds to (or overrides) this process's environment, e.g. DATABASE_URL, REDIS_URL.
    The server's own output goes to `self.log` (read it with `output()`).
    """

    def __init__(self, env=None, port=None):
        self.port = port or free_port()
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "kjproject.settings",
            "HOST": "127.0.0.1",
            "PORT": str(self.port),
            **(env or {}),
        }
        environment.pop("DEBUG", None)
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [str(BIN / "gunicorn"), "--config", GUNICORN_CONFIG, "kjproject.wsgi"],
            cwd=ROOT,
            env=environment,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.base = f"http://127.0.0.1:{self.port}"
        self.wait_until_serving()

    def wait_until_serving(self):
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                fetch(f"{self.base}/healthz")
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not start:\n{self.output()}")

    def output(self):
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def worker_pids(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def kill(self):
        """SIGKILL the master and every worker at once, as when a container or machine dies."""
        for pid in [*self.worker_pids(), self.process.pid]:
            os.kill(pid, signal.SIGKILL)
        self.process.wait(timeout=STARTUP_SECONDS)

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.stop()
