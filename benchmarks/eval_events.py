"""Score the event coder on the dev halves of events_plover and events_coarse.

Reads ``../shared`` (relative to the repository root) at run time, writes predictions to a
temporary folder and runs the referee ``shared/eval/score.py`` on them:

    .venv/bin/python benchmarks/eval_events.py [--keep DIR] [--all-modalities]

By default only factual events are written (``events.is_factual``: asserted, or a declared
intention or threat); ``--all-modalities`` writes hypothetical, future and negated ones too.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from thucydides.actors import ActorResolver
from thucydides.annotate import annotate
from thucydides.events import EventCoder, is_factual
from thucydides.model import Actor, CleanDocument, Event

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TASKS = ("events_plover", "events_coarse")


def actor_json(actor: Actor) -> dict[str, Any]:
    return {"text": actor.text, "code": actor.code, "sector": actor.sector}


def event_json(doc_id: str, event: Event) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "event": event.event,
        "mode": event.mode,
        "context": event.context,
        "cameo": event.cameo,
        "confidence": event.confidence,
        "actor": [actor_json(a) for a in event.actor],
        "recipient": [actor_json(a) for a in event.recipient],
        "event_loc": None,
        "modality": event.modality,
        "trigger": event.trigger.text,
        "rule": event.rule,
    }


def predict(coder: EventCoder, gold: Path, out: Path, everything: bool) -> int:
    records = [json.loads(line) for line in gold.open(encoding="utf-8") if line.strip()]
    clean = [CleanDocument.from_lines(r["id"], r["text"]) for r in records]
    written = 0
    with out.open("w", encoding="utf-8") as handle:
        for annotated in annotate(clean):
            for event in coder.code(annotated):
                if not (everything or is_factual(event)):
                    continue
                handle.write(json.dumps(event_json(annotated.clean.doc_id, event)) + "\n")
                written += 1
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", type=Path, help="write predictions here instead of a temp dir")
    parser.add_argument("--all-modalities", action="store_true",
                        help="also write hypothetical, future and negated events")
    args = parser.parse_args(argv)
    score = SHARED / "eval" / "score.py"
    if not score.exists():
        print(f"skipped: {SHARED} (shared evaluation data) is not available")
        return 0
    coder = EventCoder(ActorResolver())
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for task in TASKS:
            gold = SHARED / "datasets" / task / "dev.jsonl"
            if not gold.exists():
                print(f"skipped {task}: {gold} missing")
                continue
            pred = folder / f"{task}.jsonl"
            predict(coder, gold, pred, args.all_modalities)
            result = subprocess.run([sys.executable, str(score), task, str(gold), str(pred)],
                                    capture_output=True, text=True, check=False)
            print(result.stdout.strip().splitlines()[-1] if result.stdout else result.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
