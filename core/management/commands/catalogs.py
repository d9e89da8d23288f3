"""manage.py catalogs update|check|compile: see core.catalogs."""

import os
import shutil

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core import catalogs

GETTEXT_TOOLS = ("xgettext", "msgmerge")
INSTALL_GETTEXT = "apt-get install gettext (or: brew install gettext)"


def gettext_missing():
    return [tool for tool in GETTEXT_TOOLS if shutil.which(tool) is None]


class Command(BaseCommand):
    help = (
        "update: add new interface texts to every catalog and drop unused ones (GNU gettext); "
        "check: fail on untranslated, fuzzy or obsolete entries, wrong placeholders or plural "
        "rules, and on catalogs that `update` would change; compile: build the .mo files."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["update", "check", "compile"])

    def handle(self, *args, action, **options):
        {"update": self.update, "check": self.check_catalogs, "compile": self.compile}[action]()

    def compile(self):
        catalogs.compile_catalogs(settings.BASE_DIR / "locale")

    def update(self):
        if missing := gettext_missing():
            raise CommandError(f"{', '.join(missing)} not found: {INSTALL_GETTEXT}")
        try:
            catalogs.update_catalogs(settings.BASE_DIR)
        except RuntimeError as error:
            raise CommandError(str(error)) from error

    def check_catalogs(self):
        # Without GNU gettext everything but the up-to-date check runs; in CI that is a failure.
        missing = gettext_missing()
        if missing and os.environ.get("CI", "").lower() == "true":
            raise CommandError(f"{', '.join(missing)} not found: {INSTALL_GETTEXT}")
        problems = catalogs.check(settings.BASE_DIR, stale=not missing)
        for problem in problems:
            self.stderr.write(str(problem).replace(f"{settings.BASE_DIR}/", ""))
        if problems:
            raise CommandError(f"{len(problems)} translation problem(s); see README, Translating.")
        if missing:
            self.stdout.write(
                "Translations: every catalog is complete. SKIPPED: whether they are up to date "
                f"with the code ({', '.join(missing)} not found: {INSTALL_GETTEXT})."
            )
        else:
            self.stdout.write("Translations: every catalog is complete and up to date.")
