"""Quotations and their speakers: direct, partial, indirect and "according to" attributions.

Two passes over an annotated document. The first finds what was said: stretches between
quotation marks (scanned per paragraph, so an unbalanced mark costs at most one quotation)
and the clausal complements of reporting verbs (``cues.tsv``) in the spaCy parse. The second
walks the candidates in reading order and settles who said it: a cue's subject (or a
passive cue's agent), kept as written ("He"), with its identity resolved from a pronoun or
short name to the person's full name in ``speaker_actor``; for a quotation with no cue of
its own (the rest of a split quote, a paragraph that is only a quotation), the last
speaker. One person gets one ``Actor`` across the document.

Cues follow the PARC notion of attribution: verbs of saying and of belief, intention and
stance, nouns of saying ("his claim that", "her decision to") and "according to".
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from thucydides.annotate import AnnotatedDocument
from thucydides.model import Event, Quote, Span
from thucydides.quotes.candidate import Candidate
from thucydides.quotes.cues import load_cues
from thucydides.quotes.direct import direct_quotations
from thucydides.quotes.headlines import headline_reports
from thucydides.quotes.marks import Region, quoted_regions
from thucydides.quotes.reported import colon_reports, reported_speech
from thucydides.quotes.speakers import SpeakerResolver, events_of

if TYPE_CHECKING:
    from thucydides.actors import ActorResolver

__all__ = ["find_quotes", "load_cues"]

AFTER_QUOTE = " \t\n.,;:!?\"'”’"
"""What may close a sentence after its quotation: spaces, punctuation, closing marks."""


def find_quotes(
    annotated: AnnotatedDocument,
    resolver: ActorResolver,
    events: list[Event],
) -> list[Quote]:
    """The quotations of a document with their speakers, cues and the events they report.

    ``Quote.speaker`` is the speaker mention as written (the pronoun of "He said": the
    provenance of the attribution); ``Quote.speaker_actor`` is who that is, named in full.
    """
    regions = list(quoted_regions(annotated))
    candidates = sorted(_candidates(annotated, regions), key=lambda c: (c.start, c.end))
    speakers = SpeakerResolver(annotated, resolver)
    quotes: list[Quote] = []
    last_direct: tuple[Candidate, int] | None = None
    for candidate in candidates:
        joined = last_direct is not None and _continues(last_direct[0], candidate, annotated.text)
        if joined and last_direct is not None:
            _adopt(candidate, last_direct[0])
        speaker, actor = speakers.settle(candidate)
        start, end = candidate.start, candidate.end
        piece = Span(start, end, annotated.text[start:end])
        if joined and last_direct is not None:
            _extend(quotes[last_direct[1]], piece, annotated.text)
            last_direct = (candidate, last_direct[1])
            continue
        quotes.append(Quote(piece, candidate.type, candidate.sentence.index, speaker, actor,
                            candidate.cue))
        if candidate.type == "direct":
            last_direct = (candidate, len(quotes) - 1)
    quotes = _distinct(quotes)
    for quote in quotes:
        quote.events = events_of(quote, events)
    return quotes


def _distinct(quotes: list[Quote]) -> list[Quote]:
    """The quotations without repeats: a quotation split by its cue, once joined, spans what
    a report of the whole passage also found; a quotation and a report of it by one cue
    ("chanted "What curfew?"") cover the same words."""
    kept: list[Quote] = []
    for quote in quotes:
        if not any(_repeats(quote, other) for other in kept):
            kept.append(quote)
    return kept


def _repeats(quote: Quote, other: Quote) -> bool:
    a, b = quote.content, other.content
    if (a.start, a.end) == (b.start, b.end):
        return True
    same_cue = quote.cue is not None and other.cue is not None and quote.cue == other.cue
    shared = min(a.end, b.end) - max(a.start, b.start)
    return same_cue and shared * 2 > min(a.end - a.start, b.end - b.start)


def _continues(previous: Candidate, candidate: Candidate, text: str) -> bool:
    """A direct quotation that goes on after its cue in the same paragraph (``"A," she
    said, "B."`` or ``"A," she said. "B. C."``): one statement in two pieces, whatever
    reports the parser found in the words between them ("she said, referring to ...")."""
    both_direct = previous.type == candidate.type == "direct"
    same_paragraph = previous.sentence.paragraph == candidate.sentence.paragraph
    same_cue = candidate.inherits or (candidate.cue is not None and candidate.cue == previous.cue)
    same_cue = same_cue or _cue_between(previous, candidate, text)
    ordered = previous.end <= candidate.start and not _runs_on(previous, candidate, text)
    return both_direct and same_paragraph and same_cue and ordered


def _runs_on(previous: Candidate, candidate: Candidate, text: str) -> bool:
    """A quoted piece in a later sentence that the writer's words go on after ("A," she
    said. "B" to cut costs.): it is a quotation within that sentence, not the rest of A."""
    if candidate.sentence is previous.sentence:
        return False
    return bool(text[candidate.end : candidate.sentence.end].strip(AFTER_QUOTE))


def _cue_between(previous: Candidate, candidate: Candidate, text: str) -> bool:
    """The second piece of a split quotation took a verb of the attribution between the
    pieces for its cue ("A," he said after she failed to show up. "B."): both cues sit in
    one sentence between the pieces, so the attribution is the first piece's; unless the
    second cue introduces the second piece ("A," she said, while he warned: "B.")."""
    first, second = previous.cue, candidate.cue
    if first is None or second is None or previous.source_sentence is None:
        return False
    between = previous.end <= first.start and second.end <= candidate.start
    introduces = not text[second.end : candidate.start].strip(" :,")
    same_sentence = candidate.source_sentence is previous.source_sentence
    return between and same_sentence and not introduces


def _adopt(candidate: Candidate, previous: Candidate) -> None:
    """The rest of a split quotation takes the cue and speaker of its first piece."""
    if candidate.inherits:
        return
    candidate.cue, candidate.source = previous.cue, previous.source
    candidate.source_sentence = previous.source_sentence


def _extend(quote: Quote, piece: Span, text: str) -> None:
    """Add the next piece of a split quotation: the content now runs to its end."""
    if not quote.fragments:
        quote.fragments.append(quote.content)
    quote.fragments.append(piece)
    start = quote.content.start
    quote.content = Span(start, piece.end, text[start : piece.end])


def _candidates(annotated: AnnotatedDocument, regions: list[Region]) -> Iterator[Candidate]:
    reported = list(reported_speech(annotated, regions)) + list(colon_reports(annotated))
    headlines = list(headline_reports(annotated, reported))
    reported = [c for c in reported if not any(_mostly_within(c, h) for h in headlines)]
    reported += headlines
    direct: list[Candidate] = []
    partials: dict[int, Candidate] = {}
    for region in regions:
        candidate = direct_quotations(annotated, region, regions, reported)
        if candidate is None:
            continue
        if candidate.type == "direct":
            direct.append(candidate)
        elif candidate.cue is not None:
            first = partials.setdefault(candidate.cue.start, candidate)
            first.end = max(first.end, candidate.end)
    carried = [c for c in reported if _carries_any(c, direct, annotated.text)]
    for candidate in carried:
        candidate.type = "partial"
    yield from (d for d in direct if not any(_carries(c, d, annotated.text) for c in carried))
    yield from partials.values()
    kept = {id(c) for c in carried}
    yield from (
        c for c in reported if id(c) in kept or not any(_mostly_within(c, d) for d in direct)
    )


def _carries_any(reported: Candidate, direct: list[Candidate], text: str) -> bool:
    """Whether a reported clause runs into one of the direct quotations; not one that opens
    inside a quotation (the parser's clause around ``"A," he said, "b."``, a split quote)."""
    if any(d.start <= reported.start < d.end for d in direct):
        return False
    return any(_carries(reported, d, text) for d in direct)


def _carries(reported: Candidate, direct: Candidate, text: str) -> bool:
    """A reported clause that runs into a direct quotation (one after a comma) opening in
    lower case ("said that if she won, "she would sign it.""): the quotation finishes the clause
    rather than standing as a sentence of its own, so the clause with it is what was said."""
    inside = reported.start < direct.start and direct.end <= reported.end + 2
    words = text[direct.start : direct.end].lstrip("\"'“‘ …")
    return inside and words[:1].islower()


def _mostly_within(reported: Candidate, direct: Candidate) -> bool:
    """A reported clause that is mostly a direct quotation (``He said: "..."``): the
    quotation stands for it."""
    shared = min(reported.end, direct.end) - max(reported.start, direct.start)
    return shared * 2 > reported.end - reported.start
