"""``ActorResolver``: actor mentions inside parsed sentences, read with their modifiers,
appositions and complements and with what the document said earlier about the same person."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from thucydides.actors.phrases import mention_parts
from thucydides.actors.reading import TextReader, merge_readings, settle_people
from thucydides.actors.terms import Reading
from thucydides.actors.vocabulary import CONTEXT_SECTORS, PLACE_KINDS
from thucydides.annotate import AnnotatedDocument, AnnotatedSentence, EntityMention
from thucydides.model import Actor


class ActorResolver(TextReader):
    """Resolves actor mentions against the built-in and user dictionaries.

    Every lookup table is built here, once; ``resolve`` only does dictionary lookups.
    """

    def __init__(self, user_files: list[Path] | None = None) -> None:
        super().__init__(user_files)
        self._memory_doc: AnnotatedDocument | None = None
        self._memory: dict[str, Reading | None] = {}
        self._people_by_sentence: dict[int, list[EntityMention]] = {}

    # ------------------------------------------------------------------ parsed mentions

    def resolve_mention(
        self, annotated: AnnotatedDocument, sentence: AnnotatedSentence, span: SpacySpan
    ) -> Actor | None:
        """A noun phrase inside a parsed sentence (span = the phrase's tokens): use its
        modifiers/appositions, compounds, possessives, the entity's canonical full form, and
        what the document already said about the same person earlier. Offsets in the returned
        Actor are document offsets."""
        date = annotated.clean.date
        self._remember(annotated)
        reading = self._read_mention(annotated, sentence, span, date)
        person = self._person_in(sentence, span)
        incomplete = reading is None or reading.code is None or reading.sector is None
        if person is not None and incomplete:
            earlier = self._earlier(annotated, sentence.index, person, date)
            reading = merge_readings(reading, earlier, "earlier")
        if reading is None:
            return None
        if person is not None and reading.person is None:
            reading.name = person
        if reading.code is None and reading.people_of:
            self._add_context(reading, span.text, sentence.text, date, PLACE_KINDS)
        elif reading.code is None and reading.sector in CONTEXT_SECTORS:
            self._add_context(reading, span.text, sentence.text, date)
        settle_people(reading)
        start, end = sentence.char_range(span)
        return Actor(span.text, start, end, reading.code, reading.sector, reading.name,
                     " + ".join(reading.rules) or None)

    def _read_mention(
        self, annotated: AnnotatedDocument, sentence: AnnotatedSentence, span: SpacySpan,
        date: dt.date | None,
    ) -> Reading | None:
        """Read the phrase itself; its appositions and complements only fill what it leaves
        open ("president" + "of Armenia"; an unknown name + ", a researcher at ..."), so that
        "a curfew in Baghdad" is no actor."""
        parts = mention_parts(span)
        reading = self._read_tokens(annotated, sentence, parts.core, date)
        if reading is None and parts.partitive is not None:
            reading = self._read_tokens(annotated, sentence, parts.partitive, date)
        for tokens in parts.appositions:
            found = self._read_tokens(annotated, sentence, tokens, date)
            reading = merge_readings(reading, found, "apposition")
        for tokens in parts.complements:
            if reading is None or (reading.code and reading.sector and not reading.people_of):
                break
            found = self._read_tokens(annotated, sentence, tokens, date)
            if reading.people_of and found is not None and found.place:
                reading.code = found.code
                reading.rules += (f"living in: {' + '.join(found.rules)}",)
                reading.people_of = None
            reading = merge_readings(reading, found, "complement")
        return reading

    def _read_tokens(
        self, annotated: AnnotatedDocument, sentence: AnnotatedSentence, tokens: list[Token],
        date: dt.date | None,
    ) -> Reading | None:
        return self._read(self._phrase_text(annotated, sentence, tokens), None, date)

    def _phrase_text(
        self, annotated: AnnotatedDocument, sentence: AnnotatedSentence, tokens: list[Token]
    ) -> str:
        """The tokens' text with each short person name replaced by its full form."""
        people = self._people_by_sentence.get(sentence.index, [])
        parts = []
        for token in tokens:
            start, end = sentence.char_range(token)
            entity = next((e for e in people if e.start < end and start < e.end), None)
            if entity is None or entity.canonical == entity.text:
                parts.append(token.text_with_ws)
            elif start == entity.start:
                parts.append(entity.canonical + token.whitespace_)
        return "".join(parts).strip()

    def _remember(self, annotated: AnnotatedDocument) -> None:
        """Start the per-document memory when a new document comes in."""
        if self._memory_doc is annotated:
            return
        self._memory_doc, self._memory = annotated, {}
        self._people_by_sentence = defaultdict(list)
        for entity in annotated.entities:
            if entity.label == "PERSON":
                self._people_by_sentence[entity.sentence].append(entity)

    def _person_in(self, sentence: AnnotatedSentence, span: SpacySpan) -> str | None:
        """The full name of the person the mention is about: a PERSON entity at its head."""
        start, end = sentence.char_range(span.root)
        for entity in self._people_by_sentence.get(sentence.index, []):
            if entity.start <= start and end <= entity.end:
                return entity.canonical
        return None

    def _earlier(
        self, annotated: AnnotatedDocument, before: int, person: str, date: dt.date | None
    ) -> Reading | None:
        """What earlier sentences said about ``person`` ("Kremlin spokesman Dmitry Peskov")."""
        key = f"{before}\t{person}"
        if key not in self._memory:
            self._memory[key] = self._describe(annotated, before, person, date)
        return self._memory[key]

    def _describe(
        self, annotated: AnnotatedDocument, before: int, person: str, date: dt.date | None
    ) -> Reading | None:
        best: Reading | None = None
        for entity in annotated.entities:
            if entity.sentence >= before or entity.label != "PERSON" or entity.canonical != person:
                continue
            found = annotated.char_span(entity.start, entity.end)
            if found is None:
                continue
            sentence, span = found
            reading = self._read_mention(annotated, sentence, span, date)
            if reading is not None and reading.person not in (None, person):
                continue
            best = merge_readings(best, reading, "earlier")
            if best is not None and best.code and best.sector:
                break
        return best
