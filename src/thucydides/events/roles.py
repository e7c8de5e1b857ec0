"""Actors that stand in for a role the sentence leaves unnamed: a place's authorities or
population, the home government as the target of a domestic event."""

from __future__ import annotations

from thucydides.events.vocabulary import NON_STATE
from thucydides.model import Actor


def as_authorities(place: Actor) -> Actor:
    """The state where an agentless arrest or inquiry happened did it ("was arrested in
    Egypt"): the place stands for its authorities (GOV)."""
    rule = f"{place.rule} + place of a passive state act: its authorities" if place.rule else None
    return Actor(place.text, place.start, place.end, place.code, "GOV", place.name, rule)


def as_population(place: Actor) -> Actor:
    """A place named as the target stands for the people there (sector CVL), as in the PLOVER
    GSR ("imposed a curfew in Algiers")."""
    rule = f"{place.rule} + place as target: its population" if place.rule else None
    return Actor(place.text, place.start, place.end, place.code, "CVL", place.name, rule)


def home_government(actors: list[Actor]) -> list[Actor]:
    """The default target of a domestic protest, crackdown or attack: the state of the actor's
    own country (the PLOVER GSR's convention)."""
    return [Actor(text=a.text, start=a.start, end=a.end, code=a.code, sector="GOV", name=a.code,
                  rule="domestic event: target is the government of the actor's country")
            for a in actors[:1] if a.code and len(a.code) == 3 and a.code not in NON_STATE]
