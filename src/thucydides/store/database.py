"""The ``Store`` class: opening the DuckDB file, ingesting documents and querying them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from thucydides import dedup
from thucydides.dedup import DEFAULT_WINDOW_DAYS, HappeningFilter
from thucydides.model import Document
from thucydides.ontology import quad_labels
from thucydides.store.document import stored_document
from thucydides.store.filters import (
    EventFilter,
    QuoteFilter,
    event_conditions,
    ordered_page,
    paged,
    quote_conditions,
)
from thucydides.store.ingest import (
    INGEST_BATCH,
    IngestStats,
    chunks_with_unique_ids,
    count_rows,
    doc_id_of,
)
from thucydides.store.rows import Pending, document_rows
from thucydides.store.schema import (
    ROW_ORDER,
    SCHEMA_VERSION,
    TABLES,
    arrow_schema,
    insert_select,
    schema_ddl,
    stored_columns,
)

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


class StoreError(Exception):
    """The store file cannot be used (missing, or written by another schema version)."""


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
        for chunk in chunks_with_unique_ids(documents, INGEST_BATCH):
            self._ingest_chunk(chunk, stats)
        return stats

    def _ingest_chunk(self, chunk: list[Document], stats: IngestStats) -> None:
        stored = self._stored_hashes([doc_id_of(doc) for doc in chunk])
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        pending: Pending = []
        for doc in chunk:
            doc_id = doc_id_of(doc)
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
            count_rows(stats, doc_id in stored, rows)

    def _write_one_by_one(
        self, pending: Pending, stored: dict[str, str], stats: IngestStats
    ) -> None:
        for doc_id, rows in pending:
            try:
                self._write([(doc_id, rows)], stored)
            except Exception as error:
                stats.errors.append(f"{doc_id}: {error!r}")
                continue
            count_rows(stats, doc_id in stored, rows)

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
            f"INSERT INTO {table} BY NAME SELECT {insert_select(table)} FROM incoming_rows"
        )
        self._con.unregister("incoming_rows")

    # -- queries --------------------------------------------------------------------------

    def events(self, f: EventFilter) -> pa.Table:
        """Events matching every given filter, in date order (undated last)."""
        where, params = event_conditions(f)
        return self._query(*ordered_page("events", _EVENT_COLUMNS, _EVENT_ORDER, where, params, f))

    def quotes(self, f: QuoteFilter) -> pa.Table:
        """Quotes matching every given filter, in document-date order (undated last)."""
        where, params = quote_conditions(f)
        return self._query(*ordered_page("quotes", _QUOTE_COLUMNS, _QUOTE_ORDER, where, params, f))

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
        return self._query(*paged(sql, [], limit, 0))

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """The document with all its annotations, shaped like ``dataclasses.asdict`` of
        the ``Document`` it was stored from, plus ``body``, ``captions`` and ``ingested_at``."""
        head = self._query("SELECT * FROM documents WHERE doc_id = ?", [doc_id]).to_pylist()
        if not head:
            return None
        rows = {
            table: self._query(
                f"SELECT {stored_columns(table)} FROM {table} WHERE doc_id = ? ORDER BY {order}",
                [doc_id],
            ).to_pylist()
            for table, order in ROW_ORDER.items()
        }
        return stored_document(head[0], rows)

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
