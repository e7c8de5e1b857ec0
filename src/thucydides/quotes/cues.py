"""The cues of reported speech (``data/quotes/cues.tsv``) and the tests for them on a token."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Token

from thucydides.ontology import data_path, read_table

LIGHT_VERBS = frozenset(
    {"be", "have", "do", "make", "get", "go", "take", "come", "seem", "appear", "mean"}
)
"""Verbs whose that-clause does not report a statement ("made sure that", "it seems that")."""
THAT_CLAUSE = frozenset({"ccomp"})


@dataclass(frozen=True)
class Cues:
    """The cue lexicon, by kind (the ``kind`` column of ``cues.tsv``)."""

    verbs: dict[str, frozenset[str]]
    """Reporting verb lemma -> the dependents that hold what was said (``ccomp``, ``prep:for``)."""
    nouns: dict[str, frozenset[str]]
    """Noun of saying lemma -> what holds what was said: ``that`` (a that-clause), ``to``
    (an infinitive: "his decision to ..."), ``prep:of`` (the object of "of")."""
    phrases: tuple[tuple[str, ...], ...]
    media: frozenset[str] = frozenset()
    """Nouns of the occasion of saying ("in a statement", "on a call"): not what was said."""
    adjectives: dict[str, frozenset[str]] = field(default_factory=dict)
    """Adjective of stance lemma -> its complements, as for verbs ("confident that ...",
    "determined to ...", "critical of ..."); the subject of its copula is the source."""
    sources: frozenset[str] = frozenset()
    """Nouns of a body of evidence that stands as the source of a claim ("Poll: ...")."""
    reciprocals: frozenset[str] = frozenset()
    """Verbs of discussion (also in ``verbs``): a report of a topic, unless two parties
    discussed it together (a consultation)."""
    impressions: dict[str, frozenset[str]] = field(default_factory=dict)
    """Verb of impression lemma -> its complements ("seems to be", "seemed far away"): an
    impression of its subject, whose holder is left unsaid."""


@cache
def load_cues() -> Cues:
    """The reporting verbs, nouns and phrases of ``data/quotes/cues.tsv``."""
    verbs, nouns, adjectives, impressions = {}, {}, {}, {}
    media, sources, reciprocals, phrases = set(), set(), set(), []
    for row in read_table(data_path("quotes", "cues.tsv")):
        if row["kind"] in ("verb", "reciprocal"):
            verbs[row["cue"]] = frozenset(row["complement"].split(","))
            if row["kind"] == "reciprocal":
                reciprocals.add(row["cue"])
        elif row["kind"] == "noun":
            nouns[row["cue"]] = frozenset(row["complement"].split(","))
        elif row["kind"] == "adjective":
            adjectives[row["cue"]] = frozenset(row["complement"].split(","))
        elif row["kind"] == "medium":
            media.add(row["cue"])
        elif row["kind"] == "source":
            sources.add(row["cue"])
        elif row["kind"] == "impression":
            impressions[row["cue"]] = frozenset(row["complement"].split(","))
        else:
            phrases.append(tuple(row["cue"].lower().split()))
    return Cues(
        verbs, nouns, tuple(phrases), frozenset(media), adjectives, frozenset(sources),
        frozenset(reciprocals), impressions,
    )


def is_stance_adjective(token: Token) -> bool:
    """A listed adjective predicated of someone: "is confident that", "made it clear that"."""
    listed = token.pos_ == "ADJ" and token.lemma_.lower() in load_cues().adjectives
    return listed and token.dep_ in ("acomp", "ccomp", "oprd")


CUE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ"})
"""The parts of speech a verb, noun or adjective cue can have (a phrase cue is found by its
first word instead)."""


def may_be_cue(token: Token) -> bool:
    """A cheap first test, true of every token any cue test accepts."""
    return token.pos_ in CUE_POS or token.lower_ in _phrase_openers()


def is_cue(token: Token) -> bool:
    if not acts_as_verb(token):
        return False
    return _verb_lemma(token) in load_cues().verbs or _that_clause_cue(token)


def acts_as_verb(token: Token) -> bool:
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
    if token.pos_ == "AUX" or not acts_as_verb(token) or token.lemma_.lower() in LIGHT_VERBS:
        return False
    if not any(c.dep_ == "nsubj" for c in token.children):
        return False
    return any(
        c.dep_ == "ccomp" and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.lefts)
        for c in token.children
    )


def wanted_complements(token: Token) -> frozenset[str]:
    return load_cues().verbs.get(_verb_lemma(token), THAT_CLAUSE)


def is_speech_cue(token: Token) -> bool:
    """A listed verb of saying, the only kind that introduces a direct quotation."""
    listed = _verb_lemma(token) in load_cues().verbs
    return listed and is_cue(token) and "ccomp" in wanted_complements(token)


def is_phrase_cue(token: Token) -> bool:
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
