"""Forms of the eligibility checker and its JSON API.

Two layers, one path to a decision:

- ``FactsForm`` takes all facts at once, keyed by the API's field names, checks each value's
  type and spelling, builds ``rules.Facts`` and asks ``rules.decide``; the engine's
  ``InvalidFacts`` become field errors. The JSON API feeds it the request body; the checker's
  last step feeds it the answers collected by the questions. Nothing else decides eligibility.
- The ``Question`` forms are the checker's pages, one question each, in GOV.UK's manner: radios
  or a day/month/year date input, a hint, and specific error messages. Each question knows when
  it applies (from the answers before it) and which facts its answer gives.
"""

import re
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import Promise, lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from .parameters import ADULT_AGE
from .reasons import format_date, invalid_facts_message
from .rules import (
    Citizenship,
    Decision,
    Facts,
    InvalidFacts,
    Protection,
    ResidenceBasis,
    decide,
    today_in_tallinn,
)

# --- All facts at once: the API's body, or the checker's collected answers ----------------------

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


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


class FactsForm(forms.Form):
    """Every fact the engine decides on, by the API's field names; ``decision`` once valid.

    ``as_of`` defaults to today in Europe/Tallinn. Facts that do not apply to the person may be
    omitted or null: the engine ignores them, and asks for the ones it needs (``required``).
    """

    as_of = ISODateField(required=False)
    citizenship = EnumField(Citizenship)
    naturalised = BooleanValueField(required=False)
    residence_basis = EnumField(ResidenceBasis, required=False)
    protection = EnumField(Protection, required=False)
    resident_since = ISODateField(required=False)
    adult = BooleanValueField(required=False)
    returned_on = ISODateField(required=False)
    population_register = BooleanValueField(required=False)

    decision: Decision | None = None

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned  # the engine decides only on well-formed facts
        facts = {name: value for name, value in cleaned.items() if value is not None}
        as_of = facts.pop("as_of", None) or today_in_tallinn()
        try:
            self.decision = decide(Facts(**facts), as_of)
        except InvalidFacts as error:
            field = error.field if error.field in self.fields else None
            self.add_error(field, invalid_facts_message(error.code))
        return cleaned


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


# --- The questions -------------------------------------------------------------------------------


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


class EstonianCitizenQuestion(RadiosQuestion):
    name = "estonian_citizen"
    title = _("Are you an Estonian citizen?")
    hint = _(
        "Citizens by naturalisation applied for Estonian citizenship themselves, usually after "
        "the Estonian language and citizenship exams."
    )
    summary_label = _("Estonian citizen")
    required_message = _("Select whether you are an Estonian citizen")
    choices = (
        Choice(
            "by_birth",
            _("Yes, from birth"),
            _("For example, because a parent was an Estonian citizen when you were born."),
        ),
        Choice("naturalised", _("Yes, by naturalisation")),
        Choice("no", _("No")),
    )

    def facts(self):
        if self.answer == "no":
            return {}  # the next question asks which citizenship
        return {"citizenship": Citizenship.ESTONIAN, "naturalised": self.answer == "naturalised"}


def is_estonian(answers) -> bool:
    return answers.get("estonian_citizen") in ("by_birth", "naturalised")


def is_foreigner(answers) -> bool:
    return answers.get("estonian_citizen") == "no"


class CitizenshipQuestion(RadiosQuestion):
    name = "citizenship"
    title = _("What is your citizenship?")
    hint = _(
        "If you have more than one citizenship, choose the one your right to live in Estonia "
        "is based on."
    )
    summary_label = _("Citizenship")
    required_message = _("Select your citizenship")
    choices = (
        Choice(
            Citizenship.EU,
            _("A country of the European Union or the European Economic Area, or Switzerland"),
            _("The European Economic Area also includes Iceland, Liechtenstein and Norway."),
        ),
        Choice(Citizenship.THIRD_COUNTRY, _("Another country")),
        Choice(
            Citizenship.UNDETERMINED,
            _("Undetermined citizenship"),
            _("You have an Estonian alien's passport (the grey passport)."),
        ),
    )

    @classmethod
    def applies(cls, answers):
        return is_foreigner(answers)

    def facts(self):
        return {"citizenship": Citizenship(self.answer)}


NONE_OF_THESE = Choice(
    ResidenceBasis.NONE,
    _("None of these, for example a visa or a visa-free stay"),
    _(
        "Choose this also if you have applied for a residence permit or for international "
        "protection and are waiting for the decision."
    ),
    divider_before=True,
)


class ResidenceBasisQuestion(RadiosQuestion):
    name = "residence_basis"
    title = _("On what basis do you live in Estonia?")
    hint = _("Choose what your current residence permit or right of residence is.")
    summary_label = _("Basis of residence")
    required_message = _("Select the basis on which you live in Estonia")
    # EU, EEA and Swiss citizens hold rights of residence of their own (Citizen of the European
    # Union Act); everyone else holds a residence permit, or a right as an EU citizen's family.
    eu_citizen_choices = (
        Choice(
            ResidenceBasis.EU_TEMPORARY_RIGHT,
            _("Temporary right of residence"),
            _("What EU citizens get when they register their residence in Estonia."),
        ),
        Choice(
            ResidenceBasis.EU_PERMANENT_RIGHT,
            _("Permanent right of residence"),
            _("Usually after five years of living in Estonia."),
        ),
        NONE_OF_THESE,
    )
    choices = (
        Choice(
            ResidenceBasis.TEMPORARY_PERMIT,
            _("Temporary residence permit"),
            _("For example, for work, studies or to live with a family member."),
        ),
        Choice(
            ResidenceBasis.LONG_TERM_PERMIT,
            _("Long-term resident's residence permit"),
            _("A permanent permit, usually after five years of living in Estonia."),
        ),
        Choice(
            ResidenceBasis.INTERNATIONAL_PROTECTION,
            _("Residence permit based on international protection"),
            _(
                "As a refugee, or under subsidiary or temporary protection – for example, after "
                "fleeing the war in Ukraine."
            ),
        ),
        Choice(
            ResidenceBasis.EU_FAMILY_TEMPORARY_RIGHT,
            _("Temporary right of residence as a family member of an EU citizen"),
        ),
        Choice(
            ResidenceBasis.EU_FAMILY_PERMANENT_RIGHT,
            _("Permanent right of residence as a family member of an EU citizen"),
        ),
        NONE_OF_THESE,
    )

    @classmethod
    def applies(cls, answers):
        return is_foreigner(answers)

    def available_choices(self):
        if self.answers.get("citizenship") == Citizenship.EU:
            return self.eu_citizen_choices
        return self.choices

    def facts(self):
        return {"residence_basis": ResidenceBasis(self.answer)}


