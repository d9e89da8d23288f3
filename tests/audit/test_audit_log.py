"""The audit log: who saw or downloaded what, when and from where; a list in the admin that
nobody can add to, change or delete from, not even a superuser; for Coordinators and
superusers only."""

import pytest
from django.contrib.auth.models import User
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from audit.log import record
from audit.models import AuditEntry
from signup.models import Registration
from tests.support.signups import make_registration, past_event
from tests.support.staff import signed_in, staff_member
from tests.support.tables import Tables
from tests.support.visible_text import VisibleText

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    return staff_member("koordinaator", "Coordinators")


@pytest.fixture
def event():
    event = past_event("Keelekohvik", days_ago=2)
    make_registration(event, name="Olena Testiva", email="olena@example.org", phone="+372 5550")
    return event


def test_record_names_the_staff_member_the_event_and_the_address_not_the_participant(
    coordinator, event
):
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.7")
    request.user = coordinator
    entry = record(request, "viewed_participants", Registration.objects.filter(event=event))
    entry.refresh_from_db()
    assert (entry.user, entry.username, entry.address) == (coordinator, "koordinaator", "192.0.2.7")
    assert entry.action == AuditEntry.Action.VIEWED_PARTICIPANTS
    assert entry.object_type == "signup.registration"
    assert record(request, "viewed participants", event).object_id == str(event.pk)
    one = record(coordinator, AuditEntry.Action.EXPORTED_PARTICIPANTS, event, "CSV")
    assert "Keelekohvik" in one.what and "CSV" in one.what
    assert (one.object_type, one.object_id, one.address) == (
        "activities.event",
        str(event.pk),
        None,
    )
    stored = " ".join(str(value) for row in AuditEntry.objects.values_list() for value in row)
    for personal in ("Olena", "olena@example.org", "5550"):
        assert personal not in stored


def test_an_unknown_action_is_refused(coordinator):
    with pytest.raises(ValueError, match="looked_around"):
        record(coordinator, "looked around")
    assert not AuditEntry.objects.exists()


def test_the_entry_keeps_the_name_when_the_staff_member_is_deleted(coordinator, event):
    record(coordinator, AuditEntry.Action.VIEWED_PARTICIPANTS, event)
    coordinator.delete()
    entry = AuditEntry.objects.get()
    assert (entry.user, entry.username) == (None, "koordinaator")


def test_nobody_adds_changes_or_deletes_entries_in_the_admin(coordinator, event):
    entry = record(coordinator, AuditEntry.Action.VIEWED_PARTICIPANTS, event)
    superuser = User.objects.create_superuser("peeter", "peeter@example.org", "a passphrase")
    for client in (signed_in(superuser), signed_in(coordinator)):
        listing = client.get(reverse("admin:audit_auditentry_changelist"))
        assert listing.status_code == 200
        assert reverse("admin:audit_auditentry_add") not in listing.content.decode()
        assert client.get(reverse("admin:audit_auditentry_add")).status_code == 403
        change = reverse("admin:audit_auditentry_change", args=[entry.pk])
        page = client.get(change)
        assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
        assert client.post(change, {"what": "something else"}).status_code == 403
        delete = reverse("admin:audit_auditentry_delete", args=[entry.pk])
        assert client.post(delete, {"post": "yes"}).status_code == 403
        bulk = {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"}
        client.post(reverse("admin:audit_auditentry_changelist"), bulk)
    entry.refresh_from_db()
    assert entry.what.startswith("Keelekohvik")


def test_the_list_filters_by_action_and_date(coordinator, event):
    record(coordinator, AuditEntry.Action.VIEWED_PARTICIPANTS, event)
    record(coordinator, AuditEntry.Action.EXPORTED_REPORT, None, "2026-01-01–2026-12-31 csv")
    client = signed_in(coordinator)
    with translation.override("en"):
        url = reverse("admin:audit_auditentry_changelist")
        page = client.get(url, {"action": "exported_report"}).content.decode()
    texts = [text for text, _lang in VisibleText(page).pieces]
    assert "exported a report" in texts and "viewed participants" in texts  # filter choices
    (results,) = [rows for caption, rows in Tables(page).tables.items() if not caption]
    assert len(results) == 2  # the heading, one entry
    assert "exported a report" in results[1]
    with translation.override("en"):
        this_year = client.get(url, {"at__year": timezone.now().year}).content.decode()
        long_ago = client.get(url, {"at__year": "2000"}).content.decode()
    assert "2 audit log entries" in this_year
    assert "0 audit log entries" in long_ago


def test_editors_and_translators_do_not_see_the_log(event):
    for group in ("Editors", "Translators"):
        client = signed_in(staff_member(f"someone-{group}", group))
        assert client.get(reverse("admin:audit_auditentry_changelist")).status_code == 403
