"""The kinds of question the checker asks, one a page, in GOV.UK's manner: radios, yes or no, or a
day/month/year date input, each with a hint and specific error messages.

A question is a form bound to the whole POST body (which carries every earlier answer in hidden
fields); it reads only its own answer, knows when it applies (from the answers before it) and
which facts its answer gives. The questions themselves are in ``questions``.
"""

from dataclasses import dataclass
from typing import ClassVar

from django import forms
from django.utils.functional import Promise, lazy
from django.utils.translation import gettext_lazy as _

from .fields import DATE_PARTS, DateInputField
from .reasons import format_date


def _percent_format(message, params) -> str:
    return str(message % params)  # a lazy ngettext picks its plural form from params here


def percent_lazy(message: Promise, **params) -> Promise:
    """A translated message with its %-placeholders filled in, translated when it is shown.

    Django's own ``format_lazy`` uses ``str.format``, not gettext's %-style, and ``%`` on a
    lazy string translates it at once (at import time, for a class attribute).
    """
    return lazy(_percent_format, str)(message, params)


@dataclass(frozen=True)
class Choice:
    value: str
    label: Promise
    hint: Promise | None = None
    divider_before: bool = False  # GOV.UK's "or" before a "none of these" answer


YES_NO = (Choice("yes", _("Yes")), Choice("no", _("No")))


class Question(forms.Form):
    """One page of the checker: one question, whose field and answer are both called ``name``.

    Bound to the whole POST body, which carries every earlier answer in hidden fields; the
    question reads only its own. ``answers`` are the cleaned answers to the questions before it.
    """

    name: ClassVar[str]
    title: ClassVar[Promise]  # the question, shown as the page's heading
    hint: ClassVar[Promise]  # "what does this mean?", under the question
    summary_label: ClassVar[Promise]  # the row's label on the "check your answers" page
    template: ClassVar[str]

    def __init__(self, data, *, answers, today):
        super().__init__(data)
        self.answers = dict(answers)
        self.today = today
        self.show_errors = False  # errors are shown only on the page that was submitted
        self.fields[self.name] = self.make_field()

    @classmethod
    def applies(cls, answers) -> bool:
        """Whether this question is asked, given the answers to the questions before it."""
        return True

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        """The names of the inputs that carry this question's answer."""
        return (cls.name,)

    def make_field(self) -> forms.Field:
        raise NotImplementedError

    @property
    def answer(self):
        return self.cleaned_data[self.name]

    def facts(self) -> dict:
        """The facts this answer gives, by ``FactsForm`` field names."""
        return {self.name: self.answer}

    @property
    def error(self) -> str | None:
        if not self.show_errors or self.name not in self.errors:
            return None
        return self.errors[self.name][0]


class RadiosQuestion(Question):
    template = "eligibility/radios.html"
    choices: ClassVar[tuple[Choice, ...]]
    required_message: ClassVar[Promise]

    def available_choices(self) -> tuple[Choice, ...]:
        return self.choices

    def make_field(self):
        message = self.required_message
        return forms.ChoiceField(
            choices=[(choice.value, choice.label) for choice in self.available_choices()],
            error_messages={"required": message, "invalid_choice": message},
        )

    def radio_items(self) -> list[dict]:
        """The radios to draw; the first one's id is the question's, for the error summary."""
        checked = self.data.get(self.name)
        return [
            {
                "id": self.name if number == 1 else f"{self.name}-{number}",
                "choice": choice,
                "checked": choice.value == checked,
            }
            for number, choice in enumerate(self.available_choices(), start=1)
        ]

    @property
    def error_target(self) -> str:
        return self.name

    def hidden_fields(self) -> list[tuple[str, str]]:
        return [(self.name, self.cleaned_data[self.name])]

    def answer_text(self) -> Promise:
        chosen = self.cleaned_data[self.name]
        return next(choice.label for choice in self.available_choices() if choice.value == chosen)


class YesNoQuestion(RadiosQuestion):
    choices = YES_NO

    @property
    def answer(self) -> bool:
        return self.cleaned_data[self.name] == "yes"


class DateQuestion(Question):
    template = "eligibility/date_input.html"
    empty_message: ClassVar[Promise]

    @classmethod
    def field_names(cls):
        return tuple(f"{cls.name}-{part}" for part in DATE_PARTS)

    def make_field(self):
        return DateInputField(empty_message=self.empty_message, today=self.today)

    @property
    def error_parts(self) -> tuple[str, ...]:
        if not self.error:
            return ()
        params = self.errors.as_data()[self.name][0].params or {}
        return params.get("parts", DATE_PARTS)

    def date_parts(self) -> list[dict]:
        labels = {"day": _("Day"), "month": _("Month"), "year": _("Year")}
        error_parts = self.error_parts
        return [
            {
                "id": f"{self.name}-{part}",
                "label": labels[part],
                "value": self.data.get(f"{self.name}-{part}", ""),
                "error": part in error_parts,
                "width": 4 if part == "year" else 2,
            }
            for part in DATE_PARTS
        ]

    @property
    def error_target(self) -> str:
        return f"{self.name}-{(self.error_parts or DATE_PARTS)[0]}"

    def hidden_fields(self) -> list[tuple[str, str]]:
        entered = self.cleaned_data[self.name]
        values = {"day": entered.day, "month": entered.month, "year": f"{entered.year:04d}"}
        return [(f"{self.name}-{part}", str(values[part])) for part in DATE_PARTS]

    def answer_text(self) -> str:
        return format_date(self.cleaned_data[self.name])
