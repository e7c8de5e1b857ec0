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

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from thucydides.annotate import AnnotatedDocument, AnnotatedSentence, EntityMention
from thucydides.model import Actor, Event, Quote, QuoteType, Span
from thucydides.ontology import data_path, read_table

if TYPE_CHECKING:
    from thucydides.actors import ActorResolver

OPENERS = {"“": '"', "„": '"', "«": '"', "‘": "'"}
CLOSERS = {"”": '"', "»": '"', "’": "'"}
EITHER = {'"': '"', "'": "'"}
"""Quotation marks by family: double marks pair with double, single with single."""

MARKS = set(OPENERS) | set(CLOSERS) | set(EITHER)
FILLER = "\x00"
"""Stands for the second apostrophe of a doubled one ('') used as a double quotation mark."""
BEFORE_OPENER = set(" \t([{—–-/:;,") | MARKS
AFTER_CLOSER = set(" \t)]}.,;:!?—–-/…")
DASHES = ("—", "―", "–", "-")
DIRECT_LEAD = (",", ":", ".", "!", "?", "—", "–", "―", ";")
"""A quotation after one of these (or at the start of a sentence) stands as direct speech."""

NP_MODIFIERS = ("det", "compound", "amod", "nmod", "poss", "nummod", "quantmod", "case", "prep")
PREDICATES = ("xcomp", "ccomp", "oprd", "acomp")
"""Complements that complete an object: "urged voters to stay home", "called it a scam"."""
OBJECT_PREPS = ("as", "of", "for")
"""Prepositions that complete an object: "described it as ...", "accused him of ..."."""
CLIMB_DEPS = ("advcl", "xcomp", "conj", "pcomp", "acl")
PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
TRIM = " \t\n,;:.—–-―"
COORDINATORS = ("and", "but", "while", "although", "though")
LIGHT_VERBS = frozenset(
    {"be", "have", "do", "make", "get", "go", "take", "come", "seem", "appear", "mean"}
)
"""Verbs whose that-clause does not report a statement ("made sure that", "it seems that")."""
THAT_CLAUSE = frozenset({"ccomp"})
TITLE_WORDS = 6
SPEAKER_LABELS = ("PERSON", "ORG", "NORP", "GPE")
SETTING_PREPS = ("in", "on", "at", "during", "via", "through")
TIME_PREPS = ("since", "after", "before", "until", "amid")
WH_TAGS = ("WDT", "WP", "WP$", "WRB")
NAME_WORDS = 4
"""The most words of a name heading a line before its colon (``Ana Ruiz: ...``)."""


@dataclass(frozen=True)
class Cues:
    verbs: dict[str, frozenset[str]]
    """Reporting verb lemma -> the dependents that hold what was said (``ccomp``, ``prep:for``)."""
    nouns: dict[str, frozenset[str]]
    """Noun of saying lemma -> what holds what was said: ``that`` (a that-clause), ``to``
    (an infinitive: "his decision to ..."), ``prep:of`` (the object of "of")."""
    phrases: tuple[tuple[str, ...], ...]
    media: frozenset[str] = frozenset()
    adjectives: dict[str, frozenset[str]] = field(default_factory=dict)
    """Adjective of stance lemma -> its complements, as for verbs ("confident that ...",
    "determined to ...", "critical of ..."); the subject of its copula is the source."""
    """Nouns of the occasion of saying ("in a statement", "on a call"): not what was said."""


@cache
def load_cues() -> Cues:
    """The reporting verbs, nouns and phrases of ``data/quotes/cues.tsv``."""
    verbs, nouns, adjectives, media, phrases = {}, {}, {}, set(), []
    for row in read_table(data_path("quotes", "cues.tsv")):
        if row["kind"] == "verb":
            verbs[row["cue"]] = frozenset(row["complement"].split(","))
        elif row["kind"] == "noun":
            nouns[row["cue"]] = frozenset(row["complement"].split(","))
        elif row["kind"] == "adjective":
            adjectives[row["cue"]] = frozenset(row["complement"].split(","))
        elif row["kind"] == "medium":
            media.add(row["cue"])
        else:
            phrases.append(tuple(row["cue"].lower().split()))
    return Cues(verbs, nouns, tuple(phrases), frozenset(media), adjectives)


@dataclass(frozen=True)
class Region:
    """A stretch of text in quotation marks: offsets include the marks."""

    start: int
    end: int
    paragraph: int
    closed: bool

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


@dataclass
class Candidate:
    """A quotation before its speaker is settled; ``source`` is the cue's subject as written."""

    start: int
    end: int
    type: QuoteType
    sentence: AnnotatedSentence
    cue: Span | None = None
    source: SpacySpan | None = None
    source_sentence: AnnotatedSentence | None = None
    inherits: bool = False
    cue_token: Token | None = None

    @property
    def cue_start(self) -> int:
        return self.cue.start if self.cue is not None else self.start


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
    for quote in quotes:
        quote.events = _events_of(quote, events)
    return quotes


def _continues(previous: Candidate, candidate: Candidate, text: str) -> bool:
    """A direct quotation that goes on after its cue in the same paragraph (``"A," she
    said, "B."`` or ``"A," she said. "B. C."``): one statement in two pieces, whatever
    reports the parser found in the words between them ("she said, referring to ...")."""
    both_direct = previous.type == candidate.type == "direct"
    same_paragraph = previous.sentence.paragraph == candidate.sentence.paragraph
    same_cue = candidate.inherits or (candidate.cue is not None and candidate.cue == previous.cue)
    same_cue = same_cue or _cue_between(previous, candidate, text)
    return both_direct and same_paragraph and same_cue and previous.end <= candidate.start


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


