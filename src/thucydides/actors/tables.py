"""Reading the dictionary files: TSV rows with their line numbers, named-actor files and their
malformed lines, the PLOVER sectors, and the word forms (plurals, given names) built from
the tables."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from thucydides.actors.terms import Role, Term, phrase_key
from thucydides.actors.vocabulary import CODE_PATTERN, MIN_GIVEN_NAME, NAME_PARTICLES, NAMED_COLUMNS
from thucydides.ontology import data_path, read_table


def _parse_date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def given_names_of(people: dict[str, Term]) -> set[str]:
    """Lookup keys of the first words of the people's names ("miguel", "benjamin"), titles
    and particles aside."""
    firsts = {phrase_key(name).split(" ", 1)[0] for name in people if " " in name}
    return {f for f in firsts if len(f) >= MIN_GIVEN_NAME and f not in NAME_PARTICLES}


def plural_of(term: str) -> str | None:
    """A regular English plural of a role noun or demonym, if it makes a new word."""
    if term.endswith(("s", "x", "sh", "ch", "ese", "ss")):
        return None
    if term.endswith("man"):
        return term[:-3] + "men"
    if term.endswith("y") and term[-2:-1] not in "aeiou":
        return term[:-1] + "ies"
    return term + "s"


@cache
def known_sectors() -> frozenset[str]:
    return frozenset(row["sector"] for row in read_table(data_path("ontology", "sectors.tsv")))


def _numbered_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of each non-comment, non-blank line of a TSV file."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip() and not line.startswith("#"):
                yield number, line.rstrip("\n\r").split("\t")


def numbered_table(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row by column name) of a TSV file whose first data line is its header."""
    rows = _numbered_rows(path)
    _, header = next(rows)
    for number, fields in rows:
        yield number, dict(zip(header, [*fields, *[""] * len(header)], strict=False))


def read_named(path: Path) -> tuple[dict[str, list[tuple[list[str], Role]]], list[str]]:
    """Rows of a named-actor file grouped by canonical name, and its malformed lines."""
    entries: dict[str, list[tuple[list[str], Role]]] = defaultdict(list)
    problems = []
    for number, fields in _numbered_rows(path):
        if tuple(f.strip() for f in fields[: len(NAMED_COLUMNS)]) == NAMED_COLUMNS:
            continue
        try:
            name, aliases, role = _named_row(fields, f"{path.name}:{number}")
        except ValueError as error:
            problems.append(f"{path}:{number}: {error}")
            continue
        entries[name].append((aliases, role))
    return entries, problems


def _named_row(fields: list[str], where: str) -> tuple[str, list[str], Role]:
    if not 4 <= len(fields) <= len(NAMED_COLUMNS):
        raise ValueError(f"expected 4 to 6 tab-separated fields, found {len(fields)}")
    name, aliases, code, sector, start, end = (f.strip() for f in [*fields, "", ""][:6])
    if not name:
        raise ValueError("empty name")
    if code and not CODE_PATTERN.fullmatch(code):
        raise ValueError(f"country code {code!r} is not three capital letters")
    if sector and sector not in known_sectors():
        raise ValueError(f"unknown sector {sector!r}")
    if not code and not sector:
        raise ValueError("neither a code nor a sector")
    try:
        start_date, end_date = _parse_date(start), _parse_date(end)
    except ValueError as error:
        raise ValueError(f"bad date ({error})") from None
    if start_date and end_date and end_date <= start_date:
        raise ValueError("end date before start date")
    alias_list = [a.strip() for a in aliases.split(";") if a.strip()]
    role = Role(code or None, sector or None, start_date, end_date, f"{where} {name}")
    return name, alias_list, role
