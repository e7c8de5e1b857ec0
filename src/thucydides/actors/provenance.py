"""What the rule of a resolved ``Actor`` says about its source: a Wikipedia-titled named actor
(``wiki_title``) or a place name (``names_a_place``)."""

from __future__ import annotations

from thucydides.actors.vocabulary import CAPITAL_MARK, CITY_MARK, NAMED_TABLES, REGION_MARK
from thucydides.model import Actor


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
