"""End-to-end throughput at scale: WARC in, stored events out, on each engine.

    python benchmarks/scale_bench.py [--docs 300] [--modes parse,local1,local2,ray2]

Builds a WARC.gz of ``--docs`` HTML pages at run time (the article texts of
../shared/datasets/{quotes,places}/dev.jsonl wrapped in HTML when present, else the project's
examples; nothing is written into the repository) and runs, each in its own process:

- ``parse``: the spaCy-parse-only baseline: the same pages, cleaned beforehand (untimed), then
  only ``annotate`` (spaCy) is timed, in one process;
- ``local1`` / ``local2``: ``thucydides.engines.run_ingest`` with the local engine, 1 and 2
  workers, from the WARC file to a fresh DuckDB store;
- ``ray2``: the same with the Ray engine and 2 workers (a private local Ray instance).

Modes are run in interleaved rounds (``--repeat``) and each keeps its best round, so that a
burst of other load on the machine does not decide a ratio. Every engine run is timed whole
(``total_s``) and its fixed start-up cost (pool spawn or Ray start, model loading: the same
run over a 2-page archive, in a fresh process) is measured apart, so that
``docs_per_s`` is the marginal rate a long-running job sees. CPU seconds (this process, its
children, Ray's actors; start-up subtracted the same way) give ``docs_per_cpu_s``, which other
load on the machine does not distort: compare it when the wall-clock ratios are noisy. Peak
resident memory per worker is the largest VmHWM among the processes doing the NLP (this
process for ``parse`` and ``local1``, the pool's children or Ray's actors otherwise), sampled
from /proc.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from io import BytesIO
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "datasets"
MODES = ("parse", "local1", "local2", "ray2")
ENGINES = {"local1": ("local", 1), "local2": ("local", 2), "ray2": ("ray", 2)}
WARMUP_DOCS = 2
SAMPLE_S = 0.5
_PARAGRAPH = re.compile(r"\n\s*\n|\n")


# -- corpus -------------------------------------------------------------------------------


def articles() -> list[dict[str, Any]]:
    """Article records: real news texts from the shared dev sets, else the examples."""
    records: list[dict[str, Any]] = []
    for name in ("quotes", "places"):
        path = SHARED / name / "dev.jsonl"
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                records.extend(json.loads(line) for line in handle if line.strip())
    if not records:
        for path in sorted((ROOT / "examples").glob("*.txt")):
            records.append({"id": path.stem, "text": path.read_text(encoding="utf-8")})
    return records


def html_page(text: str) -> str:
    from html import escape

    lines = [line.strip() for line in _PARAGRAPH.split(text) if line.strip()]
    title = escape(lines[0]) if lines else "Untitled"
    body = "\n".join(f"<p>{escape(line)}</p>" for line in lines[1:])
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><article><h1>{title}</h1>\n{body}\n</article></body></html>"
    )


def build_warc(path: Path, count: int) -> Path:
    """A per-record gzipped WARC of ``count`` pages (articles repeated under new URLs)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    records = articles()
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for index in range(count):
            record = records[index % len(records)]
            url = f"https://news{index % 7}.example/{record['id']}?n={index}"
            day = str(record.get("date") or "2026-03-12")[:10]
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(writer.create_warc_record(
                url, "response", payload=BytesIO(html_page(record["text"]).encode("utf-8")),
                http_headers=headers, warc_headers_dict={"WARC-Date": f"{day}T12:00:00Z"},
            ))
    return path


# -- memory sampling ----------------------------------------------------------------------


