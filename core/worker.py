"""The background worker: the tasks backend's own worker, plus periodic jobs beside it.

`manage.py worker` runs the worker command of the configured tasks backend (django-tasks-db's
`db_worker`, or RQ's `rqworker` with TASKS_BACKEND=rq) in the main thread, and the jobs of
settings.WORKER_PERIODIC_JOBS ({dotted path: seconds}) in one thread beside it. Neither Django's
tasks API nor its database backend schedules anything, and some work must not wait for a task
that may never come: the outbox's sweep (outbox/delivery.py) finds the e-mails whose task was
lost or whose worker died while sending.

Several workers may run at once (more replicas, more throughput): every periodic job must be
safe to run concurrently with itself, as the outbox's conditional updates are.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.management import call_command
from django.db import close_old_connections, connections
from django.utils.module_loading import import_string
from django_tasks import task_backends

logger = logging.getLogger(__name__)

# The command (and its fixed arguments) that runs each backend's tasks.
BACKEND_WORKERS = {
    "django_tasks_db.DatabaseBackend": ["db_worker", "--no-reload"],
    # RQ's worker needs django-tasks-rq's job class, and its scheduler for deferred tasks
    # (an e-mail's next attempt).
    "django_tasks_rq.RQBackend": [
        "rqworker",
        "--job-class",
        "django_tasks_rq.Job",
        "--with-scheduler",
    ],
}
# How long finished tasks' rows stay in the database backend's table.
FINISHED_TASKS_KEPT_DAYS = 7


def backend_worker_command():
    """The command line (name and arguments) that runs the default backend's tasks."""
    backend = settings.TASKS["default"]["BACKEND"]
    try:
        return BACKEND_WORKERS[backend]
    except KeyError:
        raise LookupError(f"no worker known for the tasks backend {backend}") from None


class PeriodicJobs(threading.Thread):
    """Runs each job every so many seconds, in this one thread, until the process ends.

    A job that fails is logged and tried again at its next turn: a database that is down for a
    while (or a locked SQLite file) only delays the jobs.
    """

    def __init__(self, jobs):
        super().__init__(name="periodic-jobs", daemon=True)
        self.jobs = {import_string(path): float(seconds) for path, seconds in jobs.items()}
        self.next_run = dict.fromkeys(self.jobs, 0.0)

    def run(self):
        try:
            while True:
                self.run_due_jobs()
                time.sleep(max(0.05, min(self.next_run.values()) - time.monotonic()))
        finally:
            connections.close_all()

    def run_due_jobs(self):
        for job, seconds in self.jobs.items():
            if time.monotonic() < self.next_run[job]:
                continue
            close_old_connections()
            try:
                job()
            except Exception:
                logger.exception("Periodic job %s failed; it runs again in %s s", job, seconds)
            self.next_run[job] = time.monotonic() + seconds


def run_worker(*arguments):
    """Run the periodic jobs in a thread and the backend's worker here; `arguments` go to it."""
    task_backends["default"]  # fails early on a backend that cannot be loaded
    PeriodicJobs(settings.WORKER_PERIODIC_JOBS).start()
    name, *fixed = backend_worker_command()
    call_command(name, *fixed, *arguments)


def prune_finished_tasks():
    """The database backend's rows of finished tasks go after FINISHED_TASKS_KEPT_DAYS."""
    call_command("prune_db_task_results", min_age_days=FINISHED_TASKS_KEPT_DAYS, verbosity=0)
