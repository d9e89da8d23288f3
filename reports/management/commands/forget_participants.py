"""`manage.py forget_participants`: delete the personal data of sign-ups whose event ended more
than SIGNUP_KEEP_DAYS ago, after writing their rows of the report table (reports/retention.py).
The worker runs it daily; running it again, or in two places at once, changes nothing more."""

from django.conf import settings
from django.core.management.base import BaseCommand

from reports.retention import forget_participants


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        count = forget_participants()
        self.stdout.write(
            f"Deleted the personal data of {count} sign-up(s) of events that ended more than "
            f"{settings.SIGNUP_KEEP_DAYS} days ago."
        )
