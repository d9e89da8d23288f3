"""The figures as CSV and XLSX downloads (reports/tables.py names them in the staff member's
language; "for publication" hides the counts under 5)."""

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from .figures import PARTICIPANT_RULE
from .tables import column_headings, tables, total

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SHEET_TITLE_LENGTH = 31  # Excel's limit
SHEET_TITLE_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


def cell(value):
    """Numbers as they are, texts as texts (a text a spreadsheet would run as a formula, too)."""
    if isinstance(value, int):
        return value
    value = str(value)
    if value.startswith(FORMULA_START):
        return "'" + value
    return value


def heading_lines(figures, publication):
    lines = [
        [_("Participants in the project's events")],
        [_("From"), figures["start"] or ""],
        [_("To"), figures["end"] or ""],
        [str(PARTICIPANT_RULE)],
    ]
    if publication:
        lines.append([_("For publication: counts from 1 to 4 are shown as “<5”.")])
    return lines


def sections(figures, publication):
    """(title, rows) of the summary and of each table."""
    headings = column_headings()
    summary = heading_lines(figures, publication)
    summary += [[], ["", *headings], [_("Total"), *total(figures, publication)]]
    yield _("Summary"), summary
    for table in tables(figures, publication):
        rows = [[table.caption], [table.row_heading, *headings]]
        rows += [[cell(name), *counts] for name, counts in table.rows]
        yield table.caption, rows


def as_csv(figures, publication=False) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    for _title, rows in sections(figures, publication):
        writer.writerows(rows)
        writer.writerow([])
    # With a byte order mark, spreadsheet programs read the file as UTF-8 (Cyrillic names).
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def as_xlsx(figures, publication=False) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sections(figures, publication):
        sheet = workbook.create_sheet(title.translate(SHEET_TITLE_FORBIDDEN)[:SHEET_TITLE_LENGTH])
        for row in rows:
            sheet.append([cell(value) for value in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def export(figures, file_format, publication=False) -> bytes:
    return (as_csv if file_format == "csv" else as_xlsx)(figures, publication)
