"""The checker's result page as the site renders it on another day than today.

The live server's "today" cannot be moved, and the browser tests must not touch the test
database (Playwright's event loop shares their thread, and Django refuses that). So this runs in
a process of its own, on an in-memory database with the seed content, with time-machine fixing
the day, and prints each language's page as JSON:

    python -m tests.support.result_on_day 2028-03-01 refugee
"""

import json
import os
import sys
from datetime import date, datetime
from zoneinfo import ZoneInfo


def render(day: date, person: str) -> dict[str, str]:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="kjproject.settings_test", DATABASE_URL="sqlite://:memory:"
    )
    import django

    django.setup()
    import time_machine
    from django.core.management import call_command
    from django.test import Client

    from eligibility.fields import DATE_PARTS
    from measure.parameters import TIME_ZONE
    from tests.support.checker_scenarios import scenarios
    from tests.support.languages import LANGUAGES

    call_command("migrate", verbosity=0)
    data = {"go": "result"}
    for question, value in scenarios(day)[person].answers:
        if isinstance(value, date):
            data.update({f"{question}-{part}": getattr(value, part) for part in DATE_PARTS})
        else:
            data[question] = value
    noon = datetime(day.year, day.month, day.day, 12, tzinfo=ZoneInfo(TIME_ZONE))
    with time_machine.travel(noon, tick=False):
        return {
            language: Client(HTTP_HOST="127.0.0.1")
            .post(f"/{language}/eligibility/", data)
            .content.decode()
            for language in LANGUAGES
        }


if __name__ == "__main__":
    print(json.dumps(render(date.fromisoformat(sys.argv[1]), sys.argv[2])))
