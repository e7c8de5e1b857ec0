"""Read: turn files, folders, JSONL records and stdin into ``Source`` records.

Nothing here raises on bad input: an unusable file or line becomes an ``InputError`` in the
output stream (naming the file, or ``path:LINE`` for a JSONL record, and the problem) and
reading goes on with the next one. Text is kept verbatim, so offsets point into the input.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, Literal

from thucydides.errors import InputError
from thucydides.model import Source

MAX_BYTES = 10 * 1024 * 1024
"""The largest page (or JSONL line) we read: 10 MB of text."""

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
HTML_SUFFIXES = (".html", ".htm")
JSONL_FIELDS = ("id", "text", "date", "url", "title")
STDIN = "<stdin>"

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\S+)?")
_HTML_DOCUMENT = re.compile(
    r"(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAG = re.compile(r"</?[a-z][a-z0-9]*\b[^<>]*>", re.IGNORECASE)


def read_sources(
    inputs: Iterable[str], date: dt.date | None = None
) -> Iterator[Source | InputError]:
    """Sources from paths (files or folders, recursively) and ``-`` (stdin), in order.

    ``date`` is the publication date to assume where a record gives none.
    """
    for item in inputs:
        if item == "-":
            yield from _read_stdin(date)
        else:
            yield from _read_path(Path(item), date)


def source_from_string(
    text_or_html: str, date: dt.date | str | None, doc_id: str
) -> Source:
    """A source for the Python API; raises ``InputError`` for a date string that is no date."""
    if isinstance(date, str):
        date = parse_date(date, doc_id)
    elif isinstance(date, dt.datetime):
        date = date.date()
    return Source(
        doc_id=doc_id,
        content=text_or_html,
        format=sniff_format(text_or_html),
        origin=doc_id,
        date=date,
    )


def parse_date(value: str, origin: str) -> dt.date:
    """A ``YYYY-MM-DD`` date, or the date of a full ISO timestamp."""
    if _DATE.fullmatch(value.strip()):
        try:
            return dt.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            pass
    raise InputError(origin, f"'date' is not a date: {value!r}")


def sniff_format(text: str) -> Literal["text", "html"]:
    """``html`` for a text that is an HTML page (or fragment), else ``text``."""
    head = text[:4096].lstrip()
    if _HTML_DOCUMENT.match(head) or _HTML_TAG.match(head):
        return "html"
    return "text"


def _read_path(path: Path, date: dt.date | None) -> Iterator[Source | InputError]:
    if path.is_dir():
        files = sorted(
            p for p in path.rglob("*")
            if p.is_file() and (p.suffix.lower() in SUFFIXES or _is_warc(p))
        )
        if not files:
            yield InputError(str(path), f"no {', '.join(SUFFIXES)} files in this folder")
        for file in files:
            yield from _read_file(file, file.relative_to(path).as_posix(), date)
    elif path.is_file():
        yield from _read_file(path, path.name, date)
    else:
        yield InputError(str(path), "no such file or folder")


def _read_file(path: Path, name: str, date: dt.date | None) -> Iterator[Source | InputError]:
    origin = str(path)
    if _is_warc(path):
        from thucydides.warc import read_warc

        yield from read_warc(path)
        return
    try:
        with path.open("rb") as handle:
            if path.suffix.lower() == ".jsonl":
                if b"\x00" in handle.read(8192):
                    raise InputError(origin, "binary file (contains NUL bytes), not JSONL")
                handle.seek(0)
                yield from _read_jsonl(handle, origin, name, date)
                return
            content = _decode(handle.read(MAX_BYTES + 1), origin, "file")
    except OSError as error:
        yield InputError(origin, f"cannot be read: {error.strerror or error}")
        return
    except InputError as error:
        yield error
        return
    fmt: Literal["text", "html"]
    if path.suffix.lower() in HTML_SUFFIXES:
        fmt = "html"
    elif path.suffix.lower() == ".txt":
        fmt = "text"
    else:
        fmt = sniff_format(content)
    yield Source(doc_id=name, content=content, format=fmt, origin=origin, date=date)


def _is_warc(path: Path) -> bool:
    """A web archive (``.warc`` or ``.warc.gz``), read record by record by ``warc``."""
    return path.name.lower().endswith((".warc", ".warc.gz"))


def _read_stdin(date: dt.date | None) -> Iterator[Source | InputError]:
    try:
        content = _decode(sys.stdin.buffer.read(MAX_BYTES + 1), STDIN, "input")
    except InputError as error:
        yield error
        return
    yield Source(
        doc_id="stdin", content=content, format=sniff_format(content), origin=STDIN, date=date
    )


def _decode(data: bytes, origin: str, what: str) -> str:
    """The text of a page, or ``InputError`` if it is empty, binary, too big or not UTF-8."""
    if len(data) > MAX_BYTES:
        raise InputError(origin, f"{what} is larger than the {MAX_BYTES // 2**20} MB limit")
    if b"\x00" in data:
        raise InputError(origin, f"binary {what} (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(origin, f"not valid UTF-8 (bad byte at offset {error.start})") from None
    if not text.strip():
        raise InputError(origin, f"empty {what}")
    return text


def _read_jsonl(
    handle: BinaryIO, origin: str, name: str, date: dt.date | None
) -> Iterator[Source | InputError]:
    """One source per JSONL line, streamed; blank lines are skipped."""
    seen_record = False
    for number, line in enumerate(_lines(handle), start=1):
        where = f"{origin}:{number}"
        if line is None:
            yield InputError(where, f"line is larger than the {MAX_BYTES // 2**20} MB limit")
            seen_record = True
            continue
        if not line.strip():
            continue
        seen_record = True
        try:
            text = _decode(line, where, "line")
            yield _record_source(json.loads(text), where, f"{name}:{number}", date)
        except json.JSONDecodeError as error:
            yield InputError(where, f"line is not JSON ({error.msg} at column {error.colno})")
        except InputError as error:
            yield error
    if not seen_record:
        yield InputError(origin, "empty file")


def _lines(handle: BinaryIO) -> Iterator[bytes | None]:
    """The lines of a file, each read at most ``MAX_BYTES + 1`` bytes; ``None`` for a
    line over the limit (whose rest is skipped)."""
    while line := handle.readline(MAX_BYTES + 1):
        if len(line) > MAX_BYTES and not line.endswith(b"\n"):
            while (rest := handle.readline(MAX_BYTES)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _record_source(record: Any, origin: str, fallback_id: str, date: dt.date | None) -> Source:
    if not isinstance(record, dict):
        raise InputError(origin, f"line is not a JSON object but {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(origin, "record has no non-empty string 'text'")
    record_date = record.get("date")
    if record_date is not None:
        if not isinstance(record_date, str):
            raise InputError(origin, f"'date' is not a date: {record_date!r}")
        date = parse_date(record_date, origin)
    record_id = record.get("id")
    return Source(
        doc_id=str(record_id) if record_id not in (None, "") else fallback_id,
        content=text,
        format=sniff_format(text),
        origin=origin,
        date=date,
        url=_optional_str(record.get("url")),
        title=_optional_str(record.get("title")),
        extra={k: v for k, v in record.items() if k not in JSONL_FIELDS},
    )


def _optional_str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None
