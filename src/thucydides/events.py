"""The event coder: PLOVER/CAMEO events from the spaCy dependency parse.

A *trigger* is a verb or an event noun whose lemma is in the pattern dictionary
(``data/events/patterns.tsv``). Each pattern row may demand dependents of the trigger
("hold" + direct object "talks" -> CAMEO 046), so one lemma can carry several senses; the
most specific matching row wins. The CAMEO code gives the PLOVER event, mode and context
(``ontology.cameo_codes()``), so the two always agree; a row may override the PLOVER fields.

Pattern files are tab-separated, ``#`` starts a comment line, and the first other line is
the header ``trigger pos requires cameo event mode context note``:

- ``trigger``: the lemma of the verb or noun ("attack", "talk").
- ``pos``: ``VERB`` or ``NOUN``.
- ``requires``: blank, or space-separated ``dep=lemma`` conditions on the trigger's
  dependents, alternatives joined by ``|``: ``dobj=talk|negotiation`` (direct object, or
  passive subject), ``prt=forward`` (particle), ``prep=for`` (preposition),
  ``prep=into>custody`` (preposition and its object), ``mod=phone`` (compound or adjective
  modifier of a noun), ``xcomp=leave`` (clausal complement), ``ccomp=*`` (that-clause
  only), ``subj=protester``
  (subject), ``head=on`` (the word the trigger depends on: "on strike"); ``*`` matches any
  word ("seek xcomp=*").
- ``cameo``: a CAMEO code from ``data/ontology/cameo.tsv``, or ``-`` for "this sense is not
  an event" (e.g. "meet" + object "demand").
- ``event``/``mode``/``context``: optional PLOVER overrides (context ``;``-separated);
  needed where the CAMEO code has no PLOVER event (appeals, 02x, are coded REQUEST).
- ``note``: free text.

User files in the same format are tried before the packaged one: a user row with the same
trigger, pos and requires replaces the packaged row. A malformed user line is reported in
``EventCoder.load_problems`` as ``FILE:LINE: problem`` and the rest of the file loads.

Modality: ``negated`` (negation, "no", "deny"/"fail" heads), ``hypothetical`` (modal
auxiliaries, "if"-clauses, heads such as "consider"), ``future`` ("will", heads such as
"plan", "expect", modifiers such as "scheduled"). An event inside the complement of another
event ("threatened to attack", "agreed to cooperate", "accused X of attacking") is the
content of that event and is not coded by itself, nor is one in a background clause
("weapons seized last year"). An event reported by a speech verb ("X said Y attacked Z") is
coded with lower confidence; the speech verb itself is no event, but "X said Y must leave"
is a demand by X on Y (CAMEO 100). Following the PLOVER manual ("return the single event
category"), a stated intention or refusal is recoded with ``data/events/modal_recoding.tsv``
("will withdraw" -> AGREE 0356, "will attack" -> THREATEN 138, "will not accept" -> REJECT).
``is_factual`` tells the events a dataset of what happened would keep.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from thucydides.actors import ActorResolver, names_a_place, split_coordination
from thucydides.annotate import AnnotatedDocument, AnnotatedSentence
from thucydides.model import Actor, Event, Modality
from thucydides.ontology import (
    cameo_codes,
    data_path,
    plover_quad_classes,
    quad_class_of_cameo,
    read_table,
)

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

FUTURE_AUX = {"will", "shall", "'ll", "wo"}
MODAL_AUX = {"may", "might", "could", "should", "can", "must", "ca"}
WOULD_AUX = {"would", "'d"}
""""Would" is the future of reported speech ("said they would boycott"), else conditional."""
CONDITIONAL_MARKS = {"if", "unless", "whether"}
FUTURE_HEADS = {"plan", "expect", "schedule", "intend", "prepare", "aim", "set", "go", "due",
                "ready", "willing", "prepared", "determined", "decide", "resolve"}
HYPOTHETICAL_HEADS = {"consider", "want", "seek", "try", "hope", "wish", "propose", "mull",
                      "weigh", "like", "attempt", "able", "possible", "likely"}
REFUSING_HEADS = {"fail", "refuse", "decline"}
DEMAND_AUX = {"must", "should"}
SELF_PRONOUNS = {"i", "we", "it", "you"}
NEGATING_HEADS = {"deny", "fail", "refrain", "avoid", "decline", "unable"}
FUTURE_MODIFIERS = {"scheduled", "planned", "upcoming", "proposed", "future", "forthcoming",
                    "expected", "possible", "potential", "prospective"}
SPEECH_VERBS = {"say", "tell", "announce", "report", "state", "add", "note", "confirm",
                "stress", "claim", "insist", "believe", "think", "explain", "write", "recall",
                "emphasize", "emphasise", "indicate", "suggest", "reveal", "declare", "quote"}
RELATIVE_PRONOUNS = {"that", "which", "who", "whom"}
TOPIC_NOUNS = {"crisis", "issue", "conflict", "war", "situation", "question", "problem",
               "dispute", "matter", "file", "dossier", "topic", "affair", "tension", "standoff",
               "row", "process", "agenda", "case"}
"""Head nouns of a subject of talks: "discussed the Ukraine crisis", "talks on the issue of
Taiwan" name a topic, not whom the talks were with."""
TOPIC_VERBS = {"discuss", "talk", "debate", "address", "raise", "speak", "comment", "exchange",
               "brief", "mention", "chat", "negotiate", "consult", "review", "focus", "confer"}
