"""Reports in headlines (``Senator Vows To Cut Taxes``, ``Panel votes to hold aide in
contempt``), which the parser cannot read.

The tagger takes every capitalised word of a Title Case line for a proper noun, and the
present-tense verb of a terse headline for a plural noun, so the reporting verb there has no
parse to hang a report on. Headlines report in a fixed shape, a subject and a present-tense
verb before what was said, so the cue is found by its form instead: a word ending in "-s"
whose stem is a listed reporting verb."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from thucydides.annotate import AnnotatedDocument, AnnotatedParagraph
from thucydides.quotes.candidate import TRIM, Candidate
from thucydides.quotes.cues import load_cues

TITLE_SHARE = 0.8
"""The least share of content words (not stop words) capitalised in a Title Case line."""
MIN_TITLE_WORDS = 3
VERB_POS = ("VERB", "AUX")
HEADLINE_WORDS = 12
"""The most words of a first line read as a headline when it ends in a full stop."""


def headline_reports(annotated: AnnotatedDocument, taken: list[Candidate]) -> Iterator[Candidate]:
    """A report per headline (the first paragraph) or Title Case line whose cue no other
    report's cue precedes; a report the parse found inside what the headline's cue reports
    is part of it."""
    for index, paragraph in enumerate(annotated.paragraphs):
        title = _is_title_case(paragraph)
        headline = title or (index == 0 and _is_headline_shaped(paragraph))
        found = _report(annotated, paragraph, title) if headline else None
        span = paragraph.paragraph
        if found is not None and not any(
            span.start <= c.cue_start < found.start for c in taken
        ):
            yield found


def _is_headline_shaped(paragraph: AnnotatedParagraph) -> bool:
    """A first line shaped as a headline: one short sentence, or no full stop at its end. A
    first paragraph of prose ("The ministry's plans to raise taxes drew protests from
    teachers' unions in every province on Monday.") is none."""
    text = paragraph.doc.text.rstrip().rstrip("\"'”’")
    words = [t for t in paragraph.doc if not t.is_punct]
    short = len(list(paragraph.doc.sents)) == 1 and len(words) <= HEADLINE_WORDS
    return short or not text.endswith((".", "!"))


def _is_title_case(paragraph: AnnotatedParagraph) -> bool:
    words = [t for t in paragraph.doc if t.is_alpha and not t.is_stop]
    if len(words) < MIN_TITLE_WORDS:
        return False
    return sum(t.text[0].isupper() for t in words) >= TITLE_SHARE * len(words)


def _report(
    annotated: AnnotatedDocument, paragraph: AnnotatedParagraph, title: bool
) -> Candidate | None:
    """The first cue after a subject: the words before it (back to a comma) are the
    speaker, the rest of the line what was said."""
    doc = paragraph.doc
    cue = next((t for t in doc if t.i > 0 and _is_headline_cue(t, title)), None)
    if cue is None:
        return None
    first = max((t.i + 1 for t in doc[: cue.i] if t.is_punct), default=0)
    subject = doc[first : cue.i]
    if not subject or not _is_subject(subject, title):
        return None
    offset = paragraph.offset
    start, end = offset + cue.idx + len(cue.text), offset + len(doc.text)
    while start < end and annotated.text[start] in TRIM:
        start += 1
    while end > start and annotated.text[end - 1] in TRIM:
        end -= 1
    sentence = annotated.sentence_at(offset + cue.idx)
    if sentence is None or end - start < 2:
        return None
    return Candidate(
        start, end, "indirect", sentence, sentence.to_span(cue), subject, sentence, cue_token=cue
    )


def _is_headline_cue(token: Token, title: bool) -> bool:
    """A present-tense form ("Says", "votes", "Pushes") of a listed verb: capitalised in a
    Title Case line; elsewhere one the tagger did not take for a verb (where it did, the
    parse has already read the report)."""
    word = token.text
    fits = word[:1].isupper() if title else token.pos_ not in VERB_POS
    if not fits or not word.endswith("s"):
        return False
    verbs = load_cues().verbs
    return word[:-1].lower() in verbs or (word.endswith("es") and word[:-2].lower() in verbs)


def _is_subject(words: SpacySpan, title: bool) -> bool:
    """Words that can stand as a headline's subject: capitalised in a Title Case line, with
    no verb of their own elsewhere."""
    if title:
        return all(t.text[:1].isupper() or t.is_digit for t in words)
    return not any(t.pos_ in VERB_POS or t.tag_ == "POS" for t in words)
