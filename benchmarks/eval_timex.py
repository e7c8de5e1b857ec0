"""Score thucydides.timex on the TempEval-3 dev half (../shared/datasets/timex/dev.jsonl).

    .venv/bin/python benchmarks/eval_timex.py [--gold PATH] [--out PATH] [--errors PATH]

Writes one prediction line per time expression and runs the referee on them; with --errors,
also a table (TSV) of the expressions found with a wrong value, for error analysis. Skips with
a message when the shared data is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from thucydides.annotate import annotate
from thucydides.model import CleanDocument
from thucydides.timex import find_timexes

SHARED = Path(__file__).resolve().parents[2] / "shared"


def read_records(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def predict(gold: Path, out: Path) -> int:
    """Write predictions for every gold record; return how many expressions were found."""
    records = list(read_records(gold))
    documents = [
        CleanDocument.from_lines(
            r["id"], r["text"], date=dt.date.fromisoformat(r["date"]) if r.get("date") else None
        )
        for r in records
    ]
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for annotated in annotate(documents):
            for timex in find_timexes(annotated):
                line = {
                    "doc_id": annotated.clean.doc_id,
                    "start": timex.start,
                    "end": timex.end,
                    "text": timex.text,
                    "value": timex.value,
                    "type": timex.type,
                }
                handle.write(json.dumps(line) + "\n")
                count += 1
    return count


def overlap(a: dict, b: dict) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def pairs(gold: list[dict], found: list[dict]) -> Iterator[tuple[dict, dict]]:
    """Gold and found expressions paired one to one, largest overlap first (the referee's
    relaxed match)."""
    scored = [(-overlap(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(found)]
    used_gold, used_found = set(), set()
    for negative, i, j in sorted(scored):
        if negative < 0 and i not in used_gold and j not in used_found:
            used_gold.add(i)
            used_found.add(j)
            yield gold[i], found[j]


def wrong_values(gold: Path, out: Path) -> list[tuple[str, ...]]:
    """(doc, date, gold text, gold value, text, value) of each paired expression whose value
    is wrong."""
    found: dict[str, list[dict]] = {}
    for line in read_records(out):
        found.setdefault(line["doc_id"], []).append(line)
    return [
        (record["id"], record["date"], g["text"], str(g["value"]), p["text"], str(p["value"]))
        for record in read_records(gold)
        for g, p in pairs(record["timexes"], found.get(record["id"], []))
        if str(g["value"] or "").upper() != str(p["value"] or "").upper()
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=SHARED / "datasets" / "timex" / "dev.jsonl")
    parser.add_argument(
        "--out", type=Path, default=Path(tempfile.gettempdir()) / "timex_pred.jsonl"
    )
    parser.add_argument("--errors", type=Path, help="write the wrong values here (TSV)")
    args = parser.parse_args()
    scorer = SHARED / "eval" / "score.py"
    if not args.gold.exists() or not scorer.exists():
        print(f"skipped: {args.gold} or {scorer} not found")
        return 0
    started = time.perf_counter()
    count = predict(args.gold, args.out)
    print(f"{count} expressions in {time.perf_counter() - started:.1f} s -> {args.out}")
    if args.errors:
        rows = wrong_values(args.gold, args.out)
        header = ("doc", "date", "gold_text", "gold_value", "text", "value")
        args.errors.write_text(
            "".join("\t".join(row) + "\n" for row in (header, *rows)), encoding="utf-8"
        )
        print(f"{len(rows)} wrong values -> {args.errors}")
    command = [sys.executable, str(scorer), "timex", str(args.gold), str(args.out)]
    print(" ".join(command))
    return subprocess.call(command)


if __name__ == "__main__":
    raise SystemExit(main())
