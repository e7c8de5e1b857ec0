"""The word lists, patterns and limits by which actor mentions are read, and the marks that
the rules of places carry."""

from __future__ import annotations

import re

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
