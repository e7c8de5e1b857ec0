"""Event deduplication: which reports become one happening (no NLP: hand-built documents)."""

from __future__ import annotations

import datetime as dt

import pytest

from thucydides.dedup import HappeningFilter
from thucydides.model import Actor, Document, Event, Paragraph, Place, Sentence, Span
from thucydides.store import Store, StoreError

NAIROBI = Place(0, 7, "Nairobi", 0, name="Nairobi", geonameid=184745, country_code="KEN")
MOMBASA = Place(0, 7, "Mombasa", 0, name="Mombasa", geonameid=186301, country_code="KEN")
KENYA = Place(0, 5, "Kenya", 0, name="Kenya", country_code="KEN")
TEXT = "Kenya met Uganda in Nairobi on Tuesday."


def report(
    doc_id: str, *, site: str | None, day: str | None, event: str = "CONSULT",
    actor: str | None = "KEN", recipient: str | None = "UGA", place: Place | None = NAIROBI,
    doc_date: dt.date = dt.date(2026, 3, 10), url: str | None = None,
) -> Document:
    """A one-sentence document with one event."""
    coded = Event(
        event=event, trigger=Span(6, 9, "met"), sentence=0,
        actor=[Actor("Kenya", 0, 5, code=actor)] if actor else [],
        recipient=[Actor("Uganda", 10, 16, code=recipient)] if recipient else [],
        date=day, event_loc=place,
    )
    return Document(
        doc_id=doc_id, text=TEXT, paragraphs=[Paragraph(0, len(TEXT), "paragraph")],
        origin=doc_id, content_hash=f"{doc_id}|{day}|{event}", date=doc_date, site=site, url=url,
        sentences=[Sentence(0, 0, len(TEXT), TEXT, 0)], events=[coded],
    )


@pytest.fixture
def store() -> Store:
    return Store(":memory:")


def happenings(store: Store, **filters: object) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = store.happenings(HappeningFilter(**filters)).to_pylist()  # type: ignore[arg-type]
    return rows


def test_reports_of_one_meeting_become_one_happening_with_counts(store: Store) -> None:
    store.ingest([
        report("a1", site="Ledger", day="2026-03-10"),
        report("a2", site="Ledger", day="2026-03-10"),
        report("b1", site=None, url="https://www.harbour.example/x", day="2026-03-11"),
        report("c1", site="Courier", day="2026-03-10"),
    ])
    assert store.rebuild_happenings() == 1
    [row] = happenings(store)
    assert (row["event"], row["actor"], row["recipient"], row["place"]) == (
        "CONSULT", "KEN", "UGA", "Nairobi"
    )
    assert (row["reports"], row["articles"], row["sources"]) == (4, 4, 3)
    assert row["first_date"] == dt.date(2026, 3, 10)
    assert row["last_date"] == dt.date(2026, 3, 11)
    linked = store.happening_reports(str(row["happening_id"])).column("doc_id").to_pylist()
    assert sorted(linked) == ["a1", "a2", "b1", "c1"]
    assert store.counts()["events"] == 4


def test_each_rule_keeps_different_happenings_apart(store: Store) -> None:
    store.ingest([
        report("base", site="A", day="2026-03-10"),
        report("later", site="B", day="2026-03-14"),
        report("type", site="C", day="2026-03-10", event="ASSAULT"),
        report("actor", site="D", day="2026-03-10", actor="TZA"),
        report("recipient", site="E", day="2026-03-10", recipient="RWA"),
        report("city", site="F", day="2026-03-10", place=MOMBASA),
        report("country", site="G", day="2026-03-10", place=KENYA),
        report("country2", site="H", day="2026-03-11", place=KENYA),
    ])
    store.rebuild_happenings()
    sizes = sorted(row["reports"] for row in happenings(store))
    assert sizes == [1, 1, 1, 1, 1, 1, 2]


def test_window_chains_and_is_configurable(store: Store) -> None:
    days = ["2026-03-10", "2026-03-11", "2026-03-12", "2026-03-15"]
    store.ingest([report(f"d{i}", site=f"s{i}", day=day) for i, day in enumerate(days)])
    store.rebuild_happenings(window_days=1)
    assert sorted(row["reports"] for row in happenings(store)) == [1, 3]
    store.rebuild_happenings(window_days=0)
    assert sorted(row["reports"] for row in happenings(store)) == [1, 1, 1, 1]
    store.rebuild_happenings(window_days=3)
    assert [row["reports"] for row in happenings(store)] == [4]


def test_undated_event_uses_document_date(store: Store) -> None:
    store.ingest([
        report("dated", site="A", day="2026-03-10"),
        report("undated", site="B", day=None, doc_date=dt.date(2026, 3, 11)),
    ])
    store.rebuild_happenings()
    assert [row["reports"] for row in happenings(store)] == [2]


def test_reports_without_any_actor_code_are_not_merged(store: Store) -> None:
    store.ingest([
        report("x", site="A", day="2026-03-10", actor=None, recipient=None),
        report("y", site="B", day="2026-03-10", actor=None, recipient=None),
    ])
    store.rebuild_happenings()
    assert [row["reports"] for row in happenings(store)] == [1, 1]


def test_incremental_rebuild_matches_full_rebuild(store: Store) -> None:
    store.ingest([report("a", site="A", day="2026-03-10"), report("t", site="T", day="2026-03-10",
                                                              actor="TZA")])
    store.rebuild_happenings()
    store.ingest([report("b", site="B", day="2026-03-11")])
    assert store.rebuild_happenings() == 1
    incremental = happenings(store)
    store.rebuild_happenings(full=True)
    assert happenings(store) == incremental
    assert sorted(row["reports"] for row in incremental) == [1, 2]


def test_replaced_document_leaves_no_dangling_report(store: Store) -> None:
    store.ingest([report("a", site="A", day="2026-03-10"), report("b", site="B", day="2026-03-10")])
    store.rebuild_happenings()
    store.ingest([report("b", site="B", day="2026-03-10", event="ASSAULT")])
    store.rebuild_happenings()
    rows = happenings(store)
    assert sorted((row["event"], row["reports"]) for row in rows) == [
        ("ASSAULT", 1), ("CONSULT", 1)
    ]


def test_query_filters(store: Store) -> None:
    store.ingest([
        report("a", site="A", day="2026-03-10"),
        report("b", site="B", day="2026-03-10"),
        report("c", site="C", day="2026-03-20", event="ASSAULT", actor="TZA"),
    ])
    store.rebuild_happenings()
    assert [r["event"] for r in happenings(store, min_sources=2)] == ["CONSULT"]
    assert [r["event"] for r in happenings(store, actor="TZA")] == ["ASSAULT"]
    assert [r["event"] for r in happenings(store, since=dt.date(2026, 3, 15))] == ["ASSAULT"]
    assert [r["event"] for r in happenings(store, type="consult")] == ["CONSULT"]


def test_query_before_rebuild_says_what_to_do(store: Store) -> None:
    with pytest.raises(StoreError, match="rebuild"):
        store.happenings(HappeningFilter())