# ---------------------------------------------------------------------------- quotation marks


def quoted_regions(annotated: AnnotatedDocument) -> Iterator[Region]:
    """Top-level quoted stretches of every paragraph, double marks first, then single ones."""
    for number, paragraph in enumerate(annotated.paragraphs):
        start, end = paragraph.paragraph.start, paragraph.paragraph.end
        local = annotated.text[start:end].replace("''", '"' + FILLER)
        doubles = list(_scan(local, '"', []))
        yield from (Region(start + s, start + e, number, closed) for s, e, closed in doubles)
        singles = _scan(local, "'", [(s, e) for s, e, _ in doubles])
        yield from (Region(start + s, start + e, number, True) for s, e, ok in singles if ok)


def _scan(text: str, family: str, skip: list[tuple[int, int]]) -> Iterator[tuple[int, int, bool]]:
    """Pair the quotation marks of one family in a paragraph's text.

    An opener with no closer before the next opener is dropped, except at the end of the
    paragraph, where it runs to the end (a quotation continued in the next paragraph).
    """
    opened: int | None = None
    for i, char in enumerate(text):
        if char not in MARKS or any(s <= i < e for s, e in skip):
            continue
        role = _mark_role(text, i, family)
        if role is None:
            continue
        if opened is None:
            if "open" in role:
                opened = i
        elif "close" in role:
            if i > opened + 1:
                yield opened, _past_filler(text, i + 1), True
            opened = None
        elif "open" in role:
            opened = i
    if opened is not None and family == '"' and len(text) - opened > 2:
        yield opened, len(text), False


def _past_filler(text: str, i: int) -> int:
    return i + 1 if i < len(text) and text[i] == FILLER else i


def _mark_role(text: str, i: int, family: str) -> str | None:
    """Whether the mark at ``i`` can open ("open") or close ("close") a quotation, or both."""
    char = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[_past_filler(text, i + 1)] if _past_filler(text, i + 1) < len(text) else " "
    if OPENERS.get(char) == family:
        return None if char == "‘" and before.isalnum() else "open"
    if CLOSERS.get(char) != family and EITHER.get(char) != family:
        return None
    if before.isalnum() and after.isalnum():
        return None  # an apostrophe inside a word: work's, don't
    typographic = char not in CLOSERS or i == 0  # a paragraph may open with a closing mark
    can_open = typographic and before in BEFORE_OPENER and not after.isspace()
    closes_nested = before == " " and i > 1 and text[i - 2] in MARKS  # 'outreach,' "
    ends = after in AFTER_CLOSER or after in MARKS
    can_close = (not before.isspace() or closes_nested) and ends
    roles = ("open" if can_open else "") + ("close" if can_close else "")
    return roles or None


# ---------------------------------------------------------------------------- candidates


def _candidates(annotated: AnnotatedDocument, regions: list[Region]) -> Iterator[Candidate]:
    reported = list(_reported(annotated, regions)) + list(_colon_reports(annotated))
    direct: list[Candidate] = []
    partials: dict[int, Candidate] = {}
    for region in regions:
        candidate = _quoted(annotated, region, regions, reported)
        if candidate is None:
            continue
        if candidate.type == "direct":
            direct.append(candidate)
        elif candidate.cue is not None:
            first = partials.setdefault(candidate.cue.start, candidate)
            first.end = max(first.end, candidate.end)
    yield from direct
    yield from partials.values()
    yield from (c for c in reported if not any(_mostly_within(c, d) for d in direct))


def _mostly_within(reported: Candidate, direct: Candidate) -> bool:
    """A reported clause that is mostly a direct quotation (``He said: "..."``): the
    quotation stands for it."""
    shared = min(reported.end, direct.end) - max(reported.start, direct.start)
    return shared * 2 > reported.end - reported.start


