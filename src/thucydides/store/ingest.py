"""Ingest bookkeeping: the counts an ingest reports and the batches documents are written in."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from thucydides.model import Document
from thucydides.store.rows import Rows

INGEST_BATCH = 256


@dataclass
class IngestStats:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    events: int = 0
    quotes: int = 0
    errors: list[str] = field(default_factory=list)
    """One ``"doc_id: problem"`` line per document that could not be stored."""


def doc_id_of(doc: Any) -> str:
    """The doc_id of a document, or a description of a thing that is not one."""
    return str(doc.doc_id) if hasattr(doc, "doc_id") else f"<{type(doc).__name__}>"


def count_rows(stats: IngestStats, replaced: bool, rows: Rows) -> None:
    if replaced:
        stats.replaced += 1
    else:
        stats.added += 1
    stats.events += len(rows["events"])
    stats.quotes += len(rows["quotes"])


def chunks_with_unique_ids(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Batches of at most ``size`` documents in which no doc_id repeats (a repeat starts a
    new batch, so the second version is compared against the first once it is stored)."""
    chunk: list[Document] = []
    ids: set[str] = set()
    for doc in documents:
        doc_id = doc_id_of(doc)
        if len(chunk) >= size or doc_id in ids:
            yield chunk
            chunk, ids = [], set()
        chunk.append(doc)
        ids.add(doc_id)
    if chunk:
        yield chunk