"""Verbs of speech and consultation whose objects may be topics."""
TOPIC_EVENTS = {"CONSULT"}
TOPIC_MODIFIERS = {"compound", "amod", "nmod", "poss", "conj", "cc", "punct", "case"}
TOPIC_PREPOSITIONS = {"of", "in", "over", "around", "surrounding", "regarding", "concerning"}
SYMMETRIC_EVENTS = {"AGREE", "CONSULT", "COOPERATE"}
DECLARATIVE_EVENTS = {"AGREE", "THREATEN"}
"""Event types that are themselves a declaration about the future ("will withdraw")."""
CONTENT_DEPS = {"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "nsubjpass", "attr",
                "acl", "oprd", "compound", "amod", "conj", "advcl"}
CLAUSE_DEPS = {"xcomp", "ccomp", "conj", "advcl", "pcomp", "acl", "acomp"}
NOUN_POSITIONS = {"nsubj", "nsubjpass", "dobj", "ROOT", "attr", "conj", "appos"}
PARTICIPANT_PREPS = {"between", "among", "with"}
TEMPORAL_PREPS = {"after", "before", "since", "during", "following", "until", "amid"}
"""A phrase they head places an event in time beside another; it is not that event's content."""
"""An event noun inside a prepositional phrase ("after talks between X and Y in Moscow") is
an event of its own when it names its participants; a bare "after the meeting" refers back."""
RECIPIENT_PREPS = {"with", "on", "against", "to", "toward", "towards", "at", "upon", "into"}
ACTOR_MODIFIERS = {"poss", "compound", "amod", "nmod"}
ACTOR_ENTITIES = {"GPE", "NORP", "ORG", "PERSON"}
PERSONAL_PRONOUNS = {"he", "she", "it", "they", "its", "his", "her", "their", "we", "our"}
NON_STATE = {"IGO", "NGO", "MNC", "IMG", "UNK"}
DOMESTIC_TARGET_EVENTS = {"PROTEST", "COERCE", "ASSAULT"}
"""Events whose target, when the sentence names neither a target nor a place, is the
government of the actor's own country (the PLOVER GSR's convention)."""
STATE_ACTS = {"COERCE", "ACCUSE"}
"""Arrests, detentions, expulsions, inquiries and trials: done by a state's authorities."""
FORCE_THREATS = ("137", "138", "139")
"""CAMEO threats of violence, of military force and ultimatums."""
SUBJECT_DEPS = {"nsubj", "csubj"}
STATIVE_PASSIVES = {"engage", "involve", "oppose"}
"""Passive forms whose subject is the doer: "forces were engaged in", "X is opposed to"."""
NON_CLAUSE_VERB_DEPS = {"amod", "compound", "prep", "mark", "case", "advmod", "cc"}
"""A verb form in these positions is an adjective ("alleged bombers") or a preposition
("given the situation", "following the talks"), not a clause that reports an event."""
MENTION_STOP_DEPS = {"relcl", "acl", "appos", "punct", "cc", "advcl", "prep", "conj"}


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
            yield from _with_conjuncts(_antecedent(child, token))
        else:
            yield child
    if dep == "head" and token.head.i != token.i:
        yield token.head
    if dep == "dobj" and token.dep_ == "relcl" and not any(
            c.dep_ in ("dobj", "nsubjpass") for c in token.children):
        yield token.head


