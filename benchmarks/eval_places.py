"""Score places and event locations on the dev sets in ../shared with the referee.

    .venv/bin/python benchmarks/eval_places.py [--out DIR]

Each gold record becomes a CleanDocument (one paragraph per line), the documents are annotated
in one batch, and predictions are written as the referee reads them; then the referee runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from thucydides.annotate import annotate
from thucydides.model import CleanDocument, Span
from thucydides.places import find_places, locate_event

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORER = SHARED / "eval" / "score.py"


def read_records(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def clean_documents(records: list[dict[str, Any]]) -> list[CleanDocument]:
    return [
        CleanDocument.from_lines(
            r["id"], r["text"], date=dt.date.fromisoformat(r["date"]) if r.get("date") else None
        )
        for r in records
    ]


def predict_places(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for annotated in annotate(clean_documents(records)):
        for place in find_places(annotated):
            rows.append(
                {
                    "doc_id": annotated.clean.doc_id,
                    "start": place.start,
                    "end": place.end,
                    "text": place.text,
                    "lat": place.lat,
                    "lon": place.lon,
                    "country_code": place.country_code,
                }
            )
    return rows


def predict_event_locations(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for record, annotated in zip(records, annotate(clean_documents(records)), strict=True):
        trigger = Span(
            record["trigger"]["start"], record["trigger"]["end"], record["trigger"]["text"]
        )
        place = locate_event(annotated, find_places(annotated), trigger)
        location = (
            None if place is None else {"start": place.start, "end": place.end, "text": place.text}
        )
        rows.append({"doc_id": record["id"], "location": location})
    return rows


def write_rows(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def score(task: str, gold: Path, predictions: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCORER), task, str(gold), str(predictions)],
        capture_output=True,
        text=True,
        check=False,
    )
    print(result.stdout.strip() or result.stderr.strip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder for the prediction files (default: temp)")
    args = parser.parse_args()
    if not SCORER.exists():
        print(f"skipped: {SHARED} is absent (no dev sets, no referee)")
        return 0
    out = args.out or Path(tempfile.mkdtemp(prefix="places-"))
    out.mkdir(parents=True, exist_ok=True)
    for task, predict in (("places", predict_places), ("event_location", predict_event_locations)):
        gold = SHARED / "datasets" / task / "dev.jsonl"
        started = time.perf_counter()
        rows = predict(read_records(gold))
        write_rows(out / f"{task}.jsonl", rows)
        print(
            f"== {task}: {len(rows)} predictions in {time.perf_counter() - started:.1f} s -> {out}"
        )
        score(task, gold, out / f"{task}.jsonl")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
