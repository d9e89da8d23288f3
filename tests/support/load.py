"""Visitors over real HTTP, and a small load generator for the failover tests.

Pure standard library (urllib, threads), so it runs wherever the tests run; wrk and ab are for
the benchmark (bench/), which measures speed. Here every answer is recorded and checked.
"""

import itertools
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass
from email.message import Message
from http.cookiejar import CookieJar

TIMEOUT_SECONDS = 15


@dataclass(frozen=True)
class Answer:
    status: int
    headers: Message  # case-insensitive, as HTTP header names are
    text: str
    url: str  # after redirects


class Visitor:
    """One browser: keeps its cookies, follows redirects, reports 4xx/5xx as answers."""

    def __init__(self, headers=None):
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        self.headers = headers or {}

    def get(self, url, headers=None):
        return self._open(url, headers=headers)

    def post(self, url, fields):
        """POST a form; `fields` is a dict or a list of (name, value) pairs."""
        return self._open(url, data=urllib.parse.urlencode(fields).encode())

    def cookie(self, name):
        return next((cookie.value for cookie in self.cookies if cookie.name == name), None)

    def _open(self, url, data=None, headers=None):
        headers = {**self.headers, **(headers or {})}
        request = urllib.request.Request(url, data=data, headers=headers)  # noqa: S310 - test sites
        try:
            with self.opener.open(request, timeout=TIMEOUT_SECONDS) as response:
                return Answer(
                    response.status, response.headers, response.read().decode(), response.url
                )
        except urllib.error.HTTPError as error:
            with error:
                return Answer(error.code, error.headers, error.read().decode(), error.url)


@dataclass(frozen=True)
class Outcome:
    """One request of a load run: the phases it started and ended in, and what came back."""

    url: str
    started_in: str
    ended_in: str
    status: int | None  # None: no HTTP answer at all (refused, reset, timed out)
    text: str  # the body of answers other than 200, to check what visitors saw
    error: str = ""


class LoadRun:
    """`threads` visitors requesting `urls` in turn, each request a new connection, until stopped.

    The test names the current phase (`load.phase = "outage"`); each outcome records the phase
    its request started and ended in, so that only requests wholly inside a phase are judged by
    that phase's expectations. `wait_for(n)` returns once n more requests have completed.
    """

    def __init__(self, urls, threads=6, headers=None, max_requests=20_000):
        self.urls = list(urls)
        self.headers = headers or {}
        self.max_requests = max_requests
        self.phase = "before"
        self.outcomes: list[Outcome] = []
        self._lock = threading.Condition()
        self._stopping = threading.Event()
        self._threads = [
            threading.Thread(target=self._visit, args=(i * len(self.urls) // threads,), daemon=True)
            for i in range(threads)
        ]

    def _visit(self, offset):
        urls = itertools.islice(itertools.cycle(self.urls), offset, None)
        visitor = Visitor(self.headers)
        for url in urls:
            if self._stopping.is_set():
                return
            started_in = self.phase
            try:
                answer = visitor.get(url)
                status, text, error = answer.status, answer.text, ""
            except OSError as failure:  # no answer: refused, reset, timed out
                status, text, error = None, "", repr(failure)
            if status == 200:
                text = ""
            with self._lock:
                self.outcomes.append(Outcome(url, started_in, self.phase, status, text, error))
                if len(self.outcomes) >= self.max_requests:
                    self._stopping.set()
                self._lock.notify_all()

    def wait_for(self, requests, timeout=60):
        with self._lock:
            target = len(self.outcomes) + requests
            deadline = time.monotonic() + timeout
            while len(self.outcomes) < target and not self._stopping.is_set():
                if not self._lock.wait(timeout=deadline - time.monotonic()):
                    raise TimeoutError(f"fewer than {requests} requests in {timeout} s")

    def within(self, phase):
        """The outcomes of requests that started and ended in `phase`."""
        return [o for o in self.outcomes if o.started_in == o.ended_in == phase]

    def summary(self):
        """{(phase, status): count}, for the record."""
        counts = Counter((o.started_in, o.status) for o in self.outcomes)
        return dict(sorted(counts.items(), key=str))

    def __enter__(self):
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc_info):
        self._stopping.set()
        for thread in self._threads:
            thread.join(timeout=TIMEOUT_SECONDS + 5)
