"""Debian's Chromium driven by Playwright; never a downloaded browser (`playwright install`).

Without Chromium the browser tests are skipped with a clear reason, except in CI (CI=true),
where a missing browser is a failure: the accessibility proof must not vanish silently.
"""

import os
import shutil

from tests.support.ci import missing_tool

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Headless, and no calls home: this machine's network is closed to everything but registries.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def require_chromium():
    if shutil.which(CHROMIUM):
        return
    missing_tool(f"Chromium not found at {CHROMIUM} (or set CHROMIUM): the browser tests need it")


def launch(playwright, **options):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, **options)
