"""`make screenshots`: the home page and the checker's result, as residents see them, and the
admin's start page and a change form, as staff see them.

Starts the site as `make run` does (gunicorn, DEBUG off) on a fresh migrated database and a free
port, then saves full-page PNGs from Debian's Chromium on a phone-sized and a desktop-sized
window in each language into screenshots/ (git-ignored):

    screenshots/<language>-<home|result>-<phone|desktop>.png
    screenshots/<et|ru>-admin-<start|change-form>.png   (desktop only)

The result is a refugee's who arrived two years ago: the richest result (two groups, dates).
For the admin a staff account is made in the throwaway database, and one page is made a draft
and loses a Russian text, so that the start page has something in each section.
"""

import os
import secrets
import shutil
import sys
import tempfile
from pathlib import Path

from tests.support.browser import CHROMIUM, launch
from tests.support.checker_scenarios import SEE_RESULT, START, answer_all, scenarios, submit
from tests.support.servers import ROOT, GunicornServer, collect_static, manage, migrated_database

WINDOWS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}
FOLDER = ROOT / "screenshots"
ADMIN_LANGUAGES = ("et", "ru")
STAFF = {
    "DJANGO_SUPERUSER_USERNAME": "toimetaja",
    "DJANGO_SUPERUSER_EMAIL": "toimetaja@example.org",
}
SOMETHING_TO_DO = (
    "from pages.models import Page; "
    "Page.objects.filter(slug_et='privaatsus').update(published=False, summary_ru='')"
)


def languages() -> list[str]:
    """Every language of settings.LANGUAGES (a fresh database has each complete one public)."""
    from django.conf import settings

    return [code for code, _name in settings.LANGUAGES]


def screenshot_path(language: str, shown: str, window: str) -> Path:
    return FOLDER / f"{language}-{shown}-{window}.png"


def save_screenshots(base: str, browser) -> list[Path]:
    saved = []
    person = scenarios()["refugee"]
    for window, size in WINDOWS.items():
        context = browser.new_context(viewport=size, device_scale_factor=1)
        page = context.new_page()
        for language in languages():
            page.goto(f"{base}/{language}/")
            saved.append(screenshot_path(language, "home", window))
            page.screenshot(path=saved[-1], full_page=True)

            page.goto(f"{base}/{language}/eligibility/")
            submit(page, START)
            answer_all(page, person)
            submit(page, SEE_RESULT)
            saved.append(screenshot_path(language, "result", window))
            page.screenshot(path=saved[-1], full_page=True)
        context.close()
    return saved


def save_admin_screenshots(base: str, browser, password: str) -> list[Path]:
    from django.urls import reverse
    from django.utils import translation

    saved = []
    context = browser.new_context(viewport=WINDOWS["desktop"], device_scale_factor=1)
    page = context.new_page()
    for language in ADMIN_LANGUAGES:
        with translation.override(language):
            login, start = reverse("admin:login"), reverse("admin:index")
            change_form = reverse("admin:pages_page_change", args=[1])
        page.goto(base + login)
        if page.locator("#id_username").count():
            page.fill("#id_username", STAFF["DJANGO_SUPERUSER_USERNAME"])
            page.fill("#id_password", password)
            page.click("input[type=submit]")
        for name, path in (("start", start), ("change-form", change_form)):
            page.goto(base + path)
            saved.append(FOLDER / f"{language}-admin-{name}.png")
            page.screenshot(path=saved[-1], full_page=True)
    context.close()
    return saved


def main():
    if not shutil.which(CHROMIUM):
        sys.exit(f"Chromium not found at {CHROMIUM}: `apt-get install chromium` (or set CHROMIUM)")
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kjproject.settings")

    FOLDER.mkdir(exist_ok=True)
    collect_static()
    import django

    django.setup()
    password = secrets.token_urlsafe(16)
    with tempfile.TemporaryDirectory() as folder, migrated_database() as database_url:
        env = {"DATABASE_URL": database_url, "CACHE_DIR": folder, "MEDIA_ROOT": f"{folder}/m"}
        manage(
            "createsuperuser",
            "--noinput",
            env=env | STAFF | {"DJANGO_SUPERUSER_PASSWORD": password},
        )
        manage("shell", "-c", SOMETHING_TO_DO, env=env)
        with GunicornServer(env) as server, sync_playwright() as playwright:
            browser = launch(playwright)
            saved = save_screenshots(server.base, browser)
            saved += save_admin_screenshots(server.base, browser, password)
            for path in saved:
                print(path.relative_to(ROOT))
            browser.close()


if __name__ == "__main__":
    main()
