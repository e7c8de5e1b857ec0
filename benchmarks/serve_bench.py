"""Benchmark ``thucydides serve`` over 1,000,000 generated events, on loopback only.

    .venv/bin/python benchmarks/serve_bench.py                       # temp store, 1M events
    .venv/bin/python benchmarks/serve_bench.py --db /tmp/bench.duckdb # reuse (or create) it

The store is made by ``store_bench.generate``; the server runs in its own process (uvicorn,
as ``thucydides serve`` runs it) and is measured from this one over a keep-alive HTTP
connection: p95 of filtered ``/api/events`` queries (target < 100 ms, the same query mix as
``store_bench.py``), of weekly ``/api/dyad`` series (< 200 ms), and the dyad view's first
contentful paint in Debian's Chromium (< 1 s), each load in a fresh browser context. Every
loop is bounded in count and by ``--budget`` seconds.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "tests")]

from store_bench import COUNTRIES, DAYS, START, generate, query_mix  # noqa: E402

from thucydides.store import EventFilter, Store  # noqa: E402
from web_harness import chromium, free_port, missing_browser  # noqa: E402

REQUEST_TIMEOUT = 10.0
FCP = "performance.getEntriesByName('first-contentful-paint').map(e => e.startTime)[0]"


def percentiles(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    median = statistics.median(ordered)
    return f"p50 {median:7.1f} ms   p95 {p95:7.1f} ms   max {ordered[-1]:7.1f} ms"


def event_params(f: EventFilter) -> dict[str, str]:
    """The /api/events query string of a store filter."""
    params: dict[str, str] = {}
    for field in dataclasses.fields(f):
        value = getattr(f, field.name)
        if value is None or (field.name == "offset" and not value):
            continue
        if field.name == "near":
            value = ",".join(f"{part:.4f}" for part in value)
        params[field.name] = str(value)
    return params


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux), to tell the server's own cost
    apart from waiting for cores that other processes hold."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def server(db: Path, port: int) -> Iterator[int]:
    """``thucydides.serve.run`` in a child process; stopped (by its own pid) on exit."""
    code = f"from thucydides.serve import run; run({str(db)!r}, '127.0.0.1', {port})"
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                get_json(http.client.HTTPConnection("127.0.0.1", port, timeout=2), "/api/counts")
                break
            except OSError:
                if time.monotonic() > deadline or child.poll() is not None:
                    raise RuntimeError("server did not start") from None
                time.sleep(0.1)
        yield child.pid
    finally:
        child.terminate()
        child.wait(timeout=10)


def get_json(conn: http.client.HTTPConnection, path: str) -> Any:
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    if response.status != 200:
        raise RuntimeError(f"{path}: HTTP {response.status}: {body[:200]!r}")
    return json.loads(body)


def timed_requests(port: int, paths: list[str], budget: float) -> list[float]:
    """Milliseconds per request (sent, answered and parsed), stopping at ``budget`` seconds."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    stop = time.monotonic() + budget
    times = []
    for path in paths:
        if time.monotonic() > stop:
            break
        start = time.perf_counter()
        get_json(conn, path)
        times.append((time.perf_counter() - start) * 1000)
    conn.close()
    return times


def dyad_paths(rng: random.Random, count: int) -> list[str]:
    frequent = [c for c, _ in COUNTRIES[:10]]
    paths = []
    for i in range(count):
        actor, recipient = rng.sample(frequent, 2)
        params = {"actor": actor, "recipient": recipient, "interval": "week"}
        if i % 2 == 0:
            since = START + dt.timedelta(days=rng.randrange(DAYS - 730))
            params |= {"since": str(since), "until": str(since + dt.timedelta(days=730))}
        paths.append("/api/dyad?" + urllib.parse.urlencode(params))
    return paths


def paints(base: str, loads: int, budget: float) -> tuple[list[float], list[float]]:
    """First contentful paint and time to the finished dyad view (chart and events), ms."""
    fcp, complete = [], []
    stop = time.monotonic() + budget
    with chromium() as browser:
        for i in range(loads):
            if time.monotonic() > stop:
                break
            actor, recipient = COUNTRIES[i % 5][0], COUNTRIES[(i % 5) + 1][0]
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            start = time.perf_counter()
            page.goto(f"{base}/#/dyad?actor={actor}&recipient={recipient}&interval=week")
            page.wait_for_selector("#view[aria-busy=false] #dyad-chart", timeout=30_000)
            complete.append((time.perf_counter() - start) * 1000)
            fcp.append(float(page.evaluate(FCP)))
            context.close()
    return fcp, complete


def print_kinds(kinds: list[str], times: list[float]) -> None:
    """The event-query latencies by kind of filter."""
    by_kind: dict[str, list[float]] = {}
    for kind, ms in zip(kinds, times, strict=False):
        by_kind.setdefault(kind, []).append(ms)
    for kind, values in by_kind.items():
        print(f"    {kind:<16} n={len(values):<4} {percentiles(values)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="store to reuse, or to create if missing")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--series", type=int, default=100)
    parser.add_argument("--loads", type=int, default=10, help="page loads in Chromium")
    parser.add_argument("--budget", type=float, default=120, help="seconds per measure, at most")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.duckdb"
        if not db.exists():
            start = time.perf_counter()
            generate(db, args.events)
            print(f"generated {args.events:,} events in {time.perf_counter() - start:.1f} s")
        with Store(db, read_only=True) as store:
            counts = store.counts()
        print(f"store: {db}  events: {counts['events']:,}  documents: {counts['documents']:,}")
        run(db, counts["documents"], args)


def run(db: Path, documents: int, args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    mix = query_mix(rng, args.queries, documents)
    events = ["/api/events?" + urllib.parse.urlencode(event_params(f)) for _, f in mix]
    port = free_port()
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with server(db, port) as pid:
        base = f"http://127.0.0.1:{port}"
        timed_requests(port, events[:5], args.budget)  # warm up, as a running server would be
        for name, paths, target in (
            ("/api/events", events, "p95 < 100 ms"),
            ("/api/dyad", dyad_paths(rng, args.series), "weekly; p95 < 200 ms"),
        ):
            cpu = cpu_seconds(pid)
            times = timed_requests(port, paths, args.budget)
            cpu_ms = (cpu_seconds(pid) - cpu) * 1000 / len(times)
            print(f"GET {name:<12} n={len(times):<4} {percentiles(times)}   server CPU "
                  f"mean {cpu_ms:5.1f} ms/request   (target {target})")
            if paths is events:
                print_kinds([kind for kind, _ in mix], times)
        reason = missing_browser()
        if reason:
            print(f"page load: skipped, {reason}")
            return
        fcp, complete = paints(base, args.loads, args.budget)
        print(f"dyad view FCP    n={len(fcp):<4} {percentiles(fcp)}   (target < 1 s)")
        print(f"dyad view ready  n={len(complete):<4} {percentiles(complete)}"
              "   (chart and events list drawn)")


if __name__ == "__main__":
    main()
