"""The site as production serves it: HTTPS on, checked by Django's deploy checks and graded by the
Mozilla HTTP Observatory's own scanner against gunicorn with a locally made certificate."""

import http.cookiejar
import json
import os
import secrets
import shutil
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.urls import reverse

from tests.servers import (
    ROOT,
    STARTUP_SECONDS,
    GunicornServer,
    collect_static,
    manage,
    migrated_database,
)

STAFF_PASSWORD = secrets.token_urlsafe(16)
SCANNER = ROOT / "node_modules" / "@mdn" / "mdn-http-observatory" / "src" / "scan.js"


def production_environment(**extra):
    """What an operator sets (deploy/env.example, compose.yaml, the ConfigMap)."""
    return {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "HTTPS": "1",
        "ADMIN_REQUIRE_2FA": "1",
        **extra,
    }


def test_deploy_check_reports_nothing_with_the_production_environment():
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "kjproject.settings"}
    environment.pop("DEBUG", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment | production_environment(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stderr + result.stdout


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


@pytest.fixture(scope="module")
def https_site():
    if not shutil.which("openssl"):
        pytest.fail("openssl is needed to make the test certificate")
    collect_static()
    with (
        tempfile.TemporaryDirectory() as folder,
        migrated_database() as database_url,
    ):
        ca_file, certificate, key = make_certificate(Path(folder))
        staff = {
            "DATABASE_URL": database_url,
            "DJANGO_SUPERUSER_USERNAME": "editor",
            "DJANGO_SUPERUSER_EMAIL": "editor@example.org",
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


def test_http_observatory_grades_the_https_site_a_plus(https_site):
    server, ca_file = https_site
    assert SCANNER.exists(), "run `make node_modules/.installed`"
    # The scanner's CLI takes a host name and builds https://<host>/ from it, so host:port
    # reaches our port. Its bin/wrapper.js would replace NODE_EXTRA_CA_CERTS with Mozilla's
    # bundle; calling scan.js directly lets it trust our test CA, so the certificate counts as
    # valid (otherwise HSTS and redirection are graded as on an invalid certificate).
    result = subprocess.run(
        ["node", str(SCANNER), f"127.0.0.1:{server.port}"],
        env={**os.environ, "NODE_EXTRA_CA_CERTS": str(ca_file)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    print("HTTP Observatory:", json.dumps(report["scan"] | {"responseHeaders": "…"}))
    failed = {name: test["result"] for name, test in report["tests"].items() if not test["pass"]}
    assert failed == {}
    assert report["scan"]["grade"] == "A+", report["scan"]
    assert report["tests"]["content-security-policy"]["result"] == (
        "csp-implemented-with-no-unsafe-default-src-none"
    )
    assert report["tests"]["strict-transport-security"]["result"] == (
        "hsts-implemented-max-age-at-least-six-months"
    )


class KeepRedirect(urllib.request.HTTPRedirectHandler):
    """Hand redirects back (as HTTPError) instead of following them, to see their cookies."""

    def redirect_request(self, *args, **kwargs):
        return None


def https_opener(ca_file):
    return urllib.request.build_opener(
        urllib.request.HTTPSHandler(context=ssl.create_default_context(cafile=str(ca_file))),
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
        KeepRedirect,
    )


def set_cookies(response) -> dict[str, str]:
    return {
        header.split("=", 1)[0]: header for header in response.headers.get_all("Set-Cookie") or []
    }


def assert_cookie_flags(set_cookie: str):
    attributes = [part.strip().lower() for part in set_cookie.split(";")]
    assert "secure" in attributes
    assert "httponly" in attributes
    assert "samesite=lax" in attributes


def test_staff_cookies_are_secure_httponly_samesite_and_end_with_the_browser(https_site):
    server, ca_file = https_site
    opener = https_opener(ca_file)
    login = server.base + reverse("admin:login")
    with opener.open(login) as response:
        csrf_cookie = set_cookies(response)["csrftoken"]
    assert_cookie_flags(csrf_cookie)
    token = csrf_cookie.split(";")[0].split("=", 1)[1]
    body = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token,
            "username": "editor",
            "password": STAFF_PASSWORD,
            "next": reverse("admin:index"),
        }
    ).encode()
    request = urllib.request.Request(login, data=body, headers={"Referer": login})
    with pytest.raises(urllib.error.HTTPError) as signed_in:
        opener.open(request)
    # Signed in with the password (two-factor is required, and comes next).
    assert signed_in.value.code == 302
    assert signed_in.value.headers["Location"] == reverse("admin:index")
    session_cookie = set_cookies(signed_in.value)["sessionid"]
    assert_cookie_flags(session_cookie)
    # No Expires or Max-Age: the browser forgets the session when it closes.
    assert "expires" not in session_cookie.lower()
    assert "max-age" not in session_cookie.lower()
