"""`make run` is one command for the whole site: honcho starts the Procfile's web (gunicorn) and
worker side by side, and Ctrl+C stops both.

Run here as the Makefile runs it (the virtualenv first on PATH), on a database of its own and
a real SMTP server on loopback: the site answers, a queued message arrives, and SIGINT (what
Ctrl+C sends) ends honcho and both processes.
"""

import os
import signal
import subprocess
import tempfile
import urllib.request
from pathlib import Path

from tests.support.servers import BIN, ROOT, free_port, manage, migrated_database
from tests.support.smtp import SmtpServer
from tests.support.worker import wait_until

WAIT_SECONDS = 30


def children(pid):
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def answers(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - our loopback server
            return response.status == 200
    except OSError:
        return False


def test_make_run_serves_the_site_and_sends_e_mail_and_ctrl_c_stops_both():
    port = free_port()
    with (
        SmtpServer() as smtp,
        migrated_database() as database_url,
        tempfile.TemporaryDirectory() as cache_dir,
    ):
        environment = {
            **os.environ,
            "PATH": f"{BIN}:{os.environ['PATH']}",
            "DATABASE_URL": database_url,
            "CACHE_DIR": cache_dir,
            "EMAIL_URL": smtp.url,
            "PORT": str(port),
            "WEB_CONCURRENCY": "1",
        }
        environment.pop("DEBUG", None)
        honcho = subprocess.Popen(  # noqa: S603 - the Makefile's command line
            [str(BIN / "honcho"), "start", "--procfile", "Procfile"],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_until(lambda: answers(f"http://127.0.0.1:{port}/healthz"), "the site answers")
            processes = children(honcho.pid)
            assert len(processes) == 2, "web and worker"
            manage("outbox", "send-test", "run@example.org", env=environment)
            (message,) = smtp.wait_for(1)
            assert message["To"] == "run@example.org"

            honcho.send_signal(signal.SIGINT)
            honcho.wait(timeout=WAIT_SECONDS)
        finally:
            if honcho.poll() is None:
                honcho.kill()
        for pid in processes:
            wait_until(lambda pid=pid: not Path(f"/proc/{pid}").exists(), f"{pid} has ended")
