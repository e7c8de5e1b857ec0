"""The tense of the clause a time expression sits in, read from the dependency parse:
whether the expression looks back ("spoke on Tuesday") or forward ("will speak on
Tuesday").
"""

from __future__ import annotations

import re
from typing import Literal

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from thucydides.timex.lexicon import lexicon

Tense = Literal["past", "future"] | None


FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll"}
MODALS = {"would", "might", "may", "can", "should", "must", "'d"}
"""Modals that, without a perfect "have", look forward from the time of writing; "could" only
when not negated ("talks could resume Tuesday"): negated, it is the past of "can" ("could not
be reached Wednesday")."""
NEGATIVE_SUBJECTS = {"neither", "no", "nobody", "none", "nothing"}
FUTURE_CUE = re.compile(
    r"\b(?:as (?:soon|early) as|no later than|starting|beginning|effective"
    r"|(?<!up )(?<!not )(?:until|till))\s*$",
    re.I,
)
"""Words just before an expression that put it in the future ("as soon as Tuesday", a deadline
"until Tuesday", a change "effective Feb. 1"; not "up until" or "not until", which look
back)."""
SPAN_END_CUE = re.compile(r"\b(?:through|thru)\s*$", re.I)
"""A word just before an expression that makes it the end of a span ("extended the loans
through January"): the span runs on from the verb's event, so the verb's past tense does not
put its end in the past; the end is read as the nearest such date instead."""
FUTURE_LEMMAS = {"plan", "expect", "schedule", "set", "due", "intend", "hope", "aim", "prepare"}
FUTURE_LEMMAS |= {"want", "seek", "agree", "promise", "vow", "pledge", "threaten", "propose"}
FUTURE_LEMMAS |= {"go", "be", "likely"}
"""Heads of an infinitive ("plans to speak on Tuesday", "is to resume") that put it in the
future."""
PLANNING_LEMMAS = {"plan", "schedule", "slate"}
"""Verbs whose object lies ahead of the planning ("planned a rally on Saturday", "has
scheduled a news conference Thursday"): a day after them is the coming one. A day before
them ("On Friday, the government planned to pay") dates the planning itself."""
PRESENT_LEMMAS = {"be", "have", "say", "tell", "report", "announce", "add", "note", "state"}
"""Verbs whose simple present does not look forward: the present of news reports ("says")
and states; other simple presents with a day name are timetables ("meets Monday"), except
in a speaker's own words ("I want")."""


def clause_tense(span: SpacySpan) -> Tense:
    """Past or future, from the verb that governs the expression (None when neither shows)."""
    verb = governing_verb(span.root)
    if verb is None or _opens_after(verb, span):
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if _names_a_noun(span):
        return "future" if any(a.lower_ in FUTURE_AUX for a in auxes) else "past"
    if any(a.lower_ in FUTURE_AUX for a in auxes):
        return "future"
    if any(a.lower_ == "to" for a in auxes) and verb.dep_ in ("xcomp", "ccomp", "advcl"):
        head = verb.head
        if (head.lemma_ in FUTURE_LEMMAS or head.lower_ == "going") and not _has_had(head):
            return "future"
        return _finite_tense(head)
    if _timetable_present(span.root, verb):
        return "future"
    if _planned(span.root, verb):
        return "future"
    return _finite_tense(verb)


def _names_a_noun(span: SpacySpan) -> bool:
    """Whether the expression modifies a noun ("under a June agreement", "the Oct. 23
    killing"). The clause's own tense is not that of the thing so named, which news refers to
    as already known, hence past; only a clause that says "will" points it ahead ("will contest
    the November election")."""
    root = span.root
    return root.dep_ in ("compound", "nmod", "poss") and root.head.pos_ in ("NOUN", "PROPN")


def _opens_after(verb: Token, span: SpacySpan) -> bool:
    """Whether the verb's clause opens after the expression ("warnings on Thursday that
    strikes could harm ties"): a parse that hangs the expression on it is wrong, and its
    tense is not the expression's."""
    return any(c.dep_ == "mark" and span.end <= c.i < verb.i for c in verb.children)


def _planned(token: Token, verb: Token) -> bool:
    """Whether the expression follows a finite planning verb that governs it."""
    return (
        verb.lemma_ in PLANNING_LEMMAS
        and verb.dep_ not in ("acl", "amod", "relcl")
        and token.i > verb.i
        and not _has_had(verb)
    )


def _timetable_present(token: Token, verb: Token) -> bool:
    """A simple present governing the expression directly ("meets Monday", "opens on
    Tuesday"): in news this is a timetable, which looks forward. Not a form spelled like the
    past ("losses hurt the index Friday"): the tagger cannot tell, and news reports the past."""
    head = token.head.head if token.head.dep_ == "prep" else token.head
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    speakers = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in ("i", "we", "you")]
    return (
        head == verb
        and verb.tag_ in ("VBZ", "VBP")
        and not auxes
        and not speakers
        and verb.lemma_ not in PRESENT_LEMMAS
        and not (verb.tag_ == "VBP" and verb.lower_ in lexicon().of("same_past"))
    )


def pluperfect(span: SpacySpan) -> bool:
    """Whether the expression's verb is in the past perfect ("until Thursday they had
    refused"), which keeps even a deadline in the past."""
    verb = governing_verb(span.root)
    return verb is not None and _has_had(verb)


def _has_had(word: Token) -> bool:
    """Whether a verb, or the verb an adjective is predicated by ("had been due to"), has the
    auxiliary "had"."""
    heads = (word, word.head) if word.pos_ == "ADJ" and word.dep_ == "acomp" else (word,)
    return any(c.lower_ == "had" for h in heads for c in h.children if c.dep_ in ("aux", "auxpass"))


NONFINITE_LINKS = {"advcl", "xcomp", "conj"}
"""Links by which a bare participle hangs on the verb whose tense it shares ("has fluctuated,
rising to a high in June")."""


def _finite_tense(verb: Token) -> Tense:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if _bare_participle(verb, auxes):
        return _finite_tense(verb.head)
    perfect = any(a.lemma_ == "have" for a in auxes)
    if any(a.lower_ in FUTURE_AUX for a in auxes) or (not perfect and _modal(verb, auxes)):
        return "future"
    if verb.tag_ == "VBD" or perfect or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ in ("amod", "acl", "relcl"):
        return "past"
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "future"
    return None


def _bare_participle(verb: Token, auxes: list[Token]) -> bool:
    """A present participle without auxiliaries that hangs on another verb: it has no tense of
    its own and takes that of the clause it hangs on. (A bare past participle is passive and
    looks back by itself: "the ruling, announced Friday".)"""
    return (
        verb.tag_ == "VBG"
        and not auxes
        and verb.dep_ in NONFINITE_LINKS
        and verb.head is not verb
        and verb.head.pos_ in ("VERB", "AUX")
    )


def _modal(verb: Token, auxes: list[Token]) -> bool:
    """Whether a modal of the verb looks forward (see MODALS)."""
    if any(a.lower_ in MODALS for a in auxes):
        return True
    return any(a.lower_ == "could" for a in auxes) and not _negated(verb)


def _negated(verb: Token) -> bool:
    """ "could not be reached", "neither he nor ... could be located"."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(w.lower_ in NEGATIVE_SUBJECTS for s in subjects for w in s.subtree)


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above a token in the dependency tree (the token itself if a verb)."""
    current = token
    for _ in range(20):
        if current.pos_ in ("VERB", "AUX") and current.dep_ != "aux":
            return current
        if current.head is current:
            return None
        current = current.head
    return None
