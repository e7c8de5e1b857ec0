"""The pattern dictionary: reading pattern files (format in the package docstring) and
matching a trigger token and its dependents against the rows."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Token

from thucydides.events.vocabulary import RELATIVE_PRONOUNS
from thucydides.ontology import cameo_codes, plover_quad_classes

COLUMNS = ("trigger", "pos", "requires", "cameo", "event", "mode", "context", "note")
DEPENDENCY_LABELS = {
    "dobj": ("dobj", "nsubjpass", "attr", "oprd", "acomp"),
    "prt": ("prt", "advmod"),
    "prep": ("prep", "agent", "dative"),
    "mod": ("compound", "amod", "nmod", "npadvmod", "poss"),
    "xcomp": ("xcomp", "ccomp"),
    "ccomp": ("ccomp",),
    "subj": ("nsubj", "nsubjpass"),
}
"""spaCy labels each requirement kind of the pattern files matches."""
DEPENDENCIES = (*DEPENDENCY_LABELS, "head")
NOT_AN_EVENT = "-"


@dataclass(frozen=True)
class Requirement:
    """One condition on a trigger's dependents, e.g. ``prep=into>custody``."""

    dep: str
    lemmas: frozenset[str]
    inner: frozenset[str] = frozenset()

    def text(self) -> str:
        inner = ">" + "|".join(sorted(self.inner)) if self.inner else ""
        return f"{self.dep} '{'|'.join(sorted(self.lemmas))}{inner}'"


@dataclass(frozen=True)
class Pattern:
    trigger: str
    pos: str
    requires: tuple[Requirement, ...]
    cameo: str | None
    event: str | None
    mode: str | None
    context: tuple[str, ...]
    source: str
    requires_text: str = ""

    @property
    def specificity(self) -> float:
        """More conditions first; an object named ("into custody") beats a bare
        preposition, a wildcard ("xcomp=*") counts least."""
        return sum(1 + 0.5 * bool(r.inner) - 0.5 * ("*" in r.lemmas) for r in self.requires)

    @property
    def key(self) -> tuple[str, str, str]:
        return self.trigger, self.pos, self.requires_text

    def explain(self, label: str) -> str:
        conditions = " + ".join(r.text() for r in self.requires)
        why = f"lemma '{self.trigger}'" + (f" + {conditions}" if conditions else "")
        return f"{self.source} {label} -> {self.cameo or self.event} ({why})"


@dataclass
class Match:
    """A trigger token with the pattern it matched and the dependents that pattern used."""

    token: Token
    pattern: Pattern
    used: set[int] = field(default_factory=set)


class PatternError(ValueError):
    pass


def parse_requirements(text: str) -> tuple[Requirement, ...]:
    """``"prt=forward dobj=demand"`` -> requirements; raises ``PatternError`` if malformed."""
    requirements = []
    for item in text.split():
        dep, _, value = item.partition("=")
        if dep not in DEPENDENCIES or not value:
            raise PatternError(f"bad requirement {item!r} (use dep=lemma, dep one of "
                               f"{', '.join(DEPENDENCIES)})")
        value, _, inner = value.partition(">")
        requirements.append(Requirement(
            dep, frozenset(value.lower().split("|")),
            frozenset(inner.lower().split("|")) if inner else frozenset()))
    return tuple(requirements)


def parse_pattern(fields: list[str], source: str) -> Pattern:
    """One data line of a pattern file; raises ``PatternError`` if it cannot be used."""
    if len(fields) < 4:
        raise PatternError(f"expected at least 4 tab-separated columns, got {len(fields)}")
    fields = [f.strip() for f in fields] + [""] * (len(COLUMNS) - len(fields))
    trigger, pos, requires, cameo, event, mode, context = fields[:7]
    if not trigger or pos not in ("VERB", "NOUN"):
        raise PatternError("trigger must be a lemma and pos VERB or NOUN")
    codes = cameo_codes()
    if cameo != NOT_AN_EVENT:
        if cameo and cameo not in codes:
            raise PatternError(f"unknown CAMEO code {cameo!r}")
        if event and event not in plover_quad_classes():
            raise PatternError(f"unknown PLOVER event {event!r}")
        if not event and not (cameo and codes[cameo].event):
            raise PatternError("no PLOVER event: give one in the event column")
    return Pattern(
        trigger=trigger.lower(),
        pos=pos,
        requires=parse_requirements(requires),
        cameo=cameo or None,
        event=event or None,
        mode=mode or None,
        context=tuple(c for c in context.split(";") if c),
        source=source,
        requires_text=" ".join(sorted(requires.split())),
    )