class PeakMemory:
    """Samples VmHWM (peak RSS) and CPU time of the worker processes of a run from /proc."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.peaks: dict[int, int] = {}
        self.ticks: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def worst_mb(self) -> float:
        return max(self.peaks.values(), default=0) / 1024

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_S):
            self._sample()

    def worker_cpu_s(self) -> float:
        """CPU seconds of Ray's actors (not children of this process, so not in
        RUSAGE_CHILDREN)."""
        return sum(self.ticks.values()) / os.sysconf("SC_CLK_TCK")

    def _sample(self) -> None:
        for pid in self._workers():
            peak = _vm_hwm_kb(pid)
            if peak:
                self.peaks[pid] = max(self.peaks.get(pid, 0), peak)
            if self.mode == "ray2":  # the pool's children are counted by RUSAGE_CHILDREN
                fields = _read(f"/proc/{pid}/stat").rsplit(")", 1)[-1].split()
                if len(fields) > 12:
                    self.ticks[pid] = int(fields[11]) + int(fields[12])

    def _workers(self) -> list[int]:
        if self.mode in ("parse", "local1"):
            return [os.getpid()]
        if self.mode == "local2":
            me = os.getpid()
            return [int(pid) for pid in _read(f"/proc/{me}/task/{me}/children").split()]
        pids = [int(name) for name in os.listdir("/proc") if name.isdigit()]
        return [pid for pid in pids if _cmdline(pid).startswith("ray::MapWorker")]


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError:
        return ""


def _vm_hwm_kb(pid: int) -> int:
    match = re.search(r"VmHWM:\s+(\d+)", _read(f"/proc/{pid}/status"))
    return int(match.group(1)) if match else 0


def _cmdline(pid: int) -> str:
    return _read(f"/proc/{pid}/cmdline").replace("\x00", " ")


# -- modes --------------------------------------------------------------------------------


def run_parse(warc: Path) -> dict[str, Any]:
    """Time spaCy alone over the pages, cleaned beforehand."""
    from thucydides.annotate import annotate, load_nlp
    from thucydides.clean import clean
    from thucydides.errors import InputError
    from thucydides.model import Source
    from thucydides.warc import read_warc

    load_nlp()
    cleaned = []
    for item in read_warc(warc):
        if isinstance(item, Source):
            try:
                cleaned.append(clean(item))
            except InputError:
                continue
    with PeakMemory("parse") as memory:
        begin, cpu = time.perf_counter(), time.process_time()
        count = sum(1 for _ in annotate(cleaned))
        wall, cpu = time.perf_counter() - begin, time.process_time() - cpu
    return {"documents": count, "events": 0, "wall_s": wall, "cpu_s": cpu,
            "peak_rss_mb": memory.worst_mb()}


def run_engine(mode: str, warc: Path, db: Path) -> dict[str, Any]:
    """Time one whole ingest, WARC to store, start-up included."""
    from thucydides.engines import run_ingest
    from thucydides.read import read_sources
    from thucydides.store import Store

    engine, workers = ENGINES[mode]
    begin, cpu = time.perf_counter(), time.process_time()
    with PeakMemory(mode) as memory, Store(db) as store:
        stats = run_ingest(read_sources([str(warc)]), store, engine=engine,  # type: ignore[arg-type]
                           workers=workers, progress=False)
    wall = time.perf_counter() - begin
    cpu = time.process_time() - cpu + _children_cpu() + memory.worker_cpu_s()
    return {"documents": stats.added, "events": stats.events, "wall_s": wall, "cpu_s": cpu,
            "peak_rss_mb": memory.worst_mb()}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(mode: str, folder: Path) -> dict[str, Any]:
    """One mode's figures; an engine's start-up is its run over the 2-page archive, each
    run in a fresh process so that nothing is cached between them."""
    full = _subprocess(mode, folder / "pages.warc.gz", folder)
    result = {**full, "startup_s": 0.0, "total_s": full["wall_s"], "run_s": full["wall_s"]}
    if mode in ENGINES:
        warm = _subprocess(mode, folder / "warmup.warc.gz", folder)
        result["startup_s"] = warm["wall_s"]
        result["run_s"] = max(full["wall_s"] - warm["wall_s"], 1e-9)
        result["cpu_s"] = max(full["cpu_s"] - warm["cpu_s"], 1e-9)
        result["peak_rss_mb"] = max(full["peak_rss_mb"], warm["peak_rss_mb"])
    workers = ENGINES[mode][1] if mode in ENGINES else 1
    result["docs_per_s"] = result["documents"] / result["run_s"]
    result["docs_per_s_per_core"] = result["docs_per_s"] / workers
    result["docs_per_cpu_s"] = result["documents"] / result["cpu_s"]
    return result


def _subprocess(mode: str, warc: Path, folder: Path) -> dict[str, Any]:
    command = [sys.executable, __file__, "--mode", mode, "--warc", str(warc),
               "--folder", str(folder)]
    done = subprocess.run(command, check=False, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{mode} on {warc.name} failed:\n{done.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# -- report -------------------------------------------------------------------------------


def report(results: dict[str, dict[str, Any]], docs: int) -> None:
    load = os.getloadavg()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, {time.strftime('%Y-%m-%d %H:%M')}, pages: {docs}, "
          f"load average {load[0]:.1f}/{load[1]:.1f}")
    columns = ("documents", "events", "startup_s", "total_s", "run_s", "cpu_s", "docs_per_s",
               "docs_per_s_per_core", "docs_per_cpu_s", "peak_rss_mb")
    print("| mode | " + " | ".join(columns) + " |")
    print("|---" * (len(columns) + 1) + "|")
    for mode, result in results.items():
        cells = [f"{result[c]:.2f}" if isinstance(result[c], float) else str(result[c])
                 for c in columns]
        print(f"| {mode} | " + " | ".join(cells) + " |")
    rate = {mode: result["docs_per_s"] for mode, result in results.items()}
    checks = (
        ("end-to-end (local1) / parse-only", "local1", "parse", 0.75),
        ("local 2 workers / 1 worker", "local2", "local1", 1.7),
        ("ray 2 workers / local 2 workers", "ray2", "local2", 0.85),
    )
    per_cpu = {mode: result["docs_per_cpu_s"] for mode, result in results.items()}
    for label, top, bottom, target in checks:
        if top in rate and bottom in rate:
            ratio = rate[top] / rate[bottom]
            verdict = "ok" if ratio >= target else "BELOW TARGET"
            print(f"{label}: {ratio:.2f} wall (target >= {target}) {verdict}; "
                  f"per CPU-second {per_cpu[top] / per_cpu[bottom]:.2f}")
    worst = max(result["peak_rss_mb"] for result in results.values())
    print(f"peak RSS per worker: {worst:.0f} MB (target < 1024) "
          f"{'ok' if worst < 1024 else 'ABOVE TARGET'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--modes", default=",".join(MODES), help="comma-separated modes")
    parser.add_argument(
        "--repeat", type=int, default=2,
        help="rounds over all modes (interleaved); each mode keeps its best round",
    )
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--mode", choices=MODES, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--warc", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        db = args.folder / f"{args.mode}-{args.warc.name}.duckdb"
        db.unlink(missing_ok=True)
        if args.mode == "parse":
            print(json.dumps(run_parse(args.warc)))
        else:
            print(json.dumps(run_engine(args.mode, args.warc, db)))
        return
    modes = [mode for mode in args.modes.split(",") if mode]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        build_warc(folder / "pages.warc.gz", args.docs)
        build_warc(folder / "warmup.warc.gz", WARMUP_DOCS)
        results: dict[str, dict[str, Any]] = {}
        for round_number in range(args.repeat):
            for mode in modes:
                result = measure(mode, folder)
                print(f"round {round_number + 1} {mode}: {result['docs_per_s']:.2f} docs/s",
                      file=sys.stderr)
                if mode not in results or result["docs_per_s"] > results[mode]["docs_per_s"]:
                    results[mode] = result
    report(results, args.docs)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
