"""The checker's questions: what each asks, its hint, when it is asked, and the facts it gives.

The order in which they are asked is ``flow.QUESTIONS``.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from measure.parameters import ADULT_AGE
from measure.rules import Citizenship, Protection, ResidenceBasis

from .question_types import Choice, DateQuestion, RadiosQuestion, YesNoQuestion, percent_lazy


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
