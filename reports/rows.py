"""One report row per sign-up, from either source, never both:

- sign-ups whose personal data is still kept (signup.Registration, not anonymised), read live;
- sign-ups whose personal data is deleted, from the report table (reports.Participation), which
  retention.py writes in the same transaction as it deletes the data.

A sign-up already in the report table is read from there only, so nothing is counted twice.
"""

import re
from dataclasses import asdict, dataclass, fields
from datetime import date, datetime

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import salted_hmac

from signup.models import Registration

from .models import Participation

PERSON_KEY_SALT = "reports.person_key"  # SECURITY.md, "Reports"
NOT_DIGITS = re.compile(r"[^\d+]")


def person_key(email: str, phone: str) -> str:
    """A pseudonymous key of a person: an HMAC (SHA-256, keyed with SECRET_KEY) of the
    e-mail address in lower case, or, without one, of the phone number's digits."""
    if email.strip():
        value = "email:" + email.strip().lower()
    elif NOT_DIGITS.sub("", phone):
        value = "phone:" + NOT_DIGITS.sub("", phone)
    else:
        return ""
    return salted_hmac(PERSON_KEY_SALT, value, algorithm="sha256").hexdigest()


def source_text(item, field):
    return getattr(item, f"{field}_{settings.SOURCE_LANGUAGE}") or ""


@dataclass(frozen=True)
class ReportRow:
    registration_id: int
    event_id: int
    event_title: str
    service_id: int | None
    service_title: str
    event_starts_at: datetime
    event_ends_at: datetime
    status: str
    language: str
    target_groups: tuple[str, ...]
    children: int
    channel: str
    person_key: str
    signed_up_at: datetime

    @property
    def event_date(self) -> date:
        return timezone.localdate(self.event_starts_at)

    @property
    def month(self) -> date:
        return self.event_date.replace(day=1)


def row_of_registration(registration) -> ReportRow:
    event = registration.event
    service = event.service
    return ReportRow(
        registration_id=registration.pk,
        event_id=event.pk,
        event_title=source_text(event, "title"),
        service_id=service.pk if service else None,
        service_title=source_text(service, "title") if service else "",
        event_starts_at=event.starts_at,
        event_ends_at=event.ends_at,
        status=registration.status,
        language=registration.language,
        target_groups=tuple(sorted(group.code for group in registration.target_groups.all())),
        children=registration.children,
        channel=registration.channel,
        person_key=person_key(registration.email, registration.phone),
        signed_up_at=registration.created_at,
    )


def row_of_participation(participation) -> ReportRow:
    values = {field.name: getattr(participation, field.name) for field in fields(ReportRow)}
    return ReportRow(**values | {"target_groups": tuple(participation.target_groups)})


def participation_of(row: ReportRow) -> Participation:
    """The report table's row of a sign-up (unsaved)."""
    values = asdict(row) | {"target_groups": list(row.target_groups)}
    return Participation(**values, event_date=row.event_date, month=row.month)


def live_registrations():
    return Registration.objects.select_related("event__service").prefetch_related("target_groups")


def report_rows(start: date | None = None, end: date | None = None):
    """Every sign-up of the events that start from `start` to `end` (local dates, both
    included; None: no limit), one row each."""
    kept = Participation.objects.all()
    if start:
        kept = kept.filter(event_date__gte=start)
    if end:
        kept = kept.filter(event_date__lte=end)
    live = live_registrations().filter(anonymised_at__isnull=True)
    live = live.exclude(pk__in=Participation.objects.values("registration_id"))
    if start:
        live = live.filter(event__starts_at__date__gte=start)
    if end:
        live = live.filter(event__starts_at__date__lte=end)
    for participation in kept.iterator(chunk_size=2000):
        yield row_of_participation(participation)
    for registration in live.iterator(chunk_size=2000):
        yield row_of_registration(registration)
