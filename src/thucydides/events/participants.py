"""The tokens that name an event's actor and recipient: subjects, objects, prepositional
phrases, possessors, pronoun antecedents, places, and the noun phrase of each mention."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from thucydides.events.patterns import Match, antecedent
from thucydides.events.vocabulary import (
    ACTOR_ENTITIES,
    ACTOR_MODIFIERS,
    MENTION_STOP_DEPS,
    PERSONAL_PRONOUNS,
    RECIPIENT_PREPS,
    RELATIVE_PRONOUNS,
    SPEECH_VERBS,
    STATIVE_PASSIVES,
    SUBJECT_DEPS,
    TEMPORAL_PREPS,
    TOPIC_MODIFIERS,
    TOPIC_NOUNS,
    TOPIC_PREPOSITIONS,
)

Candidates = list[list[Token]]
"""Alternative readings of one role, best first: the first that names an actor is used."""


def participants(token: Token, match: Match) -> tuple[list[Token], Candidates]:
    """Head tokens of the actor side, and candidate heads of the recipient side."""
    if match.pattern.pos == "NOUN":
        return noun_participants(token)
    return verb_participants(token, match.used)


def verb_participants(verb: Token, used: set[int] | frozenset[int] = frozenset()) -> tuple[
        list[Token], Candidates]:
    subject, passive_subject = subject_of(verb)
    if passive_subject is not None and verb.lemma_.lower() in STATIVE_PASSIVES:
        subject, passive_subject = passive_subject, None
    if passive_subject is not None:
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children
                  if g.dep_ == "pobj"]
        return agents, [[passive_subject], inner_actors([passive_subject])]
    objects = [antecedent(o, verb) for o in verb.children if o.dep_ in ("dobj", "dative")]
    direct = [r for r in objects + _prep_objects(verb, RECIPIENT_PREPS)
              if r.pos_ in ("NOUN", "PROPN") and r.i not in used]
    nouns = [verb.doc[i] for i in sorted(used) if verb.doc[i].pos_ in ("NOUN", "PROPN")]
    candidates = [
        direct,
        [r for n in nouns for r in _prep_objects(n, RECIPIENT_PREPS)],
        _not_pronouns(inner_actors(nouns)),
    ]
    for content in (c for c in verb.children if c.dep_ == "xcomp"):
        candidates += verb_participants(content)[1]
    candidates += [
        _prep_objects(verb, {"from"}) + [r for o in objects for r in _prep_objects(o, {"from"})],
        clause_subjects(verb),
        _not_pronouns(inner_actors(direct)),
    ]
    candidates.append([r for n in direct + nouns for r in _prep_objects(n, RECIPIENT_PREPS)])
    candidates += purpose_candidates(verb)
    return [subject] if subject is not None else [], candidates


def purpose_candidates(verb: Token) -> Candidates:
    """Targets named in a purpose clause: "staged protests to demand reforms from the
    government", "began a hunger strike to protest against Sweden's decision"."""
    found: Candidates = []
    for clause in verb.children:
        if clause.dep_ in ("advcl", "xcomp") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            found += verb_participants(clause)[1]
    return found


def _not_pronouns(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if t.lower_ not in PERSONAL_PRONOUNS]


def clause_subjects(head: Token) -> list[Token]:
    """Subjects of a that-clause: the target of "demanded that Israel withdraw"."""
    return [s for c in head.children if c.dep_ in ("ccomp", "acl") and c.i > head.i
            and c.lemma_.lower() not in SPEECH_VERBS
            for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]


def subject_of(verb: Token) -> tuple[Token | None, Token | None]:
    """(active subject, passive subject) of a verb, inherited through xcomp/conj chains."""
    current: Token | None = verb
    while current is not None:
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS:
                return _antecedent_subject(child, current), None
            if child.dep_ == "nsubjpass":
                return None, _antecedent_subject(child, current)
        if current.dep_ in ("relcl", "acl") and current.dep_ != "ROOT":
            return current.head, None
        if current.dep_ in ("xcomp", "conj", "advcl", "acomp") and current.head.i != current.i:
            current = current.head
            continue
        current = None
    return None, None


def _antecedent_subject(subject: Token, verb: Token) -> Token:
    if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    return subject


