"""`make screenshots`: the home page and the checker's result, as residents see them.

Starts the site as `make run` does (gunicorn, DEBUG off) on a fresh migrated database and a free
port, then saves full-page PNGs from Debian's Chromium on a phone-sized and a desktop-sized
window in each language into screenshots/ (git-ignored):

    screenshots/<language>-<home|result>-<phone|desktop>.png

The result is a refugee's who arrived two years ago: the richest result (two groups, dates).
"""

import os
import shutil
import sys
import tempfile
from pathlib import Path

from tests.support.browser import CHROMIUM, launch
from tests.support.checker_scenarios import SEE_RESULT, START, answer_all, scenarios, submit
from tests.support.servers import ROOT, GunicornServer, collect_static, migrated_database

WINDOWS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}
FOLDER = ROOT / "screenshots"


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


def main():
    if not shutil.which(CHROMIUM):
        sys.exit(f"Chromium not found at {CHROMIUM}: `apt-get install chromium` (or set CHROMIUM)")
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kjproject.settings")

    FOLDER.mkdir(exist_ok=True)
    collect_static()
    with tempfile.TemporaryDirectory() as cache_dir, migrated_database() as database_url:
        env = {"DATABASE_URL": database_url, "CACHE_DIR": cache_dir}
        with GunicornServer(env) as server, sync_playwright() as playwright:
            browser = launch(playwright)
            for path in save_screenshots(server.base, browser):
                print(path.relative_to(ROOT))
            browser.close()


if __name__ == "__main__":
    main()