class ProtectionQuestion(RadiosQuestion):
    name = "protection"
    title = _("What kind of international protection do you have?")
    hint = _("It is written in the decision of the Police and Border Guard Board.")
    summary_label = _("International protection")
    required_message = _("Select the kind of international protection you have")
    choices = (
        Choice(Protection.REFUGEE, _("Refugee status")),
        Choice(
            Protection.SUBSIDIARY,
            _("Subsidiary protection"),
            _("For people who are not refugees but would face serious harm in their home country."),
        ),
        Choice(
            Protection.TEMPORARY,
            _("Temporary protection"),
            _("For example, for people who fled the war in Ukraine."),
        ),
    )

    @classmethod
    def applies(cls, answers):
        return answers.get("residence_basis") == ResidenceBasis.INTERNATIONAL_PROTECTION

    def facts(self):
        return {"protection": Protection(self.answer)}


class ResidentSinceQuestion(DateQuestion):
    name = "resident_since"
    title = _("Since when have you lived in Estonia legally?")
    hint = _(
        "The day your legal residence in Estonia began, on any basis – for example, when your "
        "first residence permit or right of residence started, not your current one. If you "
        "have lived here since birth, enter your date of birth. For example, 15 3 2021."
    )
    summary_label = _("Lived in Estonia legally since")
    empty_message = _("Enter the date your legal residence in Estonia began")

    @classmethod
    def applies(cls, answers):
        if is_estonian(answers):
            return answers["estonian_citizen"] == "naturalised"
        return answers.get("residence_basis") not in (None, ResidenceBasis.NONE)


class ReturnedQuestion(YesNoQuestion):
    name = "returned"
    title = _("Have you moved back to Estonia from abroad to live here permanently?")
    hint = _("Answer yes if you lived in another country and have come back to live in Estonia.")
    summary_label = _("Moved back to Estonia")
    required_message = _("Select yes if you have moved back to Estonia to live here permanently")

    @classmethod
    def applies(cls, answers):
        return is_estonian(answers)

    def facts(self):
        return {}  # the date of return is the fact; "no" leaves it empty


class ReturnedOnQuestion(DateQuestion):
    name = "returned_on"
    title = _("When did you move back to Estonia?")
    hint = _("The day you came back to live here permanently. For example, 15 3 2025.")
    summary_label = _("Date you moved back")
    empty_message = _("Enter the date you moved back to Estonia")

    @classmethod
    def applies(cls, answers):
        return answers.get("returned") is True


class PopulationRegisterQuestion(YesNoQuestion):
    name = "population_register"
    title = _("Is your residence in Estonia registered in the population register?")
    hint = _(
        "It is if you have registered your address with the local government or in the "
        "eesti.ee state portal. If you are not sure, answer no."
    )
    summary_label = _("Residence registered in the population register")
    required_message = _(
        "Select yes if your residence is registered in the Estonian population register"
    )

    @classmethod
    def applies(cls, answers):
        return answers.get("returned") is True


class AdultQuestion(YesNoQuestion):
    name = "adult"
    title = percent_lazy(
        ngettext_lazy("Are you %(age)s or older?", "Are you %(age)s or older?", "age"),
        age=ADULT_AGE,
    )
    hint = _("Only adults belong to the target group of people who have moved back.")
    summary_label = percent_lazy(
        ngettext_lazy("%(age)s or older", "%(age)s or older", "age"), age=ADULT_AGE
    )
    required_message = percent_lazy(
        ngettext_lazy(
            "Select yes if you are %(age)s or older",
            "Select yes if you are %(age)s or older",
            "age",
        ),
        age=ADULT_AGE,
    )

    @classmethod
    def applies(cls, answers):
        return answers.get("returned") is True


# In the order they are asked; each one asked only when it ``applies`` to the answers before it.
QUESTIONS: tuple[type[Question], ...] = (
    EstonianCitizenQuestion,
    CitizenshipQuestion,
    ResidenceBasisQuestion,
    ProtectionQuestion,
    ResidentSinceQuestion,
    ReturnedQuestion,
    ReturnedOnQuestion,
    PopulationRegisterQuestion,
    AdultQuestion,
)

# Which question gives each fact, to send an error the engine finds back to that question.
QUESTION_OF_FACT = {
    "citizenship": CitizenshipQuestion,
    "naturalised": EstonianCitizenQuestion,
    "residence_basis": ResidenceBasisQuestion,
    "protection": ProtectionQuestion,
    "resident_since": ResidentSinceQuestion,
    "returned_on": ReturnedOnQuestion,
    "population_register": PopulationRegisterQuestion,
    "adult": AdultQuestion,
}
