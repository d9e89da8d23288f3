"""The figures (reports/figures.py) as tables to show or download, named in the staff member's
language; for publication, every count from 1 to 4 is shown as "<5" (small numbers could point
to a person; 0 points to nobody and is shown)."""

from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from pages.models import TargetGroup

from .figures import TABLES

SMALL_NUMBER = 5  # counts below it (from 1) are suppressed for publication
SUPPRESSED = "<5"
CAPTIONS = {
    "event": _("Participants per event"),
    "service": _("Participants per service"),
    "month": _("Participants per month"),
    "target_group": _("Participants per target group"),
    "language": _("Participants per language"),
}
ROW_HEADINGS = {
    "event": _("Event"),
    "service": _("Service"),
    "month": _("Month"),
    "target_group": _("Target group"),
    "language": _("Language"),
}
COLUMNS = (
    ("participants", _("Participants")),
    ("persons", _("Unique persons")),
    ("children", _("Accompanying children")),
)
TOTAL = _("Total")


@dataclass(frozen=True)
class Table:
    name: str
    caption: str
    row_heading: str
    rows: list[tuple[str, list]]  # (the row's name, its counts in the order of COLUMNS)


def shown(count: int, publication: bool):
    return SUPPRESSED if publication and 0 < count < SMALL_NUMBER else count


def counts(item: dict, publication: bool) -> list:
    return [shown(item[key], publication) for key, _heading in COLUMNS]


def name_of(table: str, item: dict) -> str:
    key, label = item["key"], item["label"]
    if table == "event":
        return f"{label['title']}, {date_format(date.fromisoformat(label['date']))}"
    if table == "service":
        return label["title"] or str(_("No service"))
    if table == "month":
        return date_format(date.fromisoformat(f"{key}-01"), "YEAR_MONTH_FORMAT")
    if table == "target_group":
        if key in TargetGroup.Code.values:
            return str(TargetGroup.Code(key).label)
        return str(_("No target group given"))
    try:
        return get_language_info(key)["name_translated"]
    except KeyError:
        return key


def tables(figures: dict, publication: bool = False) -> list[Table]:
    return [
        Table(
            name=table,
            caption=str(CAPTIONS[table]),
            row_heading=str(ROW_HEADINGS[table]),
            rows=[
                (name_of(table, item), counts(item, publication))
                for item in figures["tables"][table]
            ],
        )
        for table in TABLES
    ]


def total(figures: dict, publication: bool = False) -> list:
    return counts(figures["total"], publication)


def column_headings() -> list[str]:
    return [str(heading) for _key, heading in COLUMNS]
