"""Form fields of the eligibility checker and its JSON API.

- The JSON value fields take a value that arrives already typed (a JSON value, or a question's
  cleaned answer) and check its type and spelling; ``FactsForm`` is made of them.
- ``DateInputField`` is GOV.UK's date input: day, month and year boxes, with a specific message
  for each way a date can be wrong.
"""

import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# --- Typed JSON values ---------------------------------------------------------------------------

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)

# The codes of the errors below: a value of the wrong JSON type, a string not in the list, a
# date that does not exist.
VALUE_ERROR_CODES = ("type", "invalid_choice", "invalid_date")


class JSONValueField(forms.Field):
    """A field whose value arrives already typed: a JSON value, or the checker's cleaned answer.

    Only ``null`` counts as missing; a value of the wrong JSON type is an error, not coerced
    (``"adult": "yes"`` and ``"adult": 1`` are both refused).
    """

    empty_values = (None,)


class EnumField(JSONValueField):
    def __init__(self, enum, **kwargs):
        self.enum = enum
        super().__init__(**kwargs)

    def to_python(self, value):
        if value is None:
            return None
        if not isinstance(value, str):
            raise ValidationError(_("Expected a string."), code="type")
        try:
            return self.enum(value)
        except ValueError:
            raise ValidationError(
                _("Unknown value. Expected one of: %(choices)s."),
                code="invalid_choice",
                params={"choices": ", ".join(self.enum)},
            ) from None


class BooleanValueField(JSONValueField):
    def to_python(self, value):
        if value is None or isinstance(value, bool):
            return value
        raise ValidationError(_("Expected true or false."), code="type")


class ISODateField(JSONValueField):
    def to_python(self, value):
        if value is None or isinstance(value, date):
            return value
        if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
            raise ValidationError(_("Expected a date written as YYYY-MM-DD."), code="type")
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValidationError(_("This date does not exist."), code="invalid_date") from None


# --- The date input: day, month and year boxes ---------------------------------------------------

DATE_PARTS = ("day", "month", "year")
DIGITS = re.compile(r"[0-9]{1,4}", re.ASCII)

# GOV.UK: "If the date is incomplete, say '[whatever it is] must include a [whatever is missing]'".
INCOMPLETE_DATE_MESSAGES = {
    ("day",): _("The date must include a day"),
    ("month",): _("The date must include a month"),
    ("year",): _("The date must include a year"),
    ("day", "month"): _("The date must include a day and month"),
    ("day", "year"): _("The date must include a day and year"),
    ("month", "year"): _("The date must include a month and year"),
}


class DateInputWidget(forms.Widget):
    """Reads ``<name>-day``, ``<name>-month`` and ``<name>-year``; the template draws them."""

    def value_from_datadict(self, data, files, name):
        return tuple(str(data.get(f"{name}-{part}", "")).strip() for part in DATE_PARTS)

    def value_omitted_from_data(self, data, files, name):
        return not any(f"{name}-{part}" in data for part in DATE_PARTS)


def date_error(message, code, parts=DATE_PARTS):
    """A date error that names the boxes to highlight (all three when the whole date is wrong)."""
    return ValidationError(message, code=code, params={"parts": tuple(parts)})


class DateInputField(forms.Field):
    """A GOV.UK date input: a real date, today or in the past, with a specific message for each
    way it can go wrong."""

    widget = DateInputWidget

    def __init__(self, *, empty_message, today, **kwargs):
        self.empty_message = empty_message
        self.today = today
        super().__init__(**kwargs)

    def clean(self, value):
        parts = dict(zip(DATE_PARTS, value, strict=True))
        missing = tuple(part for part in DATE_PARTS if not parts[part])
        if len(missing) == len(DATE_PARTS):
            raise date_error(self.empty_message, "required")
        if missing:
            raise date_error(INCOMPLETE_DATE_MESSAGES[missing], "incomplete", missing)
        not_numbers = [part for part in DATE_PARTS if not DIGITS.fullmatch(parts[part])]
        if not_numbers:
            raise date_error(_("The date must be a real date"), "invalid", not_numbers)
        if len(parts["year"]) != 4:
            raise date_error(_("The year must include 4 numbers"), "year_length", ["year"])
        day, month, year = (int(parts[part]) for part in DATE_PARTS)
        if not 1 <= month <= 12:
            raise date_error(_("The date must be a real date"), "invalid", ["month"])
        try:
            entered = date(year, month, day)
        except ValueError:
            raise date_error(_("The date must be a real date"), "invalid", ["day"]) from None
        if entered > self.today:
            raise date_error(_("The date must be today or in the past"), "future")
        return entered
