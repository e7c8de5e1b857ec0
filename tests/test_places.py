"""Places: toponyms, their resolution, and the place of an event (sentences written for
these tests)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thucydides.annotate import AnnotatedDocument, annotate, annotate_one
from thucydides.model import CleanDocument, Event, Place, Span
from thucydides.places import (
    assign_event_places,
    find_places,
    gazetteer,
    haversine_km,
    locate_event,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"


def parse(text: str) -> AnnotatedDocument:
    return annotate_one(CleanDocument.from_lines("test", text))


def places_of(text: str) -> list[Place]:
    return find_places(parse(text))


def by_text(places: list[Place], text: str) -> Place:
    return next(p for p in places if p.text == text)


def trigger(text: str, word: str) -> Span:
    start = text.index(word)
    return Span(start, start + len(word), word)


def test_haversine_km() -> None:
    assert haversine_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(344, abs=5)
    assert haversine_km(10.0, 20.0, 10.0, 20.0) == 0.0


def test_city_with_country() -> None:
    places = places_of("Delegations from both sides met in Riyadh, Saudi Arabia, on Monday.")
    riyadh = by_text(places, "Riyadh")
    assert riyadh.feature == "city" and riyadh.country_code == "SAU"
    assert riyadh.lat is not None and riyadh.lon is not None
    assert haversine_km(riyadh.lat, riyadh.lon, 24.69, 46.72) < 30
    assert by_text(places, "Saudi Arabia").feature == "country"


def test_country_has_coordinates() -> None:
    france = by_text(places_of("The minister flew to France last night."), "France")
    assert france.country_code == "FRA" and france.lat is not None


def test_ambiguous_city_follows_the_article() -> None:
    plain = by_text(places_of("Tourists crowded the museums of Paris all summer."), "Paris")
    assert plain.country_code == "FRA"
    text = "Storms swept across Texas overnight.\nIn Paris, the wind tore the roofs off two barns."
    assert by_text(places_of(text), "Paris").country_code == "USA"
    ontario = "Police in Ontario said the fire in London destroyed two homes on Elm Street."
    assert by_text(places_of(ontario), "London").country_code == "CAN"


def test_hyphenated_pair_is_two_places() -> None:
    places = places_of("Analysts expect the U.S.-Russia summit to be short.")
    assert {p.country_code for p in places} >= {"USA", "RUS"}


def test_capital_as_actor_is_not_a_place() -> None:
    places = places_of("Moscow said the proposal was unacceptable, and Beijing agreed.")
    assert not any(p.text in ("Moscow", "Beijing") for p in places)
    assert by_text(places_of("Our reporter arrived in Moscow on Friday."), "Moscow").lat


def test_demonym_is_not_a_place() -> None:
    places = places_of("Russian troops and Ukrainian volunteers crossed the river at dawn.")
    assert places == []


def test_organisation_is_not_a_place() -> None:
    places = places_of("The United Nations and the World Bank published a joint report.")
    assert places == []


def test_event_place_via_in() -> None:
    text = "The two foreign ministers met in Geneva on Tuesday."
    annotated = parse(text)
    place = locate_event(annotated, find_places(annotated), trigger(text, "met"))
    assert place is not None and place.text == "Geneva"


def test_only_the_event_place_among_several() -> None:
    text = (
        "Envoys from France and Brazil met in Istanbul to discuss the status of their "
        "embassies in Germany."
    )
    annotated = parse(text)
    place = locate_event(annotated, find_places(annotated), trigger(text, "met"))
    assert place is not None and place.text == "Istanbul"


def test_most_specific_place_wins() -> None:
    text = "Negotiators met in Riyadh, Saudi Arabia, on Tuesday."
    annotated = parse(text)
    place = locate_event(annotated, find_places(annotated), trigger(text, "met"))
    assert place is not None and place.text == "Riyadh"


def test_trigger_without_place() -> None:
    text = "Israel captured the ridge after a short battle."
    annotated = parse(text)
    assert locate_event(annotated, find_places(annotated), trigger(text, "captured")) is None
    text = "The minister criticised the plan on Monday."
    annotated = parse(text)
    assert locate_event(annotated, find_places(annotated), trigger(text, "criticised")) is None


def test_topic_and_participant_are_not_the_place() -> None:
    text = "The two presidents discussed the situation in Sudan by telephone."
    annotated = parse(text)
    assert locate_event(annotated, find_places(annotated), trigger(text, "discussed")) is None
    text = "Recent U.S.-Russia talks have focused on trade."
    annotated = parse(text)
    assert locate_event(annotated, find_places(annotated), trigger(text, "talks")) is None


def test_assign_event_places_sets_event_loc() -> None:
    text = "Protesters marched through Nairobi on Sunday.\nThe government denied the claims."
    annotated = parse(text)
    events = [
        Event(event="PROTEST", trigger=trigger(text, "marched"), sentence=0),
        Event(event="REJECT", trigger=trigger(text, "denied"), sentence=1),
    ]
    assign_event_places(annotated, events, find_places(annotated))
    assert events[0].event_loc is not None and events[0].event_loc.text == "Nairobi"
    assert events[1].event_loc is None


def test_gazetteer_aliases() -> None:
    gaz = gazetteer()
    assert gaz.lookup("Kiev")[0].country_code == "UKR"
    assert {e.feature for e in gaz.lookup("West Bank")} == {"region"}
    assert gaz.lookup("Ky.")[0].name == "Kentucky"


@pytest.mark.skipif(not (SHARED / "datasets").exists(), reason="../shared is absent")
def test_event_location_dev_accuracy() -> None:
    path = SHARED / "datasets" / "event_location" / "dev.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    documents = [CleanDocument.from_lines(r["id"], r["text"]) for r in records]
    correct = 0
    for record, annotated in zip(records, annotate(documents), strict=True):
        gold = record["trigger"]
        place = locate_event(
            annotated, find_places(annotated), Span(gold["start"], gold["end"], gold["text"])
        )
        locations = record["locations"]
        if place is None:
            correct += not locations
        else:
            correct += any(place.start < g["end"] and g["start"] < place.end for g in locations)
    assert correct / len(records) >= 0.65


@pytest.mark.skipif(not (SHARED / "datasets").exists(), reason="../shared is absent")
def test_seed_page_events_are_placed() -> None:
    """On the seed page, the word each city's preposition hangs on (the meeting's verb or
    noun) is placed in that city."""
    lines = (SHARED / "datasets" / "seed" / "000_eca1355c358a7f3d.txt").read_text("utf-8")
    annotated = parse("\n".join(lines.split("\n")[6:]))
    places = find_places(annotated)
    for city in ("Riyadh", "Istanbul", "Moscow"):
        place = by_text(places, city)
        found = annotated.char_span(place.start, place.end)
        assert found is not None
        sentence, span = found
        word = span.root.head.head
        assert span.root.head.dep_ == "prep"
        located = locate_event(annotated, places, sentence.to_span(word))
        assert located is not None and located.text == city, word.text
