"""Sign-up speed, for `make bench`: sign-ups per second through gunicorn as `make run` starts
it, with the worker running and sending every e-mail to a real SMTP server on loopback; and the
event page's throughput while sign-up is open (it stays served from the page cache, forgotten
only for that event's page on each sign-up).

    .venv/bin/python -m bench.signup            # 300 sign-ups, 8 at a time
    .venv/bin/python -m bench.signup 1000 16
"""

import os
import sys
import tempfile
import threading
import time

from bench.load import wrk
from tests.support.servers import GunicornServer, collect_static, migrated_database
from tests.support.signup_site import Resident, create_event
from tests.support.smtp import SmtpServer
from tests.support.worker import WorkerProcess, query

WRK_SECONDS = 3
# The event page while sign-ups arrive: at least this share of its idle throughput.
EVENT_PAGE_UNDER_SIGN_UPS_VS_IDLE = 0.5


def sign_up_all(base, event_id, count, concurrency):
    """`count` residents, `concurrency` at a time, each opening the form then sending it; the
    seconds the sends took (forms opened beforehand), and how many were answered."""
    residents = [Resident(base, event_id, n) for n in range(count)]
    for resident in residents:
        resident.open_form()
    queue = list(residents)
    lock = threading.Lock()
    answered = []

    def work():
        while True:
            with lock:
                if not queue:
                    return
                resident = queue.pop()
            answered.append(resident.send().status == 200)

    threads = [threading.Thread(target=work) for _n in range(concurrency)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.monotonic() - started, sum(answered)


def trickle(base, event_id, stop, first_number):
    """Sign-ups one after another until `stop` is set (each forgets the event's page)."""
    number = first_number
    while not stop.is_set():
        resident = Resident(base, event_id, number)
        resident.open_form()
        resident.send()
        number += 1


def main(count, concurrency):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kjproject.settings")
    collect_static()
    with (
        SmtpServer() as smtp,
        migrated_database() as url,
        tempfile.TemporaryDirectory() as cache,
    ):
        environment = {
            "DATABASE_URL": url,
            "EMAIL_URL": smtp.url,
            "CACHE_DIR": cache,
            "SIGNUP_RATE_LIMIT": "0",
        }
        event_id = create_event(environment, capacity=count * 3)
        with GunicornServer(environment) as server, WorkerProcess(environment):
            seconds, answered = sign_up_all(server.base, event_id, count, concurrency)
            started = time.monotonic()
            smtp.wait_for(count, seconds=max(60, count))
            mailed = time.monotonic() - started + seconds
            page = f"{server.base}/en/events/{event_id}/"
            idle = wrk(page, WRK_SECONDS)
            stop = threading.Event()
            signing_up = threading.Thread(target=trickle, args=(server.base, event_id, stop, count))
            signing_up.start()
            try:
                busy = wrk(page, WRK_SECONDS)
            finally:
                stop.set()
                signing_up.join()
        (saved,) = query(url, "SELECT count(*) FROM signup_registration")[0]
    engine = url.split(":", 1)[0]
    print(f"{engine}: {answered} of {count} sign-ups answered in {seconds:.1f} s,")
    print(f"  {count / seconds:.1f} sign-ups/s ({concurrency} at a time, the worker running)")
    print(f"  every confirmation e-mail delivered {mailed:.1f} s after the first sign-up")
    trickled = saved - count
    print(f"Event page, idle: {idle.requests_per_second:.0f} req/s, p99 {idle.p99_ms:.1f} ms")
    print(
        f"Event page, {trickled} sign-ups in {WRK_SECONDS} s meanwhile:"
        f" {busy.requests_per_second:.0f} req/s, p99 {busy.p99_ms:.1f} ms"
    )
    failures = []
    if answered != count:
        failures.append(f"{count - answered} sign-ups failed")
    if busy.non_2xx or idle.non_2xx:
        failures.append("the event page answered errors")
    if busy.requests_per_second < EVENT_PAGE_UNDER_SIGN_UPS_VS_IDLE * idle.requests_per_second:
        failures.append("the event page under sign-ups: under half its idle throughput")
    for failure in failures:
        print(f"  - target missed: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    arguments = [int(argument) for argument in sys.argv[1:3]]
    sys.exit(main(*(arguments + [300, 8][len(arguments) :])))