def _quoted(
    annotated: AnnotatedDocument,
    region: Region,
    regions: list[Region],
    reported: list[Candidate],
) -> Candidate | None:
    """A direct or partial quotation for one quoted stretch, or None (a scare quote)."""
    sentence = annotated.sentence_at(region.start) or annotated.sentence_at(region.start + 1)
    if sentence is None:
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
    return Candidate(
        inner_start, inner_end, "partial", sentence, sentence.to_span(token), subject, sentence
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
            if not _is_speech_cue(token) or any(r.contains(start, end) for r in regions):
                continue
            subject = _subject(token)
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
    subject = _subject(verb)
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
    return sentence, _noun_phrase(name)


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
    return found[0], _noun_phrase(found[1].root)


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
        if _is_cue(token) and (subject := _subject(token)) is not None:
            return token, subject
        token = None if token.head.i == token.i else token.head
    return None


def _is_title(words: SpacySpan) -> bool:
    """A short quoted phrase in title case: every word capitalised but small function words."""
    tokens = [t for t in words if not t.is_punct]
    if not tokens or len(tokens) > TITLE_WORDS or not tokens[0].text[:1].isupper():
        return False
    return all(t.text[:1].isupper() or t.is_stop for t in tokens)


def _reported(annotated: AnnotatedDocument, regions: list[Region]) -> Iterator[Candidate]:
    """Indirect speech and "according to" attributions, outer ones only."""
    found: list[Candidate] = []
    for sentence in annotated.sentences:
        for token in sentence.span:
            candidate = _attribution(sentence, token, regions)
            if candidate is not None:
                found.append(candidate)
    for outer in found:
        for inner in found:
            if inner is not outer and _follows(inner, outer):
                outer.end = _before(annotated.text, outer.start, _report_start(inner, outer))
                if inner.cue_token is not None and _coordinated(inner.cue_token):
                    inner.source, inner.source_sentence = outer.source, outer.source_sentence
    for candidate in found:
        candidate.end = _past_quotation(candidate, regions)
        if candidate.end > candidate.start + 1 and not any(
            _nested(candidate, other) for other in found if other is not candidate
        ):
            yield candidate


def _colon_reports(annotated: AnnotatedDocument) -> Iterator[Candidate]:
    """Statements introduced by a colon and not in quotation marks: a name heading a
    headline or a transcript line (``Ortiz: Harbour Will Reopen``, ``ORTIZ: Well, ...``), or
    a cue closing its paragraph (``The governor added:``), whose content is the next one."""
    for sentence in annotated.sentences:
        tokens = [t for t in sentence.span if not t.is_space]
        colons = [t for t in tokens[: NAME_WORDS + 1] if t.text == ":"]
        if colons and sentence.start == annotated.paragraphs[sentence.paragraph].paragraph.start:
            found = _name_colon(annotated, sentence, colons[0])
            if found is not None:
                yield found
        if tokens and tokens[-1].text == ":":
            found = _cue_colon(annotated, sentence)
            if found is not None:
                yield found


def _name_colon(
    annotated: AnnotatedDocument, sentence: AnnotatedSentence, colon: Token
) -> Candidate | None:
    name = sentence.span.doc[sentence.span.start : colon.i]
    if not _is_name(annotated, name):
        return None
    paragraph = annotated.paragraphs[sentence.paragraph].paragraph
    start, end = _stripped(annotated.text, sentence.char_range(colon)[1], paragraph.end)
    if end - start < 2 or annotated.text[start] in MARKS:
        return None  # a quotation after the colon is direct speech (_colon_source)
    cue = sentence.to_span(colon)
    return Candidate(start, end, "indirect", sentence, cue, name, sentence)


def _is_name(annotated: AnnotatedDocument, words: SpacySpan) -> bool:
    """A speaker's name heading a line: capitalised words naming a person or a body (by the
    parse, or as the surname of a person the document names), or one word in capitals (a
    transcript's ``PENCE``); not a place (``WASHINGTON``, a dateline)."""
    if not 0 < len(words) <= NAME_WORDS or not all(t.text[:1].isupper() for t in words):
        return False
    if any(t.ent_type_ in ("GPE", "LOC", "DATE", "TIME", "FAC") for t in words):
        return False
    if all(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in words):
        return True
    surnames = {e.canonical.split()[-1] for e in annotated.entities if e.label == "PERSON"}
    last = words[-1].text
    return last in surnames or last.title() in surnames or (len(words) == 1 and last.isupper())


def _cue_colon(annotated: AnnotatedDocument, sentence: AnnotatedSentence) -> Candidate | None:
    cue = next((t for t in reversed(sentence.span) if _is_speech_cue(t)), None)
    if cue is None or sentence.paragraph + 1 >= len(annotated.paragraphs):
        return None
    if any(t.dep_ in ("ccomp", "dobj") and t.i > cue.i for t in cue.children):
        return None  # the cue's own sentence says what was said
    subject = _subject(cue)
    following = annotated.paragraphs[sentence.paragraph + 1].paragraph
    start, end = _stripped(annotated.text, following.start, following.end)
    content_sentence = annotated.sentence_at(start)
    if subject is None or content_sentence is None or annotated.text[start] in MARKS:
        return None
    if sentence.end < annotated.paragraphs[sentence.paragraph].paragraph.end - 1:
        return None  # the colon closes a sentence, not the paragraph
    return Candidate(
        start, end, "indirect", content_sentence, sentence.to_span(cue), subject, sentence
    )


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in TRIM or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in TRIM or text[end - 1].isspace()):
        end -= 1
    return start, end


def _past_quotation(candidate: Candidate, regions: list[Region]) -> int:
    """The end of a reported clause, carried to the end of a quotation it opens but the
    parse cut short (at a comma inside the quotation): a content never halves a quotation."""
    for region in regions:
        if candidate.start <= region.start < candidate.end < region.end and region.closed:
            return region.end
    return candidate.end


def _follows(inner: Candidate, outer: Candidate) -> bool:
    """A cue that continues a report with a new one: "X said A, adding that B", rather than
    a verb inside what was reported ("said clients began to demand more"), or the verb of
    the infinitive a cue reports ("refused to endorse him", "urged voters to report it")."""
    cue, governor = inner.cue_token, outer.cue_token
    if cue is None or governor is None or cue.dep_ not in CLIMB_DEPS or _shares_infinitive(cue):
        return False
    if cue.dep_ == "xcomp" and cue.head == governor:
        return False
    participle = cue.tag_ == "VBG" and cue.i > 0 and cue.nbor(-1).text == ","
    continues = cue.head == governor or participle or _coordinated(cue) or _second_report(cue)
    return continues and outer.start < inner.cue_start < outer.end and inner.start > inner.cue_start


def _second_report(cue: Token) -> bool:
    """A cue with a subject of its own conjoined to the clause another cue reports ("said
    the reforms were late, and aid groups warned that ..."): the parser hangs it inside the
    first report, but it is a report of its own."""
    clause = cue.head
    own = any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children)
    reported = clause.dep_ == "ccomp" and _is_cue(clause.head)
    return cue.dep_ == "conj" and own and reported


