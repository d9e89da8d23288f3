"""The site as production serves it: HTTPS on, checked by Django's deploy checks and graded by the
Mozilla HTTP Observatory's own scanner against gunicorn with a locally made certificate."""

import http.cookiejar
import json
import os
import ssl
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.urls import reverse

from tests.support.ci import require_command, require_file
from tests.support.https_site import OTHER_STAFF_USERNAME, STAFF_PASSWORD, production_environment
from tests.support.servers import ROOT

SCANNER = ROOT / "node_modules" / "@mdn" / "mdn-http-observatory" / "src" / "scan.js"


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


def test_http_observatory_grades_the_https_site_a_plus(https_site):
    require_command("node", "the HTTP Observatory runs on Node.js")
    require_file(SCANNER, "the HTTP Observatory comes from npm")
    server, ca_file = https_site
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
            "username": OTHER_STAFF_USERNAME,
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
