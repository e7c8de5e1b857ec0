"""Quotations and speakers, on sentences written for these tests (and the seed page if present)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from spacy.tokens import Span as SpacySpan

from thucydides.annotate import AnnotatedDocument, AnnotatedSentence, annotate_one
from thucydides.model import Actor, CleanDocument, Event, Quote, Span
from thucydides.quotes import find_quotes, load_cues

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "datasets" / "seed" / "000_eca1355c358a7f3d.txt"


class FakeResolver:
    """Stands in for the actor resolver: names the described mention, counts the calls."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def resolve_mention(
        self, annotated: AnnotatedDocument, sentence: AnnotatedSentence, span: SpacySpan
    ) -> Actor:
        self.calls.append(span.text)
        return Actor(text=span.text, name=span.text, code="XXX")

    def resolve(self, text: str, context: str = "", date: dt.date | None = None) -> Actor:
        return Actor(text=text, name=text)


def quotes_of(text: str, events: list[Event] | None = None, **options: bool) -> list[Quote]:
    annotated = annotate_one(CleanDocument.from_lines("t", text, date=dt.date(2025, 5, 2)))
    return find_quotes(annotated, FakeResolver(), events or [], **options)  # type: ignore[arg-type]


def speaker(quote: Quote) -> str | None:
    return quote.speaker.text if quote.speaker else None


def test_cue_table_loads_verbs_and_phrases() -> None:
    cues = load_cues()
    assert {"say", "tell", "stress", "warn", "deny", "believe"} <= set(cues.verbs)
    assert "ccomp" in cues.verbs["say"]
    assert ("according", "to") in cues.phrases


def test_split_direct_quote_gives_both_parts_the_same_speaker() -> None:
    text = '"We will rebuild the harbour," Mayor Lena Ortiz said, "and we will end it this year."'
    quotes = [q for q in quotes_of(text) if q.type == "direct"]
    assert [q.content.text for q in quotes] == [
        '"We will rebuild the harbour,"',
        '"and we will end it this year."',
    ]
    assert {speaker(q) for q in quotes} == {"Lena Ortiz"}
    assert all(q.cue is not None and q.cue.text == "said" for q in quotes)


def test_offsets_point_into_the_text() -> None:
    text = 'Intro line.\n"We are ready for the vote," Mayor Lena Ortiz said on Monday.'
    for quote in quotes_of(text):
        assert text[quote.content.start : quote.content.end] == quote.content.text
        assert quote.speaker is not None
        assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text


def test_quotation_over_several_paragraphs_keeps_its_speaker() -> None:
    text = (
        'Mayor Lena Ortiz opened the new harbour on Monday. "The city has waited long enough for '
        'this," Ortiz said.\n'
        '"We have the money now, and we have the workers.\n'
        '"And we have the will to finish the job before winter."\n'
        '"The work on the second pier starts in May."'
    )
    quotes = [q for q in quotes_of(text) if q.type == "direct"]
    assert len(quotes) == 4
    assert not quotes[1].content.text.endswith('"')  # continued: the paragraph does not close it
    assert {speaker(q) for q in quotes} == {"Lena Ortiz"}


def test_partial_quotation_inside_reported_speech() -> None:
    text = 'Ambassador Karl Brandt described the talks as "frank, useful and overdue."'
    (quote,) = quotes_of(text)
    assert quote.type == "partial"
    assert quote.content.text == "frank, useful and overdue"
    assert speaker(quote) == "Karl Brandt"
    assert quote.cue is not None and quote.cue.text == "described"


def test_scare_quotes_without_a_cue_are_not_quotations() -> None:
    assert quotes_of('The two sides began a "reset" of their ties in April.') == []


def test_indirect_speech_and_pronoun_speaker() -> None:
    text = (
        "Finance Minister Amara Osei said that inflation would fall next year.\n"
        "He told reporters the budget was balanced."
    )
    first, second = quotes_of(text)
    assert (first.type, second.type) == ("indirect", "indirect")
    assert first.content.text == "that inflation would fall next year"
    assert second.content.text == "the budget was balanced"
    assert speaker(first) == speaker(second) == "Amara Osei"
    assert second.cue is not None and second.cue.text == "told"
    assert first.speaker_actor is second.speaker_actor  # one person, one identity


def test_pronoun_speaker_as_written_when_not_resolving() -> None:
    text = (
        "Finance Minister Amara Osei said that inflation would fall next year.\n"
        "He told reporters the budget was balanced."
    )
    second = quotes_of(text, resolve_speakers=False)[1]
    assert speaker(second) == "He"
    assert second.speaker_actor is not None and "Osei" in (second.speaker_actor.name or "")


def test_other_reporting_verbs() -> None:
    text = (
        "Minister Amara Osei stressed that the deal was final.\n"
        "Osei warned the opposition would lose.\n"
        "The central bank believes prices will rise."
    )
    quotes = quotes_of(text)
    assert [q.cue.text for q in quotes if q.cue] == ["stressed", "warned", "believes"]
    assert [speaker(q) for q in quotes] == ["Amara Osei", "Amara Osei", "The central bank"]


