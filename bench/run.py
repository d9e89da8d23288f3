"""Load benchmark: every public page against a static file of the same size, in one run.

Starts gunicorn exactly as `make run` does (DEBUG off), drives it with wrk on loopback with 50
connections, and prints one table: requests/s, p50, p99, the ratio to the static file, bytes
and SQL queries of each URL; then the workers' memory and the Lighthouse scores. Exits 1
naming each missed target.

Each URL is measured in several short rounds, and the static file before the first round and
after every round; each round is compared with the mean of the static runs on either side of
it, and the median round counts. On a shared machine the load of other processes changes from
second to second: this way it weighs on a URL and on the static file it is compared with alike.

    make bench                         # all of it
    .venv/bin/python -m bench.run --rounds 1 --memory-requests 2000 --no-lighthouse
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import activities
from bench.lighthouse import (
    LIGHTHOUSE_CATEGORIES,
    lighthouse_paths,
    median_lighthouse,
    site_languages,
)
from bench.load import (
    measure_interleaved,
    memory_run,
    static_baseline_file,
    write_temporary,
    wrk,
)
from tests.support.budgets import MAX_QUERIES_PER_PAGE
from tests.support.servers import GunicornServer, fetch, migrated_database

# The targets of the performance issue, in one place.
PAGE_THROUGHPUT_VS_STATIC = 0.60
PAGE_P99_VS_STATIC = 2.0
API_THROUGHPUT_VS_STATIC = 0.30
MAX_WORKER_RSS_MB = 120
MAX_RSS_GROWTH_MB = 2.0  # over the second half of the memory run: allocator noise, not a leak
MAX_HOME_HTML_KB = 30
WARM_UP_SECONDS = 2
# The first question of the checker, answered: a POST the memory run mixes in with the pages.
CHECKER_FORM_BODY = "step=estonian_citizen&estonian_citizen=no"

TYPICAL_API_BODY = {
    "citizenship": "third_country",
    "residence_basis": "international_protection",
    "protection": "refugee",
    "resident_since": "2024-03-01",
}


def uncached_query_counts(paths):
    """SQL queries of each page rendered with an empty cache, in this process."""
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


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kjproject.settings")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=1, help="seconds of load per wrk run")
    parser.add_argument("--rounds", type=int, default=7, help="wrk runs per URL (median kept)")
    parser.add_argument("--memory-requests", type=int, default=20000)
    parser.add_argument("--no-lighthouse", action="store_true", help="skip the Lighthouse runs")
    options = parser.parse_args(argv)
    for tool in ("wrk", "ab"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is needed: apt-get install wrk apache2-utils")

    # Its own database, migrated, with 200 services, 2,000 events and 1,000 news items, and its
    # own cache, on the engine of DATABASE_URL.
    with migrated_database() as database_url, tempfile.TemporaryDirectory() as cache_dir:
        os.environ.update(DATABASE_URL=database_url, CACHE_DIR=cache_dir)
        subprocess.run([sys.executable, "-m", "bench.activities", database_url], check=True)
        return measure(options)


def measure(options):
    import django

    django.setup()
    from django.test import Client

    probe = GunicornServer()
    try:
        paths = activities.bench_paths(lambda path: fetch(probe.base + path), site_languages())
        sizes = {path: len(fetch(probe.base + path)) for path in paths}
    finally:
        probe.stop()
    baseline_path = static_baseline_file(sorted(sizes.values())[len(sizes) // 2])
    queries = uncached_query_counts(paths + activities.API_PATHS)
    rendering = activities.render_times(
        Client(SERVER_NAME="localhost"),
        activities.list_paths(site_languages()) + activities.API_PATHS,
    )

    api_json = json.dumps(TYPICAL_API_BODY)
    api_script = write_temporary(
        'wrk.method = "POST"\n'
        'wrk.headers["Content-Type"] = "application/json"\n'
        f"wrk.body = {json.dumps(api_json)}\n",
        ".lua",
    )
    api_body = write_temporary(api_json, ".json")
    checker_body = write_temporary(CHECKER_FORM_BODY, ".txt")
    report = write_temporary("", ".json")
    failures = []
    scores = {}
    server = GunicornServer()
    try:
        for path in paths:  # warm the page cache as real traffic would
            fetch(server.base + path)
        # and the workers: the first seconds of load are not measured.
        wrk(server.base + baseline_path, WARM_UP_SECONDS)
        wrk(server.base + paths[0], WARM_UP_SECONDS)
        targets = [(path, path, None) for path in paths]
        targets.append(("POST /api/eligibility/", "/api/eligibility/", api_script))
        statics, compared = measure_interleaved(
            server, targets, baseline_path, options.duration, options.rounds
        )
        for item in compared[:-1]:
            item.row.bytes, item.row.queries = sizes[item.row.label], queries[item.row.label]
        home_html = fetch(server.base + "/et/", {"Accept-Encoding": "gzip"})
        if not options.no_lighthouse:
            for path in lighthouse_paths():
                scores[path], lost = median_lighthouse(server.base + path, report)
                failures += [f"Lighthouse {path}: {audit}" for audit in lost]
    finally:
        server.stop()

    print(
        f"{'URL':60} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'static':>7} {'ratio':>6}"
        f" {'p99×':>5} {'bytes':>6} SQL"
    )
    for item in compared:
        row = item.row
        sql = "" if row.queries is None else str(row.queries)
        print(
            f"{row.label:60} {row.requests_per_second:7.0f} {row.p50_ms:7.2f} {row.p99_ms:7.2f}"
            f" {item.static_rps:7.0f} {item.ratio:6.2f} {item.p99_ratio:5.2f} {row.bytes:6d} {sql}"
        )
        if row.non_2xx:
            failures.append(f"{row.label}: {row.non_2xx} responses were not 2xx/3xx")
    static_rates = sorted(static.requests_per_second for static in statics)
    static_p99s = sorted(static.p99_ms for static in statics)
    print(
        f"\nStatic file ({len(statics)} runs of"
        f" {baseline_path}): {static_rates[0]:.0f}–{static_rates[-1]:.0f} req/s,"
        f" p99 {static_p99s[0]:.2f}–{static_p99s[-1]:.2f} ms"
    )
    *pages, api = compared
    for item in pages:
        label = item.row.label
        if item.ratio < PAGE_THROUGHPUT_VS_STATIC:
            failures.append(f"{label}: throughput {item.ratio:.2f} of static, target ≥ 0.60")
        if item.p99_ratio > PAGE_P99_VS_STATIC:
            failures.append(
                f"{label}: p99 {item.row.p99_ms:.2f} ms = {item.p99_ratio:.2f} × static"
                f" {item.static_p99_ms:.2f} ms, target ≤ 2"
            )
        if item.row.queries > MAX_QUERIES_PER_PAGE:
            failures.append(
                f"{label}: {item.row.queries} SQL queries uncached, target ≤ {MAX_QUERIES_PER_PAGE}"
            )
    if api.ratio < API_THROUGHPUT_VS_STATIC:
        failures.append(f"API: throughput {api.ratio:.2f} of static, target ≥ 0.30")
    print(f"Home page HTML over the wire (gzip): {len(home_html) / 1024:.1f} KB")
    if len(home_html) > MAX_HOME_HTML_KB * 1024:
        failures.append(f"home page HTML {len(home_html)} bytes, target ≤ 30 KB")

    print(
        f"\nUncached render ({activities.RENDERS} renders each, in-process, with"
        f" {activities.SERVICES} services, {activities.EVENTS} events, {activities.NEWS} news):"
    )
    print(f"{'URL':60} {'p50 ms':>7} {'p99 ms':>7} SQL")
    for path, (p50, p99) in rendering.items():
        print(f"{path:60} {p50:7.1f} {p99:7.1f} {queries[path]}")
        if queries[path] > MAX_QUERIES_PER_PAGE:
            failures.append(f"{path}: {queries[path]} SQL queries, target ≤ {MAX_QUERIES_PER_PAGE}")

    if scores:
        print(f"\nLighthouse 12 (mobile): {' / '.join(LIGHTHOUSE_CATEGORIES)}")
        for path, by_category in scores.items():
            print(f"  {path:20} {' / '.join(str(by_category[name]) for name in by_category)}")
            failures += [
                f"Lighthouse {path}: {name} {score}, target 100"
                for name, score in by_category.items()
                if score < 100
            ]

    posts = [
        ("/api/eligibility/", (api_body, "application/json")),
        ("/et/eligibility/", (checker_body, "application/x-www-form-urlencoded")),
    ]
    try:
        middle, end, sent, failed = memory_run(options.memory_requests, paths, posts)
    finally:
        for name in (api_script, api_body, checker_body, report):
            os.unlink(name)
    print(f"\nMemory after {sent} requests (pages, API and checker POSTs; workers not recycled):")
    if failed:
        failures.append(f"memory run: {failed} requests failed or were not 2xx/3xx")
    for pid, end_mb in end.items():
        growth = end_mb - middle.get(pid, end_mb)
        print(f"  worker {pid}: {end_mb:.1f} MB RSS, {growth:+.1f} MB over the second half")
        if end_mb > MAX_WORKER_RSS_MB:
            failures.append(f"worker {pid}: {end_mb:.1f} MB RSS, target < 120 MB")
        if growth > MAX_RSS_GROWTH_MB:
            failures.append(f"worker {pid}: grew {growth:.1f} MB over the second half")

    print(f"\nMachine: {machine_description()}")
    if failures:
        print("\nTargets missed:")
        for failure in failures:
            print(f"  - {failure}")
        return 1
    print("\nAll targets met.")
    return 0


def machine_description():
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    database = os.environ.get("DATABASE_URL", "sqlite").split(":", 1)[0]
    cache = "Redis" if os.environ.get("REDIS_URL") else "file cache"
    return (
        f"{os.cpu_count()} cores, {model.group(1) if model else os.uname().machine},"
        f" Python {sys.version.split()[0]}, {database}, {cache}"
    )


if __name__ == "__main__":
    sys.exit(main())
