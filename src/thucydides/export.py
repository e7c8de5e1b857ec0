"""Write query results (pyarrow tables) as a terminal table, JSON Lines, CSV or Parquet."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.parquet as pq
from rich.console import Console
from rich.table import Table

FORMATS = ("table", "jsonl", "csv", "parquet")
CELL_WIDTH = 48
"""Terminal table cells longer than this are cut, with an ellipsis."""
LIST_SEPARATOR = ";"
"""How list values are joined in CSV and terminal cells."""
TERMINAL_COLUMNS = (
    "date",
    "event",
    "cameo",
    "actor",
    "actor_name",
    "recipient",
    "recipient_name",
    "place",
    "modality",
    "speaker",
    "speaker_code",
    "type",
    "content",
    "reports",
    "sources",
    "first_date",
    "place_name",
    "trigger",
    "sentence_text",
    "doc_id",
    "happening_id",
)
"""What a terminal table shows when a result has these columns (every export format has all)."""


def write_table(table: pa.Table, fmt: str, out: Path | None) -> None:
    """Write ``table`` as ``fmt`` to the file ``out``, or to stdout when ``out`` is None
    (Parquet needs a file)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if out is None:
            raise ValueError("parquet output needs a file (out)")
        pq.write_table(table, out)
        return
    with _text_output(out) as handle:
        if fmt == "jsonl":
            write_jsonl(table, handle)
        elif fmt == "csv":
            write_csv(table, handle)
        else:
            write_terminal_table(table, handle)


@contextmanager
def _text_output(out: Path | None) -> Iterator[TextIO]:
    if out is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    with out.open("w", encoding="utf-8", newline="") as handle:
        yield handle


def write_jsonl(table: pa.Table, handle: TextIO) -> None:
    """One JSON object per row; dates and timestamps as ISO 8601 strings."""
    for batch in table.to_batches():
        for row in batch.to_pylist():
            handle.write(json.dumps(row, ensure_ascii=False, default=_json_value) + "\n")


def write_csv(table: pa.Table, handle: TextIO) -> None:
    """A header line, then one line per row; lists joined with ``;``, nulls empty."""
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(table.column_names)
    for batch in table.to_batches():
        for row in batch.to_pylist():
            writer.writerow([_cell(value) for value in row.values()])


def write_terminal_table(table: pa.Table, handle: TextIO) -> None:
    """A readable table with rich: the key columns (``TERMINAL_COLUMNS``) where the result has
    them, long cells cut to ``CELL_WIDTH`` characters."""
    shown = [name for name in TERMINAL_COLUMNS if name in table.column_names]
    if len(shown) >= 3:
        table = table.select(shown)
    view = Table(show_lines=False, header_style="bold")
    for name in table.column_names:
        view.add_column(name, overflow="ellipsis", max_width=CELL_WIDTH)
    for row in table.to_pylist():
        view.add_row(*(_short(_cell(value)) for value in row.values()))
    width = None if handle.isatty() else max(100, min(400, 14 * table.num_columns))
    console = Console(file=handle, width=width)
    console.print(view)
    console.print(f"{table.num_rows} row{'' if table.num_rows == 1 else 's'}")


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    return str(value)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(_cell(item) for item in value)
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    return str(value)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= CELL_WIDTH else text[: CELL_WIDTH - 1] + "…"
