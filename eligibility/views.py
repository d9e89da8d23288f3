"""The eligibility checker's pages: a start page, one question a page, check your answers, result.

No server-side state and no cookies: every page is a POST form that carries the earlier answers
in hidden fields, so answers never appear in a URL, a log line of the path, or the browser's
history list. The flow (``flow.Flow``) works out the next question from the answers in the body;
``FactsForm`` and the engine decide; ``outcomes`` words the result; the templates only show.
"""

from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from activities.listing import for_groups
from measure.parameters import PROJECT_END, PROJECT_START
from measure.rules import today_in_tallinn
from pages.models import Contact

from .flow import QUESTION_OF_FACT, Flow
from .forms import FactsForm
from .outcomes import group_outcomes, project_notice


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
        # What next: services and events for the groups that apply (and those for everyone).
        "whats_next": for_groups(request, [str(group) for group in decision.groups]),
        # Carried to an event's sign-up page as codes only, to tick them there.
        "signup_groups": ",".join(str(group) for group in decision.groups),
        "hidden_fields": flow.hidden_fields(),
    }
    return render(request, "eligibility/result.html", context)
