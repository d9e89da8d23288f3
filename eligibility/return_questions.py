"""The checker's questions for Estonian citizens about moving (back) to Estonia: the repatriate
group's conditions."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from measure.parameters import ADULT_AGE

from .question_types import DateQuestion, YesNoQuestion, percent_lazy
from .questions import is_estonian


class ReturnedQuestion(YesNoQuestion):
    name = "returned"
    title = _("Have you moved back to Estonia from abroad to live here permanently?")
    hint = _(
        "Answer yes if you lived in another country and have come back to live in Estonia, and "
        "also if you were born abroad and have now come to live in Estonia."
    )
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
    hint = _("The day you came to live here permanently. For example, 15 3 2025.")
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
