"""Every accuracy figure of docs/accuracy.md, measured the way a user would produce it.

    python benchmarks/accuracy.py [--out DIR] [--only TASK ...]

For each dev set in ../shared/datasets it runs the real command line
(``thucydides extract GOLD --out DIR/TASK``, or ``thucydides actor --input GOLD``), then the
referee ``../shared/eval/score.py`` on what it wrote, and prints the referee's summary lines.
Skips with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PREDICTIONS = {
    "events_plover": "events.jsonl",
    "events_coarse": "events.jsonl",
    "quotes": "quotes.jsonl",
    "timex": "timexes.jsonl",
    "places": "places.jsonl",
    "event_location": "event_locations.jsonl",
}
CLI = [sys.executable, "-m", "thucydides"]


def predict(task: str, gold: Path, out: Path) -> Path:
    """Run the command line on a gold file and return the prediction file for the referee."""
    if task == "actors":
        path = out / "actors.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            subprocess.run([*CLI, "actor", "--input", str(gold)], stdout=handle, check=False)
        return path
    subprocess.run([*CLI, "extract", str(gold), "--out", str(out / task)], check=False)
    return out / task / PREDICTIONS[task]


def score(task: str, gold: Path, predictions: Path) -> str:
    scorer = SHARED / "eval" / "score.py"
    command = [sys.executable, str(scorer), task, str(gold), str(predictions)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, help="keep predictions here (default: a temp folder)")
    parser.add_argument("--only", nargs="*", choices=[*PREDICTIONS, "actors"])
    args = parser.parse_args()
    if not (SHARED / "eval" / "score.py").exists():
        print(f"skipped: no referee at {SHARED / 'eval'}")
        return
    with tempfile.TemporaryDirectory() as scratch:
        out = args.out or Path(scratch)
        out.mkdir(parents=True, exist_ok=True)
        for task in args.only or [*PREDICTIONS, "actors"]:
            gold = SHARED / "datasets" / task / "dev.jsonl"
            print(score(task, gold, predict(task, gold, out)), flush=True)


if __name__ == "__main__":
    main()
