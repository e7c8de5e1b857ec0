"""Where a trigger sits in its sentence: whether it is an event of its own or the content
of another, in a background clause, a reported demand ("X said Y must leave"), passive."""

from __future__ import annotations

from spacy.tokens import Token

from thucydides.events.participants import subject_of
from thucydides.events.patterns import Match, Pattern
from thucydides.events.vocabulary import (
    CONTENT_DEPS,
    DEMAND_AUX,
    NON_CLAUSE_VERB_DEPS,
    NOUN_POSITIONS,
    PARTICIPANT_PREPS,
    SELF_PRONOUNS,
    TEMPORAL_PREPS,
)


def is_passive(verb: Token) -> bool:
    """A passive verb ("was arrested", "has been put under investigation")."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def is_demand(token: Token) -> bool:
    """A verb with "must"/"should" inside a clause that reports someone else's words or
    stance ("Russia said Sudan must return the helicopter")."""
    if token.pos_ not in ("VERB", "AUX") or token.dep_ not in ("ccomp", "acl", "relcl", "advcl"):
        return False
    if token.lemma_ == "be":
        return False
    aux = next((c for c in token.children if c.dep_ == "aux" and c.lower_ in DEMAND_AUX), None)
    if aux is None:
        return False
    speaker = demanding_side(token)
    subject, passive = subject_of(token)
    addressee = subject if subject is not None else passive
    if addressee is not None and aux.i < addressee.i:
        return False  # "Should Congress fail ...": a condition, not a demand
    return speaker is not None and (addressee is None or addressee.lower_ not in SELF_PRONOUNS)


def demanding_side(token: Token) -> Token | None:
    """The subject of the verb (or the owner of the noun) that governs a demand clause."""
    head = token.head
    if head.pos_ in ("NOUN", "PROPN"):
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is not None:
            return owner
        head = head.head
    if head.i == token.i or head.pos_ not in ("VERB", "AUX"):
        return None
    subject, _ = subject_of(head)
    return subject


def event_bearers(matches: list[Match]) -> dict[int, int]:
    """Tokens whose complements are the content of an event, each with the trigger that
    makes it one: the triggers themselves, and the verbs that carry an event noun ("staged
    protests to demand reform": "demand" is the aim of the protest)."""
    bearers = {m.token.i: m.token.i for m in matches}
    for match in matches:
        token = match.token
        if match.pattern.pos == "NOUN" and token.dep_ in ("dobj", "nsubjpass", "attr"):
            bearers.setdefault(token.head.i, token.i)
    return bearers


def position_ok(token: Token, pattern: Pattern) -> bool:
    """Event nouns count as subjects, objects or heads of a clause, not inside "after the
    meeting" or as modifiers ("ceasefire proposal"), unless the pattern names the word they
    hang on ("on strike"); a verb used as an adjective ("alleged bombers") is no event."""
    if pattern.pos == "VERB":
        return token.dep_ not in NON_CLAUSE_VERB_DEPS
    if any(r.dep == "head" for r in pattern.requires):
        return True
    return token.dep_ in NOUN_POSITIONS or names_its_participants(token)


def names_its_participants(noun: Token) -> bool:
    return any(
        child.dep_ == "prep" and child.lower_ in PARTICIPANT_PREPS for child in noun.children
    )


def in_background_clause(token: Token, bearers: dict[int, int]) -> bool:
    """Participial and passive relative clauses describe background, not the reported
    event ("weapons seized last year", "a curfew that was imposed in May", "peacekeepers
    who are deployed to oversee a ceasefire"), and so does a relative clause on an event
    noun ("the attack, which killed ten people")."""
    return any(_background(t, bearers) for t in (token, *token.ancestors))


def _background(token: Token, bearers: dict[int, int]) -> bool:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "acl" and token.tag_ == "VBN":
        return True
    if token.dep_ in ("relcl", "acl") and bearers.get(token.head.i) == token.head.i:
        return True
    return token.dep_ == "relcl" and any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)


def governed_by_event(token: Token, bearers: dict[int, int]) -> bool:
    """True when the trigger is the content of another event ("agreed to cooperate")."""
    current = token
    while current.head.i != current.i:
        if current.dep_ == "conj":
            current = current.head
            continue
        if current.dep_ not in CONTENT_DEPS or current.lower_ in TEMPORAL_PREPS:
            return False
        if bearers.get(current.head.i, token.i) != token.i:
            return True
        current = current.head
    return False
