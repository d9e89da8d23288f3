import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from outbox.delivery import sweep
from outbox.messages import queue_message
from outbox.queries import outbox_status


class Command(BaseCommand):
    help = (
        "The outgoing e-mail. `send-test ADDRESS` queues a test message (the worker sends it); "
        "`status` prints the count per status and the wait of the oldest message due, as JSON; "
        "`sweep` runs the worker's periodic sweep once (recovery and erasure)."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        test = actions.add_parser("send-test", help="queue a test message to ADDRESS")
        test.add_argument("address")
        test.add_argument(
            "--language",
            default=settings.SOURCE_LANGUAGE,
            choices=[code for code, _name in settings.LANGUAGES],
        )
        actions.add_parser("status", help="counts per status, as JSON")
        actions.add_parser("sweep", help="recover lost or stuck messages, erase old ones")

    def handle(self, *args, action, **options):
        if action == "send-test":
            self.send_test(options["address"], options["language"])
        elif action == "status":
            self.stdout.write(json.dumps(outbox_status()))
        else:
            recovered = sweep()
            self.stdout.write(f"{len(recovered)} e-mail(s) enqueued again")

    def send_test(self, address, language):
        try:
            validate_email(address)
        except ValidationError:
            raise CommandError(f"not an e-mail address: {address}") from None
        with transaction.atomic():
            email = queue_message(
                kind="test",
                recipient=address,
                language=language,
                template="outbox/test_message",
                context={"queued_at": timezone.now()},
            )
        self.stdout.write(f"Queued e-mail {email.pk} ({email.message_id}); the worker sends it.")
