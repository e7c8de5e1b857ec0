"""Splitting a parsed mention: its core phrase, appositions, complements and partitive
(``mention_parts``), and the conjuncts of a coordinated mention (``split_coordination``)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from thucydides.actors.vocabulary import (
    COMPLEMENT_PREPOSITIONS,
    GROUP_COMPLEMENTS,
    MODIFIER_DEPS,
    PARTITIVES,
)


@dataclass
class MentionParts:
    """A mention's tokens: the phrase proper, and what may describe it from outside."""

    core: list[Token]
    appositions: list[list[Token]]
    complements: list[list[Token]]
    partitive: list[Token] | None


def mention_parts(span: SpacySpan) -> MentionParts:
    """Split a mention: the span with its head's compounds, adjectives and possessives ("U.S.
    President ...", "the Kremlin's adviser ..."), plus, for a modifier split off a coordination
    ("Hungarian" in "Hungarian and Romanian officials"), the noun it modifies; then its
    appositions (", a researcher at ..."), prepositional complements ("of Armenia") and, for a
    quantity ("dozens", "members"), the whole "of" phrase."""
    root = span.root
    core = set(span)
    appositions, complements = [], []
    for child in root.children:
        split_off = child not in core and any(c in core for c in child.conjuncts)
        if child.dep_ in MODIFIER_DEPS and not split_off:
            core.update(child.subtree)
        elif child.dep_ == "appos":
            appositions.append(list(child.subtree))
        elif child.dep_ == "prep" and child.lower_ in COMPLEMENT_PREPOSITIONS:
            complements.append(list(child.subtree))
    if not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in span):
        if root.dep_ in ("amod", "compound", "nmod") and root.head not in core:
            core.add(root.head)
        elif root.dep_ == "conj" and root.head.dep_ in ("amod", "compound"):
            core.add(root.head.head)
    partitive = None
    if (root.like_num or root.lower_ in PARTITIVES) and complements:
        partitive = sorted(core.union(complements[0]), key=lambda t: t.i)
    return MentionParts(sorted(core, key=lambda t: t.i), appositions, complements, partitive)


def split_coordination(span: SpacySpan) -> list[SpacySpan]:
    """The conjuncts of a coordinated mention, the one place where compound actors are split:

    * "Israel and Jordan" -> [Israel, Jordan];
    * "Hungarian and Romanian officials", "U.S. and Russian delegations" -> [Hungarian,
      Romanian officials], [U.S., Russian delegations] (``resolve_mention`` reads a split-off
      modifier together with the noun it modifies);
    * "delegations from the U.S. and Russia" -> [U.S., Russia] (the countries of a group
      noun's "from"/"of" complement; resolve the whole phrase for their shared sector).
    """
    doc, root = span.doc, span.root
    inside = [t for t in root.conjuncts if span.start <= t.i < span.end]
    if inside:
        heads = sorted([root, *inside], key=lambda t: t.i)
        return [_conjunct_span(head, heads, span) for head in heads]
    for child in root.lefts:
        conjuncts = [t for t in child.conjuncts if span.start <= t.i < span.end]
        if child.dep_ in ("amod", "compound", "nmod") and conjuncts:
            modifiers = sorted([child, *conjuncts], key=lambda t: t.i)
            parts = [_conjunct_span(m, modifiers, span) for m in modifiers[:-1]]
            return [*parts, doc[modifiers[-1].i : span.end]]
    for child in root.rights:
        if child.dep_ != "prep" or child.lower_ not in GROUP_COMPLEMENTS:
            continue
        for item in child.children:
            conjuncts = [t for t in item.conjuncts if span.start <= t.i < span.end]
            if item.dep_ == "pobj" and conjuncts:
                heads = sorted([item, *conjuncts], key=lambda t: t.i)
                return [_conjunct_span(head, heads, span) for head in heads]
    return [span]


def _conjunct_span(head: Token, heads: list[Token], span: SpacySpan) -> SpacySpan:
    """One conjunct's own words within ``span``: its subtree without the other conjuncts,
    coordinators, punctuation or a leading determiner; the head alone if nothing else is its
    own (a parse that attaches the other conjuncts around it)."""
    others = {t.i for other in heads if other is not head and not other.is_ancestor(head)
              for t in other.subtree}
    own = [t.i for t in head.subtree
           if span.start <= t.i < span.end and t.i not in others and t.dep_ not in ("cc", "punct")]
    start, end = (min(own), max(own) + 1) if own else (head.i, head.i + 1)
    while start < head.i and head.doc[start].dep_ == "det":
        start += 1
    return head.doc[start:end]
