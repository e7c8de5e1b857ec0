"""A small store for the API and browser tests, built from hand-made ``Document``s.

The sentences are written for these tests. One document is hostile: its text, an actor
name and a quotation carry markup and script that the page must show as plain text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

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
from thucydides.store import Store

HOSTILE_ID = "hostile"
SCRIPT = "<script>window.pwned = 1</script>"
IMG = '<img src=x onerror="window.pwned = 2">'
LINK = '<a href="javascript:window.pwned = 3">click me</a>'
HOSTILE_ACTOR = '<b onmouseover="window.pwned = 4">Evil Corp</b>'

KYIV = Place(0, 0, "Kyiv", 0, "Kyiv", 703448, 50.45, 30.52, "UKR", "PPLC")
MOSCOW = Place(0, 0, "Moscow", 0, "Moscow", 524901, 55.75, 37.62, "RUS", "PPLC")
GENEVA = Place(0, 0, "Geneva", 0, "Geneva", 2660646, 46.2, 6.14, "CHE", "PPLA")
COUNTRY = {"Russia": ("RUS", "Russia"), "Ukraine": ("UKR", "Ukraine"),
           "Washington": ("USA", "United States"), "Beijing": ("CHN", "China"),
           "France": ("FRA", "France")}


@dataclass
class Builder:
    """Appends sentences and records spans by the words they contain."""

    doc_id: str
    date: dt.date
    text: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)

    def sentence(self, text: str) -> int:
        if self.text:
            self.text += " "
        start = len(self.text)
        self.text += text
        index = len(self.sentences)
        self.sentences.append(Sentence(index, start, len(self.text), text, 0))
        return index

    def span(self, sentence: int, words: str) -> Span:
        s = self.sentences[sentence]
        start = self.text.index(words, s.start)
        return Span(start, start + len(words), words)

    def actor(self, sentence: int, words: str) -> Actor:
        span = self.span(sentence, words)
        code, name = COUNTRY.get(words, ("XYZ", words))
        return Actor(words, span.start, span.end, code, "GOV", name, "test")

    def event(self, text: str, actor: str, trigger: str, recipient: str, kind: str,
              quad: int, goldstein: float, day: dt.date, place: Place | None = None) -> None:
        i = self.sentence(text)
        loc = None
        if place is not None:
            span = self.span(i, place.text)
            loc = Place(span.start, span.end, place.text, i, place.name, place.geonameid,
                        place.lat, place.lon, place.country_code, place.feature)
            self.places.append(loc)
        self.events.append(Event(
            event=kind, trigger=self.span(i, trigger), sentence=i, quad_class=quad,
            goldstein=goldstein, actor=[self.actor(i, actor)],
            recipient=[self.actor(i, recipient)], date=day.isoformat(),
            date_source="sentence", event_loc=loc, cameo="000", rule="test",
        ))

    def document(self) -> Document:
        return Document(
            doc_id=self.doc_id, text=self.text, origin="test",
            content_hash=f"hash-{self.doc_id}-{len(self.text)}", date=self.date,
            title=f"Test article {self.doc_id}",
            paragraphs=[Paragraph(0, len(self.text), "paragraph")], sentences=self.sentences,
            events=self.events, quotes=self.quotes, timexes=self.timexes, places=self.places,
        )


def war_document() -> Document:
    b = Builder("war", dt.date(2025, 3, 28))
    weeks = [dt.date(2025, 3, 3) + dt.timedelta(days=7 * w) for w in range(4)]
    b.event("Russia shelled Ukraine near Kyiv overnight.", "Russia", "shelled", "Ukraine",
            "ASSAULT", 4, -10.0, weeks[0], KYIV)
    b.event("Russia accused Ukraine of sabotage in Moscow.", "Russia", "accused", "Ukraine",
            "ACCUSE", 3, -2.0, weeks[1], MOSCOW)
    b.event("Russia met Ukraine for talks in Geneva.", "Russia", "met", "Ukraine",
            "CONSULT", 1, 1.0, weeks[2], GENEVA)
    b.event("Russia agreed with Ukraine to swap prisoners.", "Russia", "agreed", "Ukraine",
            "AGREE", 1, 3.0, weeks[3])
    b.event("Washington sent aid to Ukraine through Kyiv.", "Washington", "sent aid", "Ukraine",
            "AID", 2, 7.0, weeks[1], KYIV)
    said = b.sentence('"We will not give up," the president of Ukraine said on Friday.')
    b.quotes.append(Quote(content=b.span(said, '"We will not give up,"'), type="direct",
                          sentence=said, speaker=b.span(said, "the president of Ukraine"),
                          cue=b.span(said, "said")))
    friday = b.span(said, "Friday")
    b.timexes.append(Timex(friday.start, friday.end, "Friday", "DATE", "2025-03-28", said))
    return b.document()


def trade_document() -> Document:
    b = Builder("trade", dt.date(2025, 4, 2))
    b.event("Beijing threatened France with tariffs.", "Beijing", "threatened", "France",
            "THREATEN", 3, -4.0, dt.date(2025, 3, 20))
    b.event("France consulted Washington on trade.", "France", "consulted", "Washington",
            "CONSULT", 1, 1.0, dt.date(2025, 3, 21))
    return b.document()


def hostile_document() -> Document:
    b = Builder(HOSTILE_ID, dt.date(2025, 3, 12))
    i = b.sentence(f"{HOSTILE_ACTOR} attacked Ukraine {SCRIPT} today {IMG} see {LINK}.")
    b.events.append(Event(
        event="ASSAULT", trigger=b.span(i, "attacked"), sentence=i, quad_class=4,
        goldstein=-9.0, actor=[Actor(HOSTILE_ACTOR, 0, len(HOSTILE_ACTOR), "XEV", "BUS",
                                     HOSTILE_ACTOR, "test")],
        recipient=[b.actor(i, "Ukraine")], date="2025-03-12", date_source="sentence",
    ))
    j = b.sentence(f'"{IMG} is fine," said {HOSTILE_ACTOR}.')
    b.quotes.append(Quote(content=b.span(j, f'"{IMG} is fine,"'), type="direct", sentence=j,
                          speaker=b.span(j, HOSTILE_ACTOR), cue=b.span(j, "said")))
    return b.document()


def build_store(path: Path) -> Path:
    """Write the test store to ``path`` and return it."""
    with Store(path) as store:
        stats = store.ingest([war_document(), trade_document(), hostile_document()])
    assert not stats.errors, stats.errors
    return path
