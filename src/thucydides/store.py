"""The DuckDB store: processed documents in, filtered events and quotes out.

The schema (documented column by column in ``docs/schema.md``) keeps full provenance: every
event row carries its document, sentence index, sentence text and character offsets. The
``events`` table is deliberately flat, with actor and recipient codes/names denormalised into
list columns, so that the common queries scan one table without joins; the ``event_actors``
table holds the same actors one row each, with their offsets and the rule that coded them.

Only bound parameters reach SQL: filter values are never formatted into a statement.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from thucydides import dedup
from thucydides.dedup import DEFAULT_WINDOW_DAYS, HappeningFilter
from thucydides.model import Actor, Document, Event, Place, Quote, Span
from thucydides.ontology import quad_labels

SCHEMA_VERSION = 1
SIGNATURE_BITS = 128
"""Each event sentence carries a 128-bit word signature (a Bloom filter, two bits per
distinct word outside ``SIGNATURE_STOPWORDS``) in one UHUGEINT column. A word search first
tests the signature, a filter DuckDB pushes into the scan and runs on 16 bytes per event,
and only then checks the words exactly."""
SIGNATURE_STOPWORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had",
    "has", "have", "he", "her", "his", "i", "in", "is", "it", "its", "of", "on", "or", "our",
    "she", "that", "the", "their", "they", "this", "to", "was", "we", "were", "which", "who",
    "will", "with", "you",
})
EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE = math.pi * EARTH_RADIUS_KM / 180

# DuckDB type -> Arrow type of the batches we insert.
_ARROW_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "UBIGINT": pa.uint64(),
    "TINYINT": pa.int8(),
    "DOUBLE": pa.float64(),
    "DATE": pa.date32(),
    "BOOLEAN": pa.bool_(),
    "TIMESTAMP": pa.timestamp("us"),
    "VARCHAR[]": pa.list_(pa.string()),
    "INTEGER[]": pa.list_(pa.int32()),
}


def _span_columns(prefix: str) -> tuple[tuple[str, str], ...]:
    return (
        (f"{prefix}_start", "INTEGER"),
        (f"{prefix}_end", "INTEGER"),
        (f"{prefix}_text", "VARCHAR"),
    )


# Table name -> (column, DuckDB type). The single definition behind the DDL, the Arrow
# schemas of inserted batches and docs/schema.md.
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (
        ("doc_id", "VARCHAR"),
        ("content_hash", "VARCHAR"),
        ("origin", "VARCHAR"),
        ("url", "VARCHAR"),
        ("title", "VARCHAR"),
        ("author", "VARCHAR"),
        ("site", "VARCHAR"),
        ("date", "DATE"),
        ("language", "VARCHAR"),
        ("text", "VARCHAR"),
        ("body", "VARCHAR"),
        ("captions", "VARCHAR[]"),
        ("extra", "VARCHAR"),
        ("ingested_at", "TIMESTAMP"),
    ),
    "paragraphs": (
        ("doc_id", "VARCHAR"),
        ("paragraph", "INTEGER"),
        ("start_char", "INTEGER"),
        ("end_char", "INTEGER"),
        ("kind", "VARCHAR"),
    ),
    "sentences": (
        ("doc_id", "VARCHAR"),
        ("sentence", "INTEGER"),
        ("paragraph", "INTEGER"),
        ("start_char", "INTEGER"),
        ("end_char", "INTEGER"),
        ("text", "VARCHAR"),
    ),
    "events": (
        ("doc_id", "VARCHAR"),
        ("event_index", "INTEGER"),
        ("sentence", "INTEGER"),
        ("sentence_start", "INTEGER"),
        ("sentence_end", "INTEGER"),
        ("sentence_text", "VARCHAR"),
        ("sentence_words", "VARCHAR"),
        ("sentence_sig", "UHUGEINT"),
        ("event", "VARCHAR"),
        ("mode", "VARCHAR"),
        ("context", "VARCHAR[]"),
        ("cameo", "VARCHAR"),
        ("goldstein", "DOUBLE"),
        ("quad_class", "TINYINT"),
        ("modality", "VARCHAR"),
        ("confidence", "DOUBLE"),
        ("rule", "VARCHAR"),
        *_span_columns("trigger"),
        ("actor_codes", "VARCHAR[]"),
        ("actor_names", "VARCHAR[]"),
        ("actor_sectors", "VARCHAR[]"),
        ("actor_search", "VARCHAR"),
        ("recipient_codes", "VARCHAR[]"),
        ("recipient_names", "VARCHAR[]"),
        ("recipient_sectors", "VARCHAR[]"),
        ("recipient_search", "VARCHAR"),
        ("date", "DATE"),
        ("date_value", "VARCHAR"),
        ("date_source", "VARCHAR"),
        *_span_columns("date"),
        *_span_columns("place"),
        ("place_sentence", "INTEGER"),
        ("place_name", "VARCHAR"),
        ("place_geonameid", "BIGINT"),
        ("place_lat", "DOUBLE"),
        ("place_lon", "DOUBLE"),
        ("place_country", "VARCHAR"),
        ("place_feature", "VARCHAR"),
    ),
    "event_actors": (
        ("doc_id", "VARCHAR"),
        ("event_index", "INTEGER"),
        ("role", "VARCHAR"),
        ("position", "INTEGER"),
        ("text", "VARCHAR"),
        ("start_char", "INTEGER"),
        ("end_char", "INTEGER"),
        ("code", "VARCHAR"),
        ("sector", "VARCHAR"),
        ("name", "VARCHAR"),
        ("rule", "VARCHAR"),
    ),
    "quotes": (
        ("doc_id", "VARCHAR"),
        ("quote_index", "INTEGER"),
        ("doc_date", "DATE"),
        ("sentence", "INTEGER"),
        ("type", "VARCHAR"),
        *_span_columns("content"),
        *_span_columns("speaker"),
        *_span_columns("cue"),
        *_span_columns("speaker_actor"),
        ("speaker_code", "VARCHAR"),
        ("speaker_sector", "VARCHAR"),
        ("speaker_name", "VARCHAR"),
        ("speaker_rule", "VARCHAR"),
        ("speaker_search", "VARCHAR"),
        ("events", "INTEGER[]"),
    ),
    "timexes": (
        ("doc_id", "VARCHAR"),
        ("timex_index", "INTEGER"),
        ("sentence", "INTEGER"),
        ("start_char", "INTEGER"),
        ("end_char", "INTEGER"),
        ("text", "VARCHAR"),
        ("type", "VARCHAR"),
        ("value", "VARCHAR"),
        ("resolved", "BOOLEAN"),
    ),
    "places": (
        ("doc_id", "VARCHAR"),
        ("place_index", "INTEGER"),
        ("sentence", "INTEGER"),
        ("start_char", "INTEGER"),
        ("end_char", "INTEGER"),
        ("text", "VARCHAR"),
        ("name", "VARCHAR"),
        ("geonameid", "BIGINT"),
        ("lat", "DOUBLE"),
        ("lon", "DOUBLE"),
        ("country_code", "VARCHAR"),
        ("feature", "VARCHAR"),
    ),
}

_COLUMN_OPTIONS: dict[tuple[str, str], str] = {
    ("documents", "doc_id"): "PRIMARY KEY",
    # Word searches read this column for the few events whose signature matches; reading
    # scattered rows of a compressed string column costs about as much as reading it all.
    ("events", "sentence_words"): "USING COMPRESSION uncompressed",
}

# Order in which each table's rows belong to their document.
_ROW_ORDER: dict[str, str] = {
    "paragraphs": "paragraph",
    "sentences": "sentence",
    "events": "event_index",
    "event_actors": "event_index, role, position",
    "quotes": "quote_index",
    "timexes": "timex_index",
    "places": "place_index",
}

# Columns that exist only to make searches fast.
_SEARCH_COLUMNS: dict[str, str] = {
    "events": "sentence_words, sentence_sig, actor_search, recipient_search",
    "quotes": "speaker_search",
}

_EVENT_COLUMNS = """
    doc_id, event_index, date, event, cameo, quad_class, goldstein, modality, confidence,
    array_to_string(actor_codes, ';') AS actor, array_to_string(actor_names, '; ') AS actor_name,
    array_to_string(recipient_codes, ';') AS recipient,
    array_to_string(recipient_names, '; ') AS recipient_name,
    coalesce(place_name, place_text) AS place, place_country, place_lat, place_lon,
    trigger_text AS trigger, trigger_start, trigger_end,
    sentence, sentence_start, sentence_end, sentence_text,
    mode, array_to_string(context, ';') AS context, date_value, date_source, rule"""
_EVENT_ORDER = "date NULLS LAST, doc_id, event_index"

_QUOTE_COLUMNS = """
    doc_id, quote_index, doc_date AS date, type,
    coalesce(speaker_name, speaker_text, speaker_actor_text) AS speaker, speaker_code,
    speaker_sector, speaker_text, content_text AS content, content_start, content_end,
    cue_text AS cue, sentence, array_to_string(events, ';') AS events"""
_QUOTE_ORDER = "doc_date NULLS LAST, doc_id, quote_index"

_INTERVALS: dict[str, str] = {
    "day": "INTERVAL 1 DAY",
    "week": "INTERVAL 7 DAY",
    "month": "INTERVAL 1 MONTH",
}
_CODE = re.compile(r"[A-Z]{2,4}")
_WORD = re.compile(r"\w+")
_NOT_WORD = r"[^\p{L}\p{N}_]"
_SEARCH_SEPARATOR = "\x1f"
_INGEST_BATCH = 256

Rows = dict[str, list[dict[str, Any]]]
"""One document's rows: store table -> rows as column -> value dicts."""
Pending = list[tuple[str, Rows]]
"""Documents ready to write: (doc_id, its rows)."""


