"""What dictionary phrases stand for (``Role``, ``Term``), the words of a text and their
lookup keys (``tokenize``, ``phrase_key``), and a mention's reading before it becomes an
``Actor``."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from thucydides.actors.vocabulary import FOLDED_LETTERS, STATE_SECTORS, TOKEN_PATTERN


@dataclass(frozen=True)
class Role:
    """One row of a dictionary: what a name stands for, possibly within dates."""

    code: str | None
    sector: str | None
    start: dt.date | None
    end: dt.date | None
    rule: str

    def contains(self, date: dt.date) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass(frozen=True)
class Term:
    """What one dictionary phrase stands for."""

    kind: str
    name: str
    roles: tuple[Role, ...]
    acronym: bool = False
    weak: bool = False
    user: bool = False

    def role_at(self, date: dt.date | None) -> Role:
        """The role on ``date``: the first row containing it, else the default row, else ELI
        once a state role has ended, else (before any role) the country alone. Undated text
        (``date`` None) is read in the actor's own time: the default row, else the role that
        lasted longest, never as a former official."""
        if date is None:
            return self.undated_role()
        default = None
        for role in self.roles:
            if role.start is None and role.end is None:
                default = default or role
            elif role.contains(date):
                return role
        if default is not None:
            return default
        ended = [r for r in self.roles if r.end is not None and r.end <= date]
        if ended:
            last = max(ended, key=lambda r: r.end or date)
            sector = "ELI" if last.sector in STATE_SECTORS else last.sector
            return Role(last.code, sector, last.start, last.end, last.rule + " (former)")
        first = min(self.roles, key=lambda r: r.start or date)
        return Role(first.code, None, first.start, first.end, first.rule + " (before office)")

    def undated_role(self) -> Role:
        default = next((r for r in self.roles if r.start is None and r.end is None), None)
        if default is not None:
            return default
        return max(self.roles, key=lambda r: (r.end or dt.date.max, r.start or dt.date.min))


@dataclass(frozen=True)
class Word:
    text: str
    key: str


@dataclass(frozen=True)
class Match:
    """A dictionary phrase found in a mention: words ``first`` to ``last`` inclusive."""

    first: int
    last: int
    term: Term


@dataclass
class Reading:
    """What a mention resolved to, before it becomes an ``Actor``."""

    code: str | None = None
    sector: str | None = None
    name: str | None = None
    rules: tuple[str, ...] = ()
    person: str | None = None
    """The known person the reading is about, if one decided the country."""
    people_of: str | None = None
    """For a people named by a demonym ("Albanians", "ethnic Turks"), the country the demonym
    names; the country they live in, when the text names one, is their code."""
    place: bool = False
    """Whether a place name (country, capital, city) gave the code."""


def tokenize(text: str) -> list[Word]:
    """Words of ``text`` with their lookup keys; a possessive "'s" is a word of its own."""
    words = []
    for token in TOKEN_PATTERN.findall(text.replace("’", "'").replace("‘", "'")):
        base = token.rstrip(".")
        if len(base) > 2 and base.lower().endswith("'s"):
            words.append(Word(base[:-2], _key(base[:-2])))
            words.append(Word("'s", "'s"))
        else:
            words.append(Word(token, _key(token)))
    return words


def _key(token: str) -> str:
    """Lookup form of a word: lower case, no dots, apostrophes or accents ("Nausėda" =
    "Nauseda", "Łukasz" = "Lukasz")."""
    key = token.lower().replace(".", "").translate(FOLDED_LETTERS)
    if key.isascii():
        return key
    return "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))


def phrase_key(text: str) -> str:
    return " ".join(w.key for w in tokenize(text))


def deletion_variants(key: str) -> set[str]:
    return {key[:i] + key[i + 1 :] for i in range(len(key))}


def is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(letters) <= 5 and all(c.isupper() for c in letters) and bool(letters)
