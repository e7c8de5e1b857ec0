"""Documents -> rows: one document's rows for every store table, ready to insert."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from thucydides.model import Actor, Document, Event, Place, Quote, Span
from thucydides.store.words import text_signature, words_of

_SEARCH_SEPARATOR = "\x1f"

Rows = dict[str, list[dict[str, Any]]]
"""One document's rows: store table -> rows as column -> value dicts."""
Pending = list[tuple[str, Rows]]
"""Documents ready to write: (doc_id, its rows)."""


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
        "content_fragments": [[piece.start, piece.end] for piece in q.fragments],
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
