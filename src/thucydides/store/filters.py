"""Event and quote filters and the parameterised WHERE clauses and paging built from them."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any

from thucydides.store.words import text_signature, words_of

EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE = math.pi * EARTH_RADIUS_KM / 180
_CODE = re.compile(r"[A-Z]{2,4}")
_NOT_WORD = r"[^\p{L}\p{N}_]"


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


def ordered_page(
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
    inner, params = paged(inner, params, f.limit, f.offset)
    return f"SELECT {columns} FROM ({inner}) ORDER BY {order}", params


def paged(sql: str, params: list[Any], limit: int | None, offset: int) -> tuple[str, list[Any]]:
    if limit is not None:
        sql += " LIMIT ?"
        params = [*params, int(limit)]
    if offset:
        sql += " OFFSET ?"
        params = [*params, int(offset)]
    return sql, params
