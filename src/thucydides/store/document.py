"""Rows -> document: a stored document and its annotations, shaped like ``dataclasses.asdict``
of the ``Document`` it was stored from."""

from __future__ import annotations

import json
from typing import Any


def stored_document(head: dict[str, Any], rows: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
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
        "quotes": [_quote_record(r, head["text"]) for r in rows["quotes"]],
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


def _quote_record(row: dict[str, Any], text: str) -> dict[str, Any]:
    speaker_actor = None
    if row["speaker_actor_text"] is not None:
        speaker_actor = {
            "text": row["speaker_actor_text"], "start": row["speaker_actor_start"],
            "end": row["speaker_actor_end"], "code": row["speaker_code"],
            "sector": row["speaker_sector"], "name": row["speaker_name"],
            "rule": row["speaker_rule"],
        }
    fragments = [
        {"start": start, "end": end, "text": text[start:end]}
        for start, end in row["content_fragments"] or []
    ]
    return {
        "content": _span_record(row, "content"), "fragments": fragments,
        "type": row["type"], "sentence": row["sentence"],
        "speaker": _span_record(row, "speaker"), "speaker_actor": speaker_actor,
        "cue": _span_record(row, "cue"), "events": row["events"],
    }
