"""Who said it: the speaker of a cue, and one identity per person across a document."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from thucydides.annotate import AnnotatedDocument, AnnotatedSentence, EntityMention
from thucydides.model import Actor, Event, Quote, Span
from thucydides.quotes.candidate import Candidate
from thucydides.quotes.cues import load_cues
from thucydides.quotes.marks import MARKS

if TYPE_CHECKING:
    from thucydides.actors import ActorResolver


NP_MODIFIERS = ("det", "compound", "amod", "nmod", "poss", "nummod", "quantmod", "case", "prep")
CLIMB_DEPS = ("advcl", "xcomp", "conj", "pcomp", "acl")
PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
SPEAKER_LABELS = ("PERSON", "ORG", "NORP", "GPE")


def cue_subject(token: Token) -> SpacySpan | None:
    """The speaker phrase of a reporting verb: its subject, or its governor's subject
    (``..., saying that``, ``and added``), or the noun a relative clause hangs on; for a
    passive cue, its agent (``was criticized by X``)."""
    agent = passive_agent(token)
    if agent is not None:
        return noun_phrase(agent)
    verbless = _verbless_root(token)
    if verbless is not None:
        return noun_phrase(verbless)
    current: Token = token
    deps: tuple[str, ...] = ("nsubj", "csubj")
    for _ in range(4):
        subject = next((c for c in current.children if c.dep_ in deps), None)
        if subject is not None:
            if subject.lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return noun_phrase(current.head)
            return noun_phrase(subject)
        if current.dep_ == "acl" and current.tag_ == "VBG":
            return _issuer(current.head)  # "a statement calling for ..."
        if current.dep_ == "pcomp" and current.head.dep_ == "prep":
            current = _past_modifier(current.head)  # "After saying ..., she left"
        elif _controlled_infinitive(current):
            current = current.head  # "missed no chance to remind voters that ..."
        elif current.dep_ == "acomp":
            if not _personal_adjective(current):
                return None
        elif current.dep_ not in CLIMB_DEPS or current.head.i == current.i:
            return (_name_before(token) or _inverted(token)) if current is token else None
        current, deps = current.head, ("nsubj", "csubj", "nsubjpass")
    return None


def _verbless_root(token: Token) -> Token | None:
    """The noun heading a sentence in which the parser found no main verb, when ``token``
    is the verb it misread as a clause on a noun ("One of the farmers who signed the
    petition called the mayor a liar": ``called`` read as qualifying ``petition``): that
    verb is the main one and the noun its subject."""
    if token.dep_ != "acl" or token.tag_ not in ("VBD", "VBN"):
        return None
    root = token
    while root.head.i != root.i:
        root = root.head
    return root if root.pos_ in ("NOUN", "PROPN", "PRON", "NUM") else None


def _controlled_infinitive(verb: Token) -> bool:
    """An infinitive on the object of a verb with no addressee ("missed no chance to
    remind", "made an effort to explain"): the verb's subject is the infinitive's."""
    noun = verb.head
    infinitive = verb.dep_ == "acl" and any(c.lower_ == "to" for c in verb.lefts)
    addressee = any(c.dep_ in ("dative", "iobj") for c in noun.head.children)
    return infinitive and noun.dep_ == "dobj" and not addressee


def _personal_adjective(adjective: Token) -> bool:
    """An adjective predicated of someone, whose infinitive that person performs ("was
    able to tout", "is eager to say"); not of a dummy "it" ("it is worth noting")."""
    subjects = [c for c in adjective.head.children if c.dep_ in ("nsubj", "expl")]
    adjectival = adjective.pos_ == "ADJ" or adjective.tag_ == "VBN"  # "are convinced"
    return adjectival and not any(c.lower_ == "it" for c in subjects)


def _past_modifier(prep: Token) -> Token:
    """The preposition of a participle, or the word it completes when that word only
    modifies a verb: an adverb or adjective ("stopped short of calling", "is capable of
    saying") or the verb's object ("have no way of knowing"): the verb's clause holds the
    speaker."""
    head = prep.head
    modifier = head.pos_ in ("ADV", "ADJ") and head.dep_ in ("advmod", "acomp")
    modifier = modifier or (head.pos_ == "NOUN" and head.dep_ == "dobj")
    return head if modifier and head.head.i != head.i else prep


def _issuer(noun: Token) -> SpacySpan:
    """Who speaks through a noun that a participial cue hangs on: for a medium ("issued a
    statement calling for ..."), the subject of the verb that issued it; else the noun."""
    if noun.lemma_.lower() in load_cues().media and noun.dep_ == "dobj":
        issuer = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if issuer is not None:
            return noun_phrase(issuer)
    return noun_phrase(noun)


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
    return None if name is None else noun_phrase(name)


def passive_agent(token: Token) -> Token | None:
    """The object of the ``by`` phrase of a passive verb."""
    by = next((c for c in token.children if c.dep_ == "agent"), None)
    return None if by is None else next((c for c in by.children if c.dep_ == "pobj"), None)


def noun_phrase(token: Token) -> SpacySpan:
    """The name or short noun phrase headed by ``token`` (no relative clause or apposition)."""
    doc = token.doc
    for ent in doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    name = next((c for c in token.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if token.pos_ == "NOUN" and name is not None:
        return noun_phrase(name)
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


def events_of(quote: Quote, events: Iterable[Event]) -> list[int]:
    """Indices of the events coded in the quote's sentence or inside its content."""
    return [
        i for i, event in enumerate(events)
        if event.sentence == quote.sentence
        or quote.content.start <= event.trigger.start < quote.content.end
    ]
