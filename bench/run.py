"""Load benchmark: every public page against a static file of the same size, in one run.

Starts gunicorn exactly as `make run` does (DEBUG off), drives it with wrk on loopback with 50
connections, and prints one table: requests/s, p50, p99, the ratio to the static file, bytes
and SQL queries of each URL; then the workers' memory. Exits 1 naming each missed target.

    make bench                         # all of it
    .venv/bin/python bench/run.py --duration 2 --memory-requests 20000
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.servers import (  # noqa: E402 - needs ROOT on the path
    GunicornServer,
    fetch,
    sitemap_paths,
)

# The targets of the performance issue, in one place.
PAGE_THROUGHPUT_VS_STATIC = 0.60
PAGE_P99_VS_STATIC = 2.0
API_THROUGHPUT_VS_STATIC = 0.30
MAX_QUERIES_UNCACHED = 5
CONNECTIONS = 50
MAX_WORKER_RSS_MB = 120
MAX_RSS_GROWTH_MB = 2.0  # over the second half of the memory run: allocator noise, not a leak
MAX_HOME_HTML_KB = 30

TYPICAL_API_BODY = {
    "citizenship": "third_country",
    "residence_basis": "international_protection",
    "protection": "refugee",
    "resident_since": "2024-03-01",
}


@dataclass
class Measurement:
    label: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    non_2xx: int
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
    )


def uncached_query_counts(paths):
    """SQL queries of each page rendered with an empty cache, in this process."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kjproject.settings")
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(SERVER_NAME="localhost")
    counts = {}
    for path in paths:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        counts[path] = len(queries)
    cache.clear()
    return counts


def rss_mb(pid):
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024


def memory_run(total_requests, paths):
    """Workers' RSS at the middle and the end of `total_requests` spread over the pages.

    Workers are not recycled here (max_requests off), so a leak cannot hide behind restarts.
    """
    server = GunicornServer({"GUNICORN_MAX_REQUESTS": "0"})
    try:
        done, middle = 0, None
        per_round = max(1, total_requests // 20)
        while done < total_requests:
            for path in paths:
                if done >= total_requests:
                    break
                count = min(per_round // len(paths) + 1, total_requests - done)
                subprocess.run(
                    [
                        "ab",
                        "-q",
                        "-k",
                        "-n",
                        str(count),
                        "-c",
                        str(min(10, count)),
                        server.base + path,
                    ],
                    capture_output=True,
                    check=True,
                )
                done += count
            if middle is None and done >= total_requests / 2:
                middle = {pid: rss_mb(pid) for pid in server.worker_pids()}
        end = {pid: rss_mb(pid) for pid in server.worker_pids()}
        return middle, end
    finally:
        server.stop()


def static_baseline_file(size):
    """A static file of about a page's size, served by whitenoise like any static file."""
    folder = ROOT / "staticfiles" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "baseline.html").write_bytes(b"<!DOCTYPE html>" + b"x" * (size - 15))
    return "/static/bench/baseline.html"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=3, help="seconds of load per URL")
    parser.add_argument("--memory-requests", type=int, default=20000)
    options = parser.parse_args(argv)
    for tool in ("wrk", "ab"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is needed: apt-get install wrk apache2-utils")

    probe = GunicornServer()
    try:
        paths = sitemap_paths(probe.base)
        sizes = {path: len(fetch(probe.base + path)) for path in paths}
    finally:
        probe.stop()
    baseline_path = static_baseline_file(sorted(sizes.values())[len(sizes) // 2])
    queries = uncached_query_counts(paths)

    server = GunicornServer()
    api_script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    api_script.write(
        'wrk.method = "POST"\n'
        'wrk.headers["Content-Type"] = "application/json"\n'
        f"wrk.body = {json.dumps(json.dumps(TYPICAL_API_BODY))}\n"
    )
    api_script.close()
    try:
        for path in paths:  # warm the page cache as real traffic would
            fetch(server.base + path)
        static = wrk(server.base + baseline_path, options.duration, label="static file")
        static.bytes = sizes[paths[0]]
        results = []
        for path in paths:
            measurement = wrk(server.base + path, options.duration, label=path)
            measurement.bytes, measurement.queries = sizes[path], queries[path]
            results.append(measurement)
        static_again = wrk(server.base + baseline_path, options.duration, label="static file")
        api = wrk(
            server.base + "/api/eligibility/",
            options.duration,
            script=api_script.name,
            label="POST /api/eligibility/",
        )
        home_html = fetch(server.base + "/et/", {"Accept-Encoding": "gzip"})
    finally:
        server.stop()
        os.unlink(api_script.name)

    # The static file is measured before and after the pages; compare with the better run.
    reference = max(static, static_again, key=lambda m: m.requests_per_second)
    reference_p99 = min(static.p99_ms, static_again.p99_ms)
    failures = []
    print(f"{'URL':48} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'ratio':>6} {'bytes':>7} SQL")
    for row in [static, static_again, *results, api]:
        ratio = row.requests_per_second / reference.requests_per_second
        sql = "" if row.queries is None else str(row.queries)
        print(
            f"{row.label:48} {row.requests_per_second:8.0f} {row.p50_ms:7.2f} {row.p99_ms:7.2f}"
            f" {ratio:6.2f} {row.bytes:7d} {sql}"
        )
        if row.non_2xx:
            failures.append(f"{row.label}: {row.non_2xx} responses were not 2xx/3xx")
    for row in results:
        ratio = row.requests_per_second / reference.requests_per_second
        if ratio < PAGE_THROUGHPUT_VS_STATIC:
            failures.append(f"{row.label}: throughput {ratio:.2f} of static, target ≥ 0.60")
        if row.p99_ms > PAGE_P99_VS_STATIC * reference_p99:
            failures.append(
                f"{row.label}: p99 {row.p99_ms:.2f} ms > 2 × static {reference_p99:.2f} ms"
            )
        if row.queries > MAX_QUERIES_UNCACHED:
            failures.append(f"{row.label}: {row.queries} SQL queries uncached, target ≤ 5")
    api_ratio = api.requests_per_second / reference.requests_per_second
    if api_ratio < API_THROUGHPUT_VS_STATIC:
        failures.append(f"API: throughput {api_ratio:.2f} of static, target ≥ 0.30")
    print(f"\nHome page HTML over the wire (gzip): {len(home_html) / 1024:.1f} KB")
    if len(home_html) > MAX_HOME_HTML_KB * 1024:
        failures.append(f"home page HTML {len(home_html)} bytes, target ≤ 30 KB")

    middle, end = memory_run(options.memory_requests, paths)
    print(f"\nMemory after {options.memory_requests} requests (workers not recycled):")
    for pid, end_mb in end.items():
        growth = end_mb - middle.get(pid, end_mb)
        print(f"  worker {pid}: {end_mb:.1f} MB RSS, {growth:+.1f} MB over the second half")
        if end_mb > MAX_WORKER_RSS_MB:
            failures.append(f"worker {pid}: {end_mb:.1f} MB RSS, target < 120 MB")
        if growth > MAX_RSS_GROWTH_MB:
            failures.append(f"worker {pid}: grew {growth:.1f} MB over the second half")

    print(
        f"\nMachine: {os.cpu_count()} cores, {os.uname().machine}, Python {sys.version.split()[0]}"
    )
    if failures:
        print("\nTargets missed:")
        for failure in failures:
            print(f"  - {failure}")
        return 1
    print("\nAll targets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