class StoreError(Exception):
    """The store file cannot be used (missing, or written by another schema version)."""


@dataclass
class IngestStats:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    events: int = 0
    quotes: int = 0
    errors: list[str] = field(default_factory=list)
    """One ``"doc_id: problem"`` line per document that could not be stored."""


@dataclass
class EventFilter:
    actor: str | None = None
    recipient: str | None = None
    type: str | None = None
    quad_class: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    place_country: str | None = None
    near: tuple[float, float, float] | None = None
    text: str | None = None
    modality: str | None = None
    doc_id: str | None = None
    limit: int | None = None
    offset: int = 0


@dataclass
class QuoteFilter:
    speaker: str | None = None
    contains: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    doc_id: str | None = None
    limit: int | None = None
    offset: int = 0


class Store:
    """A DuckDB file holding processed documents; one writer process at a time."""

    def __init__(self, path: str | Path = "thucydides.duckdb", read_only: bool = False) -> None:
        target = str(path)
        if read_only and target != ":memory:" and not Path(target).exists():
            raise StoreError(f"{target}: no such store")
        config: dict[str, str | bool | int | float | list[str]] = {
            "autoinstall_known_extensions": False,
            "autoload_known_extensions": False,
            "enable_external_access": False,
        }
        self.read_only = read_only
        self._con = duckdb.connect(target, read_only=read_only, config=config)
        self._con.execute("SET enable_progress_bar = false")
        try:
            self._check_schema(read_only)
        except BaseException:
            self._con.close()
            raise

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------------------

    def _check_schema(self, read_only: bool) -> None:
        found = self._con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'schema_version'"
        ).fetchone()
        if found and found[0]:
            row = self._con.execute("SELECT max(version) FROM schema_version").fetchone()
            version = row[0] if row else None
            if version != SCHEMA_VERSION:
                raise StoreError(
                    f"store has schema version {version}; this thucydides uses {SCHEMA_VERSION}"
                )
            return
        if read_only:
            raise StoreError("not a thucydides store (no schema_version table)")
        self._con.begin()
        for statement in schema_ddl():
            self._con.execute(statement)
        self._con.execute("INSERT INTO schema_version VALUES (?)", [SCHEMA_VERSION])
        self._con.commit()

    # -- ingest ---------------------------------------------------------------------------

    def ingest(self, documents: Iterable[Document]) -> IngestStats:
        """Store documents: unchanged ones (same id and hash) are skipped, changed ones
        replace all their old rows.

        Documents are converted and inserted in batches (one Arrow table per table per
        batch). A batch is one transaction; if it fails, its documents are retried one per
        transaction, so a bad document is reported in ``errors`` and never costs the others
        (nor anything already stored). A replaced document's delete and insert are always in
        the same transaction.
        """
        if self.read_only:
            raise StoreError("the store is open read-only")
        stats = IngestStats()
        for chunk in _chunks_with_unique_ids(documents, _INGEST_BATCH):
            self._ingest_chunk(chunk, stats)
        return stats

    def _ingest_chunk(self, chunk: list[Document], stats: IngestStats) -> None:
        stored = self._stored_hashes([_doc_id_of(doc) for doc in chunk])
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        pending: Pending = []
        for doc in chunk:
            doc_id = _doc_id_of(doc)
            if doc_id in stored and stored[doc_id] == getattr(doc, "content_hash", None):
                stats.unchanged += 1
                continue
            try:
                pending.append((doc_id, document_rows(doc, now)))
            except Exception as error:
                stats.errors.append(f"{doc_id}: {error!r}")
        try:
            self._write(pending, stored)
        except Exception:
            self._write_one_by_one(pending, stored, stats)
            return
        for doc_id, rows in pending:
            _count(stats, doc_id in stored, rows)

    def _write_one_by_one(
        self, pending: Pending, stored: dict[str, str], stats: IngestStats
    ) -> None:
        for doc_id, rows in pending:
            try:
                self._write([(doc_id, rows)], stored)
            except Exception as error:
                stats.errors.append(f"{doc_id}: {error!r}")
                continue
            _count(stats, doc_id in stored, rows)

    def stored_hashes(self, doc_ids: list[str]) -> dict[str, str]:
        """doc_id -> content_hash of those of ``doc_ids`` that are stored (one query): lets
        an ingest skip unchanged documents before any NLP runs."""
        return self._stored_hashes(doc_ids)

    def _stored_hashes(self, doc_ids: list[str]) -> dict[str, str]:
        rows = self._con.execute(
            "SELECT doc_id, content_hash FROM documents WHERE doc_id IN (SELECT unnest(?))",
            [doc_ids],
        ).fetchall()
        return dict(rows)

    def _write(self, pending: Pending, stored: dict[str, str]) -> None:
        """Delete the old rows of replaced documents and insert the new ones, atomically."""
        if not pending:
            return
        replaced = [doc_id for doc_id, _ in pending if doc_id in stored]
        self._con.begin()
        try:
            if replaced:
                for table in TABLES:
                    self._con.execute(
                        f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))", [replaced]
                    )
            for table in TABLES:
                rows = [row for _, doc_rows in pending for row in doc_rows[table]]
                if rows:
                    self._insert(table, pa.Table.from_pylist(rows, schema=arrow_schema(table)))
            self._con.commit()
        except BaseException:
            self._con.rollback()
            self._con.unregister("incoming_rows")
            raise

    def _insert(self, table: str, rows: pa.Table) -> None:
        """Insert a batch. On failure the view is left for ``_write`` to drop after its
        rollback (dropping it inside the aborted transaction would hide the real error)."""
        self._con.register("incoming_rows", rows)
        self._con.execute(
            f"INSERT INTO {table} BY NAME SELECT {_insert_select(table)} FROM incoming_rows"
        )
        self._con.unregister("incoming_rows")

    # -- queries --------------------------------------------------------------------------

    def events(self, f: EventFilter) -> pa.Table:
        """Events matching every given filter, in date order (undated last)."""
        where, params = event_conditions(f)
        return self._query(*_ordered_page("events", _EVENT_COLUMNS, _EVENT_ORDER, where, params, f))

    def quotes(self, f: QuoteFilter) -> pa.Table:
        """Quotes matching every given filter, in document-date order (undated last)."""
        where, params = quote_conditions(f)
        return self._query(*_ordered_page("quotes", _QUOTE_COLUMNS, _QUOTE_ORDER, where, params, f))

    def dyad_series(
        self,
        actor: str | None,
        recipient: str | None,
        interval: str = "week",
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> pa.Table:
        """Events from ``actor`` to ``recipient`` (codes or name fragments, as in
        ``EventFilter``) per day/week/month: count, Goldstein sum and per-quad-class counts.

        Periods without events inside the range are included with zero counts; the range is
        ``since``..``until`` when given, else the first..last period with events.
        """
        if interval not in _INTERVALS:
            raise ValueError(f"interval must be one of {', '.join(_INTERVALS)}, not {interval!r}")
        where, params = event_conditions(
            EventFilter(actor=actor, recipient=recipient, since=since, until=until)
        )
        where += " AND date IS NOT NULL" if where else "WHERE date IS NOT NULL"
        classes = sorted(quad_labels())
        quads = ", ".join(f"count(*) FILTER (WHERE quad_class = {q}) AS quad{q}" for q in classes)
        filled = ", ".join(f"coalesce(c.quad{q}, 0) AS quad{q}" for q in classes)
        sql = f"""
            WITH counts AS (
                SELECT date_trunc(?, date)::DATE AS period, count(*) AS events,
                       sum(goldstein) AS goldstein_sum, {quads}
                FROM events {where}
                GROUP BY ALL),
            bounds AS (
                SELECT coalesce(date_trunc(?, ?::DATE)::DATE, min(period)) AS lo,
                       coalesce(date_trunc(?, ?::DATE)::DATE, max(period)) AS hi
                FROM counts),
            periods AS (
                SELECT unnest(generate_series(lo, hi, {_INTERVALS[interval]}))::DATE AS period
                FROM bounds WHERE lo IS NOT NULL AND hi IS NOT NULL)
            SELECT p.period, coalesce(c.events, 0) AS events,
                   coalesce(c.goldstein_sum, 0.0) AS goldstein_sum, {filled}
            FROM periods p LEFT JOIN counts c USING (period)
            ORDER BY p.period"""
        return self._query(sql, [interval, *params, interval, since, interval, until])

    def actor_counts(self, limit: int | None = 50) -> pa.Table:
        """Codes by how many events they appear in as actor and as recipient."""
        sql = """
            WITH a AS (SELECT unnest(list_distinct(actor_codes)) AS code FROM events),
                 r AS (SELECT unnest(list_distinct(recipient_codes)) AS code FROM events),
                 ac AS (SELECT code, count(*) AS n FROM a GROUP BY code),
                 rc AS (SELECT code, count(*) AS n FROM r GROUP BY code)
            SELECT code, coalesce(ac.n, 0) AS as_actor, coalesce(rc.n, 0) AS as_recipient
            FROM ac FULL OUTER JOIN rc USING (code)
            WHERE code IS NOT NULL
            ORDER BY as_actor + as_recipient DESC, code"""
        return self._query(*_paged(sql, [], limit, 0))

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """The document with all its annotations, shaped like ``dataclasses.asdict`` of
        the ``Document`` it was stored from, plus ``body``, ``captions`` and ``ingested_at``."""
        head = self._query("SELECT * FROM documents WHERE doc_id = ?", [doc_id]).to_pylist()
        if not head:
            return None
        rows = {
            table: self._query(
                f"SELECT {_stored_columns(table)} FROM {table} WHERE doc_id = ? ORDER BY {order}",
                [doc_id],
            ).to_pylist()
            for table, order in _ROW_ORDER.items()
        }
        return _document_record(head[0], rows)

    def rebuild_happenings(
        self, window_days: int = DEFAULT_WINDOW_DAYS, full: bool = False
    ) -> int:
        """Merge reports of one happening across documents (see ``dedup``); returns how many
        happenings were (re)computed."""
        return dedup.rebuild(self._con, window_days, full)

    def happenings(self, f: HappeningFilter) -> pa.Table:
        """Deduplicated happenings, most widely reported first."""
        if not dedup.has_tables(self._con):
            raise StoreError("no happenings yet (run `thucydides happenings --rebuild`)")
        return dedup.query(self._con, f)

    def happening_reports(self, happening_id: str) -> pa.Table:
        """The per-sentence event reports merged into one happening."""
        if not dedup.has_tables(self._con):
            raise StoreError("no happenings yet (run `thucydides happenings --rebuild`)")
        return dedup.reports(self._con, happening_id)

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        sql = " UNION ALL ".join(f"SELECT '{t}' AS name, count(*) AS n FROM {t}" for t in TABLES)
        return {row["name"]: row["n"] for row in self._query(sql, []).to_pylist()}

    def _query(self, sql: str, params: list[Any]) -> pa.Table:
        """Run one read query on its own cursor (so that threads may share a Store)."""
        with self._con.cursor() as cur:
            result: pa.Table = cur.sql(sql, params=params).to_arrow_table()
        return result


# -- DDL ----------------------------------------------------------------------------------


def schema_ddl() -> list[str]:
    """CREATE statements for every table (``documents.doc_id`` is the primary key)."""
    statements = ["CREATE TABLE schema_version (version INTEGER NOT NULL)"]
    for table, columns in TABLES.items():
        defs = [
            " ".join(filter(None, (name, sql, _COLUMN_OPTIONS.get((table, name)))))
            for name, sql in columns
        ]
        statements.append(f"CREATE TABLE {table} ({', '.join(defs)})")
    return statements


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of a batch of rows for ``table``. Arrow has no unsigned 128-bit
    integer, so a UHUGEINT column travels as two UBIGINT halves, ``<name>_hi``/``_lo``."""
    fields = []
    for name, sql in TABLES[table]:
        if sql == "UHUGEINT":
            fields += [(f"{name}_hi", pa.uint64()), (f"{name}_lo", pa.uint64())]
        else:
            fields.append((name, _ARROW_TYPES[sql]))
    return pa.schema(fields)


def _stored_columns(table: str) -> str:
    """The SELECT list of a table's stored fields (its search-only columns left out)."""
    return f"* EXCLUDE ({_SEARCH_COLUMNS[table]})" if table in _SEARCH_COLUMNS else "*"


def _insert_select(table: str) -> str:
    """The SELECT list that turns a batch (see ``arrow_schema``) into table rows."""
    wide = [name for name, sql in TABLES[table] if sql == "UHUGEINT"]
    if not wide:
        return "*"
    halves = ", ".join(f"{name}_hi, {name}_lo" for name in wide)
    joined = ", ".join(
        f"({name}_hi::UHUGEINT << 64::UHUGEINT) | {name}_lo::UHUGEINT AS {name}" for name in wide
    )
    return f"* EXCLUDE ({halves}), {joined}"


# -- filters ------------------------------------------------------------------------------


def event_conditions(f: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause (with ``?`` placeholders) and its parameters for an event filter."""
    parts: list[tuple[str, list[Any]]] = []
    if f.actor:
        parts.append(_party_condition("actor", f.actor))
    if f.recipient:
        parts.append(_party_condition("recipient", f.recipient))
    if f.type:
        parts.append(("event = ?", [f.type.strip().upper()]))
    if f.quad_class is not None:
        parts.append(("quad_class = ?", [int(f.quad_class)]))
    if f.since:
        parts.append(("date >= ?", [f.since]))
    if f.until:
        parts.append(("date <= ?", [f.until]))
    if f.place_country:
        parts.append(("place_country = ?", [f.place_country.strip().upper()]))
    if f.near:
        parts.append(_near_condition(*f.near))
    if f.text:
        parts.extend(_sentence_words_condition(f.text))
    if f.modality:
        parts.append(("modality = ?", [f.modality.strip().lower()]))
    if f.doc_id:
        parts.append(("doc_id = ?", [f.doc_id]))
    return _where(parts)


def quote_conditions(f: QuoteFilter) -> tuple[str, list[Any]]:
    """The WHERE clause and parameters for a quote filter (dates on the document date)."""
    parts: list[tuple[str, list[Any]]] = []
    if f.speaker:
        value = f.speaker.strip()
        if _CODE.fullmatch(value):
            parts.append(("speaker_code = ?", [value]))
        else:
            parts.append(("contains(speaker_search, ?)", [value.lower()]))
    if f.contains:
        parts.extend(_words_condition("content_text", f.contains))
    if f.since:
        parts.append(("doc_date >= ?", [f.since]))
    if f.until:
        parts.append(("doc_date <= ?", [f.until]))
    if f.doc_id:
        parts.append(("doc_id = ?", [f.doc_id]))
    return _where(parts)


def _party_condition(role: str, value: str) -> tuple[str, list[Any]]:
    """An actor/recipient filter: 2-4 capital letters are a code ("RUS", "IGO"); anything
    else is a case-insensitive fragment of the canonical name or the mention text."""
    value = value.strip()
    if _CODE.fullmatch(value):
        return (f"list_contains({role}_codes, ?)", [value])
    return (f"contains({role}_search, ?)", [value.lower()])


def words_of(text: str) -> list[str]:
    """The lower-cased words of a text, as the word filters and signatures see them."""
    return _WORD.findall(text.lower())


def _words_condition(column: str, text: str) -> list[tuple[str, list[Any]]]:
    """Every word of ``text`` must occur as a whole word in the column, ignoring case (a
    text without words matches nothing)."""
    words = list(dict.fromkeys(words_of(text)))
    if not words:
        return [("false", [])]
    return [
        (f"regexp_matches({column}, ?)", [f"(?i)(^|{_NOT_WORD}){re.escape(word)}({_NOT_WORD}|$)"])
        for word in words
    ]


def _sentence_words_condition(text: str) -> list[tuple[str, list[Any]]]:
    """Every word of ``text`` must be a word of the event sentence: the signature test,
    then the exact test on the normalised ``sentence_words`` (no words: no match)."""
    words = list(dict.fromkeys(words_of(text)))
    if not words:
        return [("false", [])]
    mask = text_signature(words)
    parts: list[tuple[str, list[Any]]] = []
    if mask:
        parts.append(("(sentence_sig & ?::UHUGEINT) = ?::UHUGEINT", [mask, mask]))
    parts.extend(("contains(sentence_words, ?)", [f" {word} "]) for word in words)
    return parts


def word_bits(word: str) -> tuple[int, int]:
    """The two signature bit positions of a lower-cased word."""
    digest = int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "big")
    return digest % SIGNATURE_BITS, (digest >> 32) % SIGNATURE_BITS


def text_signature(words: Iterable[str]) -> int:
    """The word signature of a list of words (as given by ``words_of``)."""
    signature = 0
    for word in set(words) - SIGNATURE_STOPWORDS:
        for bit in word_bits(word):
            signature |= 1 << bit
    return signature


def _near_condition(lat: float, lon: float, radius_km: float) -> tuple[str, list[Any]]:
    """Event places within ``radius_km`` of (lat, lon): a bounding box that DuckDB can test
    cheaply, then the exact haversine distance."""
    lat, lon, radius_km = float(lat), float(lon), float(radius_km)
    dlat = radius_km / KM_PER_DEGREE
    box = "place_lat BETWEEN ? AND ?"
    params: list[Any] = [lat - dlat, lat + dlat]
    cos_lat = math.cos(math.radians(lat))
    if abs(lat) + dlat < 89.0 and cos_lat > 0:
        dlon = dlat / cos_lat
        if lon - dlon >= -180.0 and lon + dlon <= 180.0:
            box += " AND place_lon BETWEEN ? AND ?"
            params += [lon - dlon, lon + dlon]
    haversine = (
        f"2 * {EARTH_RADIUS_KM} * asin(sqrt("
        "pow(sin(radians(place_lat - ?) / 2), 2) + "
        "cos(radians(?)) * cos(radians(place_lat)) * pow(sin(radians(place_lon - ?) / 2), 2)"
        ")) <= ?"
    )
    return (f"{box} AND {haversine}", [*params, lat, lat, lon, radius_km])


def _where(parts: list[tuple[str, list[Any]]]) -> tuple[str, list[Any]]:
    if not parts:
        return "", []
    params = [value for _, values in parts for value in values]
    return "WHERE " + " AND ".join(f"({sql})" for sql, _ in parts), params


def _ordered_page(
    table: str,
    columns: str,
    order: str,
    where: str,
    params: list[Any],
    f: EventFilter | QuoteFilter,
) -> tuple[str, list[Any]]:
    """Select, order and page the matching rows first, then compute the readable columns
    for that page only (joining lists into strings for every match would cost more than
    the search itself)."""
    inner = f"SELECT * FROM {table} {where} ORDER BY {order}"
    inner, params = _paged(inner, params, f.limit, f.offset)
    return f"SELECT {columns} FROM ({inner}) ORDER BY {order}", params


def _paged(sql: str, params: list[Any], limit: int | None, offset: int) -> tuple[str, list[Any]]:
    if limit is not None:
        sql += " LIMIT ?"
        params = [*params, int(limit)]
    if offset:
        sql += " OFFSET ?"
        params = [*params, int(offset)]
    return sql, params


# -- documents -> rows --------------------------------------------------------------------


def document_rows(doc: Document, ingested_at: dt.datetime) -> Rows:
    """A document's rows for every store table (Arrow tables are built per batch)."""
    sentences = {s.index: s for s in doc.sentences}
    return {
        "documents": [_document_row(doc, ingested_at)],
        "paragraphs": [
            {"doc_id": doc.doc_id, "paragraph": i, "start_char": p.start, "end_char": p.end,
             "kind": p.kind}
            for i, p in enumerate(doc.paragraphs)
        ],
        "sentences": [
            {"doc_id": doc.doc_id, "sentence": s.index, "paragraph": s.paragraph,
             "start_char": s.start, "end_char": s.end, "text": s.text}
            for s in doc.sentences
        ],
        "events": [_event_row(doc.doc_id, i, e, sentences) for i, e in enumerate(doc.events)],
        "event_actors": [
            _actor_row(doc.doc_id, i, role, position, actor)
            for i, e in enumerate(doc.events)
            for role, actors in (("actor", e.actor), ("recipient", e.recipient))
            for position, actor in enumerate(actors)
        ],
        "quotes": [_quote_row(doc, i, q) for i, q in enumerate(doc.quotes)],
        "timexes": [
            {"doc_id": doc.doc_id, "timex_index": i, "sentence": t.sentence, "start_char": t.start,
             "end_char": t.end, "text": t.text, "type": t.type, "value": t.value,
             "resolved": t.resolved}
            for i, t in enumerate(doc.timexes)
        ],
        "places": [_place_row(doc.doc_id, i, p) for i, p in enumerate(doc.places)],
    }


def _document_row(doc: Document, ingested_at: dt.datetime) -> dict[str, Any]:
    return {
        "doc_id": doc.doc_id, "content_hash": doc.content_hash, "origin": doc.origin,
        "url": doc.url, "title": doc.title, "author": doc.author, "site": doc.site,
        "date": doc.date, "language": doc.language, "text": doc.text, "body": doc.body,
        "captions": doc.captions,
        "extra": json.dumps(doc.extra, ensure_ascii=False, default=str),
        "ingested_at": ingested_at,
    }


def _event_row(doc_id: str, index: int, e: Event, sentences: dict[int, Any]) -> dict[str, Any]:
    sentence = sentences.get(e.sentence)
    words = words_of(sentence.text) if sentence else []
    signature = text_signature(words)
    return {
        "doc_id": doc_id, "event_index": index, "sentence": e.sentence,
        "sentence_start": sentence.start if sentence else None,
        "sentence_end": sentence.end if sentence else None,
        "sentence_text": sentence.text if sentence else None,
        "sentence_words": f" {' '.join(words)} ",
        "sentence_sig_hi": signature >> 64,
        "sentence_sig_lo": signature & (2**64 - 1),
        "event": e.event, "mode": e.mode, "context": list(e.context), "cameo": e.cameo,
        "goldstein": e.goldstein, "quad_class": e.quad_class, "modality": e.modality,
        "confidence": e.confidence, "rule": e.rule,
        **_span_fields("trigger", e.trigger),
        **_party_fields("actor", e.actor),
        **_party_fields("recipient", e.recipient),
        "date": event_day(e.date), "date_value": e.date, "date_source": e.date_source,
        **_span_fields("date", e.date_span),
        **_event_place_fields(e.event_loc),
    }


def _party_fields(role: str, actors: list[Actor]) -> dict[str, Any]:
    searchable = [part for a in actors for part in (a.name, a.text) if part]
    return {
        f"{role}_codes": [a.code for a in actors],
        f"{role}_names": [a.name or a.text for a in actors],
        f"{role}_sectors": [a.sector for a in actors],
        f"{role}_search": _SEARCH_SEPARATOR.join(searchable).lower(),
    }


def _event_place_fields(place: Place | None) -> dict[str, Any]:
    return {
        **_span_fields("place", place),
        "place_sentence": place.sentence if place else None,
        "place_name": place.name if place else None,
        "place_geonameid": place.geonameid if place else None,
        "place_lat": place.lat if place else None,
        "place_lon": place.lon if place else None,
        "place_country": place.country_code if place else None,
        "place_feature": place.feature if place else None,
    }


def _span_fields(prefix: str, span: Span | Place | Actor | None) -> dict[str, Any]:
    return {
        f"{prefix}_start": span.start if span else None,
        f"{prefix}_end": span.end if span else None,
        f"{prefix}_text": span.text if span else None,
    }


def _actor_row(doc_id: str, event: int, role: str, position: int, a: Actor) -> dict[str, Any]:
    return {
        "doc_id": doc_id, "event_index": event, "role": role, "position": position,
        "text": a.text, "start_char": a.start, "end_char": a.end, "code": a.code,
        "sector": a.sector, "name": a.name, "rule": a.rule,
    }


def _quote_row(doc: Document, index: int, q: Quote) -> dict[str, Any]:
    speaker = q.speaker_actor
    names = (
        speaker.name if speaker else None,
        speaker.text if speaker else None,
        q.speaker.text if q.speaker else None,
    )
    searchable = [name for name in names if name]
    return {
        "doc_id": doc.doc_id, "quote_index": index, "doc_date": doc.date,
        "sentence": q.sentence, "type": q.type,
        **_span_fields("content", q.content),
        **_span_fields("speaker", q.speaker),
        **_span_fields("cue", q.cue),
        **_span_fields("speaker_actor", speaker),
        "speaker_code": speaker.code if speaker else None,
        "speaker_sector": speaker.sector if speaker else None,
        "speaker_name": speaker.name if speaker else None,
        "speaker_rule": speaker.rule if speaker else None,
        "speaker_search": _SEARCH_SEPARATOR.join(searchable).lower(),
        "events": list(q.events),
    }


def _place_row(doc_id: str, index: int, p: Place) -> dict[str, Any]:
    return {
        "doc_id": doc_id, "place_index": index, "sentence": p.sentence, "start_char": p.start,
        "end_char": p.end, "text": p.text, "name": p.name, "geonameid": p.geonameid,
        "lat": p.lat, "lon": p.lon, "country_code": p.country_code, "feature": p.feature,
    }


_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")


def event_day(value: str | None) -> dt.date | None:
    """The DATE stored for a TIMEX3-style event date: the day itself, or the first day of a
    week ("2025-W11") or month ("2025-03"); None for anything vaguer or unresolved."""
    if not value:
        return None
    try:
        if match := _DAY.match(value):
            return dt.date(*(int(g) for g in match.groups()))
        if match := _WEEK.fullmatch(value):
            return dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
        if match := _MONTH.fullmatch(value):
            return dt.date(int(match[1]), int(match[2]), 1)
    except ValueError:
        return None
    return None


# -- rows -> document ---------------------------------------------------------------------


def _document_record(head: dict[str, Any], rows: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    actors: dict[tuple[int, str], list[dict[str, Any]]] = {}
    for row in rows["event_actors"]:
        actors.setdefault((row["event_index"], row["role"]), []).append(_actor_record(row))
    return {
        **{key: head[key] for key in ("doc_id", "text", "origin", "content_hash", "date", "url",
                                      "title", "author", "site", "language")},
        "paragraphs": [
            {"start": r["start_char"], "end": r["end_char"], "kind": r["kind"]}
            for r in rows["paragraphs"]
        ],
        "sentences": [
            {"index": r["sentence"], "start": r["start_char"], "end": r["end_char"],
             "text": r["text"], "paragraph": r["paragraph"]}
            for r in rows["sentences"]
        ],
        "events": [_event_record(r, actors) for r in rows["events"]],
        "quotes": [_quote_record(r) for r in rows["quotes"]],
        "timexes": [
            {"start": r["start_char"], "end": r["end_char"], "text": r["text"], "type": r["type"],
             "value": r["value"], "sentence": r["sentence"], "resolved": r["resolved"]}
            for r in rows["timexes"]
        ],
        "places": [_place_record(r) for r in rows["places"]],
        "extra": json.loads(head["extra"]) if head["extra"] else {},
        "body": head["body"],
        "captions": head["captions"],
        "ingested_at": head["ingested_at"],
    }


def _span_record(row: dict[str, Any], prefix: str) -> dict[str, Any] | None:
    if row[f"{prefix}_start"] is None and row[f"{prefix}_text"] is None:
        return None
    return {key: row[f"{prefix}_{key}"] for key in ("start", "end", "text")}


def _actor_record(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "text": row["text"], "start": row["start_char"], "end": row["end_char"],
        "code": row["code"], "sector": row["sector"], "name": row["name"], "rule": row["rule"],
    }


def _place_record(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "start": row["start_char"], "end": row["end_char"], "text": row["text"],
        "sentence": row["sentence"], "name": row["name"], "geonameid": row["geonameid"],
        "lat": row["lat"], "lon": row["lon"], "country_code": row["country_code"],
        "feature": row["feature"],
    }


def _event_record(
    row: dict[str, Any], actors: dict[tuple[int, str], list[dict[str, Any]]]
) -> dict[str, Any]:
    index = row["event_index"]
    place = None
    if row["place_text"] is not None:
        place = {
            "start": row["place_start"], "end": row["place_end"], "text": row["place_text"],
            "sentence": row["place_sentence"], "name": row["place_name"],
            "geonameid": row["place_geonameid"], "lat": row["place_lat"], "lon": row["place_lon"],
            "country_code": row["place_country"], "feature": row["place_feature"],
        }
    return {
        "event": row["event"], "trigger": _span_record(row, "trigger"), "sentence": row["sentence"],
        "mode": row["mode"], "context": row["context"], "cameo": row["cameo"],
        "goldstein": row["goldstein"], "quad_class": row["quad_class"],
        "actor": actors.get((index, "actor"), []),
        "recipient": actors.get((index, "recipient"), []),
        "modality": row["modality"], "confidence": row["confidence"], "rule": row["rule"],
        "date": row["date_value"], "date_source": row["date_source"],
        "date_span": _span_record(row, "date"), "event_loc": place,
    }


def _quote_record(row: dict[str, Any]) -> dict[str, Any]:
    speaker_actor = None
    if row["speaker_actor_text"] is not None:
        speaker_actor = {
            "text": row["speaker_actor_text"], "start": row["speaker_actor_start"],
            "end": row["speaker_actor_end"], "code": row["speaker_code"],
            "sector": row["speaker_sector"], "name": row["speaker_name"],
            "rule": row["speaker_rule"],
        }
    return {
        "content": _span_record(row, "content"), "type": row["type"], "sentence": row["sentence"],
        "speaker": _span_record(row, "speaker"), "speaker_actor": speaker_actor,
        "cue": _span_record(row, "cue"), "events": row["events"],
    }


# -- helpers ------------------------------------------------------------------------------


def _doc_id_of(doc: Any) -> str:
    """The doc_id of a document, or a description of a thing that is not one."""
    return str(doc.doc_id) if hasattr(doc, "doc_id") else f"<{type(doc).__name__}>"


def _count(stats: IngestStats, replaced: bool, rows: Rows) -> None:
    if replaced:
        stats.replaced += 1
    else:
        stats.added += 1
    stats.events += len(rows["events"])
    stats.quotes += len(rows["quotes"])


def _chunks_with_unique_ids(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Batches of at most ``size`` documents in which no doc_id repeats (a repeat starts a
    new batch, so the second version is compared against the first once it is stored)."""
    chunk: list[Document] = []
    ids: set[str] = set()
    for doc in documents:
        doc_id = _doc_id_of(doc)
        if len(chunk) >= size or doc_id in ids:
            yield chunk
            chunk, ids = [], set()
        chunk.append(doc)
        ids.add(doc_id)
    if chunk:
        yield chunk

