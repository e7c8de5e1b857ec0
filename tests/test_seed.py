"""The reference input, end to end: what the spine issue says must come out of the seed page.

The page is read from ../shared at run time (never copied here); the test skips without it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import thucydides
from thucydides.model import Document, Event

SEED = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "datasets"
    / "seed"
    / "000_eca1355c358a7f3d.txt"
)
pytestmark = pytest.mark.skipif(not SEED.exists(), reason="../shared seed page not present")


@pytest.fixture(scope="module")
def seed() -> Document:
    return thucydides.extract(SEED.read_text(encoding="utf-8"), date="2025-03-17", doc_id="seed")


def codes(event: Event) -> set[str]:
    return {a.code for a in event.actor + event.recipient if a.code}


def consults(doc: Document, date: str) -> list[Event]:
    return [e for e in doc.events if e.event == "CONSULT" and e.date == date]


def test_boilerplate_is_gone_and_the_caption_set_apart(seed: Document) -> None:
    assert seed.body.startswith("U.S. President Donald Trump said he plans")
    assert seed.body.endswith("achieving peace will be far more challenging.")
    for debris in ("cookies", "CHOOSE YOUR LANGUAGE", "hotline", "10120180008"):
        assert debris not in seed.body
    assert len(seed.captions) == 1 and seed.captions[0].endswith("/VCG")
    assert "A 'zero-sum' game" in [
        seed.text[p.start : p.end] for p in seed.paragraphs if p.kind == "heading"
    ]


def test_the_riyadh_and_istanbul_meetings(seed: Document) -> None:
    for date, city in (("2025-02-18", "Riyadh"), ("2025-02-27", "Istanbul")):
        found = [e for e in consults(seed, date) if {"USA", "RUS"} <= codes(e)]
        assert found, date
        assert any(e.event_loc and e.event_loc.name == city for e in found), city
        assert all(e.modality == "asserted" for e in found)


def test_the_weekend_talks_in_moscow_are_placed_there(seed: Document) -> None:
    moscow = [e for e in seed.events if e.event_loc and e.event_loc.name == "Moscow"]
    assert moscow and moscow[0].event == "CONSULT" and {"USA", "RUS"} <= codes(moscow[0])
    assert moscow[0].modality == "asserted"


def test_the_phone_call_is_a_consultation(seed: Document) -> None:
    calls = [e for e in seed.events if e.event == "CONSULT" and e.mode == "phone"]
    assert calls and {"USA", "RUS"} <= codes(calls[0])


def test_ukraine_accepted_the_ceasefire_proposal(seed: Document) -> None:
    accepted = [e for e in seed.events if e.trigger.text == "accepted"]
    assert accepted and any(a.code == "UKR" for a in accepted[0].actor)
    assert accepted[0].modality == "asserted"


def test_a_possible_demand_is_not_an_asserted_one(seed: Document) -> None:
    demands = [e for e in seed.events if e.event == "REQUEST"]
    assert demands and all(e.modality == "hypothetical" for e in demands)


def test_direct_quotations_have_their_speakers(seed: Document) -> None:
    expected = {
        "We're doing pretty well": "Donald Trump",
        "We will be talking about land": "Donald Trump",
        "Overall, negotiating land exchanges": "Zhao Junjie",
        "Russia has paid a heavy price": "Zhao Junjie",
        "could be entering a new era": "Zhao Junjie",
        "positive, upbeat and constructive": "Steve Witkoff",
        "serious discussion of all key issues": "Yuri Ushakov",
    }
    for words, speaker in expected.items():
        quotes = [q for q in seed.quotes if words in q.content.text]
        assert quotes, words
        assert quotes[0].speaker_actor is not None and quotes[0].speaker_actor.name == speaker
    zhao = next(
        q.speaker_actor
        for q in seed.quotes
        if q.speaker_actor and q.speaker_actor.name == "Zhao Junjie"
    )
    assert (zhao.code, zhao.sector) == ("CHN", "EDU")


def test_dates_resolve_against_the_publication_date(seed: Document) -> None:
    values = {t.text: t.value for t in seed.timexes}
    assert values["Tuesday"] == "2025-03-18"
    assert values["February 18"] == "2025-02-18"
    assert values["February 27"] == "2025-02-27"
