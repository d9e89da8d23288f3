"""`manage.py demo load [--force]` and `manage.py demo remove`: sample content for a newcomer
(activities/demo.py). Loading twice changes nothing; it refuses a database that holds real
events unless --force is given."""

from django.core.management.base import BaseCommand, CommandError

from activities import demo


class Command(BaseCommand):
    help = "Load or remove sample services, locations, events and news."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["load", "remove"])
        parser.add_argument(
            "--force", action="store_true", help="load even if there are real events"
        )

    def handle(self, *args, action, force, **options):
        if action == "remove":
            self.stdout.write(f"Removed the samples ({demo.remove()} rows).")
            return
        try:
            made = demo.load(force=force)
        except demo.RealEventsPresent as real:
            raise CommandError(
                f"The database holds real events ({real}): samples would be mixed in with them."
                " Use --force to load them anyway."
            ) from None
        if made:
            self.stdout.write("Loaded the samples: each is marked as a sample in the admin.")
        else:
            self.stdout.write("The samples are loaded already: nothing changed.")
