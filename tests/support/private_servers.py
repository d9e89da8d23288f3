"""PostgreSQL and Redis servers of a test's own, which it may stop and start at will.

The machine's PostgreSQL and Redis are shared with CI and other work and must never be stopped,
so the failover tests start their own: the same server binaries as production, on a free port
of 127.0.0.1, with their files in a temporary folder that is removed afterwards.

    with PrivatePostgres() as postgres, PrivateRedis() as redis:
        postgres.create_database("site")
        url = postgres.url("site")
        postgres.stop()   # the outage
        postgres.start()  # the recovery, same port, same data

PostgreSQL refuses to run as root: as root, its programs run as the `postgres` OS user (the
folder is handed to that user). Without the binaries, tests using these are skipped, or fail in
CI (tests/support/ci.py).
"""

import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg
import redis

from tests.support.ci import missing_tool
from tests.support.servers import free_port

STARTUP_SECONDS = 30
POSTGRES_OS_USER = "postgres"


def postgres_bin_dir():
    """The newest installed PostgreSQL server's bin folder (Debian: /usr/lib/postgresql/N/bin)."""
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda path: int(path.parent.parent.name) if path.parent.parent.name.isdigit() else 0,
    )
    if candidates:
        return candidates[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


class PrivateServer:
    """A server on a free port of 127.0.0.1 with its files in a temporary folder.

    `with` starts it, and stops it (if running) and removes the folder at the end.
    """

    running = False

    def __init__(self, name):
        self.folder = Path(tempfile.mkdtemp(prefix=f"kj-{name}-"))
        self.port = free_port()

    def log(self):
        log_file = self.folder / "server.log"
        return log_file.read_text(errors="replace") if log_file.exists() else ""

    def close(self):
        if self.running:
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc_info):
        self.close()


class PrivatePostgres(PrivateServer):
    """A PostgreSQL cluster in a temporary folder: trust auth, user `postgres`, 127.0.0.1 only."""

    def __init__(self):
        self.bin_dir = postgres_bin_dir()
        if self.bin_dir is None:
            missing_tool("PostgreSQL's initdb not found: the failover tests start their own server")
        self.as_postgres_user = os.geteuid() == 0
        if self.as_postgres_user:
            try:
                account = pwd.getpwnam(POSTGRES_OS_USER)
            except KeyError:
                missing_tool("running as root, but there is no `postgres` user to run PostgreSQL")
        super().__init__("postgres")
        if self.as_postgres_user:
            os.chown(self.folder, account.pw_uid, account.pw_gid)
        self.data = self.folder / "data"
        try:
            self._initdb()
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise

    def _initdb(self):
        self._run(
            "initdb",
            f"--pgdata={self.data}",
            "--username=postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--no-locale",
            "--no-sync",
        )

    def _run(self, program, *arguments):
        command = [str(self.bin_dir / program), *arguments]
        if self.as_postgres_user:
            command = [
                shutil.which("runuser") or "/usr/sbin/runuser",
                "-u",
                POSTGRES_OS_USER,
                "--",
                *command,
            ]
        # Our own fixed command lines, on files of our own.
        result = subprocess.run(command, cwd=self.folder, capture_output=True, text=True)  # noqa: S603
        if result.returncode != 0:
            raise RuntimeError(f"{program} failed:\n{result.stdout}{result.stderr}{self.log()}")

    def start(self):
        # fsync off: the data need not survive a crash of the machine, only of the app.
        options = (
            f"-c port={self.port} -c listen_addresses=127.0.0.1"
            f" -c unix_socket_directories={self.folder} -c fsync=off"
        )
        self._run(
            "pg_ctl", "start", "--wait", f"--pgdata={self.data}", "--log=server.log", "-o", options
        )
        self.running = True

    def stop(self):
        """A fast shutdown, as an administrator's: open connections are cut off."""
        self._run("pg_ctl", "stop", "--wait", "--mode=fast", f"--pgdata={self.data}")
        self.running = False

    def url(self, database):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def query(self, statement, database="postgres", parameters=None):
        """Run one statement on `database`; the rows, if it returns any."""
        with psycopg.connect(self.url(database), autocommit=True) as connection:
            cursor = connection.execute(statement, parameters)
            return cursor.fetchall() if cursor.description else None


class PrivateRedis(PrivateServer):
    """A redis-server on a free port of 127.0.0.1, persisting nothing (a cache, as deployed)."""

    def __init__(self):
        self.program = shutil.which("redis-server")
        if self.program is None:
            missing_tool("redis-server not found: the failover tests start a server of their own")
        super().__init__("redis")
        self.process = None

    @property
    def running(self):
        return self.process is not None and self.process.poll() is None

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603 - the machine's redis-server
            [
                self.program,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
                "--logfile",
                str(self.folder / "server.log"),
            ],
        )
        client = self.client()
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline or not self.running:
                    raise RuntimeError(f"redis-server did not start:\n{self.log()}") from None
                time.sleep(0.05)

    def stop(self, keep_data=False):
        """Stop; with keep_data, the next start() loads what it held (as a Redis that persists)."""
        if keep_data:
            self.client().save()
        self.process.terminate()
        self.process.wait(timeout=STARTUP_SECONDS)

    def url(self, database=0):
        return f"redis://127.0.0.1:{self.port}/{database}"

    def client(self):
        return redis.Redis.from_url(self.url(), socket_connect_timeout=1, socket_timeout=5)
