"""What an event is coded as (CAMEO code and PLOVER fields), the recoding of stated
intentions and refusals, and which events a dataset of what happened keeps."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from thucydides.events.patterns import Pattern
from thucydides.events.vocabulary import DECLARATIVE_EVENTS, FORCE_THREATS
from thucydides.model import Event, Modality
from thucydides.ontology import (
    cameo_codes,
    data_path,
    plover_quad_classes,
    quad_class_of_cameo,
    read_table,
)


@dataclass(frozen=True)
class Coding:
    """What an event is coded as: CAMEO code and the PLOVER fields."""

    cameo: str | None
    event: str
    mode: str | None
    context: tuple[str, ...]

    @classmethod
    def of_pattern(cls, pattern: Pattern) -> Coding:
        cameo = cameo_codes().get(pattern.cameo or "")
        return cls(
            cameo=pattern.cameo,
            event=pattern.event or (cameo.event if cameo else None) or "",
            mode=pattern.mode or (cameo.mode if cameo else None),
            context=pattern.context or (cameo.context if cameo else ()),
        )

    @classmethod
    def of_cameo(cls, code: str) -> Coding:
        cameo = cameo_codes()[code]
        return cls(code, cameo.event or "", cameo.mode, cameo.context)

    @property
    def goldstein(self) -> float | None:
        cameo = cameo_codes().get(self.cameo or "")
        return cameo.goldstein if cameo else None

    @property
    def quad_class(self) -> int:
        if self.cameo:
            return quad_class_of_cameo(self.cameo)
        return plover_quad_classes()[self.event]


@cache
def modal_recoding() -> dict[str, tuple[str, str]]:
    """CAMEO prefix -> (code for a stated intention, code for a refusal); see the data file."""
    table = {}
    for row in read_table(data_path("events", "modal_recoding.tsv")):
        table[row["cameo_prefix"]] = (row["future_cameo"], row["negated_cameo"])
    return table


def recode(coding: Coding, modality: Modality) -> str | None:
    """The CAMEO code an intended ("will withdraw") or refused ("will not accept") act is
    coded as, or None to keep the event as it is."""
    if not coding.cameo or modality not in ("future", "negated"):
        return None
    table = modal_recoding()
    for length in range(len(coding.cameo), 1, -1):
        if coding.cameo[:length] in table:
            future, negated = table[coding.cameo[:length]]
            return (future if modality == "future" else negated) or None
    return None


def uses_force(coding: Coding) -> bool:
    """Material conflict, or a threat of force: its target place means the people there."""
    return coding.quad_class == 4 or (coding.cameo or "").startswith(FORCE_THREATS)


def is_factual(event: Event) -> bool:
    """Did the text assert this event happened (or, for AGREE and THREATEN, that the actor
    declared it)? Hypothetical, negated and merely future events are kept in the output with
    their modality but are not counted as events by datasets such as the PLOVER GSR."""
    return event.modality == "asserted" or (
        event.modality == "future" and event.event in DECLARATIVE_EVENTS)


def modal_recoding_name(modality: Modality) -> str:
    return "stated intention" if modality == "future" else "refusal"
