"""The store schema: every table's columns and DuckDB types (the single definition behind
the DDL, the Arrow schemas of inserted batches and ``docs/schema.md``), and the SQL built
from it."""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = 2

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
    "INTEGER[][]": pa.list_(pa.list_(pa.int32())),
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
        ("content_fragments", "INTEGER[][]"),
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
ROW_ORDER: dict[str, str] = {
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


def stored_columns(table: str) -> str:
    """The SELECT list of a table's stored fields (its search-only columns left out)."""
    return f"* EXCLUDE ({_SEARCH_COLUMNS[table]})" if table in _SEARCH_COLUMNS else "*"


def insert_select(table: str) -> str:
    """The SELECT list that turns a batch (see ``arrow_schema``) into table rows."""
    wide = [name for name, sql in TABLES[table] if sql == "UHUGEINT"]
    if not wide:
        return "*"
    halves = ", ".join(f"{name}_hi, {name}_lo" for name in wide)
    joined = ", ".join(
        f"({name}_hi::UHUGEINT << 64::UHUGEINT) | {name}_lo::UHUGEINT AS {name}" for name in wide
    )
    return f"* EXCLUDE ({halves}), {joined}"