def _report_start(inner: Candidate, outer: Candidate) -> int:
    """Where a report inside another begins: its speaker, when named inside the other
    report before the cue ("... late, and aid groups warned"), else its cue."""
    cue = inner.cue_token
    if inner.source is None or cue is None or not _second_report(cue):
        return inner.cue_start
    named = inner.sentence.char_range(inner.source)[0]
    return named if outer.start < named < inner.cue_start else inner.cue_start


def _coordinated(cue: Token) -> bool:
    """A cue conjoined without a subject of its own ("said A and warned B"): the parser
    often hangs it on a verb inside the first report, but it is a second report."""
    own = any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children)
    return cue.dep_ == "conj" and not own and cue.tag_ != "VB" and _is_cue(cue)


def _before(text: str, start: int, end: int) -> int:
    """The end of a report cut before the next cue, without the punctuation and the
    coordinator that join the two ("A, and warned", "A but added")."""
    while end > start and text[end - 1] in TRIM:
        end -= 1
    for word in COORDINATORS:
        if text[start:end].endswith(" " + word):
            return _before(text, start, end - len(word))
    return end


def _nested(inner: Candidate, outer: Candidate) -> bool:
    inside = outer.start <= inner.start and inner.end <= outer.end
    return inside and outer.start <= inner.cue_start < outer.end


def _attribution(
    sentence: AnnotatedSentence, token: Token, regions: list[Region]
) -> Candidate | None:
    phrase = _is_phrase_cue(token)
    noun = token.pos_ == "NOUN" and token.lemma_.lower() in load_cues().nouns
    noun = noun and not _acts_as_verb(token)
    if _is_stance_adjective(token):
        return _adjective_report(sentence, token, regions)
    if not (phrase or noun or _is_cue(token)):
        return None
    start, end = sentence.char_range(token)
    if any(r.contains(start, end) for r in regions):
        return None
    if phrase:
        return _according_to(sentence, token)
    if noun:
        return _noun_report(sentence, token, regions)
    subject = _subject(token)
    if subject is None:
        return None
    content = _complement(sentence, token)
    if content is None:
        return None
    s_start, s_end = sentence.char_range(subject)
    if any(r.contains(s_start, s_end) for r in regions):
        return None
    cue = sentence.to_span(token)
    kind: QuoteType = "partial" if _quotes_within(content, regions) else "indirect"
    return Candidate(*content, kind, sentence, cue, subject, sentence, cue_token=token)


def _complement(sentence: AnnotatedSentence, token: Token) -> tuple[int, int] | None:
    """Offsets of what a reporting verb reports: its listed complement, or, for a
    parenthetical cue (``X, he said, Y``), the whole sentence around it."""
    wanted = _wanted(token)
    targets = _targets(token, wanted)
    if any(t.i > token.i for t in targets):
        targets = [t for t in targets if t.i > token.i]  # "X said: Y", not the clause before
    if any(t.tag_ in ("WP", "WDT") for t in targets):  # "what she called a rant"
        return _trimmed(sentence, token.left_edge, token.right_edge)
    if targets:
        first = _gap_start(token, targets, min(t.left_edge.i for t in targets))
        after = [c for c in token.rights if c.i > first > token.i and _completes(c)]
        if all(t.dep_ in ("dobj", "nsubjpass") for t in targets):
            after += _object_qualifiers(token, first)
        if any(t.dep_ == "ccomp" for t in targets):
            after += [c for c in token.rights if c.i > first > token.i and c.dep_ == "advcl"
                      and not _is_cue(c)]
        last = max(t.right_edge.i for t in targets + after)
        return _trimmed(sentence, token.doc[first], token.doc[_clip(token.doc, first, last)])
    if "ccomp" not in wanted:
        return None
    span = sentence.span
    if token.dep_ == "parataxis":
        return _trimmed(sentence, span[0], span[-1])
    if any(c.dep_ in ("dobj", "attr") for c in token.children):
        return None
    if token.dep_ == "ROOT":
        return _before_final_cue(sentence, token)
    if token.dep_ != "advcl":
        return None
    if token.head.i > token.right_edge.i + 1:  # "Through talks, X said, both sides agreed"
        return _trimmed(sentence, token.doc[token.right_edge.i + 1], span[-1])
    as_said = any(c.lower_ == "as" for c in token.children)
    if as_said and token.head.i < token.left_edge.i > span.start:  # "..., as police have said"
        return _trimmed(sentence, span[0], token.doc[token.left_edge.i - 1])
    return None


