"""Deduplicate events across documents: many reports of one happening become one row.

Two reports are of the same happening when they have the same PLOVER type, the same actor
country codes, the same recipient country codes, the same place (its GeoNames id, or its
country when no city was found) and event days no more than ``window`` days apart (chained:
a, b, c with gaps of one day are one happening). A report without an event date is placed
on its document's date. Reports that name no actor or recipient code at all, or that have no
day, are too vague to merge and stay happenings of their own.

Everything runs in SQL over the ``events`` table, so that a million events take seconds. The
``happenings`` table holds one row per happening with its counts of reports, articles
(distinct documents) and sources (distinct sites: the page's site name, else the URL's host);
``happening_reports`` links each happening to its reports, which stay in ``events``. A rebuild
is incremental by default: only the groups touched by documents ingested since the last build
(or by reports that no longer exist) are recomputed — exactly, since groups never span keys.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import duckdb
import pyarrow as pa

DEFAULT_WINDOW_DAYS = 1
KEY = ("event", "actor_key", "recipient_key", "place_key")

DDL = (
    """CREATE TABLE IF NOT EXISTS happenings (
        happening_id VARCHAR PRIMARY KEY, event VARCHAR, actor_key VARCHAR,
        recipient_key VARCHAR, place_key VARCHAR, cameo VARCHAR, quad_class TINYINT,
        goldstein DOUBLE, place_name VARCHAR, place_country VARCHAR, place_lat DOUBLE,
        place_lon DOUBLE, first_date DATE, last_date DATE, reports INTEGER,
        articles INTEGER, sources INTEGER)""",
    """CREATE TABLE IF NOT EXISTS happening_reports (
        happening_id VARCHAR, doc_id VARCHAR, event_index INTEGER)""",
    """CREATE TABLE IF NOT EXISTS happenings_state (
        window_days INTEGER, watermark TIMESTAMP)""",
)

_CODES = "array_to_string(list_sort(list_distinct({0})), ';')"  # list_distinct drops NULLs
_KEYED = f"""
    SELECT e.doc_id, e.event_index, e.event, e.cameo, e.quad_class, e.goldstein,
           {_CODES.format("e.actor_codes")} AS actor_key,
           {_CODES.format("e.recipient_codes")} AS recipient_key,
           coalesce(CAST(e.place_geonameid AS VARCHAR), e.place_country, '') AS place_key,
           e.place_name, e.place_country, e.place_lat, e.place_lon,
           coalesce(e.date, d.date) AS day,
           lower(coalesce(d.site, regexp_extract(d.url, '^[A-Za-z]+://(?:www\\.)?([^/:?#]+)', 1),
                          d.doc_id)) AS outlet
    FROM events e JOIN documents d USING (doc_id)"""
_GROUPED = f"""
    WITH keyed AS ({_KEYED}),
    solo AS (
        SELECT *, CASE WHEN (actor_key <> '' OR recipient_key <> '') AND day IS NOT NULL
                       THEN '' ELSE doc_id || '#' || event_index END AS alone
        FROM keyed {{where}}),
    gaps AS (
        SELECT *, CASE WHEN date_diff('day', lag(day) OVER w, day) <= ? THEN 0 ELSE 1 END AS fresh
        FROM solo
        WINDOW w AS (PARTITION BY event, actor_key, recipient_key, place_key, alone
                     ORDER BY day, doc_id, event_index)),
    clusters AS (
        SELECT *, sum(fresh) OVER (
            PARTITION BY event, actor_key, recipient_key, place_key, alone
            ORDER BY day, doc_id, event_index ROWS UNBOUNDED PRECEDING) AS cluster
        FROM gaps),
    named AS (
        SELECT *, md5(concat_ws('|', event, actor_key, recipient_key, place_key, alone,
                      min(day) OVER (PARTITION BY event, actor_key, recipient_key, place_key,
                                     alone, cluster))) AS happening_id
        FROM clusters)"""
_INSERT_HAPPENINGS = f"""
    INSERT INTO happenings {_GROUPED}
    SELECT happening_id, any_value(event), any_value(actor_key), any_value(recipient_key),
           any_value(place_key), mode(cameo), mode(quad_class), avg(goldstein),
           mode(place_name), mode(place_country), avg(place_lat), avg(place_lon),
           min(day), max(day), count(*), count(DISTINCT doc_id), count(DISTINCT outlet)
    FROM named GROUP BY happening_id"""
_INSERT_REPORTS = f"""
    INSERT INTO happening_reports {_GROUPED}
    SELECT happening_id, doc_id, event_index FROM named"""
_AFFECTED = f"""
    CREATE OR REPLACE TEMP TABLE affected AS
    SELECT DISTINCT event, actor_key, recipient_key, place_key FROM ({_KEYED}) k
    WHERE k.doc_id IN (SELECT doc_id FROM documents WHERE ingested_at > ?)
    UNION
    SELECT DISTINCT h.event, h.actor_key, h.recipient_key, h.place_key
    FROM happenings h JOIN happening_reports r USING (happening_id)
    WHERE r.doc_id IN (SELECT doc_id FROM documents WHERE ingested_at > ?)
       OR NOT EXISTS (SELECT 1 FROM events e
                      WHERE e.doc_id = r.doc_id AND e.event_index = r.event_index)"""
_IN_AFFECTED = "WHERE (event, actor_key, recipient_key, place_key) IN (SELECT * FROM affected)"


@dataclass
class HappeningFilter:
    type: str | None = None
    actor: str | None = None
    recipient: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    min_sources: int | None = None
    limit: int | None = None


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    for statement in DDL:
        con.execute(statement)


def rebuild(
    con: duckdb.DuckDBPyConnection, window_days: int = DEFAULT_WINDOW_DAYS, full: bool = False
) -> int:
    """Bring the happenings up to date with the events, in one transaction; returns how
    many happenings were (re)computed. A different window than last time forces a full
    rebuild."""
    ensure_tables(con)
    state = con.execute("SELECT window_days, watermark FROM happenings_state").fetchone()
    full = full or state is None or state[0] != window_days
    con.begin()
    try:
        if full:
            con.execute("DELETE FROM happening_reports")
            con.execute("DELETE FROM happenings")
            where = ""
        else:
            assert state is not None
            where = _IN_AFFECTED
            watermark = state[1] or dt.datetime.min
            con.execute(_AFFECTED, [watermark, watermark])
            _delete_affected(con)
        before = _count(con)
        con.execute(_INSERT_HAPPENINGS.format(where=where), [window_days])
        con.execute(_INSERT_REPORTS.format(where=where), [window_days])
        built = _count(con) - before
        con.execute("DELETE FROM happenings_state")
        con.execute(
            "INSERT INTO happenings_state SELECT ?, max(ingested_at) FROM documents", [window_days]
        )
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return built


def _delete_affected(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        f"""DELETE FROM happening_reports WHERE happening_id IN
            (SELECT happening_id FROM happenings {_IN_AFFECTED})"""
    )
    con.execute(f"DELETE FROM happenings {_IN_AFFECTED}")


def _count(con: duckdb.DuckDBPyConnection) -> int:
    row = con.execute("SELECT count(*) FROM happenings").fetchone()
    return int(row[0]) if row else 0


def has_tables(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'happenings'"
    ).fetchone()
    return bool(row and row[0])


def query(con: duckdb.DuckDBPyConnection, f: HappeningFilter) -> pa.Table:
    """Happenings matching the filter, most widely reported first."""
    parts: list[tuple[str, list[Any]]] = []
    if f.type:
        parts.append(("event = ?", [f.type.strip().upper()]))
    if f.actor:
        parts.append(("list_contains(string_split(actor_key, ';'), ?)", [f.actor.strip()]))
    if f.recipient:
        parts.append(("list_contains(string_split(recipient_key, ';'), ?)", [f.recipient.strip()]))
    if f.since:
        parts.append(("last_date >= ?", [f.since]))
    if f.until:
        parts.append(("first_date <= ?", [f.until]))
    if f.min_sources:
        parts.append(("sources >= ?", [int(f.min_sources)]))
    where = " AND ".join(sql for sql, _ in parts)
    params = [value for _, values in parts for value in values]
    sql = f"""
        SELECT happening_id, first_date, last_date, event, cameo, actor_key AS actor,
               recipient_key AS recipient, coalesce(place_name, place_country) AS place,
               place_country, sources, articles, reports, goldstein, quad_class
        FROM happenings {"WHERE " + where if where else ""}
        ORDER BY sources DESC, reports DESC, first_date NULLS LAST, happening_id"""
    if f.limit is not None:
        sql += " LIMIT ?"
        params.append(int(f.limit))
    with con.cursor() as cur:
        result: pa.Table = cur.sql(sql, params=params).to_arrow_table()
    return result


def reports(con: duckdb.DuckDBPyConnection, happening_id: str) -> pa.Table:
    """The raw per-sentence reports of one happening, with their documents."""
    sql = """
        SELECT e.doc_id, e.event_index, e.date, e.event, d.site, d.url, e.sentence_text
        FROM happening_reports r JOIN events e USING (doc_id, event_index)
        JOIN documents d USING (doc_id)
        WHERE r.happening_id = ? ORDER BY e.date NULLS LAST, e.doc_id, e.event_index"""
    with con.cursor() as cur:
        result: pa.Table = cur.sql(sql, params=[happening_id]).to_arrow_table()
    return result
