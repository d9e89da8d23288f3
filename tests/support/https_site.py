"""The site served over HTTPS by gunicorn itself, with the environment production sets.

A throwaway certificate authority (openssl) signs a certificate for 127.0.0.1; clients trust it
through `ca_file` (Python's ssl, Node's NODE_EXTRA_CA_CERTS).
"""

import secrets
import ssl
import subprocess
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from tests.support.ci import require_command
from tests.support.servers import (
    STARTUP_SECONDS,
    GunicornServer,
    collect_static,
    manage,
    migrated_database,
)

# Two superusers, so that a test that turns on two-factor for one leaves the other as it was.
STAFF_USERNAME = "editor"
OTHER_STAFF_USERNAME = "reviewer"
STAFF_PASSWORD = secrets.token_urlsafe(16)


def production_environment(**extra):
    """What an operator sets (deploy/env.example, compose.yaml, the ConfigMap)."""
    return {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "HTTPS": "1",
        "ADMIN_REQUIRE_2FA": "1",
        **extra,
    }


def make_certificate(folder: Path) -> tuple[Path, Path, Path]:
    """A throwaway certificate authority and a certificate for 127.0.0.1 signed by it."""

    def openssl(*arguments):
        subprocess.run(["openssl", *arguments], cwd=folder, check=True, capture_output=True)

    openssl(
        *("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
        *("-keyout", "ca.key", "-out", "ca.pem", "-subj", "/CN=kjproject test CA"),
        *("-addext", "basicConstraints=critical,CA:TRUE"),
        *("-addext", "keyUsage=critical,keyCertSign"),
    )
    openssl(
        *("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key"),
        *("-out", "server.csr", "-subj", "/CN=127.0.0.1"),
    )
    (folder / "ext.cnf").write_text("subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n")
    openssl(
        *("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key"),
        *("-CAcreateserial", "-out", "server.pem", "-days", "1", "-extfile", "ext.cnf"),
    )
    return folder / "ca.pem", folder / "server.pem", folder / "server.key"


class HttpsGunicornServer(GunicornServer):
    """gunicorn speaking HTTPS itself (GUNICORN_CERTFILE/KEYFILE), trusted through `ca_file`."""

    def __init__(self, ca_file, env):
        self.tls = ssl.create_default_context(cafile=str(ca_file))
        super().__init__(env)

    def wait_until_serving(self):
        self.base = f"https://127.0.0.1:{self.port}"
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                urllib.request.urlopen(f"{self.base}/healthz", context=self.tls).close()
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not start:\n{self.output()}")


@contextmanager
def https_site():
    """Yields the running server and the CA file that vouches for its certificate."""
    require_command("openssl", "it makes the test certificate")
    collect_static()
    with (
        tempfile.TemporaryDirectory() as folder,
        migrated_database() as database_url,
    ):
        ca_file, certificate, key = make_certificate(Path(folder))
        for username in (STAFF_USERNAME, OTHER_STAFF_USERNAME):
            staff = {
                "DATABASE_URL": database_url,
                "DJANGO_SUPERUSER_USERNAME": username,
                "DJANGO_SUPERUSER_EMAIL": f"{username}@example.org",
                "DJANGO_SUPERUSER_PASSWORD": STAFF_PASSWORD,
            }
            manage("createsuperuser", "--noinput", env=staff)
        env = production_environment(
            DATABASE_URL=database_url,
            CACHE_DIR=str(Path(folder) / "cache"),
            WEB_CONCURRENCY="2",
            GUNICORN_CERTFILE=str(certificate),
            GUNICORN_KEYFILE=str(key),
        )
        with HttpsGunicornServer(ca_file, env) as server:
            yield server, ca_file
