"""The sign-up page of an event and the page the e-mails' link leads to.

Neither is ever cached (they hold a CSRF form, or a person's sign-up): the event's own page
stays in the page cache, and its seats line is forgotten there when a sign-up commits
(signup.booking.forget_event_pages).
"""

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from modeltranslation.utils import build_localized_fieldname

from activities.listing import next_events
from activities.models import Event
from pages.models import Page, TargetGroup
from pages.views import visible_or_404

from . import booking
from .abuse import over_rate_limit
from .forms import SignupForm
from .links import manage_path, registration_id_from
from .models import Registration
from .parameters import ALTERNATIVES_SHOWN, MANAGE_LINK_VALID_AFTER_EVENT, PRIVACY_NOTICE_SLUG
from .texts import REFUSALS, seats_line


def privacy_notice():
    slug = build_localized_fieldname("slug", settings.SOURCE_LANGUAGE)
    return Page.objects.published().filter(**{slug: PRIVACY_NOTICE_SLUG}).first()


def alternatives(request, event):
    """The next sessions of the same service, in one of the event's languages, that take
    sign-ups."""
    if event.service_id is None:
        return []
    others = (
        Event.objects.filter(service_id=event.service_id, capacity__isnull=False, cancelled=False)
        .filter(starts_at__gt=timezone.now())
        .exclude(pk=event.pk)
    )
    languages = list(event.languages.all())
    if languages:
        others = others.filter(languages__in=languages).distinct()
    return next_events(request, others, ALTERNATIVES_SHOWN)


def groups_from_query(request):
    """Target groups carried forward from the checker's result: codes only, known ones only."""
    codes = request.GET.get("groups", "").split(",")
    return list(
        TargetGroup.objects.published().filter(code__in=codes).values_list("code", flat=True)
    )


def event_for_signup(request, pk):
    events = Event.objects.select_related("location", "service").prefetch_related("languages")
    return visible_or_404(request, events.filter(pk=pk).first())


def hints(event):
    texts = {
        "email": _("We send the confirmation and a link to cancel to this address."),
        "phone": _("Give a phone number if you have no e-mail address: we will phone you."),
    }
    if event.children_take_seats:
        texts["children"] = _("At this event, children take places too.")
    return texts


def render_page(request, event, form=None, refusal=None, status=200):
    if form is not None:
        form.describe_fields(hints(event))
    left = booking.seats_left(event) if event.capacity is not None else 0
    context = {
        "page": event,
        "event": event,
        "form": form,
        "refusal": refusal,
        "alternatives": alternatives(request, event) if refusal else [],
        "seats": seats_line(event, left, booking.waiting_list_full(event)),
        "privacy_notice": privacy_notice(),
    }
    return render(request, "signup/form.html", context, status=status)


@never_cache
def signup_form(request, pk):
    event = event_for_signup(request, pk)
    reason = booking.closed_reason(event, timezone.now())
    if reason is None and not booking.seats_left(event) and booking.waiting_list_full(event):
        reason = "waiting_list_full"
    if reason:
        status = 409 if request.method == "POST" else 200
        return render_page(request, event, refusal=REFUSALS[reason], status=status)
    if request.method != "POST":
        form = SignupForm(groups=groups_from_query(request))
        return render_page(request, event, form)
    form = SignupForm(request.POST)
    if over_rate_limit(request):
        return render_page(request, event, form, REFUSALS["rate_limited"], status=429)
    if form.is_bot() or not form.is_valid():
        return render_page(request, event, form, status=400)
    try:
        registration, _created = booking.sign_up(
            event.pk, form.person(), form_key=form.cleaned_data["form_key"]
        )
    except booking.Refused as refused:
        return render_page(request, event, form, REFUSALS[refused.reason], status=409)
    return redirect(manage_path(registration) + "?done=1", permanent=False)


def registration_for(token):
    def manage_key_of(registration_id):
        found = Registration.objects.filter(pk=registration_id).values_list("manage_key", flat=True)
        return found.first()

    registration_id = registration_id_from(token, manage_key_of)
    if registration_id is None:
        return None
    registration = Registration.objects.select_related("event__location").get(pk=registration_id)
    if registration.event.ends_at + MANAGE_LINK_VALID_AFTER_EVENT < timezone.now():
        return None
    return registration


@never_cache
def manage(request, token):
    registration = registration_for(token)
    if registration is None:
        return render(request, "signup/manage.html", {"expired": True}, status=404)
    done = None
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "cancel" and registration.active:
            booking.cancel(registration.pk)
            done = "cancelled"
        elif action == "delete" and registration.anonymised_at is None:
            booking.erase(registration.pk)
            done = "deleted"
        registration.refresh_from_db()
    elif request.GET.get("done"):
        done = "signed_up"
    place = None
    if registration.status == Registration.Status.WAITING:
        place = booking.place_on_waiting_list(registration)
    context = {"registration": registration, "event": registration.event, "done": done}
    return render(request, "signup/manage.html", context | {"place": place})
