"""E-mail throughput: how fast one worker (`manage.py worker`, as `make run` starts it) empties
the outbox into a real SMTP server on loopback (aiosmtpd, which accepts at once).

Queues N test messages, each in its own transaction as a sign-up would, on a fresh database of
the engine DATABASE_URL names (SQLite by default), then starts one worker and times it until the
server has them all. A real mail server over a network answers more slowly per message.

    .venv/bin/python -m bench.outbox            # 300 messages
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kjbench .venv/bin/python -m bench.outbox 1000
"""

import sys
import tempfile
import time

from tests.support.servers import manage, migrated_database
from tests.support.smtp import SmtpServer
from tests.support.worker import WorkerProcess, query

QUEUE_MESSAGES = """
from django.db import transaction
from django.utils import timezone
from outbox.messages import queue_message

for n in range({count}):
    with transaction.atomic():
        queue_message(kind="test", recipient=f"person{{n}}@example.org", language="ru",
                      template="outbox/test_message", context={{"queued_at": timezone.now()}})
"""


def main(count):
    with SmtpServer() as smtp, migrated_database() as url, tempfile.TemporaryDirectory() as cache:
        environment = {"DATABASE_URL": url, "EMAIL_URL": smtp.url, "CACHE_DIR": cache}
        started = time.monotonic()
        manage("shell", "--command", QUEUE_MESSAGES.format(count=count), env=environment)
        queued = time.monotonic() - started
        with WorkerProcess(environment):
            started = time.monotonic()
            smtp.wait_for(count, seconds=max(60, count))
            sent = time.monotonic() - started
        statuses = dict(query(url, "SELECT status, COUNT(*) FROM outbox_email GROUP BY status"))
    engine = url.split(":", 1)[0]
    print(f"{engine}: {count} messages queued in {queued:.1f} s (with Django's start-up)")
    print(f"{engine}: sent by one worker in {sent:.1f} s = {count / sent:.1f} messages/s")
    if statuses != {"sent": count}:
        sys.exit(f"not every message is sent: {statuses}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
