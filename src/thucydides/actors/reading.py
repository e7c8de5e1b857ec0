"""Resolving a free actor string ("Kremlin spokesman Dmitry Peskov", "Ukrainian forces"): which
match gives the country, which the sector, and how readings are merged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from thucydides.actors.index import DictionaryIndex
from thucydides.actors.terms import Match, Reading, Role, Word, tokenize
from thucydides.actors.vocabulary import (
    BOUNDARIES,
    CODE_KINDS,
    CODER_PRECEDENCE,
    ETHNIC_MARKERS,
    FORMER,
    MAX_DESCRIPTION_WORDS,
    PAIR_HYPHEN,
    PLACE_KINDS,
    PRONOUNS,
    RESIDENCE_PREPOSITIONS,
    STATE_SECTORS,
    UNNAMED_KINDS,
)
from thucydides.model import Actor


class TextReader(DictionaryIndex):
    """Reads a free actor string: country, sector and name from the dictionary phrases in it."""

    def resolve(
        self, text: str, context: str | None = None, date: dt.date | None = None
    ) -> Actor | None:
        """A free actor string ("Kremlin spokesman Dmitry Peskov", "Ukrainian forces",
        "the U.S. State Department", "Burundian militiamen", "NATO")."""
        reading = self._read(text, context, date)
        if reading is None:
            return None
        settle_people(reading)
        return Actor(text, code=reading.code, sector=reading.sector, name=reading.name,
                     rule=" + ".join(reading.rules) or None)

    def _read(self, text: str, context: str | None, date: dt.date | None) -> Reading | None:
        words = tokenize(text)
        if len(words) == 1 and words[0].key in PRONOUNS:
            return Reading(sector="UNK", rules=("pronoun",))
        matches = self._matches(words)
        if not matches:
            return self._described(context, date)
        reading = self._combine(words, matches, date)
        if reading.code is None and context:
            self._add_context(reading, text, context, date,
                              PLACE_KINDS if reading.people_of else CODE_KINDS)
        if reading.code is None and reading.sector is None:
            return None
        return reading

    def _described(self, context: str | None, date: dt.date | None) -> Reading | None:
        """An unknown name with a short description as context ("Colombian defense")."""
        if not context or len(tokenize(context)) > MAX_DESCRIPTION_WORDS:
            return None
        reading = self._read(context, None, date)
        if reading is not None:
            reading.name = None
            reading.rules = tuple(f"context: {rule}" for rule in reading.rules)
        return reading

    def _combine(self, words: list[Word], matches: list[Match], date: dt.date | None) -> Reading:
        """Country and sector from the matches: the head phrase decides, complements fill."""
        boundary = next(
            (i for i, w in enumerate(words) if w.key in BOUNDARIES
             and not any(m.first <= i <= m.last for m in matches)
             and not (i + 1 < len(words) and words[i + 1].key[:1].isdigit())),
            len(words),
        )
        head = [m for m in matches if m.last < boundary]
        rest = [m for m in matches if m.first > boundary]
        if _common_noun_head(words[:boundary], head):
            head = [m for m in head if m.term.kind not in ("role", "capital", "city", "region")]
        reading = Reading()
        coder = self._coder(head, rest, date)
        if coder is not None:
            role = coder.term.role_at(date)
            reading.code, reading.rules = role.code, (role.rule,)
            reading.name = None if coder.term.kind in UNNAMED_KINDS else coder.term.name
            reading.place = coder.term.kind in PLACE_KINDS
            if coder.term.kind in ("person", "surname"):
                reading.person = coder.term.name
                if coder.last < _last_word(words[:boundary]):
                    reading.name = None
        former = any(w.key in FORMER for w in words[:boundary])
        self._set_sector(reading, words, head, rest, date, former)
        if coder is not None and coder.term.kind == "demonym" and coder in head:
            self._read_people(reading, words, coder, rest, boundary, date)
        person = coder is not None and coder.term.kind == "person"
        if reading.sector and former and (reading.sector in STATE_SECTORS or person):
            reading.sector = "ELI"
            reading.rules += ("former",)
        return reading

    @staticmethod
    def _read_people(
        reading: Reading, words: list[Word], coder: Match, rest: list[Match], boundary: int,
        date: dt.date | None,
    ) -> None:
        """An ethnic group ("ethnic Albanians") or a people placed by a complement ("Albanians
        of southern Serbia") belongs to the country it lives in, as in the PLOVER GSR: the
        place of the complement, else (for "ethnic") the place the sentence names."""
        ethnic = coder.first > 0 and words[coder.first - 1].key in ETHNIC_MARKERS
        if not (ethnic or coder.term.weak):
            return
        reading.people_of = reading.code
        placed = boundary < len(words) and words[boundary].key in RESIDENCE_PREPOSITIONS
        place = _pick([], rest, partial(_codes, date=date, kinds=PLACE_KINDS)) if placed else None
        if place is not None:
            role = place.term.role_at(date)
            reading.code = role.code
            reading.rules += (f"living in: {role.rule}",)
        elif ethnic:
            reading.code = None

    def _set_sector(
        self, reading: Reading, words: list[Word], head: list[Match], rest: list[Match],
        date: dt.date | None, former: bool,
    ) -> None:
        """The last sector-bearing match of the head (specific before generic ones), else of
        the complements. A title in the text outranks a named actor's ended role."""
        sectorer = _pick(head, rest, lambda m: _sector(m, date) is not None and not m.term.weak)
        sectorer = sectorer or _pick(head, rest, lambda m: _sector(m, date) is not None)
        if sectorer is None:
            return
        role = sectorer.term.role_at(date)
        if not former and _is_past(sectorer, date):
            title = self._title(words[sectorer.first]) or next(
                (m.term.role_at(date) for m in reversed(head)
                 if m.term.kind in ("role", "org") and _sector(m, date) in STATE_SECTORS),
                None,
            )
            role = title or role
        reading.sector = role.sector
        if role.rule not in reading.rules:
            reading.rules += (role.rule,)
        if reading.code is None and role.code:
            reading.code = role.code

    @staticmethod
    def _coder(head: list[Match], rest: list[Match], date: dt.date | None) -> Match | None:
        """The match that gives the country, by ``CODER_PRECEDENCE``."""
        for kinds in CODER_PRECEDENCE:
            found = _pick(head, [], partial(_codes, date=date, kinds=kinds))
            if found is not None:
                return found
        return _pick([], rest, partial(_codes, date=date, kinds=CODE_KINDS))

    def _title(self, word: Word) -> Role | None:
        """The office named by the first word of a matched name ("King" in "King Hassan")."""
        for term in self._index.get(word.key, ()):
            if term.kind == "role" and term.roles[0].sector in STATE_SECTORS:
                return term.roles[0]
        return None

    def _add_context(
        self, reading: Reading, text: str, context: str, date: dt.date | None,
        kinds: frozenset[str] = CODE_KINDS,
    ) -> None:
        """Take the country from the context (a hint such as "German", or the sentence the
        mention stands in): the nearest phrase of one of ``kinds`` that has a code."""
        at = context.find(text) if text else -1
        before, after = (context[:at], context[at + len(text):]) if at >= 0 else ("", context)
        before_words, after_words = tokenize(before), tokenize(after)
        candidates = [
            (len(before_words) - m.last, m) for m in self._matches(before_words)
        ] + [(m.first + 1, m) for m in self._matches(after_words)]
        for _, match in sorted(candidates, key=lambda pair: pair[0]):
            role = match.term.role_at(date)
            if match.term.kind in kinds and role.code:
                reading.code = role.code
                reading.rules += (f"context: {role.rule}",)
                return

    def split_pair(self, actor: Actor, date: dt.date | None = None) -> list[Actor]:
        """The two sides of a hyphenated pair ("U.S.-Russia", "Israeli-Palestinian"): one
        actor per side when each side is exactly one country or demonym of its own; else the
        actor itself (a name such as "Guinea-Bissau" is one country)."""
        pieces = list(PAIR_HYPHEN.finditer(actor.text))
        if len(pieces) != 1 or self._whole_name_spans_hyphen(actor.text):
            return [actor]
        cut = pieces[0]
        sides = [(0, actor.text[: cut.start()]), (cut.end(), actor.text[cut.end():])]
        found = []
        for offset, text in sides:
            words = tokenize(text)
            matches = self._matches(words)
            if len(matches) != 1 or matches[0].term.kind not in ("country", "demonym"):
                return [actor]
            role = matches[0].term.role_at(date)
            start = actor.start + offset if actor.start is not None else None
            end = start + len(text) if start is not None else None
            found.append(Actor(text, start, end, role.code, actor.sector, None,
                               f"{role.rule} (one side of {actor.text!r})"))
        if found[0].code == found[1].code:
            return [actor]
        return found

    def _whole_name_spans_hyphen(self, text: str) -> bool:
        words = tokenize(text)
        return any(m.first == 0 and m.last == len(words) - 1 and m.last > 0
                   for m in self._matches(words))

    def explain(self, text: str) -> list[str]:
        """Which dictionary entries match in ``text``: user entries first."""
        words = tokenize(text)
        lines = []
        for match in self._matches(words):
            phrase = " ".join(w.text for w in words[match.first : match.last + 1])
            for term in self._index[" ".join(w.key for w in words[match.first : match.last + 1])]:
                origin = "user" if term.user else "built-in"
                for role in term.roles:
                    lines.append(f"{phrase!r}: {origin} {term.kind} {role.rule} -> "
                                 f"{role.code or '-'} {role.sector or '-'}"
                                 + _bounds(role))
        return sorted(lines, key=lambda line: "built-in" in line)


def _pick(head: list[Match], rest: list[Match], wanted: Callable[[Match], bool]) -> Match | None:
    """The last wanted match of the head phrase, else the first one of its complements."""
    for match in reversed(head):
        if wanted(match):
            return match
    return next((m for m in rest if wanted(m)), None)


def _last_word(words: list[Word]) -> int:
    """Index of the last word that is a word (not "'s" or punctuation), or -1."""
    return next((i for i in range(len(words) - 1, -1, -1) if words[i].text[:1].isalpha()), -1)


def _common_noun_head(head_words: list[Word], head: list[Match]) -> bool:
    """Whether the head phrase ends in a lower-case word no dictionary knows ("terrorist
    assault", "military operations"): its role words then only modify a thing."""
    last = _last_word(head_words)
    if last < 0 or not head_words[last].text.islower():
        return False
    return not any(m.first <= last <= m.last for m in head)


def _codes(match: Match, date: dt.date | None, kinds: frozenset[str]) -> bool:
    return match.term.kind in kinds and bool(match.term.role_at(date).code)


def _is_past(match: Match, date: dt.date | None) -> bool:
    """Whether the match is a named actor whose roles have all ended on ``date``: a title
    in the same phrase ("President Bill Clinton") then says what the text means."""
    return match.term.role_at(date) not in match.term.roles


def _sector(match: Match, date: dt.date | None) -> str | None:
    return match.term.role_at(date).sector



def settle_people(reading: Reading) -> None:
    """An ethnic group whose country of residence nobody named: the demonym's country."""
    if reading.code is None and reading.people_of:
        reading.code = reading.people_of
        reading.rules += ("ethnic group: country of the demonym",)


def merge_readings(first: Reading | None, second: Reading | None, source: str) -> Reading | None:
    """``first`` with the gaps filled from ``second`` (found in ``source``)."""
    if first is None or second is None:
        return first or second
    merged = Reading(first.code, first.sector, first.name, first.rules)
    if merged.code is None and second.code:
        merged.code, merged.name = second.code, merged.name or second.name
        merged.rules += (f"{source}: {' + '.join(second.rules)}",)
    if merged.sector is None and second.sector:
        merged.sector = second.sector
        merged.rules += (f"{source}: {' + '.join(second.rules)}",)
    return merged


def _bounds(role: Role) -> str:
    if role.start is None and role.end is None:
        return ""
    return f" [{role.start or ''}..{role.end or ''})"