def _before_final_cue(sentence: AnnotatedSentence, token: Token) -> tuple[int, int] | None:
    """What precedes a cue that closes the sentence after a comma: "People like Ortiz, he
    said." (the parser does not always make it the cue's complement)."""
    span, doc = sentence.span, token.doc
    subjects = [c.left_edge.i for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    left = min([token.i, *subjects])
    tail = doc[left : span.end]
    if left <= span.start + 1 or doc[left - 1].text != ",":
        return None
    if any(t.i > token.i and not (t.is_punct or t.ent_type_ in ("DATE", "TIME")) for t in tail):
        return None
    return _trimmed(sentence, span[0], doc[left - 2])


def _clip(doc: Doc, first: int, last: int) -> int:
    """The last token of a reported clause without a trailing participial phrase
    (", contradicting ...", ", adding ..."), which is a comment or a report of its own."""
    for token in doc[first + 1 : last + 1]:
        start = token.left_edge.i
        participle = token.dep_ == "advcl" and token.tag_ == "VBG" and _is_cue(token)
        if participle and start > first + 1 and doc[start - 1].text == ",":
            return start - 2
    return _without_aside(doc, first, _without_setting(doc, first, last))


def _without_aside(doc: Doc, first: int, last: int) -> int:
    """The last token of a reported clause without a trailing aside set off by a comma: a
    non-restrictive relative clause (", which ...", ", who ...") or an appositive (", the
    party's nominee"): the writer's gloss on a word of the report, not part of it."""
    for token in doc[first + 1 : last + 1]:
        start = token.left_edge.i
        if token.right_edge.i != last or start <= first + 1 or doc[start - 1].text != ",":
            continue
        relative = token.dep_ == "relcl" and doc[start].tag_ in WH_TAGS
        if token.dep_ == "appos" or relative:
            return start - 2
    return last


def _without_setting(doc: Doc, first: int, last: int) -> int:
    """The last token of a reported clause without trailing phrases that say when or where
    it was said ("... in a statement on Thursday", "... Wednesday")."""
    while last > first:
        setting = next((t for t in doc[first + 1 : last + 1] if _is_setting(t, first, last)), None)
        if setting is None:
            return last
        last = setting.left_edge.i - 1
        while last > first and doc[last].is_punct and doc[last].text not in MARKS:
            last -= 1
    return last


def _is_setting(token: Token, first: int, last: int) -> bool:
    """A trailing date or occasion that the parser hung on a noun of the reported clause;
    on one of its verbs it may be part of what was said ("would grow in the spring")."""
    if token.right_edge.i != last or token.left_edge.i <= first + 1:
        return False
    if token.head.pos_ in ("VERB", "AUX"):
        return False
    dated = any(t.ent_type_ in ("DATE", "TIME") for t in token.subtree)
    if token.dep_ == "npadvmod" or (token.dep_ == "appos" and token.ent_type_ in ("DATE", "TIME")):
        return dated and all(t.ent_type_ in ("DATE", "TIME") for t in token.subtree)
    if token.dep_ != "prep" or token.lower_ not in SETTING_PREPS:
        return False
    objects = [c for c in token.children if c.dep_ == "pobj"]
    occasion = any(c.lemma_.lower() in load_cues().media for c in objects)
    return occasion or (dated and all(t.ent_type_ in ("DATE", "TIME") for t in objects))


def _targets(token: Token, wanted: frozenset[str]) -> list[Token]:
    """The dependents of a reporting verb that hold what was said, per its cue entry."""
    deps = {c.dep_ for c in token.children}
    deps |= {f"prep:{c.lower_}" for c in token.children if c.dep_ == "prep"}
    found = []
    for spec in wanted:
        first, *required = spec.split("+")
        if all(dep in deps for dep in required):
            found += [t for c in token.children if (t := _complement_head(c, first)) is not None]
    if "ccomp" in wanted and not any(t.dep_ == "ccomp" for t in found):
        found += [t for t in _misparsed_clauses(token)]
    if any(t.dep_ == "xcomp" for t in found):
        found += [c for c in token.rights if _shares_infinitive(c)]
    return found


def _shares_infinitive(verb: Token) -> bool:
    """A bare verb conjoined to a cue that takes an infinitive: it continues that infinitive
    ("declined to threaten Moscow or declare it responsible"); the parser often tags such
    a verb VBP, which cannot be parallel to a cue in another tense."""
    bare = verb.tag_ == "VB" or (verb.tag_ == "VBP" and verb.head.tag_ != "VBP")
    return verb.dep_ == "conj" and bare


def _misparsed_clauses(token: Token) -> Iterator[Token]:
    """A that-clause the parser hung on the addressee ("told a meeting of leaders that few
    people knew"): a relative clause opened by "that" with a subject of its own; or a bare
    clause after the cue read as an adverbial one ("said after the vote he would resign"):
    a clause with a subject of its own and no subordinator ("because", "if")."""
    for child in token.rights:
        subject = any(m.dep_ in ("nsubj", "nsubjpass") for m in child.lefts)
        bare = not any(m.dep_ == "mark" for m in child.lefts)
        if child.dep_ == "advcl" and subject and bare and child.tag_ != "VBG":
            yield child
            return
    for child in token.children:
        if child.dep_ not in ("dobj", "npadvmod"):
            continue
        for clause in child.subtree:
            marked = any(m.lower_ == "that" and m.dep_ == "mark" for m in clause.lefts)
            subject = any(m.dep_ in ("nsubj", "nsubjpass") for m in clause.lefts)
            if clause.dep_ in ("relcl", "acl") and marked and subject:
                yield clause
                return


def _gap_start(cue: Token, targets: list[Token], first: int) -> int:
    """Where a report starts whose subject is the noun a relative clause hangs on: "the
    levy the senator said is designed to punish farmers" (the levy is designed): at the
    relative pronoun, or at that noun when there is none."""
    clause = next((t for t in targets if t.dep_ == "ccomp"), None)
    if cue.dep_ != "relcl" or clause is None or clause.i < cue.i:
        return first
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children):
        return first
    pronoun = next((c for c in cue.lefts if c.tag_ in WH_TAGS or c.lower_ == "that"), None)
    return pronoun.i if pronoun is not None else cue.head.left_edge.i


def _complement_head(child: Token, spec: str) -> Token | None:
    if child.dep_ == spec:
        return child
    if spec == "dobj" and child.dep_ == "nsubjpass" and _agent(child.head) is not None:
        return child  # the object of a passive cue: "X was praised by Y"
    if child.dep_ == "prep" and spec == f"prep:{child.lower_}":
        return next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
    return None


def _completes(child: Token) -> bool:
    return child.dep_ in PREDICATES or (child.dep_ == "prep" and child.lower_ in OBJECT_PREPS)


