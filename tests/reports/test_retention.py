"""Sign-ups' personal data goes SIGNUP_KEEP_DAYS after the event; the figures stay, in the report
table, without it; running it twice adds and changes nothing."""

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils.module_loading import import_string

from reports.figures import figures
from reports.models import Participation
from reports.rows import report_rows
from signup.models import Registration
from tests.support.activities import make_service
from tests.support.signups import make_registration, past_event

pytestmark = pytest.mark.django_db

PERSONAL = ("name", "email", "phone")


def forget():
    output = io.StringIO()
    call_command("forget_participants", stdout=output)
    return output.getvalue()


@pytest.fixture
def old_and_recent():
    service = make_service("Eesti keele kohvik")
    old = past_event("Keelekohvik jaanuaris", days_ago=settings.SIGNUP_KEEP_DAYS + 1)
    old.service = service
    old.save()
    recent = past_event("Keelekohvik eile", days_ago=1)
    first = make_registration(
        old,
        groups=["international_protection"],
        status=Registration.Status.ATTENDED,
        phone="+372 5555 0101",
        needs=["interpretation"],
        children=2,
    )
    second = make_registration(old, name="Ivan", email="", phone="5555 0202", language="ru")
    kept = make_registration(recent, name="Mari", email="mari@example.org", language="et")
    return old, recent, first, second, kept


def test_personal_data_of_old_events_is_deleted_and_recent_kept(old_and_recent):
    _old, _recent, first, second, kept = old_and_recent
    assert "2 sign-up(s)" in forget()
    for registration in (first, second):
        registration.refresh_from_db()
        assert [getattr(registration, field) for field in PERSONAL] == ["", "", ""]
        assert registration.needs == []
        assert registration.anonymised_at is not None
    # What the project reports stays on the sign-up.
    assert first.status == Registration.Status.ATTENDED
    assert first.children == 2
    assert list(first.target_groups.values_list("code", flat=True)) == ["international_protection"]
    kept.refresh_from_db()
    assert (kept.name, kept.email, kept.anonymised_at) == ("Mari", "mari@example.org", None)


def test_the_report_table_holds_the_figures_and_no_personal_data(old_and_recent):
    old, _recent, first, second, _kept = old_and_recent
    forget()
    rows = {row.registration_id: row for row in Participation.objects.all()}
    assert set(rows) == {first.pk, second.pk}
    row = rows[first.pk]
    assert (row.event_id, row.event_title, row.service_title) == (
        old.pk,
        "Keelekohvik jaanuaris",
        "Eesti keele kohvik",
    )
    assert (row.status, row.language, row.children, row.channel) == ("attended", "uk", 2, "online")
    assert row.target_groups == ["international_protection"]
    assert row.month == row.event_date.replace(day=1)
    assert len(row.person_key) == 64 and rows[second.pk].person_key != row.person_key
    stored = " ".join(str(value) for value in Participation.objects.values_list().first())
    stored += " ".join(str(value) for value in Participation.objects.values_list().last())
    for personal in ("Olena", "olena@example.org", "5555", "Ivan", "interpretation"):
        assert personal not in stored


def test_running_it_twice_adds_nothing_and_changes_nothing(old_and_recent):
    forget()
    before = list(Participation.objects.order_by("registration_id").values())
    forget()
    assert list(Participation.objects.order_by("registration_id").values()) == before
    assert len(before) == 2


def test_the_figures_are_the_same_before_and_after_the_data_is_deleted(old_and_recent):
    before = figures(report_rows(), None, None)
    forget()
    after = figures(report_rows(), None, None)
    assert after["tables"] == before["tables"]
    # The attended sign-up of the old event (its confirmed one did not come), and the confirmed
    # one of yesterday's event, where attendance was not taken.
    assert after["total"] == before["total"] == {"participants": 2, "persons": 2, "children": 2}


def test_the_same_email_or_phone_is_one_person_whatever_its_case_or_spaces():
    event = past_event("Infopäev", days_ago=3)
    other = past_event("Teine infopäev", days_ago=2)
    make_registration(event, email="Olena@Example.org ")
    make_registration(other, email="olena@example.org")
    make_registration(event, email="", phone="+372 5555 0101")
    make_registration(other, email="", phone="+3725555 0101")
    report = figures(report_rows(), None, None)
    assert report["total"] == {"participants": 4, "persons": 2, "children": 0}


def test_the_number_of_days_is_the_setting(settings, old_and_recent):
    settings.SIGNUP_KEEP_DAYS = 0
    forget()
    assert Registration.objects.filter(anonymised_at__isnull=True).count() == 0


def test_the_worker_runs_it_every_day(old_and_recent):
    jobs = {
        path: seconds
        for path, seconds in settings.WORKER_PERIODIC_JOBS.items()
        if path.startswith("reports.")
    }
    assert list(jobs.values()) == [24 * 60 * 60]
    (job,) = jobs
    import_string(job)()
    assert Registration.objects.filter(anonymised_at__isnull=False).count() == 2
