"""`manage.py forget_participants` in two processes at once, as two workers would run it, on the
engine the tests run on (SQLite, or PostgreSQL with DATABASE_URL): every sign-up's personal
data is deleted once, and the report table has one row per sign-up, none twice."""

import os
import subprocess
import sys

import pytest

from tests.support.servers import ROOT, manage, migrated_database
from tests.support.worker import WAIT_SECONDS, query

EVENTS, SIGN_UPS_PER_EVENT = 200, 4
SEED = f"""
from datetime import timedelta
from django.utils import timezone
from activities.models import Event
from signup.models import Registration
ended = timezone.now() - timedelta(days=400)
for number in range({EVENTS}):
    event = Event.objects.create(
        title_et=f"Sündmus {{number}}", starts_at=ended - timedelta(hours=1, minutes=number),
        ends_at=ended - timedelta(minutes=number), for_everyone=True,
    )
    Registration.objects.bulk_create(
        Registration(event=event, name="Nimi", email=f"inimene{{n}}@example.org", language="et",
                     status="attended")
        for n in range({SIGN_UPS_PER_EVENT})
    )
"""


@pytest.fixture(scope="module")
def database_url():
    with migrated_database() as url:
        manage("shell", "-c", SEED, env={"DATABASE_URL": url})
        yield url


def forget_in_two_processes(database_url):
    command = [sys.executable, "manage.py", "forget_participants"]
    env = {"DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "kjproject.settings"}
    processes = [
        subprocess.Popen(  # noqa: S603 - our own manage.py
            command,
            cwd=ROOT,
            env={**os.environ, **env},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=WAIT_SECONDS * 4)[0] for process in processes]
    assert [process.returncode for process in processes] == [0, 0], outputs
    return outputs


def deleted_count(output):
    return int(output.split("personal data of ", 1)[1].split(" ", 1)[0])


def test_two_processes_at_once_forget_each_sign_up_once_and_report_it_once(database_url):
    total = EVENTS * SIGN_UPS_PER_EVENT
    outputs = forget_in_two_processes(database_url)
    assert sum(deleted_count(output) for output in outputs) == total, outputs
    ((rows, distinct),) = query(
        database_url,
        "SELECT COUNT(*), COUNT(DISTINCT registration_id) FROM reports_participation",
    )
    assert rows == distinct == total
    ((kept,),) = query(
        database_url,
        "SELECT COUNT(*) FROM signup_registration WHERE anonymised_at IS NULL OR email <> ''",
    )
    assert kept == 0
    # Each row still knows its person: the key was computed before the address was deleted.
    ((keys,),) = query(database_url, "SELECT COUNT(DISTINCT person_key) FROM reports_participation")
    assert keys == SIGN_UPS_PER_EVENT
    # Again, both at once: nothing left to do, nothing added.
    assert [deleted_count(output) for output in forget_in_two_processes(database_url)] == [0, 0]
    assert query(database_url, "SELECT COUNT(*) FROM reports_participation") == [(total,)]
