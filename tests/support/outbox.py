"""The outbox seen from tests: its tasks in the database backend, and settings for a real SMTP
server (tests/support/smtp.py) in this process."""

from django_tasks_db.models import DBTaskResult

from outbox.tasks import send_email


def enqueued_sends():
    """[(e-mail id, run_after or None)] of the send tasks waiting in the database backend."""
    waiting = DBTaskResult.objects.filter(task_path=send_email.module_path, status="READY")
    return [
        (result.args_kwargs["args"][0], None if result.run_after.year == 9999 else result.run_after)
        for result in waiting.order_by("enqueued_at")
    ]


def send_through(settings, smtp, timeout=5):
    """Point this process's e-mail settings at `smtp` (a SmtpServer, running or not)."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = timeout
