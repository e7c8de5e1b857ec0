"""The date of each event: from the expression that governs its trigger, else a date of
its clause, the last date before it in its paragraph, any date of its sentence, or the
document date.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from thucydides.annotate import AnnotatedDocument
from thucydides.model import Event, Span, Timex
from thucydides.timex.tense import governing_verb


def assign_event_dates(
    annotated: AnnotatedDocument, events: list[Event], timexes: list[Timex]
) -> None:
    """Set event.date, event.date_source, event.date_span for each event."""
    dating = [t for t in timexes if t.type in ("DATE", "TIME") and _is_calendar(t.value)]
    published = annotated.clean.date
    for event in events:
        possible = [t for t in dating if not _after_publication(t, event, published)]
        _date_event(annotated, event, possible)


def _after_publication(timex: Timex, event: Event, published: dt.date | None) -> bool:
    """An asserted event happened by the time it was reported: a later date is another's."""
    if event.modality != "asserted" or published is None or timex.value is None:
        return False
    try:
        return dt.date.fromisoformat(timex.value[:10]) > published
    except ValueError:
        return False


def _is_calendar(value: str | None) -> bool:
    return value is not None and bool(re.match(r"\d{4}", value))


def _date_event(annotated: AnnotatedDocument, event: Event, dating: list[Timex]) -> None:
    """Date an event from, in order: the expression governing its trigger; a date of the same
    clause; the last date earlier in its paragraph; any date of its sentence; the document."""
    same_sentence = [t for t in dating if t.sentence == event.sentence]
    governing = [t for t in same_sentence if _governs(annotated, t, event)]
    if governing:
        _set(event, _closest(governing, event), "expression")
        return
    same_clause = [t for t in same_sentence if _shares_clause(annotated, t, event)]
    if same_clause:
        _set(event, _closest(same_clause, event), "sentence")
        return
    earlier = _earlier_in_paragraph(annotated, event, dating)
    if earlier is not None:
        _set(event, earlier, "paragraph")
        return
    if same_sentence:
        _set(event, _closest(same_sentence, event), "sentence")
        return
    if annotated.clean.date is not None:
        event.date, event.date_source = annotated.clean.date.isoformat(), "document"
    else:
        event.date, event.date_source = None, "unresolved"
    event.date_span = None


def _earlier_in_paragraph(
    annotated: AnnotatedDocument, event: Event, dating: list[Timex]
) -> Timex | None:
    if event.sentence >= len(annotated.sentences):
        return None
    paragraph = annotated.sentences[event.sentence].paragraph
    earlier = [
        t
        for t in dating
        if annotated.sentences[t.sentence].paragraph == paragraph
        and t.sentence < event.sentence
    ]
    return earlier[-1] if earlier else None


def _set(
    event: Event, timex: Timex, source: Literal["expression", "sentence", "paragraph"]
) -> None:
    event.date = timex.value
    event.date_source = source
    event.date_span = Span(timex.start, timex.end, timex.text)


def _closest(timexes: list[Timex], event: Event) -> Timex:
    return min(
        timexes,
        key=lambda t: min(abs(t.start - event.trigger.end), abs(event.trigger.start - t.end)),
    )


def _shares_clause(annotated: AnnotatedDocument, timex: Timex, event: Event) -> bool:
    """Whether the trigger lies within the clause the expression belongs to.

    A date inside a clause that does not contain the trigger dates something else ("the
    meeting touched on properties seized between 2016 and 2018" says nothing of when the
    meeting was), so it must not date the event.
    """
    timex_span = annotated.char_span(timex.start, timex.end)
    trigger_span = annotated.char_span(event.trigger.start, event.trigger.end)
    if timex_span is None or trigger_span is None:
        return True
    verb = governing_verb(timex_span[1].root)
    return verb is None or trigger_span[1].root in verb.subtree


def _governs(annotated: AnnotatedDocument, timex: Timex, event: Event) -> bool:
    """Whether the expression attaches to the trigger: the trigger lies on the path from the
    expression up to its verb ("Tuesday's talks", "met on Tuesday"), or that verb is joined to
    the trigger by an open complement or coordination ("met and agreed on Tuesday")."""
    timex_span = annotated.char_span(timex.start, timex.end)
    trigger_span = annotated.char_span(event.trigger.start, event.trigger.end)
    if timex_span is None or trigger_span is None:
        return False
    trigger = trigger_span[1].root
    verb = governing_verb(timex_span[1].root)
    if verb is None:
        return False
    path = [timex_span[1].root, *timex_span[1].root.ancestors]
    if trigger in path[: path.index(verb) + 1]:
        return True
    chain = trigger
    for _ in range(5):
        if chain.dep_ not in ("xcomp", "conj") or chain.head is chain:
            return False
        chain = chain.head
        if chain == verb:
            return True
    return False
