"""The ontology tables (CAMEO, Goldstein, PLOVER, quad classes, sectors), loaded in one place.

The tables live in ``data/ontology/`` as TSV files whose header comments name their sources.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path


def data_path(*parts: str) -> Path:
    """Path of a packaged data file under ``thucydides/data``."""
    return Path(__file__).parent.joinpath("data", *parts)


def read_table(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a TSV file with a header line; ``#`` comment lines are skipped."""
    with path.open(encoding="utf-8") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        yield from csv.DictReader(lines, delimiter="\t")


@dataclass(frozen=True)
class CameoCode:
    code: str
    description: str
    goldstein: float | None
    event: str | None
    mode: str | None
    context: tuple[str, ...]

    @property
    def quad_class(self) -> int:
        return quad_class_of_cameo(self.code)


@cache
def cameo_codes() -> dict[str, CameoCode]:
    table = {}
    for row in read_table(data_path("ontology", "cameo.tsv")):
        table[row["cameo"]] = CameoCode(
            code=row["cameo"],
            description=row["description"],
            goldstein=float(row["goldstein"]) if row["goldstein"] else None,
            event=row["event"] or None,
            mode=row["mode"] or None,
            context=tuple(c for c in row["context"].split(";") if c),
        )
    return table


@cache
def plover_quad_classes() -> dict[str, int]:
    """PLOVER event type -> quad class (Phoenix numbering)."""
    return {
        row["event"]: int(row["quad_class"])
        for row in read_table(data_path("ontology", "plover.tsv"))
    }


@cache
def _quad_by_root() -> dict[str, int]:
    table = {}
    for row in read_table(data_path("ontology", "quad_classes.tsv")):
        for root in row["cameo_roots"].split():
            table[root] = int(row["quad_class"])
    return table


@cache
def quad_labels() -> dict[int, str]:
    return {
        int(row["quad_class"]): row["label"]
        for row in read_table(data_path("ontology", "quad_classes.tsv"))
    }


def quad_class_of_cameo(code: str) -> int:
    return _quad_by_root()[code[:2]]


@cache
def sectors() -> dict[str, str]:
    return {
        row["sector"]: row["description"]
        for row in read_table(data_path("ontology", "sectors.tsv"))
    }


def plover_types() -> list[str]:
    return list(plover_quad_classes())