def read_patterns(path: Path, problems: list[str] | None) -> Iterator[Pattern]:
    """Patterns of one file. Malformed lines go to ``problems`` (or raise if it is None)."""
    header_seen = False
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            if not header_seen:
                header_seen = True
                if fields[0].strip() == COLUMNS[0]:
                    continue
            try:
                yield parse_pattern(fields, f"{path.name}:{number}")
            except PatternError as error:
                if problems is None:
                    raise
                problems.append(f"{path}:{number}: {error}")


class PatternTable:
    """Patterns indexed by (lemma, pos), most specific first; user rows before packaged ones."""

    def __init__(self, builtin: Iterable[Pattern], user: Iterable[Pattern]) -> None:
        rows: dict[tuple[str, str, str], Pattern] = {}
        for pattern in builtin:
            rows[pattern.key] = pattern
        user_keys = set()
        for pattern in user:
            rows[pattern.key] = pattern
            user_keys.add(pattern.key)
        self.by_lemma: dict[tuple[str, str], list[Pattern]] = {}
        for pattern in rows.values():
            self.by_lemma.setdefault((pattern.trigger, pattern.pos), []).append(pattern)
        for patterns in self.by_lemma.values():
            patterns.sort(key=lambda p: (p.key not in user_keys, -p.specificity))

    def match(self, token: Token) -> Match | None:
        pos = "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN" if token.pos_ in (
            "NOUN", "PROPN") else None
        if pos is None:
            return None
        for pattern in self.by_lemma.get((token.lemma_.lower(), pos), []):
            used = satisfies(token, pattern.requires)
            if used is not None:
                return Match(token, pattern, used)
        return None


def satisfies(token: Token, requirements: tuple[Requirement, ...]) -> set[int] | None:
    """Indices of the dependents that meet every requirement, or None if one fails."""
    used: set[int] = set()
    for requirement in requirements:
        found = next((t for t in dependents(token, requirement.dep)
                      if _lemma_in(t, requirement.lemmas) and inner_ok(t, requirement)), None)
        if found is None:
            return None
        if requirement.dep not in ("subj", "head"):
            used.add(found.i)
    return used


def inner_ok(token: Token, requirement: Requirement) -> bool:
    if not requirement.inner:
        return True
    return any(c.dep_ == "pobj" and _lemma_in(c, requirement.inner) for c in token.children)


def dependents(token: Token, dep: str) -> Iterator[Token]:
    """The trigger's dependents of one requirement kind."""
    labels = DEPENDENCY_LABELS.get(dep, ())
    for child in token.children:
        if child.dep_ not in labels:
            continue
        if dep in ("dobj", "subj"):
            yield from with_conjuncts(antecedent(child, token))
        else:
            yield child
    if dep == "head" and token.head.i != token.i:
        yield token.head
    if dep == "dobj" and token.dep_ == "relcl" and not any(
            c.dep_ in ("dobj", "nsubjpass") for c in token.children):
        yield token.head


def antecedent(token: Token, clause_verb: Token) -> Token:
    """The noun a relative pronoun stands for ("the proposal that Ukraine accepted")."""
    if token.lower_ in RELATIVE_PRONOUNS and clause_verb.dep_ == "relcl":
        return clause_verb.head
    return token


def with_conjuncts(token: Token) -> Iterator[Token]:
    yield token
    yield from token.conjuncts


def _lemma_in(token: Token, lemmas: frozenset[str]) -> bool:
    return "*" in lemmas or token.lemma_.lower() in lemmas or token.lower_ in lemmas
