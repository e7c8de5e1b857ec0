"""The DuckDB store: processed documents in, filtered events and quotes out.

The schema (documented column by column in ``docs/schema.md``) keeps full provenance: every
event row carries its document, sentence index, sentence text and character offsets. The
``events`` table is deliberately flat, with actor and recipient codes/names denormalised into
list columns, so that the common queries scan one table without joins; the ``event_actors``
table holds the same actors one row each, with their offsets and the rule that coded them.

Only bound parameters reach SQL: filter values are never formatted into a statement.

The package: ``schema`` (tables, columns, DDL), ``words`` (sentence words and signatures),
``filters`` (event and quote filters -> SQL), ``rows`` (documents -> rows), ``document``
(rows -> document), ``ingest`` (ingest counts and batches) and ``database`` (the ``Store``).
"""

from thucydides.dedup import DEFAULT_WINDOW_DAYS, HappeningFilter
from thucydides.store.database import Store, StoreError
from thucydides.store.filters import (
    EARTH_RADIUS_KM,
    KM_PER_DEGREE,
    EventFilter,
    QuoteFilter,
    event_conditions,
    quote_conditions,
)
from thucydides.store.ingest import IngestStats
from thucydides.store.rows import Pending, Rows, document_rows, event_day
from thucydides.store.schema import SCHEMA_VERSION, TABLES, arrow_schema, schema_ddl
from thucydides.store.words import (
    SIGNATURE_BITS,
    SIGNATURE_STOPWORDS,
    text_signature,
    word_bits,
    words_of,
)

__all__ = [
    "DEFAULT_WINDOW_DAYS",
    "EARTH_RADIUS_KM",
    "KM_PER_DEGREE",
    "SCHEMA_VERSION",
    "SIGNATURE_BITS",
    "SIGNATURE_STOPWORDS",
    "TABLES",
    "EventFilter",
    "HappeningFilter",
    "IngestStats",
    "Pending",
    "QuoteFilter",
    "Rows",
    "Store",
    "StoreError",
    "arrow_schema",
    "document_rows",
    "event_conditions",
    "event_day",
    "quote_conditions",
    "schema_ddl",
    "text_signature",
    "word_bits",
    "words_of",
]