def _antecedent(token: Token, clause_verb: Token) -> Token:
    """The noun a relative pronoun stands for ("the proposal that Ukraine accepted")."""
    if token.lower_ in RELATIVE_PRONOUNS and clause_verb.dep_ == "relcl":
        return clause_verb.head
    return token


def _with_conjuncts(token: Token) -> Iterator[Token]:
    yield token
    yield from token.conjuncts


def _lemma_in(token: Token, lemmas: frozenset[str]) -> bool:
    return "*" in lemmas or token.lemma_.lower() in lemmas or token.lower_ in lemmas


@dataclass(frozen=True)
class Coding:
    """What an event is coded as: CAMEO code and the PLOVER fields."""

    cameo: str | None
    event: str
    mode: str | None
    context: tuple[str, ...]

    @classmethod
    def of_pattern(cls, pattern: Pattern) -> Coding:
        cameo = cameo_codes().get(pattern.cameo or "")
        return cls(
            cameo=pattern.cameo,
            event=pattern.event or (cameo.event if cameo else None) or "",
            mode=pattern.mode or (cameo.mode if cameo else None),
            context=pattern.context or (cameo.context if cameo else ()),
        )

    @classmethod
    def of_cameo(cls, code: str) -> Coding:
        cameo = cameo_codes()[code]
        return cls(code, cameo.event or "", cameo.mode, cameo.context)

    @property
    def goldstein(self) -> float | None:
        cameo = cameo_codes().get(self.cameo or "")
        return cameo.goldstein if cameo else None

    @property
    def quad_class(self) -> int:
        if self.cameo:
            return quad_class_of_cameo(self.cameo)
        return plover_quad_classes()[self.event]


@cache
def modal_recoding() -> dict[str, tuple[str, str]]:
    """CAMEO prefix -> (code for a stated intention, code for a refusal); see the data file."""
    table = {}
    for row in read_table(data_path("events", "modal_recoding.tsv")):
        table[row["cameo_prefix"]] = (row["future_cameo"], row["negated_cameo"])
    return table


def recode(coding: Coding, modality: Modality) -> str | None:
    """The CAMEO code an intended ("will withdraw") or refused ("will not accept") act is
    coded as, or None to keep the event as it is."""
    if not coding.cameo or modality not in ("future", "negated"):
        return None
    table = modal_recoding()
    for length in range(len(coding.cameo), 1, -1):
        if coding.cameo[:length] in table:
            future, negated = table[coding.cameo[:length]]
            return (future if modality == "future" else negated) or None
    return None


