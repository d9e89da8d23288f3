"""Residents signing up on real servers: each a browser of its own (cookies, the form's CSRF
token and form key), many at once; and an event to sign up for, made through manage.py."""

import threading
from dataclasses import dataclass

from .html import FormFields
from .load import Visitor
from .servers import manage

CREATE_EVENT = """
from datetime import timedelta
from django.utils import timezone
from activities.models import Event
starts = timezone.now() + timedelta(days=2)
event = Event.objects.create(
    title_et="Koormustest", starts_at=starts, ends_at=starts + timedelta(hours=1),
    for_everyone=True, capacity={capacity}, waiting_list_size={waiting},
)
print(event.pk)
"""


def create_event(environment, capacity, waiting=None):
    code = CREATE_EVENT.format(capacity=capacity, waiting=waiting)
    return int(manage("shell", "-c", code, env=environment).stdout.split()[-1])


def signup_path(event_id):
    return f"/en/events/{event_id}/sign-up/"


@dataclass
class Attempt:
    number: int
    status: int | None = None  # None: no HTTP answer (refused, reset, the server killed)
    url: str = ""  # where the answer came from: the person's own page after a sign-up
    text: str = ""
    headers: object = None


class Resident:
    def __init__(self, base, event_id, number):
        self.visitor = Visitor()
        self.base, self.event_id, self.number = base, event_id, number
        self.fields = None

    def open_form(self):
        answer = self.visitor.get(self.base + signup_path(self.event_id))
        assert answer.status == 200, answer.text[:500]
        self.fields = FormFields(answer.text, "signup-form").changed(
            {"name": f"Resident {self.number}", "email": f"resident{self.number}@example.org"}
        )

    def send(self):
        attempt = Attempt(self.number)
        try:
            answer = self.visitor.post(self.base + signup_path(self.event_id), self.fields)
            attempt.status, attempt.url, attempt.text = answer.status, answer.url, answer.text
            attempt.headers = answer.headers
        except OSError:
            pass
        return attempt


def sign_up_at_once(bases, event_id, count, before_sending=None, first_number=0):
    """`count` residents open the form (spread over the servers at `bases`), then all send it
    at the same moment. Their Attempts, in order; `before_sending()` runs once all forms are
    open (to kill a server mid-way, say, from another thread)."""
    numbers = range(first_number, first_number + count)
    residents = [Resident(bases[n % len(bases)], event_id, n) for n in numbers]
    openers = [threading.Thread(target=resident.open_form) for resident in residents]
    for thread in openers:
        thread.start()
    for thread in openers:
        thread.join()
    attempts = [None] * count
    start = threading.Barrier(count + 1)

    def send(index):
        start.wait()
        attempts[index] = residents[index].send()

    senders = [threading.Thread(target=send, args=(n,)) for n in range(count)]
    for thread in senders:
        thread.start()
    start.wait()
    if before_sending:
        before_sending()
    for thread in senders:
        thread.join()
    return attempts
