"""The project's report page in the admin: participants per event, service, month, target group
and language, with unique persons, for a period; downloads (CSV, XLSX, for publication), each
written to the audit log; freezing a period; only for those who may see the reports."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from audit.models import AuditEntry
from reports.models import FrozenReport
from reports.retention import forget_participants
from signup.models import Registration
from tests.support.activities import make_event, make_service
from tests.support.signups import make_registration, past_event
from tests.support.staff import signed_in, staff_member
from tests.support.tables import Tables
from tests.support.visible_text import VisibleText

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    return signed_in(staff_member("koordinaator", "Coordinators"))


@pytest.fixture
def signups():
    """A language café (attended by 6 sign-ups of 5 persons, one of them with 2 children; one
    confirmed who did not come, one cancelled) and an information day without attendance taken
    (2 confirmed, one waiting); an event next week (1 confirmed: not a participant yet)."""
    cafe_service = make_service("Keelekohvikud")
    cafe = past_event("Keelekohvik", days_ago=40, service=cafe_service)
    info = past_event("Infopäev", days_ago=5)
    future = make_event("Tulevane töötuba", timezone.now() + timedelta(days=7))
    for number in range(5):
        make_registration(
            cafe,
            email=f"person{number}@example.org",
            status=Registration.Status.ATTENDED,
            groups=["international_protection"] if number < 3 else ["new_immigrant"],
            children=2 if number == 0 else 0,
        )
    make_registration(cafe, email="PERSON1@example.org", status=Registration.Status.ATTENDED)
    make_registration(cafe, email="stayed.home@example.org")
    make_registration(cafe, email="cancelled@example.org", status=Registration.Status.CANCELLED)
    make_registration(info, email="person0@example.org", language="ru")
    make_registration(info, email="", phone="+372 5555 0000", language="et")
    make_registration(info, email="waiting@example.org", status=Registration.Status.WAITING)
    make_registration(future, email="future@example.org")
    return cafe, info, future


def report_page(client, **query):
    with translation.override("en"):
        response = client.get(reverse("admin:reports_report"), query)
    assert response.status_code == 200
    return response


CAPTIONS = {
    "event": "Participants per event",
    "service": "Participants per service",
    "month": "Participants per month",
    "target_group": "Participants per target group",
    "language": "Participants per language",
    "total": "All participants of the period",
}


def table_rows(response, name):
    """{row heading: [counts]} of one of the page's tables (the English page)."""
    _header, *rows = Tables(response.content.decode()).tables[CAPTIONS[name]]
    return {heading: counts for heading, *counts in rows}


def test_the_page_counts_participants_by_the_rule_it_states(coordinator, signups):
    _cafe, _info, _future = signups
    response = report_page(coordinator)
    text = " ".join(text for text, _lang in VisibleText(response.content.decode()).pieces)
    assert "Participants are the sign-ups marked as attended" in text
    events = table_rows(response, "event")
    assert [counts for name, counts in events.items() if name.startswith("Keelekohvik")] == [
        ["6", "5", "2"]
    ]
    assert [counts for name, counts in events.items() if name.startswith("Infopäev")] == [
        ["2", "2", "0"]
    ]
    assert not any(name.startswith("Tulevane") for name in events)
    assert table_rows(response, "service")["Keelekohvikud"] == ["6", "5", "2"]
    assert table_rows(response, "service")["No service"] == ["2", "2", "0"]
    groups = table_rows(response, "target_group")
    assert groups["Recipients of international protection"] == ["3", "3", "2"]
    assert groups["No target group given"] == ["3", "3", "0"]
    languages = table_rows(response, "language")
    assert languages["Ukrainian"] == ["6", "5", "2"]
    assert languages["Russian"] == ["1", "1", "0"]
    # person0 came to both events: one person in all.
    assert table_rows(response, "total")["Total"] == ["8", "6", "2"]
    # Every table's cells are headed: its columns, and each row by its first cell.
    scopes = Tables(response.content.decode()).scopes[CAPTIONS["event"]]
    assert scopes[0] == ["col"] * 4 and all(row[0] == "row" for row in scopes[1:])
    months = table_rows(response, "month")
    assert sum(int(counts[0]) for counts in months.values()) == 8


def test_a_period_counts_only_the_events_that_start_in_it(coordinator, signups):
    _cafe, info, _future = signups
    day = timezone.localdate(info.starts_at)
    response = report_page(coordinator, start=day.isoformat(), end=day.isoformat())
    assert [name.split(",")[0] for name in table_rows(response, "event")] == ["Infopäev"]


