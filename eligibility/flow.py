"""The question flow: the order of the questions, and the walk through them for one POST body.

No server-side state: which question comes next is worked out afresh on every request from the
answers in the body, as GOV.UK smart answers do.
"""

from .question_types import Question
from .questions import (
    CitizenshipQuestion,
    EstonianCitizenQuestion,
    ProtectionQuestion,
    ResidenceBasisQuestion,
)
from .residence_questions import (
    LivedAbroadQuestion,
    ResidentAgainSinceQuestion,
    ResidentSinceQuestion,
)
from .return_questions import (
    AdultQuestion,
    PopulationRegisterQuestion,
    ReturnedOnQuestion,
    ReturnedQuestion,
)

# In the order they are asked; each one asked only when it ``applies`` to the answers before it.
QUESTIONS: tuple[type[Question], ...] = (
    EstonianCitizenQuestion,
    CitizenshipQuestion,
    ResidenceBasisQuestion,
    ProtectionQuestion,
    ResidentSinceQuestion,
    LivedAbroadQuestion,
    ResidentAgainSinceQuestion,
    ReturnedQuestion,
    ReturnedOnQuestion,
    PopulationRegisterQuestion,
    AdultQuestion,
)

# Which question gives each fact, to send an error the engine finds back to that question.
# (``resident_since`` comes from the second date when residence was interrupted; the engine's
# only objection to it, a date after today, the date questions already rule out.)
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


class Flow:
    """The questions that apply to the answers in a POST body, in the order they are asked, up
    to and including the first one not answered (or answered with something invalid).

    Answers to questions that no longer apply (after a change) are dropped: they are not in
    ``questions``, so they are not carried forward. Answers to questions after the pending one
    (a changed answer that needs correcting) are carried forward as they are, unchecked, until
    the walk reaches them again.
    """

    def __init__(self, data, today):
        self.today = today
        self.questions: list[Question] = []
        self.answers: dict = {}
        self.pending: Question | None = None
        self.unreached: list[tuple[str, str]] = []
        for position, question_class in enumerate(QUESTIONS):
            if not question_class.applies(self.answers):
                continue
            question = question_class(data, answers=self.answers, today=today)
            self.questions.append(question)
            if not question.is_valid():
                self.pending = question
                self.unreached = [
                    (name, str(data[name]))
                    for later in QUESTIONS[position + 1 :]
                    for name in later.field_names()
                    if name in data
                ]
                break
            self.answers[question.name] = question.answer

    @property
    def answered(self) -> list[Question]:
        """The questions answered validly (an error added later takes a question out)."""
        return [question for question in self.questions if question.is_valid()]

    def get(self, name: str) -> Question | None:
        return next((question for question in self.questions if question.name == name), None)

    def after(self, question: Question) -> Question | None:
        position = self.questions.index(question) + 1
        return self.questions[position] if position < len(self.questions) else None

    def before(self, question: Question) -> Question | None:
        position = self.questions.index(question)
        return self.questions[position - 1] if position > 0 else None

    def hidden_fields(self, *, leaving_out: Question | None = None) -> list[tuple[str, str]]:
        """The answers to carry forward, as (name, value) pairs for hidden inputs."""
        answered = [
            field
            for question in self.answered
            if question is not leaving_out
            for field in question.hidden_fields()
        ]
        return answered + self.unreached

    def facts_data(self) -> dict:
        """Every answer as ``FactsForm`` data, decided on today."""
        data = {"as_of": self.today}
        for question in self.answered:
            data.update(question.facts())
        return data
