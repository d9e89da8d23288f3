"""The checker's questions about the period of legal residence: since when, and whether it was
interrupted by more than six months in a row abroad (``measure.parameters``), in which case it
counts from the start of the current period."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy

from measure.parameters import RESIDENCE_INTERRUPTION

from .fields import date_error
from .question_types import DateQuestion, YesNoQuestion, percent_lazy
from .questions import has_residence_basis, is_estonian
from .reasons import format_date


class ResidentSinceQuestion(DateQuestion):
    name = "resident_since"
    title = _("Since when have you lived in Estonia legally?")
    hint = _(
        "Count from the day your first residence permit or right of residence in Estonia "
        "started, not your current one. Time on a visa or a visa-free stay before it does not "
        "count. If you have lived here since birth, enter your date of birth. For example, "
        "15 3 2021."
    )
    summary_label = _("Lived in Estonia legally since")
    empty_message = _("Enter the date your legal residence in Estonia began")

    @classmethod
    def applies(cls, answers):
        if is_estonian(answers):
            return answers["estonian_citizen"] == "naturalised"
        return has_residence_basis(answers)


def _months(message):
    return percent_lazy(message, months=RESIDENCE_INTERRUPTION.months)


class LivedAbroadQuestion(YesNoQuestion):
    """More than six months in a row abroad interrupts legal residence (``parameters``)."""

    name = "lived_abroad"
    title = _months(
        ngettext_lazy(
            "Since then, have you lived outside Estonia for more than %(months)s month in a row?",
            "Since then, have you lived outside Estonia for more than %(months)s months in a row?",
            "months",
        )
    )
    hint = _(
        "For example, for work or studies abroad. Holidays and other shorter stays do not count."
    )
    summary_label = _months(
        ngettext_lazy(
            "Lived outside Estonia for more than %(months)s month in a row",
            "Lived outside Estonia for more than %(months)s months in a row",
            "months",
        )
    )
    required_message = _months(
        ngettext_lazy(
            "Select yes if you have lived outside Estonia for more than %(months)s month in a row",
            "Select yes if you have lived outside Estonia for more than %(months)s months in a row",
            "months",
        )
    )

    @classmethod
    def applies(cls, answers):
        return "resident_since" in answers

    def facts(self):
        return {}  # "yes" leads to the start of the current period, which is the fact


class ResidentAgainSinceQuestion(DateQuestion):
    """After an interruption, legal residence counts from the start of the current period."""

    name = "resident_again_since"
    title = _("Since when have you lived in Estonia again?")
    hint = _months(
        ngettext_lazy(
            "The day you came back to live in Estonia after your last stay abroad of more than "
            "%(months)s month, with a residence permit or right of residence if you are not an "
            "Estonian citizen. Your legal residence counts from that day. For example, 15 3 2023.",
            "The day you came back to live in Estonia after your last stay abroad of more than "
            "%(months)s months, with a residence permit or right of residence if you are not an "
            "Estonian citizen. Your legal residence counts from that day. For example, 15 3 2023.",
            "months",
        )
    )
    summary_label = _("Lived in Estonia again since")
    empty_message = _("Enter the date you came back to live in Estonia")

    @classmethod
    def applies(cls, answers):
        return answers.get("lived_abroad") is True

    def clean_resident_again_since(self):
        entered = self.cleaned_data[self.name]
        began = self.answers["resident_since"]
        # A stay abroad of more than six months began no earlier than the first permit.
        if entered <= began + RESIDENCE_INTERRUPTION:
            message = ngettext(
                "The date must be more than %(months)s month after the day your legal residence "
                "began, %(date)s",
                "The date must be more than %(months)s months after the day your legal residence "
                "began, %(date)s",
                RESIDENCE_INTERRUPTION.months,
            ) % {"months": RESIDENCE_INTERRUPTION.months, "date": format_date(began)}
            raise date_error(message, "too_early")
        return entered

    def facts(self):
        return {"resident_since": self.answer}
