"""`make screenshots` and `make bench` take the languages from settings.LANGUAGES: a language
added there is photographed and audited with no change to the tools.

The tools run as the programs they are, in a process of their own (they use tests' helpers, so
tests do not import them), with settings that add a language.
"""

import json
import os
import subprocess
import sys

from django.conf import settings

from tests.support.languages import LANGUAGES

ADDED = ("xx", "Added language")
PLANS = (
    "import json, django; django.setup()\n"
    "from bench.lighthouse import lighthouse_paths\n"
    "from tools import screenshots\n"
    "print(json.dumps({'screenshots': screenshots.languages(),\n"
    "                  'file': screenshots.screenshot_path('xx', 'home', 'phone').name,\n"
    "                  'lighthouse': lighthouse_paths()}))\n"
)


def plans(tmp_path, extra_languages=()):
    (tmp_path / "added_language_settings.py").write_text(
        "from kjproject.settings_test import *  # noqa: F403\n"
        f"LANGUAGES = [*LANGUAGES, *{list(extra_languages)!r}]  # noqa: F405\n"
    )
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "added_language_settings",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(settings.BASE_DIR)]),
    }
    ran = subprocess.run(  # noqa: S603 - this project's own modules
        [sys.executable, "-c", PLANS],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(ran.stdout.splitlines()[-1])


def test_the_screenshots_and_the_benchmark_cover_every_language_and_one_added(tmp_path):
    plain = plans(tmp_path)
    assert plain["screenshots"] == list(LANGUAGES)
    assert {path.split("/")[1] for path in plain["lighthouse"]} == set(LANGUAGES)
    added = plans(tmp_path, [ADDED])
    assert added["screenshots"] == [*LANGUAGES, "xx"]
    assert added["file"] == "xx-home-phone.png"
    assert {"/xx/", "/xx/eligibility/"} <= set(added["lighthouse"])
