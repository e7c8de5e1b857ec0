"""Direct quotations: quoted stretches, and the cue and speaker around each."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from thucydides.annotate import AnnotatedDocument, AnnotatedSentence
from thucydides.quotes.candidate import TRIM, Candidate
from thucydides.quotes.cues import LIGHT_VERBS, is_cue, is_speech_cue
from thucydides.quotes.marks import Region
from thucydides.quotes.speakers import cue_subject, noun_phrase

DASHES = ("—", "―", "–", "-")
DIRECT_LEAD = (",", ":", ".", "!", "?", "—", "–", "―", ";")
"""A quotation after one of these (or at the start of a sentence) stands as direct speech."""
TITLE_WORDS = 6


def direct_quotations(
    annotated: AnnotatedDocument,
    region: Region,
    regions: list[Region],
    reported: list[Candidate],
) -> Candidate | None:
    """A direct or partial quotation for one quoted stretch, or None (a scare quote)."""
    sentence = annotated.sentence_at(region.start) or annotated.sentence_at(region.start + 1)
    if sentence is None:
        return None
    if _is_heading(annotated, region):
        return None
    if _is_direct(annotated, region, sentence):
        candidate = Candidate(region.start, region.end, "direct", sentence)
        cue = _colon_cue(annotated, region) or _nearest_cue(annotated, region, regions)
        if cue is not None:
            cue_sentence, token, subject = cue
            candidate.cue = cue_sentence.to_span(token)
            candidate.source, candidate.source_sentence = subject, cue_sentence
        elif (named := _colon_source(annotated, region) or _dash_source(annotated, region)):
            candidate.source_sentence, candidate.source = named
        else:
            candidate.inherits = True
        return candidate
    if any(c.start <= region.start and region.end <= c.end + 2 for c in reported):
        return None  # already inside a reported clause
    governing = _governing_cue(annotated, region, sentence)
    if governing is None:
        return None
    token, subject = governing
    inner_start, inner_end = _inner(annotated.text, region)
    if len(annotated.text[inner_start:inner_end].split()) < 2:
        return None  # one word in quotation marks is a word mentioned ("he called it 'smart'")
    start, end = _governed_words(annotated, region, sentence, token) or (inner_start, inner_end)
    return Candidate(
        min(start, inner_start), max(end, inner_end), "partial", sentence,
        sentence.to_span(token), subject, sentence,
    )


def _is_direct(annotated: AnnotatedDocument, region: Region, sentence: AnnotatedSentence) -> bool:
    """A quotation that is a sentence of its own rather than words within one."""
    text = annotated.text
    paragraph = annotated.paragraphs[region.paragraph].paragraph
    lead = text[max(sentence.start, paragraph.start) : region.start].rstrip()
    inner = text[region.start + 1 : region.end].strip()
    words = len(inner.split())
    if lead and not lead.endswith(DIRECT_LEAD):
        return False
    return words >= 4 or inner.rstrip("”\"'’").endswith((",", ".", "!", "?"))


def _inner(text: str, region: Region) -> tuple[int, int]:
    """Offsets of a quotation without its marks and edge punctuation."""
    start, end = region.start + 1, region.end - 1 if region.closed else region.end
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def _nearest_cue(
    annotated: AnnotatedDocument, region: Region, regions: list[Region]
) -> tuple[AnnotatedSentence, Token, SpacySpan] | None:
    """The reporting verb nearest a quotation, outside all quotations, in its sentences."""
    best: tuple[int, AnnotatedSentence, Token, SpacySpan] | None = None
    for sentence in _around(annotated, region):
        for token in sentence.span:
            start, end = sentence.char_range(token)
            if not is_speech_cue(token) or any(r.contains(start, end) for r in regions):
                continue
            subject = cue_subject(token)
            if subject is None:
                continue
            s_start, s_end = sentence.char_range(subject)
            if any(r.contains(s_start, s_end) for r in regions):
                continue
            distance = min(abs(start - region.end), abs(region.start - end))
            if best is None or distance < best[0]:
                best = (distance, sentence, token, subject)
    return None if best is None else best[1:]


def _colon_cue(
    annotated: AnnotatedDocument, region: Region
) -> tuple[AnnotatedSentence, Token, SpacySpan] | None:
    """The verb whose clause a colon closes right before a quotation ("Diaz disagreed:
    "..."", "the statement read: "...""): it introduces the quotation, listed or not."""
    lead = annotated.text[: region.start].rstrip()
    if not lead.endswith(":"):
        return None
    found = annotated.char_span(len(lead) - 1, len(lead))
    if found is None or found[1].start == 0:
        return None
    sentence, colon = found
    verb = colon.doc[colon.start - 1]
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.head.i < colon.start:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in LIGHT_VERBS:
        return None
    subject = cue_subject(verb)
    return None if subject is None else (sentence, verb, subject)


def _around(annotated: AnnotatedDocument, region: Region) -> Iterator[AnnotatedSentence]:
    """Sentences of the region's paragraph that overlap it or touch its edges."""
    for sentence in annotated.sentences:
        if sentence.paragraph != region.paragraph:
            continue
        if sentence.start <= region.end + 2 and region.start - 2 <= sentence.end:
            yield sentence


def _colon_source(
    annotated: AnnotatedDocument, region: Region
) -> tuple[AnnotatedSentence, SpacySpan] | None:
    """The name before a colon that introduces a quotation: ``Trump: "We will win"``."""
    paragraph = annotated.paragraphs[region.paragraph].paragraph
    lead = annotated.text[paragraph.start : region.start].rstrip()
    if not lead.endswith(":") or len(lead.split()) > 8:
        return None
    found = annotated.char_span(paragraph.start + len(lead) - 1, paragraph.start + len(lead))
    if found is None or found[1].start == 0:
        return None
    sentence, colon = found
    name = colon.doc[colon.start - 1]
    if name.pos_ != "PROPN":
        return None
    return sentence, noun_phrase(name)


def _dash_source(
    annotated: AnnotatedDocument, region: Region
) -> tuple[AnnotatedSentence, SpacySpan] | None:
    """The name after a dash that signs a quotation: ``"We will win." ― Ana Ruiz``."""
    paragraph = annotated.paragraphs[region.paragraph].paragraph
    tail = annotated.text[region.end : paragraph.end]
    stripped = tail.lstrip()
    if not stripped.startswith(DASHES):
        return None
    start = region.end + len(tail) - len(stripped) + 1
    while start < paragraph.end and annotated.text[start].isspace():
        start += 1
    found = annotated.char_span(start, start + 1)
    if found is None or found[1].root.pos_ != "PROPN":
        return None
    return found[0], noun_phrase(found[1].root)


def _governing_cue(
    annotated: AnnotatedDocument, region: Region, sentence: AnnotatedSentence
) -> tuple[Token, SpacySpan] | None:
    """The reporting verb above a partial quotation in the parse, with its subject; None
    for a quoted title ("on “Face the Nation”"), which names a work and quotes no one."""
    found = annotated.char_span(region.start + 1, max(region.start + 2, region.end - 1))
    if found is None or _is_title(found[1]):
        return None
    token: Token | None = found[1].root
    while token is not None:
        if is_cue(token) and (subject := cue_subject(token)) is not None:
            return token, subject
        token = None if token.head.i == token.i else token.head
    return None


def _governed_words(
    annotated: AnnotatedDocument, region: Region, sentence: AnnotatedSentence, cue: Token
) -> tuple[int, int] | None:
    """Offsets of the phrase of the cue that holds a partial quotation: what is said takes
    in the writer's words around the quoted ones ("called the plan a 'fair deal' for
    farmers"), as a reported clause does."""
    found = annotated.char_span(region.start + 1, max(region.start + 2, region.end - 1))
    if found is None:
        return None
    branch = found[1].root
    while branch.head.i not in (cue.i, branch.i):
        branch = branch.head
    if branch.head.i != cue.i:
        return None
    start = sentence.char_range(branch.left_edge)[0]
    end = sentence.char_range(branch.right_edge)[1]
    while end > start and annotated.text[end - 1] in TRIM:
        end -= 1
    return start, end


def _is_heading(annotated: AnnotatedDocument, region: Region) -> bool:
    """A quoted title standing as a paragraph of its own ("'All Bets Are Off.'"): a
    section heading that quotes a phrase, not a statement anyone is reported to make."""
    paragraph = annotated.paragraphs[region.paragraph].paragraph
    whole = annotated.text[paragraph.start : paragraph.end].strip()
    if whole != annotated.text[region.start : region.end]:
        return False
    found = annotated.char_span(region.start + 1, max(region.start + 2, region.end - 1))
    return found is not None and _is_title(found[1])


def _is_title(words: SpacySpan) -> bool:
    """A short quoted phrase in title case: every word capitalised but small function words."""
    tokens = [t for t in words if not t.is_punct]
    if not tokens or len(tokens) > TITLE_WORDS or not tokens[0].text[:1].isupper():
        return False
    return all(t.text[:1].isupper() or t.is_stop for t in tokens)
