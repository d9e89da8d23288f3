"""The worker as it runs in production (`manage.py worker`, a process of its own), sending to a
real SMTP server on loopback, on the engine the tests run on (SQLite, or PostgreSQL with
DATABASE_URL): what is committed arrives, what is rolled back never does; an SMTP outage only
delays; a worker SIGKILLed mid-send loses nothing and duplicates only in the documented window.

Short timings (EMAIL_TIMEOUT 0.5 s, so a lease of 7.5 s; a sweep every 0.5 s) keep it to
seconds; the mechanism is the one the defaults use.
"""

import tempfile

import pytest

from tests.support.private_servers import PrivateRedis
from tests.support.servers import manage, migrated_database
from tests.support.smtp import SmtpServer
from tests.support.worker import WorkerProcess, query, wait_until

LEASE_SECONDS = 15 * 0.5


@pytest.fixture(scope="module")
def database_url():
    with migrated_database() as url:
        yield url


@pytest.fixture
def smtp():
    with SmtpServer() as server:
        yield server


@pytest.fixture
def environment(database_url, smtp):
    with tempfile.TemporaryDirectory() as cache_dir:
        yield {
            "DATABASE_URL": database_url,
            "CACHE_DIR": cache_dir,
            "EMAIL_URL": smtp.url,
            "EMAIL_TIMEOUT": "0.5",
            "OUTBOX_SWEEP_SECONDS": "0.5",
            "OUTBOX_RETRY_SECONDS": "0.3",
        }


def send_test(environment, address, language="et"):
    """`manage.py outbox send-test`: one committed transaction that queues one message."""
    output = manage("outbox", "send-test", address, "--language", language, env=environment)
    return output.stdout.split("(", 1)[1].split(")", 1)[0]  # its Message-ID


def row(database_url, message_id):
    ((status, attempts),) = query(
        database_url,
        "SELECT status, attempts FROM outbox_email WHERE message_id = %s",
        [message_id],
    )
    return status, attempts


def wait_for_row(database_url, message_id, condition, what):
    wait_until(lambda: condition(row(database_url, message_id)), f"{message_id} is {what}")


def to(messages, address):
    return [message for message in messages if message["To"] == address]


ROLLED_BACK = """
from django.db import transaction
from outbox.messages import queue_message

class SignUpFailed(Exception):
    pass

try:
    with transaction.atomic():
        queue_message(kind="test", recipient="rolled-back@example.org", language="ru",
                      template="outbox/test_message", context={"queued_at": "now"})
        raise SignUpFailed
except SignUpFailed:
    pass
"""


def test_the_worker_sends_what_was_committed_and_never_what_was_rolled_back(environment, smtp):
    database = environment["DATABASE_URL"]
    manage("shell", "--command", ROLLED_BACK, env=environment)
    with WorkerProcess(environment):
        sent = {
            language: send_test(environment, f"{language}@example.org", language)
            for language in ("et", "ru", "en")
        }
        messages = smtp.wait_for(3)
        for language, message_id in sent.items():
            (message,) = to(messages, f"{language}@example.org")
            assert message["Message-ID"] == message_id
            assert message["Content-Language"] == language
            wait_for_row(database, message_id, lambda r: r == ("sent", 1), "sent at once")
    assert to(smtp.accepted, "rolled-back@example.org") == []
    assert query(
        database,
        "SELECT COUNT(*) FROM outbox_email WHERE recipient = %s",
        ["rolled-back@example.org"],
    ) == [(0,)]


def test_with_the_smtp_server_down_sign_ups_succeed_and_every_message_arrives_once_it_is_back(
    environment, smtp
):
    database = environment["DATABASE_URL"]
    smtp.stop()
    with WorkerProcess(environment):
        addresses = [f"outage{n}@example.org" for n in range(3)]
        sent = [send_test(environment, address) for address in addresses]  # each succeeds
        for message_id in sent:
            wait_for_row(database, message_id, lambda r: r[1] >= 2, "refused twice")
        smtp.start()
        messages = smtp.wait_for(3)
        for message_id in sent:
            wait_for_row(database, message_id, lambda r: r[0] == "sent", "sent")
    assert sorted(m["Message-ID"] for m in messages) == sorted(sent)  # each once


def killed_mid_send(environment, smtp, step, address):
    """Queue a message to `address`, let a worker reach `step` of the SMTP conversation with it,
    SIGKILL the worker there; the message's Message-ID."""
    with smtp.stalled(step) as stall:
        worker = WorkerProcess(environment)
        message_id = send_test(environment, address)
        assert stall.reached.wait(20), worker.output()
        worker.kill()
    assert row(environment["DATABASE_URL"], message_id) == ("sending", 1)
    return message_id


def sent_by_the_next_worker(environment, smtp, message_id, copies):
    """Start a worker again: the dead one's lease runs out, the sweep re-queues the message, it
    is sent; the `copies` messages the server then has."""
    with WorkerProcess(environment):
        accepted = smtp.wait_for(copies, seconds=LEASE_SECONDS + 20)
        wait_for_row(
            environment["DATABASE_URL"], message_id, lambda r: r == ("sent", 2), "sent again"
        )
    return accepted


def test_a_worker_killed_before_the_server_took_the_message_sends_it_once_after_restarting(
    environment, smtp
):
    message_id = killed_mid_send(environment, smtp, "RCPT", "killed-early@example.org")
    (message,) = sent_by_the_next_worker(environment, smtp, message_id, copies=1)
    assert message["Message-ID"] == message_id
    assert len(to(smtp.accepted, "killed-early@example.org")) == 1


def test_a_worker_killed_after_the_server_took_the_message_resends_a_recognisable_copy(
    environment, smtp
):
    # The documented window: the server has accepted it, our record that it did is not written.
    message_id = killed_mid_send(environment, smtp, "REPLY", "killed-late@example.org")
    first, second = sent_by_the_next_worker(environment, smtp, message_id, copies=2)
    # The copy is the same message: same Message-ID and Date, same text, so a mail program
    # (or a reader) recognises it; nothing beyond this one copy.
    for header in ("Message-ID", "Date", "Subject"):
        assert first[header] == second[header], header
    assert first.get_body(("plain",)).get_content() == second.get_body(("plain",)).get_content()
    assert first["Message-ID"] == message_id
    assert len(to(smtp.accepted, "killed-late@example.org")) == 2


def test_with_tasks_in_redis_instead_the_same_worker_command_sends_and_retries(environment, smtp):
    """TASKS_BACKEND=rq (django-tasks-rq): the broker holds the tasks, the outbox stays the same.
    A retry is a deferred task for RQ's scheduler (which `manage.py worker` starts), with the
    sweep behind it as everywhere."""
    database = environment["DATABASE_URL"]
    smtp.stop()
    with PrivateRedis() as redis:
        environment = {**environment, "TASKS_BACKEND": "rq", "TASKS_REDIS_URL": redis.url()}
        with WorkerProcess(environment, backend_arguments=()) as worker:
            message_id = send_test(environment, "broker@example.org")
            wait_for_row(database, message_id, lambda r: r == ("queued", 1), "refused once")
            smtp.start()
            (message,) = smtp.wait_for(1)
            wait_for_row(database, message_id, lambda r: r[0] == "sent", "sent")
            assert "outbox.tasks.send_email" in worker.output()
    assert message["Message-ID"] == message_id