def _object_qualifiers(cue: Token, first: int) -> list[Token]:
    """Phrases right after the object of a cue that go with what is said of the object
    ("shows him with his hands up", "reported different numbers to different agencies";
    the parser hangs them on the verb), up to the first that is not one: a comma, a
    setting ("in an interview", "since May") or a phrase with a report of its own ("amid
    concerns that ...")."""
    found = []
    for child in cue.rights:
        if child.i <= first or child.dep_ == "dobj" or _completes(child):
            continue
        if not _qualifies_object(child):
            break
        found.append(child)
    return found


def _qualifies_object(child: Token) -> bool:
    if child.dep_ != "prep" or child.lower_ in SETTING_PREPS + TIME_PREPS:
        return False
    return not any(_is_cue(t) or _reports(t) for t in child.subtree)


def _reports(noun: Token) -> bool:
    """A noun of saying with what was said as its complement ("concerns that ...")."""
    wanted = load_cues().nouns.get(noun.lemma_.lower())
    return wanted is not None and any(_noun_complement(c, wanted) for c in noun.rights)


def _noun_report(
    sentence: AnnotatedSentence, token: Token, regions: list[Region]
) -> Candidate | None:
    """``his claim that ...``, ``her decision to ...``, ``reports of ...``: the complement of
    a noun of saying or of stance; its possessor (or the ``by`` phrase) speaks."""
    wanted = load_cues().nouns[token.lemma_.lower()]
    clause = next((t for c in token.rights if (t := _noun_complement(c, wanted)) is not None), None)
    if clause is None and "that" in wanted:
        clause = _predicated_clause(token)
    if clause is None:
        return None
    content = _trimmed(sentence, clause.left_edge, clause.right_edge)
    if content is None or _mostly_quoted(content, regions):
        return None
    source = next((c for c in token.lefts if c.dep_ == "poss"), None)
    if source is None and (by := next((c for c in token.rights if c.lower_ == "by"), None)):
        source = next((c for c in by.children if c.dep_ == "pobj"), None)
    speaker = _noun_phrase(source) if source is not None else None
    if speaker is None and token.dep_ == "dobj":
        speaker = _subject(token.head)  # "she made the case that", "voiced concern that"
    return Candidate(*content, "indirect", sentence, sentence.to_span(token), speaker, sentence)


def _predicated_clause(noun: Token) -> Token | None:
    """The that-clause a noun of saying is equated with: "the mayor's bet is that ..."."""
    if noun.dep_ != "nsubj" or noun.head.lemma_ != "be":
        return None
    return next(
        (c for c in noun.head.rights
         if c.dep_ == "ccomp" and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.lefts)),
        None,
    )


def _is_stance_adjective(token: Token) -> bool:
    """A listed adjective predicated of someone: "is confident that", "made it clear that"."""
    listed = token.pos_ == "ADJ" and token.lemma_.lower() in load_cues().adjectives
    return listed and token.dep_ in ("acomp", "ccomp", "oprd")


def _adjective_report(
    sentence: AnnotatedSentence, token: Token, regions: list[Region]
) -> Candidate | None:
    """What a stance adjective reports, with the subject of its copula (or of "made it
    clear") as the source."""
    wanted = load_cues().adjectives[token.lemma_.lower()]
    targets = [t for t in _targets(token, wanted) if t.i > token.i]
    subject = _subject(token.head)
    if not targets or subject is None or subject.root.lower_ == "it":
        return None  # "it is clear that ...": nobody's stance
    first = min(t.left_edge.i for t in targets)
    last = _clip(token.doc, first, max(t.right_edge.i for t in targets))
    content = _trimmed(sentence, token.doc[first], token.doc[last])
    if content is None:
        return None
    kind: QuoteType = "partial" if _quotes_within(content, regions) else "indirect"
    cue = sentence.to_span(token)
    return Candidate(*content, kind, sentence, cue, subject, sentence, cue_token=token)


def _noun_complement(child: Token, wanted: frozenset[str]) -> Token | None:
    marked = any(m.lower_ == "that" and m.dep_ == "mark" for m in child.lefts)
    if child.dep_ in ("acl", "relcl") and "that" in wanted and marked:
        return child
    if child.dep_ == "acl" and "to" in wanted and any(m.lower_ == "to" for m in child.lefts):
        return child
    if child.dep_ == "prep" and f"prep:{child.lower_}" in wanted:
        return next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
    return None


