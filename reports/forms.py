"""The report page's period: from and to, both days included."""

from django import forms
from django.utils.translation import gettext_lazy as _

from measure.parameters import PROJECT_END, PROJECT_START


class DateInput(forms.DateInput):
    input_type = "date"  # the browser's own date picker, no JavaScript of ours

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class PeriodForm(forms.Form):
    start = forms.DateField(
        label=_("From"),
        widget=DateInput(),
        error_messages={
            "required": _("Enter the first day of the period."),
            "invalid": _("Enter the first day of the period as a date, for example 2026-01-31."),
        },
    )
    end = forms.DateField(
        label=_("To"),
        widget=DateInput(),
        error_messages={
            "required": _("Enter the last day of the period."),
            "invalid": _("Enter the last day of the period as a date, for example 2026-12-31."),
        },
    )

    @classmethod
    def from_query(cls, query):
        """The period of the query string; the project's whole period when none is given."""
        if "start" not in query and "end" not in query:
            return cls({"start": PROJECT_START.isoformat(), "end": PROJECT_END.isoformat()})
        return cls(query)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The last day must be the same as or after the first day."))
        return cleaned
