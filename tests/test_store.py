"""The DuckDB store: ingest, replace, filters, injection safety, export formats."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from thucydides.export import write_table
from thucydides.model import (
    Actor,
    Document,
    Event,
    Paragraph,
    Place,
    Quote,
    Sentence,
    Span,
    Timex,
)
from thucydides.store import (
    TABLES,
    EventFilter,
    QuoteFilter,
    Store,
    StoreError,
    event_day,
    text_signature,
    words_of,
)

INJECTIONS = ["'; DROP TABLE events; --", "RUS' OR '1'='1", '") OR 1=1 --', "%", "_", "\\"]

# Places used in the hand-built documents (coordinates rounded from GeoNames).
PLACES = {
    "Geneva": ("Geneva", 2660646, 46.2022, 6.1457, "CHE", "PPLA"),
    "Nairobi": ("Nairobi", 184745, -1.2833, 36.8167, "KEN", "PPLC"),
    "Lyon": ("Lyon", 2996944, 45.7485, 4.8467, "FRA", "PPLA"),
}


def span(text: str, piece: str, start_at: int = 0) -> Span:
    start = text.index(piece, start_at)
    return Span(start, start + len(piece), piece)


def actor(text: str, piece: str, code: str | None, name: str | None, sector: str = "GOV") -> Actor:
    found = span(text, piece)
    return Actor(piece, found.start, found.end, code, sector, name, rule=f"test:{piece}")


def place(text: str, piece: str, sentence: int) -> Place:
    found = span(text, piece)
    name, geonameid, lat, lon, country, feature = PLACES[piece]
    return Place(
        found.start, found.end, piece, sentence, name, geonameid, lat, lon, country, feature
    )


def sentences_of(text: str) -> list[Sentence]:
    """One sentence per line (the hand-built documents are written that way)."""
    result, position = [], 0
    for index, line in enumerate(text.split("\n")):
        result.append(Sentence(index, position, position + len(line), line, index))
        position += len(line) + 1
    return result


def make_document(
    doc_id: str = "doc-1",
    version: str = "v1",
    date: dt.date = dt.date(2024, 5, 20),
) -> Document:
    """A small processed document with two events, a quote, timexes and places."""
    text = (
        "Kenyan President William Ruto met French envoys in Nairobi on Monday.\n"
        "Paris accused the Kenyan government of stalling the Lyon talks.\n"
        '"We will not sign this deal," Ruto told reporters in Nairobi.'
    )
    day = "Monday" if version == "v1" else "Friday"
    text = text.replace("Monday", day)
    lines = sentences_of(text)
    meet = Event(
        event="CONSULT",
        trigger=span(text, "met"),
        sentence=0,
        mode="visit",
        context=["diplomacy", "executive"],
        cameo="043",
        goldstein=2.8,
        quad_class=1,
        actor=[actor(text, "William Ruto", "KEN", "William Ruto")],
        recipient=[actor(text, "French envoys", "FRA", None, "GOV")],
        modality="asserted",
        confidence=0.9,
        rule="verb:meet",
        date="2024-05-20",
        date_source="expression",
        date_span=span(text, day),
        event_loc=place(text, "Nairobi", 0),
    )
    accuse = Event(
        event="ACCUSE",
        trigger=span(text, "accused"),
        sentence=1,
        cameo="112",
        goldstein=-2.0,
        quad_class=3,
        actor=[actor(text, "Paris", "FRA", "France")],
        recipient=[actor(text, "Kenyan government", "KEN", "Government of Kenya")],
        modality="asserted",
        confidence=0.7,
        rule="verb:accuse",
        date="2024-W21",
        date_source="document",
        event_loc=place(text, "Lyon", 1),
    )
    refuse = Event(
        event="REJECT",
        trigger=span(text, "sign"),
        sentence=2,
        quad_class=3,
        actor=[actor(text, "Ruto", "KEN", "William Ruto")],
        modality="negated",
        date=None,
        date_source="unresolved",
    )
    quote = Quote(
        content=span(text, "We will not sign this deal,"),
        type="direct",
        sentence=2,
        speaker=span(text, "Ruto", text.index('"')),
        speaker_actor=Actor("Ruto", None, None, "KEN", "GOV", "William Ruto", "test:speaker"),
        cue=span(text, "told"),
        events=[2],
    )
    return Document(
        doc_id=doc_id,
        text=text,
        paragraphs=[Paragraph(s.start, s.end, "paragraph") for s in lines],
        origin=f"/data/{doc_id}.txt",
        content_hash=f"hash-{doc_id}-{version}",
        date=date,
        url=f"https://news.example/{doc_id}",
        title="Ruto meets envoys",
        author="A. Writer",
        site="news.example",
        language="en",
        sentences=lines,
        events=[meet, accuse, refuse],
        quotes=[quote],
        timexes=[Timex(*_offsets(text, day), day, "DATE", "2024-05-20", 0)],
        places=[place(text, "Nairobi", 0), place(text, "Lyon", 1)],
        extra={"source": "hand-built", "n": 3},
    )


def _offsets(text: str, piece: str) -> tuple[int, int]:
    found = span(text, piece)
    return found.start, found.end


def moscow_document() -> Document:
    """A second document: a Russian event in Geneva in 2023."""
    text = "Russia and Ukraine held talks in Geneva about grain exports."
    return Document(
        doc_id="doc-2",
        text=text,
        paragraphs=[Paragraph(0, len(text), "paragraph")],
        origin="/data/doc-2.txt",
        content_hash="hash-doc-2",
        date=dt.date(2023, 3, 1),
        sentences=[Sentence(0, 0, len(text), text, 0)],
        events=[
            Event(
                event="CONSULT",
                trigger=span(text, "held talks"),
                sentence=0,
                quad_class=1,
                goldstein=1.0,
                actor=[actor(text, "Russia", "RUS", "Russia")],
                recipient=[actor(text, "Ukraine", "UKR", "Ukraine")],
                date="2023-02-27",
                date_source="sentence",
                event_loc=place(text, "Geneva", 0),
            )
        ],
    )


@pytest.fixture
def store() -> Store:
    with Store(":memory:") as opened:
        opened.ingest([make_document(), moscow_document()])
        yield opened


def event_keys(table: pa.Table) -> list[tuple[str, int]]:
    return list(zip(table["doc_id"].to_pylist(), table["event_index"].to_pylist(), strict=True))


# -- ingest -------------------------------------------------------------------------------


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    doc = make_document()
    path = tmp_path / "store.duckdb"
    with Store(path) as store:
        stats = store.ingest([doc])
    assert (stats.added, stats.events, stats.quotes, stats.errors) == (1, 3, 1, [])
    with Store(path, read_only=True) as store:
        stored = store.document("doc-1")
    assert stored is not None
    expected = dataclasses.asdict(doc)
    assert {key: stored[key] for key in expected} == expected
    assert stored["body"] == doc.body
    assert stored["captions"] == []
    assert isinstance(stored["ingested_at"], dt.datetime)


def test_unknown_document_is_none(store: Store) -> None:
    assert store.document("nope") is None


def test_reingesting_the_same_document_adds_nothing(store: Store) -> None:
    before = store.counts()
    stats = store.ingest([make_document(), moscow_document()])
    assert (stats.added, stats.replaced, stats.unchanged, stats.events) == (0, 0, 2, 0)
    assert store.counts() == before


def test_changed_document_replaces_its_rows(store: Store) -> None:
    before = store.counts()
    stats = store.ingest([make_document(version="v2")])
    assert (stats.added, stats.replaced, stats.unchanged) == (0, 1, 0)
    assert store.counts() == before
    stored = store.document("doc-1")
    assert stored is not None
    assert stored["content_hash"] == "hash-doc-1-v2"
    assert "Friday" in stored["text"]
    assert store.events(EventFilter(text="monday")).num_rows == 0
    assert store.events(EventFilter(text="friday")).num_rows == 1


def test_second_version_in_the_same_batch_wins() -> None:
    with Store(":memory:") as store:
        stats = store.ingest([make_document(), make_document(version="v2")])
        assert (stats.added, stats.replaced) == (1, 1)
        assert store.counts()["events"] == 3
        assert store.events(EventFilter(text="friday")).num_rows == 1


def test_failing_document_leaves_the_others_stored() -> None:
    broken = make_document("broken")
    broken.events[0].actor = [None]  # type: ignore[list-item]
    keyless = make_document("keyless")
    keyless.doc_id = None  # type: ignore[assignment]
    with Store(":memory:") as store:
        stats = store.ingest([make_document("a"), broken, keyless, moscow_document()])
        assert stats.added == 2
        assert [line.split(":")[0] for line in stats.errors] == ["broken", "None"]
        assert "NOT NULL" in stats.errors[1] or "Constraint" in stats.errors[1]
        assert store.document("a") is not None
        assert store.document("doc-2") is not None
        assert store.document("broken") is None
        assert store.counts()["documents"] == 2


def test_read_only_store_must_exist_and_refuses_writes(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        Store(tmp_path / "missing.duckdb", read_only=True)
    Store(tmp_path / "store.duckdb").close()
    with Store(tmp_path / "store.duckdb", read_only=True) as store, pytest.raises(StoreError):
        store.ingest([make_document()])


# -- event filters ------------------------------------------------------------------------


def test_actor_code_and_name_fragment(store: Store) -> None:
    assert event_keys(store.events(EventFilter(actor="KEN"))) == [("doc-1", 0), ("doc-1", 2)]
    assert event_keys(store.events(EventFilter(actor="ruto"))) == [("doc-1", 0), ("doc-1", 2)]
    assert event_keys(store.events(EventFilter(actor="France"))) == [("doc-1", 1)]
    assert event_keys(store.events(EventFilter(actor="RUS"))) == [("doc-2", 0)]


def test_recipient(store: Store) -> None:
    assert event_keys(store.events(EventFilter(recipient="KEN"))) == [("doc-1", 1)]
    assert event_keys(store.events(EventFilter(recipient="french"))) == [("doc-1", 0)]
    both = EventFilter(actor="FRA", recipient="KEN")
    assert event_keys(store.events(both)) == [("doc-1", 1)]


def test_type_quad_class_and_modality(store: Store) -> None:
    assert event_keys(store.events(EventFilter(type="consult"))) == [("doc-2", 0), ("doc-1", 0)]
    assert event_keys(store.events(EventFilter(quad_class=3))) == [("doc-1", 1), ("doc-1", 2)]
    assert event_keys(store.events(EventFilter(modality="Negated"))) == [("doc-1", 2)]


def test_since_until_are_on_the_event_date(store: Store) -> None:
    # doc-2 is dated 2023-03-01 but its event happened on 2023-02-27.
    february = EventFilter(since=dt.date(2023, 2, 1), until=dt.date(2023, 2, 28))
    assert event_keys(store.events(february)) == [("doc-2", 0)]
    march = EventFilter(since=dt.date(2023, 2, 28), until=dt.date(2023, 3, 5))
    assert store.events(march).num_rows == 0
    # "2024-W21" is stored as the Monday of that week; undated events match no range.
    may = store.events(EventFilter(since=dt.date(2024, 5, 1)))
    assert event_keys(may) == [("doc-1", 0), ("doc-1", 1)]
    assert may["date"].to_pylist() == [dt.date(2024, 5, 20), dt.date(2024, 5, 20)]


def test_undated_events_come_last(store: Store) -> None:
    keys = event_keys(store.events(EventFilter()))
    assert keys[-1] == ("doc-1", 2)
    assert len(keys) == 4


def test_place_country_and_radius(store: Store) -> None:
    assert event_keys(store.events(EventFilter(place_country="fra"))) == [("doc-1", 1)]
    # Geneva to Lyon is about 110 km.
    near_geneva = store.events(EventFilter(near=(46.2, 6.15, 150)))
    assert event_keys(near_geneva) == [("doc-2", 0), ("doc-1", 1)]
    assert event_keys(store.events(EventFilter(near=(46.2, 6.15, 50)))) == [("doc-2", 0)]
    assert store.events(EventFilter(near=(-1.3, 36.8, 10)))["place"].to_pylist() == ["Nairobi"]


def test_radius_across_the_antimeridian() -> None:
    text = "Fiji hosted talks in Suva."
    doc = moscow_document()
    doc.doc_id, doc.text, doc.content_hash = "fiji", text, "h"
    doc.sentences = [Sentence(0, 0, len(text), text, 0)]
    doc.events[0].event_loc = Place(21, 25, "Suva", 0, "Suva", 2198148, -18.14, 178.44, "FJI")
    with Store(":memory:") as store:
        store.ingest([doc])
        assert store.events(EventFilter(near=(-18.0, -179.9, 300))).num_rows == 1


def test_text_words_all_must_occur_as_words(store: Store) -> None:
    assert event_keys(store.events(EventFilter(text="LYON talks"))) == [("doc-1", 1)]
    assert event_keys(store.events(EventFilter(text="talks"))) == [("doc-2", 0), ("doc-1", 1)]
    assert store.events(EventFilter(text="lyon grain")).num_rows == 0
    assert store.events(EventFilter(text="tal")).num_rows == 0  # whole words only
    assert event_keys(store.events(EventFilter(text="the"))) == [("doc-1", 1)]


def test_doc_id_limit_and_offset(store: Store) -> None:
    assert store.events(EventFilter(doc_id="doc-2")).num_rows == 1
    everything = event_keys(store.events(EventFilter()))
    page = event_keys(store.events(EventFilter(limit=2, offset=1)))
    assert page == everything[1:3]


def test_event_rows_are_flat_and_keep_provenance(store: Store) -> None:
    row = store.events(EventFilter(doc_id="doc-1", type="accuse")).to_pylist()[0]
    doc = make_document()
    assert row["actor"] == "FRA" and row["recipient"] == "KEN"
    assert row["recipient_name"] == "Government of Kenya"
    assert doc.text[row["trigger_start"] : row["trigger_end"]] == row["trigger"] == "accused"
    assert doc.text[row["sentence_start"] : row["sentence_end"]] == row["sentence_text"]
    assert (row["place"], row["place_country"], row["date_value"]) == ("Lyon", "FRA", "2024-W21")
    assert all(not isinstance(value, list | dict) for value in row.values())


def test_injection_strings_are_only_values(store: Store) -> None:
    before = store.counts()
    for bad in INJECTIONS:
        for f in (
            EventFilter(actor=bad), EventFilter(recipient=bad), EventFilter(type=bad),
            EventFilter(place_country=bad), EventFilter(text=bad), EventFilter(modality=bad),
            EventFilter(doc_id=bad),
        ):
            assert store.events(f).num_rows == 0, (f, bad)
        for q in (QuoteFilter(speaker=bad), QuoteFilter(contains=bad), QuoteFilter(doc_id=bad)):
            assert store.quotes(q).num_rows == 0
        assert store.document(bad) is None
        assert store.dyad_series(bad, bad).num_rows == 0
    assert store.counts() == before


def test_injection_in_stored_values_round_trips() -> None:
    doc = make_document(doc_id=INJECTIONS[0])
    with Store(":memory:") as store:
        store.ingest([doc])
        assert store.events(EventFilter(doc_id=INJECTIONS[0])).num_rows == 3
        assert store.counts()["events"] == 3


# -- quotes, series, counts ----------------------------------------------------------------


def test_quote_filters(store: Store) -> None:
    row = store.quotes(QuoteFilter(speaker="ruto")).to_pylist()[0]
    assert (row["speaker"], row["speaker_code"], row["cue"]) == ("William Ruto", "KEN", "told")
    assert row["content"] == "We will not sign this deal,"
    assert row["events"] == "2"
    assert store.quotes(QuoteFilter(speaker="KEN")).num_rows == 1
    assert store.quotes(QuoteFilter(speaker="FRA")).num_rows == 0
    assert store.quotes(QuoteFilter(contains="SIGN deal")).num_rows == 1
    assert store.quotes(QuoteFilter(contains="sign grain")).num_rows == 0
    assert store.quotes(QuoteFilter(since=dt.date(2024, 5, 20))).num_rows == 1
    assert store.quotes(QuoteFilter(until=dt.date(2024, 5, 19))).num_rows == 0


def test_weekly_dyad_series_fills_empty_weeks(store: Store) -> None:
    series = store.dyad_series("FRA", "KEN", "week", dt.date(2024, 5, 6), dt.date(2024, 5, 26))
    assert series["period"].to_pylist() == [
        dt.date(2024, 5, 6), dt.date(2024, 5, 13), dt.date(2024, 5, 20)
    ]
    assert series["events"].to_pylist() == [0, 0, 1]
    assert series["goldstein_sum"].to_pylist() == [0.0, 0.0, -2.0]
    assert series["quad3"].to_pylist() == [0, 0, 1]
    monthly = store.dyad_series("KEN", "FRA", "month")
    assert monthly.to_pylist()[0]["period"] == dt.date(2024, 5, 1)
    assert monthly.to_pylist()[0]["quad1"] == 1
    with pytest.raises(ValueError):
        store.dyad_series("KEN", "FRA", "fortnight")


def test_actor_counts(store: Store) -> None:
    rows = {row["code"]: row for row in store.actor_counts(10).to_pylist()}
    assert (rows["KEN"]["as_actor"], rows["KEN"]["as_recipient"]) == (2, 1)
    assert (rows["FRA"]["as_actor"], rows["FRA"]["as_recipient"]) == (1, 1)
    assert store.actor_counts(1).num_rows == 1


def test_counts_cover_every_table(store: Store) -> None:
    counts = store.counts()
    assert counts["documents"] == 2
    assert counts["events"] == 4
    assert counts["event_actors"] == 7
    assert (counts["quotes"], counts["timexes"], counts["places"]) == (1, 1, 2)


# -- helpers ------------------------------------------------------------------------------


def test_event_day_reads_timex_values() -> None:
    assert event_day("2024-05-20") == dt.date(2024, 5, 20)
    assert event_day("2024-05-20T10:30") == dt.date(2024, 5, 20)
    assert event_day("2024-W21") == dt.date(2024, 5, 20)
    assert event_day("2024-05") == dt.date(2024, 5, 1)
    assert event_day("2024") is None
    assert event_day("2024-13-40") is None
    assert event_day(None) is None


def test_signature_contains_the_words_bits() -> None:
    sentence = text_signature(words_of("Troops crossed the border at dawn."))
    for word in ("troops", "border", "dawn"):
        mask = text_signature([word])
        assert sentence & mask == mask
    assert text_signature(["the"]) == 0


# -- export -------------------------------------------------------------------------------


def test_export_jsonl_csv_parquet_round_trip(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = store.events(EventFilter())
    expected = table.to_pylist()

    write_table(table, "jsonl", None)
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == len(expected)
    for row, want in zip(rows, expected, strict=True):
        assert row["date"] == (want["date"].isoformat() if want["date"] else None)
        assert row["sentence_text"] == want["sentence_text"]
        assert row["goldstein"] == want["goldstein"]

    write_table(table, "csv", tmp_path / "events.csv")
    with (tmp_path / "events.csv").open(encoding="utf-8", newline="") as handle:
        records = list(csv.DictReader(handle))
    assert [r["doc_id"] for r in records] == [w["doc_id"] for w in expected]
    assert [r["trigger"] for r in records] == [w["trigger"] for w in expected]
    assert [r["place"] for r in records] == [w["place"] or "" for w in expected]

    write_table(table, "parquet", tmp_path / "events.parquet")
    assert pq.read_table(tmp_path / "events.parquet").equals(table)


def test_export_csv_to_stdout_joins_lists(capsys: pytest.CaptureFixture[str]) -> None:
    table = pa.table({"codes": [["RUS", "UKR"], None], "n": [1, 2]})
    write_table(table, "csv", None)
    records = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert records == [["codes", "n"], ["RUS;UKR", "1"], ["", "2"]]


def test_export_terminal_table_truncates_wide_cells(capsys: pytest.CaptureFixture[str]) -> None:
    table = pa.table({"sentence": ["word " * 40], "doc_id": ["d1"]})
    write_table(table, "table", None)
    out = capsys.readouterr().out
    assert "sentence" in out and "d1" in out and "…" in out
    assert "word " * 20 not in out
    assert "1 row" in out


def test_export_rejects_bad_arguments(store: Store) -> None:
    table = store.events(EventFilter())
    with pytest.raises(ValueError):
        write_table(table, "parquet", None)
    with pytest.raises(ValueError):
        write_table(table, "xml", None)


def test_schema_doc_names_every_column() -> None:
    doc = (Path(__file__).parents[1] / "docs" / "schema.md").read_text(encoding="utf-8")
    for table, columns in TABLES.items():
        assert f"`{table}`" in doc
        for name, _ in columns:
            assert f"`{name}`" in doc, (table, name)


def test_terminal_table_shows_the_key_columns_only() -> None:
    import io

    import pyarrow as pa

    from thucydides.export import write_terminal_table

    table = pa.table(
        {
            "date": ["2024-01-02"],
            "event": ["CONSULT"],
            "actor": ["KEN"],
            "recipient": ["ETH"],
            "trigger_start": [17],
            "sentence_start": [0],
        }
    )
    out = io.StringIO()
    write_terminal_table(table, out)
    assert "CONSULT" in out.getvalue() and "KEN" in out.getvalue()
    assert "trigger_start" not in out.getvalue() and "1 row" in out.getvalue()