def _according_to(sentence: AnnotatedSentence, token: Token) -> Candidate | None:
    """``According to X, ...``: the source is X and the content is the rest of the clause."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
    if to is None or source is None:
        return None
    phrase = token.doc[token.i : source.right_edge.i + 1]
    span = sentence.span
    before = _trimmed(sentence, span[0], token.nbor(-1)) if token.i > span.start else None
    after = (
        _trimmed(sentence, phrase[-1].nbor(1), span[-1]) if phrase.end < span.end else None
    )
    parts = [p for p in (before, after) if p is not None]
    if not parts:
        return None
    content = max(parts, key=lambda p: p[1] - p[0])
    source_span = token.doc[source.left_edge.i : source.right_edge.i + 1]
    cue = sentence.to_span(token.doc[token.i : to.i + 1])
    return Candidate(*content, "according_to", sentence, cue, source_span, sentence)


def _trimmed(sentence: AnnotatedSentence, first: Token, last: Token) -> tuple[int, int] | None:
    """Document offsets of ``first..last`` without edge punctuation; None when empty."""
    if last.i < first.i:
        return None
    start = sentence.char_range(first)[0]
    end = sentence.char_range(last)[1]
    text = sentence.span.doc.text
    offset = sentence.offset
    while start < end and text[start - offset] in TRIM:
        start += 1
    while end > start and text[end - offset - 1] in TRIM:
        end -= 1
    return (start, end) if end - start > 1 else None


def _quotes_within(content: tuple[int, int], regions: list[Region]) -> bool:
    """Whether a reported clause carries words in quotation marks: a partial quotation."""
    start, end = content
    return any(start <= r.start + 1 and r.end - 1 <= end + 1 for r in regions)


def _mostly_quoted(content: tuple[int, int], regions: list[Region]) -> bool:
    """A clause that is mostly quotation: its quoted words are a partial quotation of their
    own ("described the talks as "frank and useful""), the clause is not an indirect one."""
    start, end = content
    quoted = sum(max(0, min(end, r.end) - max(start, r.start)) for r in regions)
    return quoted * 2 > end - start


# ---------------------------------------------------------------------------- parse helpers


def _is_cue(token: Token) -> bool:
    if not _acts_as_verb(token):
        return False
    return _verb_lemma(token) in load_cues().verbs or _that_clause_cue(token)


def _acts_as_verb(token: Token) -> bool:
    """A verb, or a word the tagger took for a noun that the parser gave a subject ("Trump
    claims that ...": ``claims`` tagged NNS, yet the head of the sentence)."""
    if token.pos_ in ("VERB", "AUX"):
        return True
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    return token.pos_ == "NOUN" and subject and token.dep_ in ("ROOT", "ccomp", "conj")


def _verb_lemma(token: Token) -> str:
    """The lemma of a verb, repaired where the lemmatizer drops a silent "e" of an -ing,
    -ed or -es form that belongs to a listed cue ("hoping", "hopes" -> "hop", "rated" ->
    "rat")."""
    lemma = token.lemma_.lower()
    verbs = load_cues().verbs
    if lemma not in verbs and token.lower_.endswith(("ing", "ed", "es")) and lemma + "e" in verbs:
        return lemma + "e"
    return lemma


def _that_clause_cue(token: Token) -> bool:
    """A verb outside the cue list that takes a that-clause and has a subject: "the court
    ruled that ...", "she stressed that ...". A finite that-complement is the mark of verbs
    of communication and propositional attitude (Levin 1993, classes 29 and 37), so such a
    verb is read as a cue of reported speech; light verbs ("made sure that") are not."""
    if token.pos_ == "AUX" or not _acts_as_verb(token) or token.lemma_.lower() in LIGHT_VERBS:
        return False
    if not any(c.dep_ == "nsubj" for c in token.children):
        return False
    return any(
        c.dep_ == "ccomp" and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.lefts)
        for c in token.children
    )


def _wanted(token: Token) -> frozenset[str]:
    return load_cues().verbs.get(_verb_lemma(token), THAT_CLAUSE)


def _is_speech_cue(token: Token) -> bool:
    """A listed verb of saying, the only kind that introduces a direct quotation."""
    listed = _verb_lemma(token) in load_cues().verbs
    return listed and _is_cue(token) and "ccomp" in _wanted(token)


def _is_phrase_cue(token: Token) -> bool:
    if token.lower_ not in _phrase_openers():
        return False
    for phrase in load_cues().phrases:
        end = token.i + len(phrase)
        if end <= len(token.doc) and tuple(t.lower_ for t in token.doc[token.i : end]) == phrase:
            return True
    return False


@cache
def _phrase_openers() -> frozenset[str]:
    return frozenset(phrase[0] for phrase in load_cues().phrases)


def _subject(token: Token) -> SpacySpan | None:
    """The speaker phrase of a reporting verb: its subject, or its governor's subject
    (``..., saying that``, ``and added``), or the noun a relative clause hangs on; for a
    passive cue, its agent (``was criticized by X``)."""
    agent = _agent(token)
    if agent is not None:
        return _noun_phrase(agent)
    current: Token = token
    deps: tuple[str, ...] = ("nsubj", "csubj")
    for _ in range(4):
        subject = next((c for c in current.children if c.dep_ in deps), None)
        if subject is not None:
            if subject.lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return _noun_phrase(current.head)
            return _noun_phrase(subject)
        if current.dep_ == "acl" and current.tag_ == "VBG":
            return _issuer(current.head)  # "a statement calling for ..."
        if current.dep_ == "pcomp" and current.head.dep_ == "prep":
            current = current.head  # "After saying ..., she left": the clause's subject
        elif current.dep_ not in CLIMB_DEPS or current.head.i == current.i:
            return (_name_before(token) or _inverted(token)) if current is token else None
        current, deps = current.head, ("nsubj", "csubj", "nsubjpass")
    return None


def _issuer(noun: Token) -> SpacySpan:
    """Who speaks through a noun that a participial cue hangs on: for a medium ("issued a
    statement calling for ..."), the subject of the verb that issued it; else the noun."""
    if noun.lemma_.lower() in load_cues().media and noun.dep_ == "dobj":
        issuer = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if issuer is not None:
            return _noun_phrase(issuer)
    return _noun_phrase(noun)


def _name_before(token: Token) -> SpacySpan | None:
    """A name right before a cue the parser left without a subject: "In an interview with
    the Star Ramos said ..." (the name misread as the object of the preposition)."""
    if token.i == 0 or token.dep_ != "ROOT" or token.doc[token.i - 1].pos_ != "PROPN":
        return None
    entity = next((e for e in token.doc.ents if e.end == token.i), None)
    return entity if entity is not None and entity.label_ in SPEAKER_LABELS else None


