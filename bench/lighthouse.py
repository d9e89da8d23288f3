"""Lighthouse (from npm) on the running site, in Debian's Chromium: the median of a few runs."""

import json
import os
import subprocess
from pathlib import Path

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS
from tests.support.servers import ROOT

LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LIGHTHOUSE_PATHS = ("/{language}/", "/{language}/eligibility/")


# Lighthouse's own advice against its run-to-run variability: several runs, the median one.
LIGHTHOUSE_RUNS = 3


def site_languages():
    from django.conf import settings

    return [code for code, _name in settings.LANGUAGES]


def lighthouse_paths():
    """The home page and the checker in every language of settings.LANGUAGES."""
    return [
        pattern.format(language=code) for code in site_languages() for pattern in LIGHTHOUSE_PATHS
    ]


def lighthouse(url, report):
    """Lighthouse's four category scores (0–100) for `url`, and the audits that lost points."""
    subprocess.run(
        [
            str(ROOT / "node_modules" / ".bin" / "lighthouse"),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
            f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        check=True,
    )
    result = json.loads(Path(report).read_text())
    scores, lost = {}, []
    for name in LIGHTHOUSE_CATEGORIES:
        category = result["categories"][name]
        scores[name] = round(category["score"] * 100)
        for audit_ref in category["auditRefs"]:
            audit = result["audits"][audit_ref["id"]]
            if audit_ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                lost.append(f"{name}: {audit['id']} ({audit['score']:.2f})")
    return scores, lost


def median_lighthouse(url, report):
    """The run with the median performance score of LIGHTHOUSE_RUNS runs (the other three
    categories do not depend on timing)."""
    runs = [lighthouse(url, report) for _run in range(LIGHTHOUSE_RUNS)]
    runs.sort(key=lambda run: run[0]["performance"])
    return runs[len(runs) // 2]
