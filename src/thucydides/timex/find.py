"""Finding the time expressions of a document: spaCy's DATE/TIME entities completed by
our patterns, clock times joined to their day, ranges cut into their ends, each piece
read against the document date and the tense of its clause.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from spacy.tokens import Span as SpacySpan

from thucydides.annotate import AnnotatedDocument, AnnotatedSentence
from thucydides.model import Timex
from thucydides.timex.lexicon import ZONE, lexicon, patterns
from thucydides.timex.narrative import (
    anchor_to_narrative,
    close_quarters,
    year_back_to_quarter,
)
from thucydides.timex.normalise import CLOCK, normalise
from thucydides.timex.tense import (
    FUTURE_CUE,
    SPAN_END_CUE,
    Tense,
    clause_tense,
    pluperfect,
)
from thucydides.timex.values import Reading, is_resolved, unit_code

RANGE = re.compile(r"^(?:between|from)\s|\d\s*(?:-|–|to|through|until)\s*\d|\d\s+and\s+\w", re.I)
RANGE_JOIN = re.compile(r"\s+(?:and|to|through|until|till|of)\s+|\s*[-–]\s*(?=\d)", re.I)
RANGE_OPEN = re.compile(r"^(?:between|from)\s+", re.I)
"""The words that join, and open, the two ends of a range."""
PART_JOIN = re.compile(
    RANGE_JOIN.pattern
    + r"|\s+(?:ended|ending|ends|beginning|begun|starting|in|on|at|since)\s+|,\s+(?!\d{4}\b)",
    re.I,
)
"""Where to cut a candidate that does not read as a whole ("the year ended Sept. 30")."""


DAY_NEXT_BEFORE = re.compile(r"\bthe\s+day\s+(?:before|after)\s+$", re.I)
""""The day before" a day named, which makes one expression with it."""
TAIL_POINTERS = {"previous", "preceding", "following", "same", "that", "this", "sometime"}
"""Words that, before a day or date, move it from where it would read alone."""
SIGNAL_AFTER = re.compile(r"\s+(?:before|after)$", re.I)
"""A signal closing a candidate, which relates it to the event named next."""


CLOCK_GAP = re.compile(r"[\s,]*(?:\(?(?-i:[A-Z]{2,4})\)?[\s,]+)?(?:on|at)?[\s,]*", re.I)
"""What may lie between a clock time and its day: a zone the tagger left out ("ET"), "on"."""


UNIT_COORDINATION = re.compile(r"\s+(?:or|and)\s+(?:even\s+)?", re.I)
"""What joins two units of time in one vague span ("weeks or even months")."""


PART_OF_YEAR = re.compile(
    r"\b(?:first|second|third|fourth|last|final)\s+(?:two\s+quarters|half|quarter)$", re.I
)
YEAR_NAMED = re.compile(r"(?:fiscal\s+)?\d{4}|(?:this|last|next)\s+year", re.I)
"""A half or quarter, and the year it may be "of" ("the first two quarters of 1990")."""


NAME_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "LAW", "GPE", "NORP"}
"""Entities that a word of our patterns inside is part of a name ("Fox News Sunday")."""


def find_timexes(annotated: AnnotatedDocument) -> list[Timex]:
    """All time expressions of the document, normalised against its date, in text order."""
    found: list[Timex] = []
    for sentence in annotated.sentences:
        for start, end in _candidates(annotated.text, sentence):
            found.extend(_read_candidate(annotated, sentence, start, end))
    close_quarters(annotated.text, found)
    year_back_to_quarter(annotated.text, found)
    anchor_to_narrative(annotated.text, found)
    return found


def _read_candidate(
    annotated: AnnotatedDocument, sentence: AnnotatedSentence, start: int, end: int
) -> list[Timex]:
    """The expression at ``start:end``, or its parts when it is a range ("between 2016 and
    2018") or does not read as a whole ("the first nine months of 1997"); a duration between
    two amounts ("two to three weeks") is one expression."""
    text = annotated.text[start:end]
    whole = _read_part(annotated, sentence, start, end)
    if whole is not None and (not RANGE.search(text) or whole.type == "DURATION"):
        return [whole]
    parts = range_parts(text, start, RANGE_JOIN if whole is not None else PART_JOIN)
    if len(parts) < 2:
        if whole is not None:
            return [whole]
        return _read_tail(annotated, sentence, start, end) or _read_head(
            annotated, sentence, start, end
        )
    read: list[Timex] = []
    for s, e in parts:
        timex = _read_part(annotated, sentence, s, e)
        if timex is None and read:
            timex = _day_of_same_month(annotated.text, s, e, read[-1])
        if timex is not None:
            read.append(timex)
    return read


def _day_of_same_month(text: str, start: int, end: int, first: Timex) -> Timex | None:
    """The bare day that closes a range in the month of its first end: the "25" of "April 24
    and 25", "May 3 to 7"."""
    day = text[start:end]
    if not first.value or not re.fullmatch(r"\d{4}-\d\d-\d\d", first.value):
        return None
    if not re.fullmatch(r"\d{1,2}", day) or int(day) <= int(first.value[8:]):
        return None
    try:
        value = dt.date.fromisoformat(first.value).replace(day=int(day)).isoformat()
    except ValueError:
        return None
    return Timex(start, end, day, "DATE", value, first.sentence, True)


def _read_tail(
    annotated: AnnotatedDocument, sentence: AnnotatedSentence, start: int, end: int
) -> list[Timex]:
    """The longest end of a candidate that reads, when the whole does not: the tagger's span
    took in words before the expression ("about a quarter last year", "the car 10 days")."""
    text = annotated.text[start:end]
    for word in re.finditer(r"\s+(?=\S)", text):
        if not _droppable(text[: word.start()], text[word.end() :]):
            continue
        tail = _read_part(annotated, sentence, start + word.end(), end)
        if tail is not None:
            return [tail]
    return []


def _read_head(
    annotated: AnnotatedDocument, sentence: AnnotatedSentence, start: int, end: int
) -> list[Timex]:
    """A date before the capitalised name the tagger took in with it ("the Dec. 1 Accord",
    "Jan. 20 Amendment"): the longest beginning that reads, when only names follow it."""
    text = annotated.text[start:end]
    gaps = list(re.finditer(r"\s+(?=\S)", text))
    for gap in reversed(gaps):
        if not re.fullmatch(r"(?:\s+[A-Z][\w'-]*)+", text[gap.start() :]):
            break
        head = _read_part(annotated, sentence, start, start + gap.start())
        if head is not None:
            return [head]
    return []


def _droppable(head: str, tail: str) -> bool:
    """Whether the words before a tail are no part of its meaning: not a number ("6 a.m. ten
    days"), not a word that points the tail elsewhere ("the previous Friday"), and the tail is
    not a unit that they modify ("Easter week", "future quarters")."""
    first = tail.split()[0].lower().rstrip(".,")
    last = head.split()[-1].lower()
    return not (
        re.search(r"\d", head)
        or last in TAIL_POINTERS
        or unit_code(first) is not None
        or first in ("fiscal", "past")
    )


def range_parts(
    text: str, start: int = 0, joiner: re.Pattern[str] = RANGE_JOIN
) -> list[tuple[int, int]]:
    """Offsets of the pieces of ``text`` between joiners, without "between"/"from"."""
    bounds, position = [], 0
    for join in joiner.finditer(text):
        bounds.append((position, join.start()))
        position = join.end()
    bounds.append((position, len(text)))
    opening = RANGE_OPEN.match(text)
    if opening and bounds[0][0] < opening.end() < bounds[0][1]:
        bounds[0] = (opening.end(), bounds[0][1])
    return [(start + s, start + e) for s, e in bounds if e > s]


def _read_part(
    annotated: AnnotatedDocument, sentence: AnnotatedSentence, start: int, end: int
) -> Timex | None:
    span = sentence.span.doc.char_span(
        start - sentence.offset, end - sentence.offset, alignment_mode="expand"
    )
    if span is None:
        return None
    text = annotated.text[start:end]
    anchor = annotated.clean.date
    before = annotated.text[sentence.start : start]
    tense = clause_tense(span)
    if FUTURE_CUE.search(before) and not pluperfect(span):
        tense = "future"
    elif SPAN_END_CUE.search(before) and tense == "past" and not pluperfect(span):
        tense = None
    reading = _indefinite(span, tense) or normalise(text, anchor, tense)
    if reading is None:
        return None
    if tense == "future" and _counted_from_now(span, reading):
        reading = normalise(f"{text} from now", anchor, tense) or reading
    kind, value = reading
    return Timex(start, end, text, kind, value, sentence.index, is_resolved(value))


def _counted_from_now(span: SpacySpan, reading: tuple[str, str | None]) -> bool:
    """Whether a stated duration after "in" on a future verb says when ("the bonds will be
    redeemed in five years"): the date that far from now, as "five years from now", not the
    duration. After a noun it stays one ("the first rise in five years"), and so do hours and
    minutes, whose clock time the document date does not give."""
    preposition = span.root.head
    return (
        reading[0] == "DURATION"
        and re.fullmatch(r"P\d+[A-Z]+", reading[1] or "") is not None
        and preposition.lower_ == "in"
        and preposition.i == span.start - 1
        and preposition.head.pos_ in ("VERB", "AUX")
    )


def _indefinite(span: SpacySpan, tense: Tense) -> Reading:
    """ "One day" or "someday" just before its verb is an indefinite time, not a duration: "the
    island will one day be a state" -> FUTURE_REF (PAST_REF in a past clause)."""
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if span.text.lower() not in lexicon().of("indefinite") or following is None:
        return None
    if following.pos_ not in ("VERB", "AUX"):
        return None
    return "DATE", "PAST_REF" if tense == "past" else "FUTURE_REF"


def _candidates(text: str, sentence: AnnotatedSentence) -> list[tuple[int, int]]:
    """Document offsets of spaCy DATE/TIME entities, widened or completed by our patterns
    (``text`` is the document text). A pattern that carries an entity on to the right joins it
    ("early Friday" + "Friday morning")."""
    spans = [sentence.char_range(e) for e in sentence.span.ents if e.label_ in ("DATE", "TIME")]
    spans = [_trim(text, s, e) for s, e in spans]
    names = [
        sentence.char_range(e)
        for e in sentence.span.ents
        if e.label_ in NAME_LABELS and not re.fullmatch(ZONE, e.text)
    ]
    for match in patterns().candidates.finditer(text, sentence.start, sentence.end):
        start, end = _trim(text, match.start(), match.end())
        if any(s < end and start < e for s, e in names):
            continue
        overlapping = [s for s in spans if s[0] < end and start < s[1]]
        if all(start <= s and e <= end for s, e in overlapping):
            spans = [s for s in spans if s not in overlapping] + [(start, end)]
        elif min(s for s, _ in overlapping) <= start:
            union = (min(s for s, _ in overlapping), max(end, *(e for _, e in overlapping)))
            spans = [s for s in spans if s not in overlapping] + [union]
    widened = {_widen(text, s, e) for s, e in spans}
    outermost = [s for s in widened if not any(_inside(s, other) for other in widened)]
    spans = _join_neighbours(text, sorted(outermost), _coordinated_units)
    spans = _join_neighbours(text, spans, _part_of_year)
    return _join_neighbours(text, spans, _clock_and_day)


def _inside(span: tuple[int, int], other: tuple[int, int]) -> bool:
    return span != other and other[0] <= span[0] and span[1] <= other[1]


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in "the day before" a day named ("the day before last Tuesday"), and the period
    that a year back names ("the corresponding period last year"): each is one expression."""
    before = DAY_NEXT_BEFORE.search(text, max(0, start - 20), start)
    if before:
        return before.start(), end
    for period in patterns().same_period.finditer(text, max(0, start - 40), end):
        if period.start() < start and period.end() == end:
            return period.start(), end
    return start, end


Offsets = tuple[int, int]


def _join_neighbours(
    text: str, spans: list[Offsets], *joins: Callable[[str, Offsets, Offsets], bool]
) -> list[Offsets]:
    """Spans in order, each merged into the one before it when one of ``joins`` says the two
    make one expression that the tagger cut in two."""
    joined: list[Offsets] = []
    for span in spans:
        if joined and any(join(text, joined[-1], span) for join in joins):
            joined[-1] = (joined[-1][0], span[1])
        else:
            joined.append(span)
    return joined


def _coordinated_units(text: str, previous: Offsets, span: Offsets) -> bool:
    """Units of time in the plural coordinated as one vague span ("weeks or months", "recent
    days and weeks"): TimeML marks them as one expression (read by its first unit, see
    ``normalise``)."""
    first_unit = text[previous[0] : previous[1]].split()[-1]
    second = text[span[0] : span[1]]
    gap = text[previous[1] : span[0]]
    return bool(UNIT_COORDINATION.fullmatch(gap)) and _plural_unit(first_unit, second)


def _plural_unit(*words: str) -> bool:
    """Whether each of the words is one unit of time in the plural ("weeks")."""
    return all(re.fullmatch(r"\w+s", w) and unit_code(w) is not None for w in words)


def _part_of_year(text: str, previous: Offsets, span: Offsets) -> bool:
    """A half or quarter and the year it is "of" ("the first two quarters" + "of" + "1990"):
    together one calendar period (1990-H1). Other runs of months ("the first nine months of
    1997") stay a duration and a year."""
    return (
        text[previous[1] : span[0]] == " of "
        and PART_OF_YEAR.search(text, previous[0], previous[1]) is not None
        and YEAR_NAMED.fullmatch(text, span[0], span[1]) is not None
    )


def _clock_and_day(text: str, previous: Offsets, span: Offsets) -> bool:
    """A clock time and the day next to it: "9 a.m. Tuesday", "Nov. 9 at 5 p.m."."""
    pieces = (text[previous[0] : previous[1]], text[span[0] : span[1]])
    gap = text[previous[1] : span[0]]
    return bool(CLOCK_GAP.fullmatch(gap)) and any(CLOCK.search(p) for p in pieces)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a trailing possessive "'s" from an entity span, and a "before" that opens the
    event it counts from ("10 days before the vote" is the duration "10 days": TimeML leaves
    the signal and its event out of the expression, whose anchor is not the document date)."""
    for suffix in ("'s", "’s", "'"):
        if text[start:end].endswith(suffix) and end - start > len(suffix):
            return start, end - len(suffix)
    signal = SIGNAL_AFTER.search(text, start, end)
    if signal and re.match(r"\s+\w", text[end : end + 2]):
        return start, signal.start()
    return start, end
