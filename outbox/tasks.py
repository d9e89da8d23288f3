"""The outbox's background task (Django's tasks API: any backend, the database one by default).

The task carries only the e-mail's id. Every copy of it is harmless: `deliver` claims the row
before it sends, so a second task for the same message (the sweep's, a retry's) does nothing.
"""

from django_tasks import task

from .delivery import deliver


@task()
def send_email(email_id: int) -> str:
    return deliver(email_id)
