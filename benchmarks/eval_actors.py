"""Score thucydides.actors on the shared dev halves.

    .venv/bin/python benchmarks/eval_actors.py [--out DIR]

1. The actor set (../shared/datasets/actors/dev.jsonl): the lines ``thucydides actor --input
   FILE`` prints (``resolve(text, context, date)`` and ``wiki_title``), scored by the referee
   (``score.py actors``).
2. The PLOVER gold events (../shared/datasets/events_plover/dev.jsonl): how often each gold
   actor/recipient resolves to the gold country (first three letters) and sector, both as a
   free string with its sentence as context and as a mention in the parsed sentence.

Skips with a message when the shared data is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from thucydides.actors import ActorResolver, wiki_title
from thucydides.annotate import annotate
from thucydides.model import Actor, CleanDocument

SHARED = Path(__file__).resolve().parents[2] / "shared"


def read_records(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def actor_set(resolver: ActorResolver, gold: Path, out: Path) -> str:
    """Predict the actor set and return the referee's summary line."""
    with out.open("w", encoding="utf-8") as handle:
        for record in read_records(gold):
            date = dt.date.fromisoformat(record["date"]) if record.get("date") else None
            actor = resolver.resolve(record["text"], record.get("context"), date)
            prediction = {
                "doc_id": record["id"],
                "code": actor.code if actor else None,
                "sector": actor.sector if actor else None,
                "name": actor.name if actor else None,
                "wiki": wiki_title(actor) if actor else None,
            }
            handle.write(json.dumps(prediction) + "\n")
    score = SHARED / "eval" / "score.py"
    result = subprocess.run([sys.executable, str(score), "actors", str(gold), str(out)],
                            capture_output=True, text=True, check=True)
    return result.stdout.strip().splitlines()[-1]


def plover(resolver: ActorResolver, gold: Path) -> list[str]:
    """Country and sector agreement with the PLOVER gold actors and recipients."""
    records = list(read_records(gold))
    documents = annotate(CleanDocument.from_lines(r["id"], r["text"]) for r in records)
    free, parsed = Tally(), Tally()
    for record, annotated in zip(records, documents, strict=True):
        for event in record["events"]:
            for gold_actor in event["actor"] + event["recipient"]:
                text = gold_actor["text"].strip()
                free.add(gold_actor, resolver.resolve(text, record["text"]))
                at = record["text"].find(text)
                found = annotated.char_span(at, at + len(text)) if at >= 0 else None
                if found is not None:
                    parsed.add(gold_actor, resolver.resolve_mention(annotated, *found))
    return [f"events_plover actors, resolve(text, sentence): {free}",
            f"events_plover actors, resolve_mention in the parsed sentence: {parsed}"]


class Tally:
    def __init__(self) -> None:
        self.country = self.sector = self.total = self.with_sector = 0

    def add(self, gold: dict, actor: Actor | None) -> None:
        self.total += 1
        self.country += actor is not None and (actor.code or "")[:3] == gold["code"][:3]
        if gold["sector"]:
            self.with_sector += 1
            self.sector += actor is not None and actor.sector == gold["sector"]

    def __str__(self) -> str:
        return (f"country {self.country}/{self.total} = {self.country / self.total:.3f}, "
                f"sector {self.sector}/{self.with_sector} = "
                f"{self.sector / self.with_sector:.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(tempfile.mkdtemp(prefix="actors-")))
    args = parser.parse_args()
    actors_gold = SHARED / "datasets" / "actors" / "dev.jsonl"
    plover_gold = SHARED / "datasets" / "events_plover" / "dev.jsonl"
    if not actors_gold.exists() or not plover_gold.exists():
        print(f"shared evaluation data not found under {SHARED}; skipped")
        return 0
    resolver = ActorResolver()
    args.out.mkdir(parents=True, exist_ok=True)
    print(actor_set(resolver, actors_gold, args.out / "actors.jsonl"))
    for line in plover(resolver, plover_gold):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
