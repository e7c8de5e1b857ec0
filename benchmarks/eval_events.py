"""Score the event coder on the dev halves of events_plover and events_coarse, as the CLI does.

Runs the same pipeline as ``thucydides extract GOLD --out OUT`` in-process (read, clean,
annotate, extract; every event with its modality, written by ``records.event_record``), then the
referee ``shared/eval/score.py`` on the predictions:

    .venv/bin/python benchmarks/eval_events.py [--keep DIR]

The figures equal those of ``thucydides extract GOLD --out OUT`` followed by
``python ../shared/eval/score.py TASK GOLD OUT/events.jsonl``. Skips with a message when
``../shared`` (relative to the repository root) is absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from thucydides import records
from thucydides.errors import InputError
from thucydides.pipeline import Pipeline
from thucydides.read import read_sources

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TASKS = ("events_plover", "events_coarse")


def predict(pipeline: Pipeline, gold: Path, out: Path) -> int:
    """Write the events of every gold record as ``extract --out`` writes events.jsonl."""
    written = 0
    with out.open("w", encoding="utf-8") as handle:
        for doc in pipeline.process(read_sources([str(gold)])):
            if isinstance(doc, InputError):
                print(f"skipped {doc}", file=sys.stderr)
                continue
            for index, event in enumerate(doc.events):
                record = records.event_record(doc, index, event)
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                written += 1
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", type=Path, help="write predictions here instead of a temp dir")
    args = parser.parse_args(argv)
    score = SHARED / "eval" / "score.py"
    if not score.exists():
        print(f"skipped: {SHARED} (shared evaluation data) is not available")
        return 0
    pipeline = Pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for task in TASKS:
            gold = SHARED / "datasets" / task / "dev.jsonl"
            if not gold.exists():
                print(f"skipped {task}: {gold} missing")
                continue
            pred = folder / f"{task}.jsonl"
            predict(pipeline, gold, pred)
            result = subprocess.run([sys.executable, str(score), task, str(gold), str(pred)],
                                    capture_output=True, text=True, check=False)
            print(result.stdout.strip().splitlines()[-1] if result.stdout else result.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
