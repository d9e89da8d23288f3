"""Staff and the outbox in the admin: every e-mail's status for those who may view e-mail,
recipients and contents only for those with the permission to see them, and failed e-mails
sent again with one action."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from outbox.delivery import deliver
from outbox.messages import queue_message
from outbox.models import Email
from tests.support.outbox import enqueued_sends
from tests.support.staff import staff_with

pytestmark = pytest.mark.django_db

ADDRESS = "resident@example.org"


@pytest.fixture(autouse=True)
def english_admin():
    with translation.override("en"):
        yield


@pytest.fixture
def failed_email():
    email = queue_message(
        kind="test",
        recipient=ADDRESS,
        language="ru",
        template="outbox/test_message",
        context={"queued_at": timezone.now()},
    )
    Email.objects.filter(pk=email.pk).update(
        status="failed",
        attempts=20,
        failed_at=timezone.now(),
        last_error="SMTPRecipientsRefused: 550 <recipient>: mailbox full",
    )
    return email


def list_url():
    return reverse("admin:outbox_email_changelist")


def detail_url(email):
    return reverse("admin:outbox_email_change", args=[email.pk])


def test_staff_who_may_view_e_mail_see_status_and_error_but_not_the_recipient(failed_email):
    client = staff_with("view_email")
    for url in (list_url(), list_url() + "?status__exact=failed", detail_url(failed_email)):
        page = client.get(url).content.decode()
        assert "mailbox full" in page, url
        assert "failed" in page, url
        assert ADDRESS not in page, url
        assert failed_email.subject not in page, url
    assert client.get(list_url() + "?q=resident").status_code == 200  # no search: nothing leaks


def test_staff_with_the_permission_see_recipient_and_contents(failed_email):
    client = staff_with("view_email", "view_recipients")
    assert ADDRESS in client.get(list_url()).content.decode()
    detail = client.get(detail_url(failed_email)).content.decode()
    assert ADDRESS in detail
    assert failed_email.subject in detail
    assert failed_email.body_text.splitlines()[2] in detail  # the text itself, in Russian


def test_nobody_adds_changes_or_deletes_e_mails_in_the_admin(failed_email):
    client = staff_with("view_email", "view_recipients", "retry_email")
    assert client.get(reverse("admin:outbox_email_add")).status_code == 403
    assert (
        client.get(reverse("admin:outbox_email_delete", args=[failed_email.pk])).status_code == 403
    )
    client.post(detail_url(failed_email), {"recipient": "someone@else.example"})
    assert Email.objects.get(pk=failed_email.pk).recipient == ADDRESS


def send_again(client, email):
    return client.post(
        list_url(), {"action": "send_again", "_selected_action": [email.pk]}, follow=True
    )


def test_a_failed_e_mail_sent_again_from_the_admin_is_queued_and_enqueued(
    failed_email, smtp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send_again(staff_with("view_email", "retry_email"), failed_email)
    assert "1 e-mail will be sent again." in response.content.decode()
    queued = Email.objects.get(pk=failed_email.pk)
    assert (queued.status, queued.attempts) == ("queued", 0)
    assert [pk for pk, _run_after in enqueued_sends()] == [failed_email.pk]
    assert deliver(failed_email.pk) == "sent"
    (message,) = smtp.wait_for(1)
    assert message["Message-ID"] == failed_email.message_id


def test_without_the_retry_permission_there_is_no_way_to_send_again(failed_email):
    client = staff_with("view_email")
    assert "send_again" not in client.get(list_url()).content.decode()
    send_again(client, failed_email)
    assert Email.objects.get(pk=failed_email.pk).status == "failed"