def _inverted(token: Token) -> SpacySpan | None:
    """The speaker after a cue that follows its quotation (``"Why?" asked Ines Roth``),
    which the parser reads as the cue's object."""
    if token.i == 0 or token.doc[token.i - 1].text not in MARKS:
        return None
    name = next((c for c in token.rights if c.dep_ == "dobj" and c.pos_ == "PROPN"), None)
    return None if name is None else _noun_phrase(name)


def _agent(token: Token) -> Token | None:
    """The object of the ``by`` phrase of a passive verb."""
    by = next((c for c in token.children if c.dep_ == "agent"), None)
    return None if by is None else next((c for c in by.children if c.dep_ == "pobj"), None)


def _noun_phrase(token: Token) -> SpacySpan:
    """The name or short noun phrase headed by ``token`` (no relative clause or apposition)."""
    doc = token.doc
    for ent in doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    name = next((c for c in token.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if token.pos_ == "NOUN" and name is not None:
        return _noun_phrase(name)
    left = token.i
    for child in token.lefts:
        if child.dep_ in NP_MODIFIERS:
            left = min(left, child.left_edge.i)
    return doc[left : token.i + 1]


def _described(phrase: SpacySpan) -> SpacySpan:
    """A speaker phrase widened to its titles and apposition, for resolving the actor:
    "Kremlin spokesman Dmitry Peskov", "Zhao Junjie, a researcher at ..."."""
    root = phrase.root
    left, right = min(phrase.start, root.left_edge.i), phrase.end
    if root.dep_ == "appos":
        left = min(left, root.head.left_edge.i)
    for child in root.rights:
        if child.dep_ == "appos":
            right = max(right, child.right_edge.i + 1)
    for child in root.lefts:
        if child.dep_ not in NP_MODIFIERS:
            left = max(left, child.right_edge.i + 1)
    return phrase.doc[min(left, phrase.start) : right]


# ---------------------------------------------------------------------------- speakers


@dataclass
class SpeakerResolver:
    """Settles speakers in reading order, remembering the last one and each person's Actor."""

    annotated: AnnotatedDocument
    resolver: ActorResolver
    last: tuple[Span | None, Actor | None] = (None, None)
    last_quoted: tuple[Span | None, Actor | None] = (None, None)
    """The speaker of the last direct quotation: who a bare quoted paragraph belongs to."""
    last_person: Actor | None = None
    actors: dict[str, Actor | None] = field(default_factory=dict)

    def settle(self, candidate: Candidate) -> tuple[Span | None, Actor | None]:
        """The speaker mention as written and its Actor; remembers them for the next ones."""
        if candidate.source is None or candidate.source_sentence is None:
            if not candidate.inherits:
                return None, None
            return self.last_quoted if self.last_quoted[0] is not None else self.last
        sentence, source = candidate.source_sentence, candidate.source
        actor, person = self._identify(sentence, source)
        if person:
            self.last_person = actor
        self.last = (sentence.to_span(source), actor)
        if candidate.type == "direct":
            self.last_quoted = self.last
        return self.last

    def _identify(
        self, sentence: AnnotatedSentence, source: SpacySpan
    ) -> tuple[Actor | None, bool]:
        """The speaker's Actor (named in full), and whether the speaker is a person."""
        if source.text.lower() in PERSON_PRONOUNS:
            return self.last_person, self.last_person is not None
        mention = self._mention(sentence, source)
        if mention is None:
            return self._actor(source.text.lower(), sentence.to_span(source), None), False
        person = mention.label == "PERSON"
        name = mention.canonical if person else None
        return self._actor(mention.canonical, self._full_mention(mention), name), person

    def _mention(self, sentence: AnnotatedSentence, source: SpacySpan) -> EntityMention | None:
        """The named person or body the speaker phrase stands for."""
        start, end = sentence.char_range(source.root)
        mention = self.annotated.entity_for(start, end)
        if mention is not None:
            return mention
        if source.root.pos_ == "PROPN":
            return self._by_surname(source.root.text, start)
        return None

    def _by_surname(self, name: str, before: int) -> EntityMention | None:
        """The latest earlier person whose full name ends with ``name`` ("Witkoff")."""
        earlier = [
            e for e in self.annotated.entities
            if e.label == "PERSON" and e.start < before and e.canonical.split()[-1] == name
        ]
        return earlier[-1] if earlier else None

    def _full_mention(self, mention: EntityMention) -> Span:
        """The nearest mention at or before ``mention`` that spells out its full name."""
        full = [
            e for e in self.annotated.entities
            if e.canonical == mention.canonical and e.text == mention.canonical
            and e.start <= mention.start
        ]
        chosen = full[-1] if full else mention
        return Span(chosen.start, chosen.end, chosen.text)

    def _actor(self, key: str, span: Span, person: str | None) -> Actor | None:
        """The speaker's Actor, resolved once per identity from its first described mention.

        A person keeps the full name (``person``) even when the resolver codes no country or
        sector, so that a search for the name finds every quotation of that person."""
        if key in self.actors:
            return self.actors[key]
        actor = None
        found = self.annotated.char_span(span.start, span.end)
        if found is not None:
            sentence, phrase = found
            actor = self.resolver.resolve_mention(self.annotated, sentence, _described(phrase))
        if person is not None:
            actor = actor or Actor(span.text, span.start, span.end, rule="quote speaker")
            actor.name = person
        self.actors[key] = actor
        return actor


# ---------------------------------------------------------------------------- events


def _events_of(quote: Quote, events: Iterable[Event]) -> list[int]:
    """Indices of the events coded in the quote's sentence or inside its content."""
    return [
        i for i, event in enumerate(events)
        if event.sentence == quote.sentence
        or quote.content.start <= event.trigger.start < quote.content.end
    ]
