"""Load on loopback: wrk and ab against the running site, the workers' memory, and each URL
measured in rounds beside the static file (bench/run.py puts them together)."""

import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from statistics import median

from tests.support.servers import ROOT, GunicornServer

CONNECTIONS = 50
MIN_REQUESTS_PER_RUN = 200  # fewer, and wrk's p99 is two or three requests
MAX_ATTEMPTS = 5


@dataclass
class Measurement:
    label: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    non_2xx: int
    requests: int = 0
    bytes: int = 0
    queries: int | None = None


def to_ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url, duration, script=None, label=None):
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{duration}s", "--latency", url]
    if script:
        command[1:1] = ["-s", script]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", output, re.MULTILINE))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return Measurement(
        label=label or url,
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=to_ms(percentiles["50"]),
        p99_ms=to_ms(percentiles["99"]),
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        requests=int(re.search(r"(\d+) requests in", output).group(1)),
    )


def wrk_until_measured(url, duration, script=None, label=None):
    """A wrk run with enough requests for a p99. When the machine stalls (other processes'
    load) hardly any request completes in a short run; such a run is repeated, a few times."""
    for _attempt in range(MAX_ATTEMPTS):
        run = wrk(url, duration, script, label)
        if run.requests >= MIN_REQUESTS_PER_RUN:
            return run
    raise SystemExit(
        f"{run.label}: fewer than {MIN_REQUESTS_PER_RUN} requests in each of {MAX_ATTEMPTS}"
        f" runs of {duration} s: the machine is too busy to measure anything"
    )


def rss_mb(pid):
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024


def ab(url, count, post=None):
    """`count` requests with ab, 10 at a time; returns how many failed or were not 2xx/3xx."""
    command = ["ab", "-q", "-r", "-n", str(count), "-c", str(min(10, count))]
    if post is not None:
        body_file, content_type = post
        command += ["-p", body_file, "-T", content_type]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    failed = re.search(r"^Failed requests:\s+(\d+)", output, re.MULTILINE)
    non_2xx = re.search(r"^Non-2xx responses:\s+(\d+)", output, re.MULTILINE)
    return sum(int(match.group(1)) for match in (failed, non_2xx) if match)


def memory_run(total_requests, paths, posts):
    """Workers' RSS after the first and the second half of `total_requests`.

    The requests are spread over every page and the two POSTs (the API and an answer to the
    checker), so rendering is exercised as well as the cache. Workers are not recycled here
    (max_requests off), so a leak cannot hide behind restarts.
    """
    server = GunicornServer({"GUNICORN_MAX_REQUESTS": "0"})
    targets = [(path, None) for path in paths] + posts
    per_target = max(1, total_requests // 2 // len(targets))
    try:
        halves, failed = [], 0
        for _half in range(2):
            for path, post in targets:
                failed += ab(server.base + path, per_target, post)
            halves.append({pid: rss_mb(pid) for pid in server.worker_pids()})
        return halves[0], halves[1], per_target * len(targets) * 2, failed
    finally:
        server.stop()


def static_baseline_file(size):
    """A static file of about a page's size, served by whitenoise like any static file."""
    folder = ROOT / "staticfiles" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "baseline.html").write_bytes(b"<!DOCTYPE html>" + b"x" * (size - 15))
    return "/static/bench/baseline.html"


def write_temporary(text, suffix):
    handle = tempfile.NamedTemporaryFile("w", suffix=suffix, delete=False)
    handle.write(text)
    handle.close()
    return handle.name


@dataclass
class Compared:
    """A URL's median over several rounds, each beside the static runs just before and after."""

    row: Measurement
    static_rps: float
    static_p99_ms: float
    ratio: float
    p99_ratio: float


def measure_interleaved(server, targets, baseline_path, duration, rounds):
    """wrk each (label, path, script) `rounds` times, with a static run before and after each.

    Each round's figures are divided by the mean of the static runs on either side of it; the
    median of the rounds is reported, so a burst of load from elsewhere that hits one round
    (of the URL or of the static file) does not decide the result either way.
    """
    static_url = server.base + baseline_path
    statics = [wrk_until_measured(static_url, duration, label="static file")]
    compared = []
    for label, path, script in targets:
        runs, references = [], []
        for _round in range(rounds):
            runs.append(wrk_until_measured(server.base + path, duration, script, label))
            statics.append(wrk_until_measured(static_url, duration, label="static file"))
            before, after = statics[-2], statics[-1]
            references.append(
                (
                    (before.requests_per_second + after.requests_per_second) / 2,
                    (before.p99_ms + after.p99_ms) / 2,
                )
            )
        compared.append(
            Compared(
                Measurement(
                    label=label,
                    requests_per_second=median(run.requests_per_second for run in runs),
                    p50_ms=median(run.p50_ms for run in runs),
                    p99_ms=median(run.p99_ms for run in runs),
                    non_2xx=sum(run.non_2xx for run in runs),
                ),
                static_rps=median(rps for rps, _p99 in references),
                static_p99_ms=median(p99 for _rps, p99 in references),
                ratio=median(
                    run.requests_per_second / rps
                    for run, (rps, _p99) in zip(runs, references, strict=True)
                ),
                p99_ratio=median(
                    run.p99_ms / p99 for run, (_rps, p99) in zip(runs, references, strict=True)
                ),
            )
        )
    return statics, compared
