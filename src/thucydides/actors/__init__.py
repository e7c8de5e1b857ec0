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

The package: ``vocabulary`` (word lists and limits), ``terms`` (roles, terms, words and their
keys), ``tables`` (reading the TSV dictionaries), ``places`` (GeoNames and ISO 3166-2 place
names), ``index`` (the lookup index and phrase matching), ``reading`` (free actor strings),
``phrases`` (splitting parsed mentions), ``mentions`` (``ActorResolver``: parsed mentions) and
``provenance`` (what an actor's rule says about its source).
"""

from __future__ import annotations

from thucydides.actors.mentions import ActorResolver
from thucydides.actors.phrases import MentionParts, mention_parts, split_coordination
from thucydides.actors.places import large_cities, small_towns, subdivisions
from thucydides.actors.provenance import names_a_place, wiki_title
from thucydides.actors.tables import known_sectors, read_named
from thucydides.actors.terms import Match, Reading, Role, Term, Word, phrase_key, tokenize

__all__ = [
    "ActorResolver",
    "Match",
    "MentionParts",
    "Reading",
    "Role",
    "Term",
    "Word",
    "known_sectors",
    "large_cities",
    "mention_parts",
    "names_a_place",
    "phrase_key",
    "read_named",
    "small_towns",
    "split_coordination",
    "subdivisions",
    "tokenize",
    "wiki_title",
]
