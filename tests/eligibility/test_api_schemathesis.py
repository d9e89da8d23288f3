"""The JSON API fuzzed by schemathesis against its OpenAPI document as the running site serves
it (gunicorn, as `make run` serves it), with all of schemathesis's checks.

Bounded: a fixed seed and at most ``MAX_EXAMPLES`` cases a phase, so a run takes a few tens of
seconds and finds the same cases each time. One check is narrowed for one kind of case, because
JSON Schema cannot compare two fields: see tests/support/schemathesis_hooks.py. Response time
is not checked (schemathesis needs a limit for that, and speed is measured in bench/).
"""

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from measure.rules import today_in_tallinn
from tests.support.schemathesis_hooks import (
    DATED_FACTS,
    LAST_DAY_FOR,
    breaks_a_date_rule_the_schema_cannot_express,
)
from tests.support.servers import ROOT

MAX_EXAMPLES = 100
SEED = 21475  # any fixed number: the same cases on every run
SCHEMATHESIS = Path(sys.executable).with_name("st")


def test_schemathesis_with_all_its_checks_finds_nothing(live_site, tmp_path):
    command = [
        str(SCHEMATHESIS),
        "run",
        f"{live_site}/api/openapi.json",
        "--checks",
        "all",
        "--exclude-checks",
        "positive_data_acceptance",  # replaced by the hooks' narrowed copy of it
        "--max-examples",
        str(MAX_EXAMPLES),
        "--seed",
        str(SEED),
        "--workers",
        "1",
        "--continue-on-failure",
        "--generation-database",
        "none",
        "--no-color",
    ]
    environment = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "SCHEMATHESIS_HOOKS": "tests.support.schemathesis_hooks",
    }
    run = subprocess.run(  # noqa: S603 - the pinned schemathesis of this virtualenv
        command, cwd=tmp_path, env=environment, capture_output=True, text=True, check=False
    )
    report = run.stdout + run.stderr
    assert run.returncode == 0, report[-20000:]
    assert "No issues found" in report, report[-5000:]
    for phase in ("Examples", "Coverage", "Fuzzing"):
        assert f"✅ {phase}" in report, report[-5000:]


TODAY = today_in_tallinn()


@pytest.mark.parametrize(
    ("body", "excluded"),
    [
        ({"citizenship": "eu", "as_of": "2026-01-01", "resident_since": "2026-01-02"}, True),
        ({"citizenship": "eu", "as_of": "2026-01-01", "resident_since": "2026-01-01"}, False),
        ({"citizenship": "estonian", "returned_on": (TODAY + timedelta(days=1)).isoformat()}, True),
        ({"citizenship": "estonian", "returned_on": TODAY.isoformat()}, False),
        ({"citizenship": "eu", "as_of": "9999-12-31", "resident_since": "9994-12-31"}, True),
        ({"citizenship": "eu", "as_of": "9999-12-31", "resident_since": "9994-12-30"}, False),
        ({"citizenship": "estonian", "as_of": "9999-12-31", "returned_on": "9999-05-01"}, True),
        ({"citizenship": "estonian", "as_of": "9999-12-31", "returned_on": "9999-04-30"}, False),
        ({"citizenship": "eu", "as_of": None, "resident_since": None}, False),
        ("not an object", False),
    ],
)
def test_the_narrowed_check_skips_exactly_the_bodies_that_break_a_date_rule(body, excluded):
    assert breaks_a_date_rule_the_schema_cannot_express(body) is excluded


def test_the_last_days_are_those_from_which_the_periods_still_end_by_9999():
    from measure.rules import InvalidFacts, end_of_less_than_five_years, end_of_return_window

    ends = {"resident_since": end_of_less_than_five_years, "returned_on": end_of_return_window}
    for name in DATED_FACTS:
        last = LAST_DAY_FOR[name]
        end = ends[name](last)
        assert end + timedelta(days=1) <= date.max  # group 3 starts the day after five years
        with pytest.raises((InvalidFacts, OverflowError)):
            next_end = ends[name](last + timedelta(days=1))
            next_end + timedelta(days=1)
