"""The project's figures from report rows (reports/rows.py), as plain data that can be stored
(a frozen report keeps them as JSON) and shown or downloaded the same way.

Who counts as a participant (PARTICIPANT_RULE, shown on the report page):
- a sign-up marked "attended";
- a confirmed sign-up of an event that is over and where no attendance was taken (no sign-up of
  it is marked "attended"): the sign-up list is then all there is.
Waiting-list and cancelled sign-ups never count, nor confirmed ones of an event whose attendance
was taken (they did not come), nor those of an event not over yet.

Each table gives per item the participants (sign-ups), the unique persons among them (by the
pseudonymous person key; a sign-up without one counts as a person of its own) and the
accompanying children.
"""

from collections import defaultdict
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PARTICIPANT_RULE = _(
    "Participants are the sign-ups marked as attended. For an event that is over and where "
    "attendance was not taken (nobody is marked as attended), its confirmed sign-ups count "
    "instead. Sign-ups on the waiting list and cancelled ones never count."
)
# The tables, in the order shown: (key, what each row is by).
TABLES = ("event", "service", "month", "target_group", "language")
ATTENDED, CONFIRMED = "attended", "confirmed"


def participants(rows, now: datetime | None = None):
    """The rows that count as participants (the rule above)."""
    now = now or timezone.now()
    rows = list(rows)
    attendance_taken = {row.event_id for row in rows if row.status == ATTENDED}
    for row in rows:
        over_without_attendance = row.event_id not in attendance_taken and row.event_ends_at <= now
        if row.status == ATTENDED or (row.status == CONFIRMED and over_without_attendance):
            yield row


def keys_of(row, table):
    """The row's keys in a table (a sign-up counts under each of its target groups)."""
    if table == "event":
        return [str(row.event_id)]
    if table == "service":
        return [str(row.service_id) if row.service_id else ""]
    if table == "month":
        return [row.month.isoformat()[:7]]
    if table == "target_group":
        return list(row.target_groups) or [""]
    return [row.language]


def label_of(row, table):
    """What the figures keep to name a key: the event's and service's Estonian titles (the
    others are named when shown, in the staff member's language)."""
    if table == "event":
        return {"title": row.event_title, "date": row.event_date.isoformat()}
    if table == "service":
        return {"title": row.service_title}
    return {}


class Tally:
    def __init__(self):
        self.participants = 0
        self.children = 0
        self.persons = set()

    def add(self, row):
        self.participants += 1
        self.children += row.children
        self.persons.add(row.person_key or f"sign-up:{row.registration_id}")

    def as_dict(self):
        return {
            "participants": self.participants,
            "persons": len(self.persons),
            "children": self.children,
        }


def figures(rows, start, end, now=None) -> dict:
    """{"start", "end", "computed_at", "total": {...}, "tables": {table: [{"key", "label",
    "participants", "persons", "children"}]}} of the period from `start` to `end`."""
    total = Tally()
    tallies = {table: defaultdict(Tally) for table in TABLES}
    labels = {table: {} for table in TABLES}
    for row in participants(rows, now):
        total.add(row)
        for table in TABLES:
            for key in keys_of(row, table):
                tallies[table][key].add(row)
                labels[table].setdefault(key, label_of(row, table))
    tables = {}
    for table in TABLES:
        keys = sorted(tallies[table], key=lambda key: sort_key(table, key, labels[table][key]))
        tables[table] = [
            {"key": key, "label": labels[table][key]} | tallies[table][key].as_dict()
            for key in keys
        ]
    return {
        "start": start.isoformat() if start else None,
        "end": end.isoformat() if end else None,
        "computed_at": (now or timezone.now()).isoformat(),
        "total": total.as_dict(),
        "tables": tables,
    }


def sort_key(table, key, label):
    if table == "event":
        return (label["date"], label["title"], int(key))
    if table == "service":
        return (key == "", label["title"], key)
    return (key == "", key)
