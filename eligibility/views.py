"""The eligibility checker's pages: a start page, one question a page, check your answers, result.

No server-side state and no cookies: every page is a POST form that carries the earlier answers
in hidden fields, so answers never appear in a URL, a log line of the path, or the browser's
history list. The flow only routes (as GOV.UK smart answers do): which question comes next is
worked out afresh on every request from the answers in the body; ``FactsForm`` and the engine
decide; the templates only show.
"""

from dataclasses import dataclass

from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from pages.models import Contact, Page, TargetGroup

from .forms import QUESTION_OF_FACT, QUESTIONS, FactsForm, Question
from .parameters import PROJECT_END, PROJECT_START
from .reasons import date_notes, reason_text
from .rules import Decision, Group, today_in_tallinn

# Reasons about the project period are the same for every group: the page says them once.
PROJECT_PERIOD_REASONS = ("project_not_started", "project_ended")


class Flow:
    """The questions that apply to the answers in a POST body, in the order they are asked, up
    to and including the first one not answered (or answered with something invalid).

    Answers to questions that no longer apply (after a change) are dropped: they are not in
    ``questions``, so they are not carried forward.
    """

    def __init__(self, data, today):
        self.today = today
        self.questions: list[Question] = []
        self.answers: dict = {}
        self.pending: Question | None = None
        for question_class in QUESTIONS:
            if not question_class.applies(self.answers):
                continue
            question = question_class(data, answers=self.answers, today=today)
            self.questions.append(question)
            if not question.is_valid():
                self.pending = question
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
        return [
            field
            for question in self.answered
            if question is not leaving_out
            for field in question.hidden_fields()
        ]

    def facts_data(self) -> dict:
        """Every answer as ``FactsForm`` data, decided on today."""
        data = {"as_of": self.today}
        for question in self.answered:
            data.update(question.facts())
        return data


@dataclass(frozen=True)
class GroupOutcome:
    """One group on the result page, in words."""

    code: Group
    name: str
    url: str | None
    eligible: bool
    reasons: list[str]
    notes: list[str]  # the dates that matter: until when, from when, what comes next


# This view changes nothing and keeps nothing, so there is nothing for a forged request to do:
# it is exempt from CSRF checks because a CSRF token would need a cookie, and the checker must
# set none. The start page holds no answers and is the same for everyone, so the page cache
# may keep it; every answer is a POST, and `no-store` keeps those out of every cache, the
# browser's included.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def check(request):
    if request.method != "POST":
        return render(request, "eligibility/start.html")
    response = answer(request)
    patch_cache_control(response, no_store=True)
    return response


def answer(request):
    """The page that follows the answers posted so far."""
    flow = Flow(request.POST, today_in_tallinn())
    # After "Change" on the check page, continue to any new question, then back to the check.
    changing = request.POST.get("changing") == "1"

    submitted = flow.get(request.POST.get("step", ""))
    if submitted is not None:
        if submitted is flow.pending:
            submitted.show_errors = True
            return question_page(request, flow, submitted, changing=changing)
        following = flow.pending if changing else flow.after(submitted)
        if following is None:
            return check_answers_page(request, flow)
        return question_page(request, flow, following, changing=changing)

    target = request.POST.get("go", "")
    if target == "result" and flow.pending is None:
        return result_page(request, flow)
    question = flow.get(target) or flow.pending
    if question is not None:
        return question_page(request, flow, question, changing=changing)
    return check_answers_page(request, flow)


def question_page(request, flow, question, *, changing):
    if changing and flow.pending is None:
        back = "check"
    else:
        previous = flow.before(question)
        back = previous.name if previous else None
    context = {
        "question": question,
        "hidden_fields": flow.hidden_fields(leaving_out=question),
        "back_fields": flow.hidden_fields(),
        "back": back,
        "changing": changing,
    }
    return render(request, "eligibility/question.html", context)


def check_answers_page(request, flow):
    context = {
        "questions": flow.answered,
        "hidden_fields": flow.hidden_fields(),
        "back": flow.answered[-1].name,
    }
    return render(request, "eligibility/check_answers.html", context)


def result_page(request, flow):
    form = FactsForm(flow.facts_data())
    if not form.is_valid():
        # The questions check every answer as it is given, so the engine should find nothing;
        # if it does, ask the question that gave the fact again, with the engine's message.
        field, messages = next(iter(form.errors.items()))
        question_class = QUESTION_OF_FACT.get(field)
        question = flow.get(question_class.name if question_class else "") or flow.questions[0]
        question.add_error(question.name, messages[0])
        question.show_errors = True
        return question_page(request, flow, question, changing=True)
    decision = form.decision
    outcomes = group_outcomes(decision)
    context = {
        "decision": decision,
        "matching": [outcome for outcome in outcomes if outcome.eligible],
        "other": [outcome for outcome in outcomes if not outcome.eligible],
        "project_notice": project_notice(decision),
        "project_start": PROJECT_START,
        "project_end": PROJECT_END,
        "contacts": Contact.objects.published(),
        "hidden_fields": flow.hidden_fields(),
    }
    return render(request, "eligibility/result.html", context)


def group_outcomes(decision: Decision) -> list[GroupOutcome]:
    index = Page.objects.published().filter(kind=Page.Kind.TARGET_GROUPS).first()
    urls = {}
    if index is not None:
        urls = {group.code: group.url_under(index) for group in TargetGroup.objects.published()}
    return [
        GroupOutcome(
            code=result.group,
            name=TargetGroup.Code(result.group).label,
            url=urls.get(result.group),
            eligible=result.eligible,
            reasons=[
                reason_text(reason)
                for reason in result.reasons
                if reason.code not in PROJECT_PERIOD_REASONS
            ],
            notes=date_notes(result),
        )
        for result in decision.results
    ]


def project_notice(decision: Decision) -> str | None:
    """Outside the project period: the one sentence saying the project is not running."""
    for reason in decision.results[0].reasons:
        if reason.code in PROJECT_PERIOD_REASONS:
            return reason_text(reason)
    return None
