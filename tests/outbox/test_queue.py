"""Queueing: the message is stored in the caller's transaction, rendered in its reader's language,
and its send task is enqueued only once that transaction has committed."""

import re

import pytest
from django.db import transaction
from django.utils import timezone, translation

from outbox.messages import AttachedFile, queue_message, render_message
from outbox.models import Email
from tests.support.html import PageOutline
from tests.support.languages import LANGUAGES
from tests.support.outbox import enqueued_sends

pytestmark = pytest.mark.django_db


def queue_test_message(recipient="resident@example.org", language="ru", **extra):
    return queue_message(
        kind="test",
        recipient=recipient,
        language=language,
        template="outbox/test_message",
        context={"queued_at": timezone.now()},
        **extra,
    )


class SignUpFailed(Exception):
    pass


def test_a_rolled_back_transaction_leaves_no_message_and_no_task(
    django_capture_on_commit_callbacks,
):
    capture = django_capture_on_commit_callbacks(execute=True)
    with capture, pytest.raises(SignUpFailed), transaction.atomic():
        queue_test_message()
        raise SignUpFailed  # e.g. the sign-up's seat was taken meanwhile
    assert Email.objects.count() == 0
    assert enqueued_sends() == []


def test_a_committed_transaction_stores_the_message_and_then_enqueues_its_task(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        email = queue_test_message()
        assert enqueued_sends() == []  # not before the commit
    assert len(callbacks) == 1
    stored = Email.objects.get()
    assert (stored.status, stored.attempts, stored.recipient) == ("queued", 0, email.recipient)
    assert enqueued_sends() == [(email.pk, None)]


def test_a_task_queue_that_fails_after_the_commit_does_not_fail_the_caller(
    django_capture_on_commit_callbacks, monkeypatch
):
    from outbox.tasks import send_email

    def queue_is_down(*args, **kwargs):
        raise ConnectionError("the task queue is down")

    monkeypatch.setattr(type(send_email), "enqueue", queue_is_down)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        queue_test_message()
    # Stored all the same: the worker's sweep sends it (tests/outbox/test_delivery.py).
    assert Email.objects.get().status == "queued"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_in_its_readers_language_with_an_accessible_html_part(language):
    email = queue_test_message(language=language)
    with translation.override(language):
        subject = translation.gettext("Test message from %(site_name)s") % {
            "site_name": translation.gettext("Integration and adaptation services in Kohtla-Järve")
        }
    assert email.subject == subject
    assert email.language == language
    html = PageOutline(email.body_html)
    assert html.html_lang == language
    assert html.title == subject
    assert html.h1_texts == [subject]
    assert html.images == [], "no image-only content"
    assert f"/{language}/" in email.body_text
    assert email.body_text.startswith(subject)


def test_other_languages_than_the_sites_are_refused_before_anything_is_stored():
    with pytest.raises(ValueError, match="LANGUAGES"):
        queue_test_message(language="fi")
    assert Email.objects.count() == 0


def test_plain_text_is_not_html_escaped_and_html_is():
    rendered = render_message(
        "outbox/test_message", {"queued_at": "<b>5 & 6</b>", "site_name": "A & B"}, "en"
    )
    assert "A & B" in rendered.text
    assert "A &amp; B" in rendered.html and "<b>5" not in rendered.html


def test_each_message_has_its_own_message_id_on_the_senders_domain(settings):
    settings.DEFAULT_FROM_EMAIL = "Kohtla-Järve <noreply@example.org>"
    first, second = queue_test_message(), queue_test_message()
    assert first.message_id != second.message_id
    assert re.fullmatch(r"<[^<>@]+@example\.org>", first.message_id)
    assert first.sender == settings.DEFAULT_FROM_EMAIL


def test_attachments_are_stored_with_the_message_and_limited_in_size():
    ics = AttachedFile("event.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    email = queue_test_message(attachments=[ics])
    (stored,) = email.attachments.all()
    assert (stored.filename, bytes(stored.content), stored.mimetype) == (
        ics.filename,
        ics.content,
        ics.mimetype,
    )
    too_big = AttachedFile("big.pdf", b"x" * (5 * 1024 * 1024 + 1), "application/pdf")
    with pytest.raises(ValueError, match="attachments"):
        queue_test_message(attachments=[too_big])
    assert Email.objects.count() == 1


def test_a_message_knows_what_it_is_about():
    from django.contrib.auth.models import Group

    from outbox.queries import messages_about

    group = Group.objects.create(name="Stand-in for a sign-up")
    email = queue_test_message(about=group)
    queue_test_message()
    assert list(messages_about(group)) == [email]
    assert Email.objects.get(pk=email.pk).about == group


def test_no_two_languages_get_the_same_subject_so_none_falls_back_to_another():
    subjects = {queue_test_message(language=language).subject for language in LANGUAGES}
    assert len(subjects) == len(LANGUAGES)
