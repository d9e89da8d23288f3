"""The checker's questions about citizenship and status: what each asks, its hint, when it is
asked, and the facts it gives. The questions about the period of residence are in
``residence_questions``, those about moving back in ``return_questions``; the order in which
they are all asked is ``flow.QUESTIONS``.
"""

from django.utils.translation import gettext_lazy as _

from measure.rules import Citizenship, Protection, ResidenceBasis

from .question_types import Choice, RadiosQuestion


class EstonianCitizenQuestion(RadiosQuestion):
    name = "estonian_citizen"
    title = _("Are you an Estonian citizen?")
    hint = _("Answer about Estonian citizenship, even if you also have another citizenship.")
    summary_label = _("Estonian citizen")
    required_message = _("Select whether you are an Estonian citizen")
    # Children of parents with undetermined citizenship become citizens at birth, but by
    # naturalisation (Citizenship Act): the hints say so, so that they do not answer "from birth".
    choices = (
        Choice(
            "by_birth",
            _("Yes, from birth"),
            _(
                "For example, because a parent was an Estonian citizen when you were born. If "
                "neither of your parents was an Estonian citizen, choose naturalisation."
            ),
        ),
        Choice(
            "naturalised",
            _("Yes, by naturalisation"),
            _(
                "You applied for citizenship, usually after the Estonian language and citizenship "
                "exams. Choose this also if you became a citizen as a child on your parents' "
                "application, or at birth because your parents had undetermined citizenship."
            ),
        ),
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
            _("Estonian long-term resident's permit"),
            _(
                "Usually granted after five years of living in Estonia. A long-term resident's "
                "permit of another EU country does not count: in Estonia you then have a "
                "temporary residence permit."
            ),
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
            ResidenceBasis.PROTECTION_FAMILY_PERMIT,
            _("Residence permit as a family member of a person granted international protection"),
            _(
                "For example, you came to live with your spouse or parent who is a refugee, and "
                "you have not been granted protection yourself."
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


def has_residence_basis(answers) -> bool:
    return answers.get("residence_basis") not in (None, ResidenceBasis.NONE)


PROTECTION_KINDS = (
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


class ProtectionQuestion(RadiosQuestion):
    """Asked whatever the current permit: a refugee on a long-term resident's permit, or any
    other, is still group 1. Only a permit based on protection leaves out the answer "no"."""

    name = "protection"
    title = _("Have you been granted international protection?")
    hint = _(
        "It is written in the decision of the Police and Border Guard Board. It counts also if "
        "you now live in Estonia on another permit, for example a long-term resident's permit."
    )
    summary_label = _("International protection")
    required_message = _("Select whether you have been granted international protection")
    choices = (
        *PROTECTION_KINDS,
        Choice(
            "no",
            _("No"),
            _(
                "For example, if only a family member of yours has it and you came to live with "
                "them."
            ),
            divider_before=True,
        ),
    )

    @classmethod
    def applies(cls, answers):
        # EU citizens are not granted international protection.
        return answers.get("citizenship") != Citizenship.EU and has_residence_basis(answers)

    def available_choices(self):
        if self.answers["residence_basis"] == ResidenceBasis.INTERNATIONAL_PROTECTION:
            return PROTECTION_KINDS
        return self.choices

    def facts(self):
        return {} if self.answer == "no" else {"protection": Protection(self.answer)}
