"""Throughput and peak memory of parse-only, extract and ingest, on the same documents.

    python benchmarks/throughput.py [--docs 300]

Documents: the article texts of the dev sets in ../shared/datasets (quotes, places: real news
articles) when present, else the project's example articles repeated. Each mode runs in its own
process so that its peak resident memory is its own; model loading is timed apart from the run.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "datasets"
MODES = ("parse", "extract", "ingest")


def corpus(limit: int, folder: Path) -> Path:
    """Write up to ``limit`` documents as JSONL and return the path."""
    records: list[dict[str, object]] = []
    for name in ("quotes", "places", "timex"):
        path = SHARED / name / "dev.jsonl"
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                for line in handle:
                    record = json.loads(line)
                    records.append(
                        {"id": record["id"], "text": record["text"], "date": record["date"]}
                    )
    if not records:
        for path in sorted((ROOT / "examples").glob("*.txt")):
            records.append(
                {"id": path.name, "text": path.read_text(encoding="utf-8"), "date": None}
            )
    out = folder / "corpus.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        for index in range(limit):
            record = dict(records[index % len(records)])
            record["id"] = f"{record['id']}#{index}"
            handle.write(json.dumps(record) + "\n")
    return out


def run_mode(mode: str, path: Path, db: Path) -> dict[str, float]:
    """Run one mode in this process and return its measurements."""
    from thucydides.annotate import annotate, load_nlp
    from thucydides.clean import clean
    from thucydides.pipeline import Pipeline
    from thucydides.read import read_sources
    from thucydides.store import Store

    started = time.perf_counter()
    load_nlp()
    pipeline = Pipeline() if mode != "parse" else None
    loaded = time.perf_counter()
    sources = [s for s in read_sources([str(path)]) if not isinstance(s, Exception)]
    words = sum(len(s.content.split()) for s in sources)
    begin = time.perf_counter()
    cpu_begin = time.process_time()
    if mode == "parse":
        docs = list(annotate(clean(s) for s in sources))
        count = len(docs)
    elif mode == "extract":
        assert pipeline is not None
        count = sum(1 for d in pipeline.process(sources) if not isinstance(d, Exception))
    else:
        assert pipeline is not None
        with Store(db) as store:
            stats = store.ingest(
                d for d in pipeline.process(sources) if not isinstance(d, Exception)
            )
        count = stats.added
    elapsed = time.perf_counter() - begin
    cpu = time.process_time() - cpu_begin
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "documents": count,
        "words": words,
        "load_s": round(loaded - started, 2),
        "seconds": round(elapsed, 2),
        "docs_per_s": round(count / elapsed, 2),
        "docs_per_cpu_s": round(count / cpu, 2),
        "words_per_s": round(words / elapsed),
        "peak_rss_mb": round(peak_mb),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--mode", choices=MODES, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        print(json.dumps(run_mode(args.mode, args.corpus, args.db)))
        return
    with tempfile.TemporaryDirectory() as folder:
        path = corpus(args.docs, Path(folder))
        results = {}
        for mode in MODES:
            command = [
                sys.executable,
                __file__,
                "--mode",
                mode,
                "--corpus",
                str(path),
                "--db",
                str(Path(folder) / f"{mode}.duckdb"),
            ]
            output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            results[mode] = json.loads(output.strip().splitlines()[-1])
    print(
        f"machine: {platform.machine()}, {platform.python_version()}, "
        f"{time.strftime('%Y-%m-%d')}, documents: {args.docs}"
    )
    columns = [
        "documents",
        "words",
        "load_s",
        "seconds",
        "docs_per_s",
        "docs_per_cpu_s",
        "words_per_s",
        "peak_rss_mb",
    ]
    print("mode     " + " ".join(f"{c:>14}" for c in columns))
    for mode, result in results.items():
        print(f"{mode:<8} " + " ".join(f"{result[c]:>14}" for c in columns))
    base = results["parse"]["docs_per_s"]
    for mode in ("extract", "ingest"):
        print(f"{mode} / parse-only throughput: {results[mode]['docs_per_s'] / base:.2f}")


if __name__ == "__main__":
    main()