def test_according_to_attribution() -> None:
    text = "According to a report by the World Bank, growth slowed sharply in the region."
    (quote,) = quotes_of(text)
    assert quote.type == "according_to"
    assert speaker(quote) == "a report by the World Bank"
    assert quote.content.text == "growth slowed sharply in the region"
    assert quote.cue is not None and quote.cue.text == "According to"


def test_typographic_quotes_and_inverted_cue() -> None:
    text = "Finance Minister Amara Osei met the unions. “We are ready to sign the deal,” said Osei."
    quotes = [q for q in quotes_of(text) if q.type == "direct"]
    assert [q.content.text for q in quotes] == ["“We are ready to sign the deal,”"]
    assert speaker(quotes[0]) == "Amara Osei"


def test_apostrophes_and_possessives_are_not_quotation_marks() -> None:
    text = (
        "The two countries' ministers said the workers' rights would be protected.\n"
        "A lot of work's been done, the minister's aide said."
    )
    quotes = quotes_of(text)
    assert all(q.type == "indirect" for q in quotes)
    assert quotes[0].content.text == "the workers' rights would be protected"


def test_unbalanced_quote_costs_at_most_that_quotation() -> None:
    text = (
        'Mayor Lena Ortiz said "the vote is on Sunday and the count " is on Monday.\n'
        '"We expect a record turnout this year," Ortiz said.'
    )
    quotes = quotes_of(text)
    assert any(q.content.text == '"We expect a record turnout this year,"' for q in quotes)
    assert quotes_of('"') == []
    assert quotes_of('She said "') == []


def test_doubled_apostrophes_are_quotation_marks() -> None:
    text = "''We are ready to sign the agreement,'' Minister Amara Osei said."
    (quote,) = quotes_of(text)
    assert quote.type == "direct"
    assert quote.content.text.startswith("''We are ready")
    assert speaker(quote) == "Amara Osei"


def test_headline_quote() -> None:
    text = "Amara Osei: “We will not raise taxes this year”\nThe minister spoke in Accra on Friday."
    quotes = quotes_of(text)
    assert quotes[0].type == "direct"
    assert speaker(quotes[0]) == "Amara Osei"


def test_events_in_the_quoted_sentence_are_linked() -> None:
    text = "Finance Minister Amara Osei said that the two countries would sign a trade deal."
    trigger = Span(text.index("sign"), text.index("sign") + 4, "sign")
    elsewhere = Span(0, 7, "Finance")
    events = [Event("AGREE", trigger, 0), Event("AID", elsewhere, 5), Event("AID", trigger, 5)]
    (quote,) = quotes_of(text, events)
    assert quote.events == [0, 2]


@pytest.fixture(scope="module")
def seed_quotes() -> list[Quote]:
    if not SEED.exists():
        pytest.skip("the seed page (../shared) is absent")
    lines = SEED.read_text(encoding="utf-8").split("\n")
    return quotes_of("\n".join(lines[6:]))


def surname(quote: Quote) -> str:
    return speaker(quote).split()[-1] if quote.speaker else ""  # type: ignore[union-attr]


def test_seed_direct_quotations_have_the_right_speaker(seed_quotes: list[Quote]) -> None:
    found = Counter(surname(q) for q in seed_quotes if q.type in ("direct", "partial"))
    expected = Counter({"Trump": 4, "Junjie": 4, "Witkoff": 1, "Ushakov": 1})
    assert sum((found & expected).values()) == 10


def test_seed_indirect_statements_have_the_right_speaker(seed_quotes: list[Quote]) -> None:
    found = Counter(surname(q) for q in seed_quotes if q.type in ("indirect", "according_to"))
    expected = Counter({"Trump": 2, "Junjie": 7, "Peskov": 1, "Department": 1, "State": 1})
    assert sum((found & expected).values()) >= 11


def test_seed_speaker_is_the_full_mention(seed_quotes: list[Quote]) -> None:
    zhao = [q for q in seed_quotes if surname(q) == "Junjie"]
    assert zhao and {speaker(q) for q in zhao} == {"Zhao Junjie"}
    assert len({id(q.speaker_actor) for q in zhao}) == 1


def test_seed_speakers_resolve_to_country_and_sector() -> None:
    if not SEED.exists():
        pytest.skip("the seed page (../shared) is absent")
    actors = pytest.importorskip("thucydides.actors")
    lines = SEED.read_text(encoding="utf-8").split("\n")
    clean = CleanDocument.from_lines("seed", "\n".join(lines[6:]), date=dt.date(2025, 3, 17))
    quotes = find_quotes(annotate_one(clean), actors.ActorResolver(), [])
    identities = {
        (q.speaker_actor.name, q.speaker_actor.code, q.speaker_actor.sector)
        for q in quotes
        if q.speaker_actor is not None and q.speaker_actor.name in ("Zhao Junjie", "Donald Trump")
    }
    assert identities == {("Zhao Junjie", "CHN", "EDU"), ("Donald Trump", "USA", "GOV")}
