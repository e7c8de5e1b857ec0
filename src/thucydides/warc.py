"""Read web archives (WARC and WARC.gz): one ``Source`` per HTML page fetched with HTTP 200.

The archive is streamed record by record with warcio (never held in memory). Requests,
metadata, redirects and non-HTML responses are passed over silently: they are not articles.
Damage costs only the records it touches: a record that cannot be parsed or decoded becomes an
``InputError`` naming ``FILE@OFFSET``, and reading resumes at the next record boundary found by
scanning the raw file (a gzip member header in a ``.warc.gz``, whose every record is its own
member; a ``WARC/1.`` version line in a plain ``.warc``). Language is judged later, by clean.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator

from thucydides.errors import InputError
from thucydides.model import Source
from thucydides.read import MAX_BYTES

HTML_TYPES = ("text/html", "application/xhtml+xml")
GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_MAGIC = b"WARC/1."
SCAN_BLOCK = 1 << 20
RECORD_TYPES = frozenset(
    ("warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion",
     "continuation")
)
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)


class DamagedRecord(Exception):
    """A record whose header parsed but cannot be right (no length, unknown type)."""


Items = Generator[Source | InputError, None, int | None]


def read_warc(path: str | Path) -> Iterator[Source | InputError]:
    """The HTML pages of one archive, in file order; damaged records as ``InputError``."""
    path = Path(path)
    origin = str(path)
    try:
        handle = path.open("rb")
    except OSError as error:
        yield InputError(origin, f"cannot be read: {error.strerror or error}")
        return
    with handle:
        magic = GZIP_MAGIC if handle.read(len(GZIP_MAGIC)) == GZIP_MAGIC else WARC_MAGIC
        start: int | None = 0
        while start is not None:
            start = yield from _read_from(handle, origin, start, magic)


def _read_from(handle: IO[bytes], origin: str, start: int, magic: bytes) -> Items:
    """Read records from ``start``; on damage, report it and return where to resume
    (``None`` when the archive is done)."""
    handle.seek(start)
    records = ArchiveIterator(handle)
    try:
        for record in records:
            _check_header(record)
            item = _source(record, f"{origin}@{records.offset}")
            if item is not None:
                yield item
        problem = _trailing_garbage(handle, records.offset)
    except Exception as error:  # warcio raises many types on damage: any costs one record
        problem = f"damaged WARC record skipped ({_describe(error)})"
    if problem is None:
        return None
    damaged = records.offset
    yield InputError(f"{origin}@{damaged}", problem)
    return _next_boundary(handle, damaged + 1, magic)


def _check_header(record: Any) -> None:
    """Reject a header cut short: warcio would read a record without a length to the end
    of the file, swallowing every record after it."""
    if record.rec_type not in RECORD_TYPES:
        raise DamagedRecord(f"unknown record type {record.rec_type!r}")
    if record.length is None:
        raise DamagedRecord("record header has no Content-Length")


def _trailing_garbage(handle: IO[bytes], end: int) -> str | None:
    """A problem if bytes other than blank lines follow where the records stopped parsing
    (a plain WARC whose record length is wrong ends the iterator early, silently)."""
    handle.seek(end)
    rest = handle.read(SCAN_BLOCK)
    if rest.strip():
        return "unreadable data where a WARC record should start"
    return None


def _describe(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0]}" if text else type(error).__name__


def _next_boundary(handle: IO[bytes], position: int, magic: bytes) -> int | None:
    """The offset of the next ``magic`` at or after ``position`` (a plain WARC's version
    line must start a line), or ``None``."""
    handle.seek(position)
    carry = b""
    base = position
    while block := handle.read(SCAN_BLOCK):
        data = carry + block
        found = _find_magic(data, magic, at_line_start=magic == WARC_MAGIC)
        if found >= 0:
            return base + found
        keep = len(magic)
        carry = data[-keep:]
        base += len(data) - len(carry)
    return None


def _find_magic(data: bytes, magic: bytes, at_line_start: bool) -> int:
    index = data.find(magic)
    while at_line_start and index > 0 and data[index - 1 : index] != b"\n":
        index = data.find(magic, index + 1)
    return index


def _source(record: Any, origin: str) -> Source | InputError | None:
    """A page from an HTTP 200 HTML response record; ``None`` for any other record."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
        return None
    payload = record.content_stream().read(MAX_BYTES + 1)
    url = record.rec_headers.get_header("WARC-Target-URI")
    record_id = record.rec_headers.get_header("WARC-Record-ID")
    crawl_date = record.rec_headers.get_header("WARC-Date")
    if len(payload) > MAX_BYTES:
        return InputError(origin, f"page is larger than the {MAX_BYTES // 2**20} MB limit")
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        return InputError(origin, f"truncated WARC record skipped ({missing} bytes missing)")
    content = _decode(payload, content_type)
    if content is None:
        return InputError(origin, f"payload declared {content_type!r} is not HTML text")
    return Source(
        doc_id=url or record_id or origin,
        content=content,
        format="html",
        origin=origin,
        date=_day(crawl_date),
        url=url,
        extra={"crawl_date": crawl_date} if crawl_date else {},
    )


def _decode(payload: bytes, content_type: str) -> str | None:
    """The page's text in its declared charset (UTF-8 if none); ``None`` for binary data."""
    if not payload.strip() or b"\x00" in payload:
        return None
    match = _CHARSET.search(content_type)
    charset = match.group(1) if match else "utf-8"
    try:
        return payload.decode(charset, errors="replace")
    except LookupError:
        return payload.decode("utf-8", errors="replace")


def _day(timestamp: str | None) -> dt.date | None:
    """The crawl day of a WARC-Date (``2026-03-18T09:00:00Z``): a fallback publication date."""
    if not timestamp:
        return None
    try:
        return dt.date.fromisoformat(timestamp[:10])
    except ValueError:
        return None
