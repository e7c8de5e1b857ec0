"""Modality (negated, hypothetical, future, asserted) from the governing chain of a
trigger, refusals, reported speech, and the confidence score of an event."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

from thucydides.events.participants import subject_of
from thucydides.events.patterns import Match
from thucydides.events.vocabulary import (
    CLAUSE_DEPS,
    CONDITIONAL_MARKS,
    FUTURE_AUX,
    FUTURE_HEADS,
    FUTURE_MODIFIERS,
    HYPOTHETICAL_HEADS,
    MODAL_AUX,
    NEGATING_HEADS,
    REFUSING_HEADS,
    SPEECH_VERBS,
    TEMPORAL_PREPS,
    WOULD_AUX,
)
from thucydides.model import Modality


def modality_of(trigger: Token, objects: Iterable[Token] = ()) -> Modality:
    """Negated, hypothetical, future or asserted, from the trigger, the nouns its pattern
    used ("no agreement was reached") and its governing verbs."""
    found: set[str] = set()
    for depth, token in enumerate(governing_chain(trigger)):
        found |= _markers(token, governing=depth > 0)
    if any(c.dep_ == "det" and c.lower_ == "no" for o in objects for c in o.children):
        found.add("negated")
    if "would" in found:
        found.add("future" if reported(trigger) else "hypothetical")
    if "conditional" in found and "negated" not in found:
        return "future"
    ranked: tuple[Modality, ...] = ("negated", "hypothetical", "future")
    return next((m for m in ranked if m in found), "asserted")


def governing_chain(trigger: Token) -> Iterator[Token]:
    """The trigger, then the verbs whose clause it completes (up through xcomp/ccomp and,
    for a noun, the verb it is the subject or object of)."""
    current = trigger
    yield current
    while current.head.i != current.i:
        dep = current.dep_
        if current.lower_ in TEMPORAL_PREPS:
            return
        if dep in CLAUSE_DEPS or (current.pos_ in ("NOUN", "PROPN") and dep in (
                "dobj", "nsubj", "nsubjpass", "pobj", "attr")) or dep == "prep":
            current = current.head
            yield current
            if current.lemma_.lower() in SPEECH_VERBS:
                return
        else:
            return


def _markers(token: Token, governing: bool) -> set[str]:
    found = set()
    lemma = token.lemma_.lower()
    for child in token.children:
        word = child.lower_
        if child.dep_ == "neg" or (child.dep_ == "det" and word == "no"):
            found.add("negated")
        elif child.dep_ in ("aux", "auxpass") and word in FUTURE_AUX:
            found.add("future")
        elif child.dep_ in ("aux", "auxpass") and word in MODAL_AUX:
            found.add("hypothetical")
        elif child.dep_ in ("aux", "auxpass") and word in WOULD_AUX:
            found.add("would")
        elif child.dep_ == "mark" and word in CONDITIONAL_MARKS:
            found.add("hypothetical")
        elif child.dep_ == "amod" and word in FUTURE_MODIFIERS and not governing:
            found.add("future")
    if governing:
        if lemma in FUTURE_HEADS:
            found.add("future")
        elif lemma in HYPOTHETICAL_HEADS:
            found.add("hypothetical")
        elif lemma in NEGATING_HEADS:
            found.add("negated")
    if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS
                                     for c in token.children):
        found.add("hypothetical")
    if not governing and found & {"future", "hypothetical", "would"} and has_condition(token):
        found.add("conditional")
    return found


def is_refusal(trigger: Token) -> bool:
    """A negated statement of intent ("will not accept", "would not meet") or a failure to
    agree ("failed to reach agreement"): a rejection."""
    found: set[str] = set()
    for depth, token in enumerate(governing_chain(trigger)):
        found |= _markers(token, governing=depth > 0)
    failed = any(t.lemma_.lower() in REFUSING_HEADS for t in list(governing_chain(trigger))[1:])
    return "negated" in found and (failed or bool(found & {"future", "would"}))


def addressed_to_reader(trigger: Token) -> bool:
    """"You agree to our use of cookies": site boilerplate, not news."""
    subject, _ = subject_of(trigger)
    return subject is not None and subject.lower_ == "you"


def has_condition(token: Token) -> bool:
    """Does an "if"/"unless" clause hang on this verb? "Will/may do X if Y" states what the
    actor means to do (an intention or threat), not a mere possibility."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                         for m in c.children) for c in token.children)


def reported(trigger: Token) -> bool:
    """Is the trigger inside the complement of a speech verb ("X said Y attacked Z")?"""
    return any(t.lemma_.lower() in SPEECH_VERBS for t in list(governing_chain(trigger))[1:])


def confidence(match: Match, modality: Modality, has_actor: bool) -> float:
    """A score in [0, 1]: verbs and constrained patterns above bare nouns; asserted above
    reported, future and hypothetical; an event without an actor a little lower."""
    score = 0.8 if match.pattern.pos == "VERB" else 0.65
    score += 0.05 * min(len(match.pattern.requires), 2)
    if reported(match.token):
        score -= 0.15
    if modality != "asserted":
        score -= 0.25
    if not has_actor:
        score -= 0.1
    return round(max(0.05, min(1.0, score)), 2)
