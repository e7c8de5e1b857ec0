"""JSON records for output: one dict per document, event, quote, time expression and place.

Field names follow the referee's prediction format (``shared/eval/README.md``), which follows
the PLOVER data fields: ``event``, ``mode``, ``context``, ``actor``, ``recipient``,
``event_loc``, plus ``cameo``, ``goldstein``, ``quad_class``, ``date``, ``modality``,
``confidence`` and provenance (``trigger`` and ``sentence`` with character offsets).
"""

from __future__ import annotations

from typing import Any

from thucydides.model import Actor, Document, Event, Place, Quote, Sentence, Span, Timex

Record = dict[str, Any]


def span_record(span: Span | None) -> Record | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": span.text}


def content_record(quote: Quote) -> Record:
    """A quotation's content span; a split one also lists its pieces as ``fragments``
    (``[[start, end], ...]``, the form the referee and brat use)."""
    record = span_record(quote.content) or {}
    if quote.fragments:
        record["fragments"] = [[piece.start, piece.end] for piece in quote.fragments]
    return record


def actor_record(actor: Actor) -> Record:
    return {
        "text": actor.text,
        "start": actor.start,
        "end": actor.end,
        "code": actor.code,
        "sector": actor.sector,
        "name": actor.name,
        "rule": actor.rule,
    }


def place_fields(place: Place) -> Record:
    return {
        "text": place.text,
        "start": place.start,
        "end": place.end,
        "name": place.name,
        "geonameid": place.geonameid,
        "lat": place.lat,
        "lon": place.lon,
        "country_code": place.country_code,
        "feature": place.feature,
    }


def sentence_record(doc: Document, index: int) -> Record | None:
    if not 0 <= index < len(doc.sentences):
        return None
    sentence: Sentence = doc.sentences[index]
    return {"index": index, "start": sentence.start, "end": sentence.end, "text": sentence.text}


def event_record(doc: Document, index: int, event: Event) -> Record:
    return {
        "doc_id": doc.doc_id,
        "event_id": index,
        "event": event.event,
        "mode": event.mode,
        "context": list(event.context),
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "actor": [actor_record(a) for a in event.actor],
        "recipient": [actor_record(a) for a in event.recipient],
        "event_loc": place_fields(event.event_loc) if event.event_loc else None,
        "date": event.date,
        "date_source": event.date_source,
        "date_span": span_record(event.date_span),
        "modality": event.modality,
        "confidence": round(event.confidence, 4),
        "rule": event.rule,
        "trigger": span_record(event.trigger),
        "sentence": sentence_record(doc, event.sentence),
    }


def quote_record(doc: Document, index: int, quote: Quote) -> Record:
    speaker = quote.speaker_actor
    return {
        "doc_id": doc.doc_id,
        "quote_id": index,
        "type": quote.type,
        "content": content_record(quote),
        "speaker": span_record(quote.speaker),
        "speaker_name": speaker.name if speaker else None,
        "speaker_code": speaker.code if speaker else None,
        "speaker_sector": speaker.sector if speaker else None,
        "cue": span_record(quote.cue),
        "events": list(quote.events),
        "sentence": sentence_record(doc, quote.sentence),
    }


def timex_record(doc: Document, timex: Timex) -> Record:
    return {
        "doc_id": doc.doc_id,
        "start": timex.start,
        "end": timex.end,
        "text": timex.text,
        "type": timex.type,
        "value": timex.value,
        "resolved": timex.resolved,
        "sentence": timex.sentence,
    }


def place_record(doc: Document, place: Place) -> Record:
    return {"doc_id": doc.doc_id, **place_fields(place), "sentence": place.sentence}


def document_record(doc: Document) -> Record:
    """The document's own fields (no annotations)."""
    return {
        "doc_id": doc.doc_id,
        "title": doc.title,
        "date": doc.date.isoformat() if doc.date else None,
        "url": doc.url,
        "author": doc.author,
        "site": doc.site,
        "language": doc.language,
        "origin": doc.origin,
        "content_hash": doc.content_hash,
        "body": doc.body,
        "captions": doc.captions,
        "paragraphs": [{"start": p.start, "end": p.end, "kind": p.kind} for p in doc.paragraphs],
        "sentences": len(doc.sentences),
        "events": len(doc.events),
        "quotes": len(doc.quotes),
    }


def full_record(doc: Document) -> Record:
    """Everything about a document in one object (``thucydides extract`` without ``--out``)."""
    return {
        **document_record(doc),
        "text": doc.text,
        "events": [event_record(doc, i, e) for i, e in enumerate(doc.events)],
        "quotes": [quote_record(doc, i, q) for i, q in enumerate(doc.quotes)],
        "timexes": [timex_record(doc, t) for t in doc.timexes],
        "places": [place_record(doc, p) for p in doc.places],
    }


def event_location_record(doc: Document) -> Record | None:
    """The located place for an input record that named an event trigger, if it did."""
    if "trigger" not in doc.extra:
        return None
    place = doc.extra.get("event_location")
    location = None
    if isinstance(place, Place):
        location = {"start": place.start, "end": place.end, "text": place.text}
    return {"doc_id": doc.doc_id, "location": location}
