"""The event coder: finds the triggers of each sentence, codes them and resolves their
actor and recipient into events."""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Token

from thucydides.actors import ActorResolver, names_a_place, split_coordination
from thucydides.annotate import AnnotatedDocument, AnnotatedSentence
from thucydides.events.clauses import (
    demanding_side,
    event_bearers,
    governed_by_event,
    in_background_clause,
    is_demand,
    is_passive,
    position_ok,
)
from thucydides.events.coding import Coding, modal_recoding_name, recode, uses_force
from thucydides.events.modality import addressed_to_reader, confidence, is_refusal, modality_of
from thucydides.events.participants import (
    Candidates,
    in_topic,
    mention,
    participants,
    places_of,
    pronoun_antecedent,
    subject_of,
)
from thucydides.events.patterns import (
    NOT_AN_EVENT,
    Match,
    Pattern,
    PatternTable,
    read_patterns,
    with_conjuncts,
)
from thucydides.events.roles import as_authorities, as_population, home_government
from thucydides.events.vocabulary import (
    DOMESTIC_TARGET_EVENTS,
    SPEECH_VERBS,
    STATE_ACTS,
    SYMMETRIC_EVENTS,
    TOPIC_EVENTS,
    TOPIC_VERBS,
)
from thucydides.model import Actor, Event, Modality
from thucydides.ontology import data_path


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
        conjuncts = (c for head in heads for c in with_conjuncts(pronoun_antecedent(head)))
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