class EventCoder:
    """Codes the events of annotated documents with the pattern dictionary."""

    def __init__(self, resolver: ActorResolver, user_files: list[Path] | None = None) -> None:
        self.resolver = resolver
        self.load_problems: list[str] = []
        builtin = list(read_patterns(data_path("events", "patterns.tsv"), None))
        user = [p for path in user_files or [] for p in self._read_user(path)]
        self.table = PatternTable(builtin, user)

    def _read_user(self, path: Path) -> list[Pattern]:
        try:
            return list(read_patterns(path, self.load_problems))
        except OSError as error:
            self.load_problems.append(f"{path}:0: cannot read ({error.strerror})")
            return []

    def code(self, annotated: AnnotatedDocument) -> list[Event]:
        events = []
        for sentence in annotated.sentences:
            events.extend(self.code_sentence(annotated, sentence))
        return events

    def code_sentence(
        self, annotated: AnnotatedDocument, sentence: AnnotatedSentence
    ) -> list[Event]:
        matches = [m for m in map(self.table.match, sentence.span) if m is not None]
        used = {i for m in matches for i in m.used}
        triggers = event_bearers(matches)
        demands = {t.i: t for t in sentence.span if is_demand(t)}
        events = []
        for match in matches:
            token = match.token
            if match.pattern.cameo == NOT_AN_EVENT or token.i in used or token.i in demands:
                continue
            if not position_ok(token, match.pattern):
                continue
            if governed_by_event(token, triggers) or in_background_clause(token, triggers):
                continue
            if addressed_to_reader(token):
                continue
            events.append(self._event(annotated, sentence, match))
        for token in demands.values():
            if not governed_by_event(token, triggers):
                events.append(self._demand(annotated, sentence, token))
        return events

    def _event(
        self, annotated: AnnotatedDocument, sentence: AnnotatedSentence, match: Match
    ) -> Event:
        pattern, token = match.pattern, match.token
        coding = Coding.of_pattern(pattern)
        label = " ".join(t.text for t in sorted([token, *(token.doc[i] for i in match.used)]))
        rule = pattern.explain(label)
        modality = modality_of(token, [token.doc[i] for i in match.used])
        recoded = None
        if pattern.pos == "VERB" and (modality == "future" or is_refusal(token)):
            recoded = recode(coding, modality)
        if recoded:
            coding = Coding.of_cameo(recoded)
            rule += f"; {modality} -> {recoded} ({modal_recoding_name(modality)})"
            modality = "asserted" if modality == "negated" else modality
        actors, candidates = participants(token, match)
        actor = self._resolve(annotated, sentence, actors)
        if not actor and coding.event in STATE_ACTS and is_passive(token):
            actor = [as_authorities(a) for a in
                     self._resolve(annotated, sentence, places_of(token, match))[:1]]
        if coding.event in TOPIC_EVENTS or token.lemma_.lower() in TOPIC_VERBS | SPEECH_VERBS:
            candidates = [[h for h in heads if not in_topic(h)] for heads in candidates]
        recipient = self._first(annotated, sentence, candidates)
        if coding.event in SYMMETRIC_EVENTS:
            date = annotated.clean.date
            actor = [side for a in actor for side in self.resolver.split_pair(a, date)]
        if coding.event in SYMMETRIC_EVENTS and not recipient and len(actor) > 1:
            actor, recipient = actor[:1], actor[1:]
        if not recipient:
            recipient = [as_population(a) for a in
                         self._resolve(annotated, sentence, places_of(token, match))]
        if not recipient and coding.event in DOMESTIC_TARGET_EVENTS:
            recipient = home_government(actor)
        if uses_force(coding):
            recipient = [as_population(a) if names_a_place(a) else a for a in recipient]
        score = confidence(match, "asserted" if recoded else modality, bool(actor))
        return self._record(sentence, token, coding, actor, recipient, modality, score, rule)

    def _demand(
        self, annotated: AnnotatedDocument, sentence: AnnotatedSentence, token: Token
    ) -> Event:
        """"X said Y must withdraw": X demands that Y act (CAMEO 100)."""
        speaker = demanding_side(token)
        subject, passive = subject_of(token)
        actor = self._resolve(annotated, sentence, [speaker] if speaker is not None else [])
        addressee = subject if subject is not None else passive
        recipient = self._resolve(annotated, sentence, [addressee] if addressee else [])
        rule = f"grammar: '{token.text}' with 'must'/'should' in a reported clause -> 100"
        score = round(0.75 - (0.0 if actor else 0.1), 2)
        return self._record(sentence, token, Coding.of_cameo("100"), actor, recipient,
                            "asserted", score, rule)

    @staticmethod
    def _record(
        sentence: AnnotatedSentence, token: Token, coding: Coding, actor: list[Actor],
        recipient: list[Actor], modality: Modality, score: float, rule: str,
    ) -> Event:
        return Event(
            event=coding.event,
            trigger=sentence.to_span(token),
            sentence=sentence.index,
            mode=coding.mode,
            context=list(coding.context),
            cameo=coding.cameo,
            goldstein=coding.goldstein,
            quad_class=coding.quad_class,
            actor=actor,
            recipient=recipient,
            modality=modality,
            confidence=score,
            rule=rule,
        )

    def _first(
        self, annotated: AnnotatedDocument, sentence: AnnotatedSentence, candidates: Candidates
    ) -> list[Actor]:
        """The actors of the first candidate reading that names any."""
        for heads in candidates:
            found = self._resolve(annotated, sentence, heads)
            if found:
                return found
        return []

    def _resolve(
        self, annotated: AnnotatedDocument, sentence: AnnotatedSentence, heads: list[Token]
    ) -> list[Actor]:
        found: list[Actor] = []
        conjuncts = (c for head in heads for c in _with_conjuncts(pronoun_antecedent(head)))
        for conjunct in conjuncts:
            whole = mention(conjunct)
            parts = split_coordination(whole)
            shared = self.resolver.resolve_mention(annotated, sentence, whole) if len(
                parts) > 1 else None
            for part in parts:
                actor = self.resolver.resolve_mention(annotated, sentence, part)
                if actor is None or any(a.start == actor.start for a in found):
                    continue
                if actor.sector is None and shared is not None:
                    actor.sector = shared.sector  # "US and British forces": both MIL
                if actor.sector is None:
                    actor.sector = self._modifier_sector(annotated, sentence, part.root, actor)
                found.append(actor)
        return found

    def _modifier_sector(
        self, annotated: AnnotatedDocument, sentence: AnnotatedSentence, head: Token,
        actor: Actor,
    ) -> str | None:
        """The sector a noun modifier gives ("Israeli army bulldozers": the army's)."""
        for child in head.children:
            if child.dep_ != "compound" or child.i > head.i:
                continue
            span = head.doc[child.left_edge.i : child.i + 1]
            reading = self.resolver.resolve_mention(annotated, sentence, span)
            if reading is not None and reading.sector and reading.code in (actor.code, None):
                return reading.sector
        return None


