"""Quotations on the PolNeAR dev half: write predictions and score them with the referee.

    python benchmarks/eval_quotes.py [--out DIR] [--score]

Each record becomes a ``CleanDocument.from_lines`` (no cleaning), all are annotated in one
batch, and ``find_quotes`` runs with the project's actor resolver. The speaker written out is
the mention as written (PolNeAR's source span), as ``Quote.speaker`` holds it.
Skips with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from thucydides.actors import ActorResolver
from thucydides.annotate import annotate
from thucydides.model import CleanDocument, Span
from thucydides.quotes import find_quotes
from thucydides.records import content_record

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "datasets" / "quotes" / "dev.jsonl"
SCORE = SHARED / "eval" / "score.py"


def span_record(span: Span | None) -> dict[str, object] | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}


def documents(path: Path) -> list[CleanDocument]:
    docs = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            date = dt.date.fromisoformat(record["date"]) if record.get("date") else None
            docs.append(CleanDocument.from_lines(record["id"], record["text"], date=date))
    return docs


def predict(out: Path) -> Path:
    """Write one prediction line per quotation and return the file."""
    resolver = ActorResolver()
    pred = out / "quotes.jsonl"
    with pred.open("w", encoding="utf-8") as handle:
        for annotated in annotate(documents(GOLD)):
            quotes = find_quotes(annotated, resolver, [])
            for quote in quotes:
                record = {
                    "doc_id": annotated.clean.doc_id,
                    "speaker": span_record(quote.speaker),
                    "cue": span_record(quote.cue),
                    "content": content_record(quote),
                    "type": quote.type,
                }
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return pred


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder for quotes.jsonl (default: a temp folder)")
    parser.add_argument("--score", action="store_true", help="run the referee as well")
    args = parser.parse_args()
    if not GOLD.exists():
        print(f"skipped: {GOLD} is absent")
        return 0
    out = args.out or Path(tempfile.mkdtemp(prefix="quotes-"))
    out.mkdir(parents=True, exist_ok=True)
    pred = predict(out)
    command = [sys.executable, str(SCORE), "quotes", str(GOLD), str(pred)]
    print(" ".join(command))
    if args.score:
        return subprocess.run(command, check=False).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