@pytest.mark.parametrize(
    ("query", "message", "field"),
    [
        (
            {"start": "2026-13-01", "end": "2026-12-31"},
            "Enter the first day of the period",
            "start",
        ),
        ({"start": "2026-06-01", "end": "2026-01-01"}, "The last day must be", "end"),
        ({"start": "2026-06-01", "end": ""}, "Enter the last day of the period.", "end"),
    ],
)
def test_a_wrong_period_is_explained_at_the_top_and_at_the_field(
    coordinator, query, message, field
):
    html = report_page(coordinator, **query).content.decode()
    summary = re.search(r'class="errornote error-summary".*?</div>', html, re.S).group()
    assert re.search(rf'<a href="#id_{field}">{message}', summary)
    field_tag = re.search(rf'<input [^>]*id="id_{field}"[^>]*>', html).group()
    described = re.search(r'aria-describedby="([^"]+)"', field_tag).group(1).split()
    assert re.search(rf'id="{described[-1]}"><li>{message}', html)
    assert 'aria-invalid="true"' in field_tag
    assert "Error:" in VisibleText(html).head_pieces[0]


def download(client, **query):
    with translation.override("en"):
        return client.get(reverse("admin:reports_download"), query)


def test_csv_and_xlsx_downloads_and_for_publication_small_numbers_hidden(coordinator, signups):
    period = {"start": "2020-01-01", "end": "2030-12-31"}
    full = download(coordinator, format="csv", **period)
    assert full["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(full.content.decode("utf-8-sig"))))
    assert ["Total", "8", "6", "2"] in rows
    assert ["Russian", "1", "1", "0"] in rows
    published = download(coordinator, format="csv", publication="1", **period)
    rows = list(csv.reader(io.StringIO(published.content.decode("utf-8-sig"))))
    assert ["Total", "8", "6", "<5"] in rows
    assert ["Russian", "<5", "<5", "0"] in rows
    workbook = load_workbook(io.BytesIO(download(coordinator, format="xlsx", **period).content))
    languages = workbook["Participants per language"]
    assert ("Russian", 1, 1, 0) in [tuple(row) for row in languages.iter_rows(values_only=True)]
    entries = AuditEntry.objects.filter(action=AuditEntry.Action.EXPORTED_REPORT)
    assert entries.count() == 3
    assert {entry.username for entry in entries} == {"koordinaator"}
    assert "2020-01-01–2030-12-31 csv publication" in {entry.what for entry in entries}


def test_a_frozen_report_keeps_its_figures_when_sign_ups_are_deleted(coordinator, signups):
    _cafe, info, _future = signups
    period = {"start": "2020-01-01", "end": "2030-12-31"}
    with translation.override("en"):
        response = coordinator.post(reverse("admin:reports_freeze"), period, follow=True)
    frozen = FrozenReport.objects.get()
    assert frozen.frozen_by_name == "koordinaator"
    assert table_rows(response, "language")["Ukrainian"] == ["6", "5", "2"]
    # Staff delete the information day's sign-ups (before their data was due to go), and the
    # café's personal data goes: the live figures change, the frozen ones do not.
    Registration.objects.filter(event=info).delete()
    forget_participants(now=timezone.now() + timedelta(days=400))
    assert table_rows(report_page(coordinator, **period), "language").get("Russian") is None
    with translation.override("en"):
        again = coordinator.get(reverse("admin:reports_frozen", args=[frozen.pk]))
    assert table_rows(again, "language")["Russian"] == ["1", "1", "0"]
    rows = csv.reader(io.StringIO(download(coordinator, format="csv", frozen=frozen.pk).text))
    assert ["Total", "8", "6", "2"] in list(rows)
    assert AuditEntry.objects.filter(action=AuditEntry.Action.FROZE_REPORT).count() == 1


def test_only_those_who_may_see_reports_open_or_download_them(signups):
    editor = signed_in(staff_member("toimetaja", "Editors"))
    translator = signed_in(staff_member("tolkija", "Translators"))
    for client in (editor, translator):
        assert client.get(reverse("admin:reports_report")).status_code == 403
        assert download(client, format="csv").status_code == 403
        assert client.post(reverse("admin:reports_freeze"), {}).status_code == 403
        assert "reports-module" not in client.get(reverse("admin:index")).content.decode()
    assert AuditEntry.objects.count() == 0


def test_the_start_page_links_to_the_reports(coordinator):
    html = coordinator.get(reverse("admin:index")).content.decode()
    module = re.search(r'id="reports-module".*?</div>', html, re.S).group()
    assert f'href="{reverse("admin:reports_report")}"' in module


def test_the_page_reads_the_same_number_of_queries_however_many_sign_ups(coordinator):
    def queries_with(events, forgotten):
        for number in range(events):
            event = past_event(f"Sündmus {number}", days_ago=2, service=make_service("T"))
            for _ in range(3):
                make_registration(event, groups=["repatriate"])
        if forgotten:  # from the report table, not the sign-ups
            forget_participants(now=timezone.now() + timedelta(days=400))
        with CaptureQueriesContext(connection) as queries:
            report_page(coordinator)
        return len(queries)

    few = queries_with(2, forgotten=True)
    assert queries_with(20, forgotten=False) == few