def noun_participants(noun: Token) -> tuple[list[Token], Candidates]:
    """Actors of an event noun: its possessor or national modifier, "between X and Y", the
    subject of the verb that carries it ("the governor ordered patrols by police"), else
    "by X"/"from X"."""
    actors = [c for c in noun.children if c.dep_ in ACTOR_MODIFIERS and
              (names_actor(c) or c.dep_ == "poss")]
    actors += [g for c in noun.children if c.dep_ == "compound" for g in c.children
               if g.dep_ == "compound" and names_actor(g)]
    between = _prep_objects(noun, {"between", "among"})
    agents = _prep_objects(noun, {"by", "from"})
    patients = _prep_objects(noun, {"of"})
    candidates = [_prep_objects(noun, RECIPIENT_PREPS), clause_subjects(noun)]
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    carried = noun.dep_ in ("dobj", "nsubjpass", "attr", "pobj") and verb.pos_ in ("VERB", "AUX")
    carried = carried and not (noun.dep_ == "pobj" and noun.head.lower_ in TEMPORAL_PREPS)
    subject = subject_of(verb)[0] if carried else None
    if between and not actors and subject is not None:
        return [subject], [between]
    actors += between
    if not actors and subject is not None:
        actors = [subject]
    actors = actors or agents
    if carried:
        candidates.append(_prep_objects(verb, RECIPIENT_PREPS) + [
            c for c in verb.children if c.dep_ == "dative"])
        candidates.append(clause_subjects(verb))
        candidates += purpose_candidates(verb)
    candidates.append([r for p in patients for r in _prep_objects(p, RECIPIENT_PREPS)])
    candidates.append(_prep_objects(noun, {"from"}) if not actors else [])
    candidates.append(patients)
    return actors, candidates


def names_actor(modifier: Token) -> bool:
    """Whether a noun's modifier may name who acts ("Hamas attacks", "US drone strikes",
    "Israeli-Palestinian talks"): a named entity of an actor kind, or a capitalised word the
    small model left untagged (the resolver then decides)."""
    return (modifier.ent_type_ in ACTOR_ENTITIES or modifier.pos_ == "PROPN"
            or (modifier.text[:1].isupper() and not modifier.is_sent_start))


def _prep_objects(token: Token, preps: set[str]) -> list[Token]:
    return [g for c in token.children if c.dep_ in ("prep", "agent") and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj"]


def mention(head: Token) -> SpacySpan:
    """The noun phrase of one conjunct of an actor, without its conjuncts, relative clauses,
    appositions or prepositional phrases other than "of"/"from" (which carry the country)."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in MENTION_STOP_DEPS and not (
                child.dep_ == "prep" and child.lower_ in ("of", "from")):
            continue
        tokens.extend(child.subtree)
    start = min(t.i for t in tokens)
    end = max(t.i for t in tokens) + 1
    while end - start > 1 and head.doc[end - 1].is_punct:
        end -= 1
    while start < head.i and head.doc[start].dep_ == "det" and head.doc[start].head.i == head.i:
        start += 1
    return head.doc[start:end]


def pronoun_antecedent(token: Token) -> Token:
    """A personal pronoun stands for the nearest subject above it in the sentence ("Syria
    says it is willing", "Israel mounted its invasion"); other tokens stand for themselves."""
    if token.lower_ not in PERSONAL_PRONOUNS:
        return token
    current = token.head
    while current.head.i != current.i or current.dep_ == "ROOT":
        subject = next((c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")
                        and c.i != token.i and c.lower_ not in PERSONAL_PRONOUNS
                        and c.pos_ != "PRON"), None)
        if subject is not None:
            return subject
        if current.head.i == current.i:
            break
        current = current.head
    return token


def inner_actors(nouns: list[Token]) -> list[Token]:
    """Who stands behind a non-actor object: "rejected an offer from Afghanistan", "dismissed
    Gbagbo's appeal"."""
    return [g for noun in nouns for c in noun.children
            for g in ([c] if c.dep_ == "poss" or (c.dep_ in ("amod", "compound")
                                                  and c.ent_type_ in ACTOR_ENTITIES)
                      else [p for p in c.children if p.dep_ == "pobj"]
                      if c.dep_ == "prep" and c.lower_ in ("from", "by", "of", "between", "for")
                      else [])]


def in_topic(token: Token) -> bool:
    """Whether the token is a topic noun or part of one: its modifier ("the Russia-Ukraine
    crisis") or its "of"/"in" complement ("the situation in Gaza", "the issue of Taiwan")."""
    current = token
    while True:
        if current.pos_ in ("NOUN", "PROPN") and current.lemma_.lower() in TOPIC_NOUNS:
            return True
        head = current.head
        if head.i == current.i:
            return False
        if current.dep_ in TOPIC_MODIFIERS:
            current = head
        elif current.dep_ == "pobj" and head.lower_ in TOPIC_PREPOSITIONS:
            current = head.head
        else:
            return False


def places_of(token: Token, match: Match) -> list[Token]:
    """Objects of "in" attached to the trigger, the nouns it used, its object or the verb
    it governs ("threatened to impose a curfew in Algiers")."""
    holders = [token, *(token.doc[i] for i in match.used)]
    holders += [g for h in holders[1:] if h.dep_ == "prep" for g in h.children if g.dep_ == "pobj"]
    holders += [c for c in token.children if c.dep_ in ("dobj", "xcomp")]
    holders += [o for h in holders if h.dep_ == "xcomp" for o in h.children if o.dep_ == "dobj"]
    if match.pattern.pos == "NOUN":
        holders += [token.head, token.head.head]
    return [p for h in holders for p in _prep_objects(h, {"in"})
            if p.ent_type_ in ("GPE", "LOC", "NORP", "FAC")]
