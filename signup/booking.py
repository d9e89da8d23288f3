"""The sign-up rules, one set for the website and for staff: seats, the waiting list, moving up.

Every change to an event's sign-ups runs in a transaction that first locks the event's row
(``select_for_update``; on SQLite every transaction takes the write lock at its start, settings'
``transaction_mode``), so the sign-ups and cancellations of one event happen one after the
other: no two can take the last seat, and two cancellations move up two people.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from activities.models import Event
from core.languages import paths_by_language
from core.page_cache import forget_paths

from . import notices
from .models import Registration

TAKING_SEATS = (Registration.Status.CONFIRMED, Registration.Status.ATTENDED)
ACTIVE = (Registration.Status.CONFIRMED, Registration.Status.WAITING)


class Refused(Exception):
    """A sign-up that cannot be made; `reason` is one of REASONS (signup/texts.py)."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Person:
    """What a sign-up form (the website's or the staff's) gives."""

    name: str
    email: str = ""
    phone: str = ""
    language: str = ""
    children: int = 0
    needs: tuple[str, ...] = ()
    target_groups: tuple = ()


def closed_reason(event, now):
    """Why `event` takes no sign-up at `now`, or None while it does."""
    if event.capacity is None:
        return "no_signup"
    if event.cancelled:
        return "cancelled"
    if event.starts_at <= now:
        return "started"
    if event.signup_opens_at and now < event.signup_opens_at:
        return "not_open"
    if event.signup_closes_at and now >= event.signup_closes_at:
        return "closed"
    return None


def seats_for(event, children):
    return 1 + (children if event.children_take_seats else 0)


def seats_taken(event):
    taken = event.registrations.filter(status__in=TAKING_SEATS)
    return sum(seats_for(event, children) for children in taken.values_list("children", flat=True))


def seats_left(event):
    return max(0, event.capacity - seats_taken(event))


def waiting(event):
    return event.registrations.filter(status=Registration.Status.WAITING).order_by(
        "created_at", "pk"
    )


def waiting_list_full(event):
    limit = event.waiting_list_size
    return limit is not None and waiting(event).count() >= limit


def place_on_waiting_list(registration):
    """1 for the first person waiting, and so on."""
    earlier = waiting(registration.event).filter(
        Q(created_at__lt=registration.created_at)
        | Q(created_at=registration.created_at, pk__lt=registration.pk)
    )
    return earlier.count() + 1


def normalised_phone(phone):
    return "".join(character for character in phone if character.isdigit() or character == "+")


def already_signed_up(event, person):
    same = Q()
    if person.email:
        same |= Q(email__iexact=person.email)
    if person.phone:
        same |= Q(phone=normalised_phone(person.phone))
    return event.registrations.filter(same, status__in=ACTIVE).exists()


def locked_event(event_id):
    events = Event.objects.select_for_update(of=("self",)).select_related("location", "service")
    return events.get(pk=event_id)


def forget_event_pages(event):
    """The event's page (its seats line) in every language, and nothing else of the cache."""
    forget_paths(paths_by_language(event.get_absolute_url).values())


def sign_up(event_id, person, *, channel=Registration.Channel.ONLINE, form_key="", now=None):
    """Sign `person` up: confirmed while seats are left, else on the waiting list.

    Returns (registration, created). The same `form_key` a second time (a double click) returns
    the first sign-up. Raises Refused when the event takes no sign-up now, its waiting list is
    full, or the same e-mail address or phone number is already signed up for it.
    """
    now = now or timezone.now()
    try:
        with transaction.atomic():
            event = locked_event(event_id)
            if form_key and (earlier := event.registrations.filter(form_key=form_key).first()):
                return earlier, False
            registration = add_registration(event, person, channel, form_key, now)
    except IntegrityError:  # the same form_key committed in between (without a lock: never)
        return Registration.objects.get(event_id=event_id, form_key=form_key), False
    return registration, True


def add_registration(event, person, channel, form_key, now):
    if reason := closed_reason(event, now):
        raise Refused(reason)
    if already_signed_up(event, person):
        raise Refused("already_signed_up")
    seats = seats_for(event, person.children)
    # Nobody overtakes those waiting: while anyone waits, a new sign-up waits too.
    if seats <= seats_left(event) and not waiting(event).exists():
        status = Registration.Status.CONFIRMED
    elif seats > event.capacity:
        raise Refused("too_many_seats")
    elif waiting_list_full(event):
        raise Refused("waiting_list_full")
    else:
        status = Registration.Status.WAITING
    registration = Registration.objects.create(
        event=event,
        status=status,
        name=person.name,
        email=person.email,
        phone=normalised_phone(person.phone),
        language=person.language,
        children=person.children,
        needs=list(person.needs),
        channel=channel,
        form_key=form_key,
        created_at=now,
    )
    registration.target_groups.set(person.target_groups)
    notices.signed_up(registration)
    forget_event_pages(event)
    return registration


def move_up(event, now=None):
    """Give free seats to those waiting, first come first served: the first waiting moves up if
    their seats fit, and so on; one whose seats do not fit keeps the others behind them waiting.
    Call with the event locked (inside the transaction that freed the seats)."""
    now = now or timezone.now()
    if event.capacity is None or event.cancelled or event.starts_at <= now:
        return []
    free = seats_left(event)
    moved = []
    for registration in waiting(event):
        seats = seats_for(event, registration.children)
        if seats > free:
            break
        free -= seats
        registration.status = Registration.Status.CONFIRMED
        registration.save(update_fields=["status", "changed_at"])
        notices.moved_up(registration)
        moved.append(registration)
    if moved:
        forget_event_pages(event)
    return moved


def cancel(registration_id, now=None):
    """Cancel a sign-up (the person's link, or staff); the seats go to those waiting.
    Returns the registration, or None if it was not active (cancelled already)."""
    with transaction.atomic():
        registration = Registration.objects.select_related("event").get(pk=registration_id)
        event = locked_event(registration.event_id)
        registration.refresh_from_db()
        if not registration.active:
            return None
        registration.status = Registration.Status.CANCELLED
        registration.save(update_fields=["status", "changed_at"])
        move_up(event, now)
        forget_event_pages(event)
    return registration


def erase(registration_id, now=None):
    """Delete a sign-up's personal data at the person's request (cancelling it first): only the
    anonymous counts stay (status, language, children, target groups, channel)."""
    now = now or timezone.now()
    with transaction.atomic():
        cancel(registration_id, now)
        registration = Registration.objects.select_for_update().get(pk=registration_id)
        if registration.anonymised_at is None:
            registration.name = registration.email = registration.phone = ""
            registration.needs = []
            registration.anonymised_at = now
            registration.save()
            notices.withdraw(registration, now)
    return registration


def capacity_may_have_grown(event_id):
    """After staff saved the event: seats a larger capacity freed go to those waiting."""
    with transaction.atomic():
        move_up(locked_event(event_id))


def tell_of_cancellation(event_id, now=None):
    """After staff cancelled the event: everyone confirmed or waiting is told, once."""
    now = now or timezone.now()
    with transaction.atomic():
        event = locked_event(event_id)
        told = event.registrations.filter(status__in=ACTIVE, told_cancelled_at=None)
        for registration in told.select_for_update():
            notices.event_cancelled(registration)
            registration.told_cancelled_at = now
            registration.save(update_fields=["told_cancelled_at", "changed_at"])
        forget_event_pages(event)
