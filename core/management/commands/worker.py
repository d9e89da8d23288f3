from django.core.management.base import BaseCommand

from core.worker import run_worker


class Command(BaseCommand):
    help = (
        "Run the background worker: the tasks (e-mail) and the periodic jobs of "
        "WORKER_PERIODIC_JOBS. Arguments after `--` go to the tasks backend's own worker "
        "(e.g. `worker -- --interval 0.5` for db_worker)."
    )

    def add_arguments(self, parser):
        parser.add_argument("backend_arguments", nargs="*")

    def handle(self, *args, backend_arguments, **options):
        run_worker(*backend_arguments)