def is_passive(verb: Token) -> bool:
    """A passive verb ("was arrested", "has been put under investigation")."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def as_authorities(place: Actor) -> Actor:
    """The state where an agentless arrest or inquiry happened did it ("was arrested in
    Egypt"): the place stands for its authorities (GOV)."""
    rule = f"{place.rule} + place of a passive state act: its authorities" if place.rule else None
    return Actor(place.text, place.start, place.end, place.code, "GOV", place.name, rule)


def as_population(place: Actor) -> Actor:
    """A place named as the target stands for the people there (sector CVL), as in the PLOVER
    GSR ("imposed a curfew in Algiers")."""
    rule = f"{place.rule} + place as target: its population" if place.rule else None
    return Actor(place.text, place.start, place.end, place.code, "CVL", place.name, rule)


def uses_force(coding: Coding) -> bool:
    """Material conflict, or a threat of force: its target place means the people there."""
    return coding.quad_class == 4 or (coding.cameo or "").startswith(FORCE_THREATS)


def home_government(actors: list[Actor]) -> list[Actor]:
    """The default target of a domestic protest, crackdown or attack: the state of the actor's
    own country (the PLOVER GSR's convention)."""
    return [Actor(text=a.text, start=a.start, end=a.end, code=a.code, sector="GOV", name=a.code,
                  rule="domestic event: target is the government of the actor's country")
            for a in actors[:1] if a.code and len(a.code) == 3 and a.code not in NON_STATE]


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


def is_factual(event: Event) -> bool:
    """Did the text assert this event happened (or, for AGREE and THREATEN, that the actor
    declared it)? Hypothetical, negated and merely future events are kept in the output with
    their modality but are not counted as events by datasets such as the PLOVER GSR."""
    return event.modality == "asserted" or (
        event.modality == "future" and event.event in DECLARATIVE_EVENTS)


def modal_recoding_name(modality: Modality) -> str:
    return "stated intention" if modality == "future" else "refusal"


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
    objects = [_antecedent(o, verb) for o in verb.children if o.dep_ in ("dobj", "dative")]
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
