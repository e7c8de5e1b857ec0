"""Normalising one expression to its TIMEX3 type and value: the order in which the
readers are tried, the hedges stripped first, sets, clock times and durations.
"""

from __future__ import annotations

import datetime as dt
import re

from thucydides.timex.absolute import (
    read_calendar,
    read_day_of_month,
    read_season,
    read_with_dateparser,
)
from thucydides.timex.lexicon import WIRE_CLOCK, lexicon, patterns
from thucydides.timex.relative import (
    RELATIVE_WORDS,
    read_ago,
    read_bare_unit,
    read_deictic,
    read_holiday,
    read_quarter,
    read_relative_unit,
    read_weekday,
)
from thucydides.timex.tense import Tense
from thucydides.timex.values import (
    Reading,
    clock_value,
    duration_value,
    format_date,
    number_value,
    unit_code,
)

HEDGE = re.compile(
    r"^(?:slightly (?:more|less) than|more than|less than|fewer than|at least|at most|up to"
    r"|well over|close to|upwards of|a full|an additional|approximately|about|around|roughly"
    r"|nearly|almost|some|over|under|only|just|within|for|the|fully|another|barely|in|on|at"
    r"|by|since|until|during|throughout|of|from|through|its|their|his|her|our)\s+",
    re.I,
)
"""Prepositions, determiners and hedges stripped from the front of an expression before it is
read ("approximately one month ago" is read as "one month ago", "its fourth quarter" as
"fourth quarter"); longer alternatives first."""
COORDINATED_UNITS = re.compile(r"(.*?(\w+s))\s+(?:or|and)\s+(?:even\s+)?(\w+s)")
"""Units coordinated as one vague span ("weeks or months"): read by the first, the shortest
it may last."""
EVERY_FEW = re.compile(r"every\s+(\w+(?:[\s-]\w+)?)\s+(\w+s)")
""""every three months": a set whose period is the duration named (P3M)."""
IN_THE_DAY = re.compile(r"(?:earlier|later)\s+in\s+the\s+day")
"""\"Later in the day\": the day of the narrative (see ``narrative``), else the document's."""
THIS_PAST = re.compile(r"^this\s+past\s+")
"""\"this past weekend\" is the past one: read as "past weekend"."""
WEEK_OF = re.compile(r"week of (?P<day>.+)|(?P<holiday>.+) week")
"""\"the week of March 6\", \"Easter week\": the ISO week of that day; the week of a holiday is
the nearest one, as its days lie on both sides of the holiday ("as Easter week began")."""
EXTRA_UNIT = re.compile(r"(?:another|an additional|an extra|one more|a further)\s+(\w+)")
"""One more unit of time is a duration, not the unit the document date is in."""
RANGE_MARKER = re.compile(
    r"^(?:(?:the )?(?:end|beginning|start|middle|rest) of"
    r"|early|late|mid|earlier|later)[\s-]+",
    re.I,
)
"""Words that narrow a date without changing its value at TIMEX3 granularity ("early March")."""
NOT_TIMEX = re.compile(
    r"\b\d+[- ](?:year|month|week|day)s?[- ]old\b|\byears? old\b|^\d{1,3}s?$|^\d{5,}$"
    r"|^(?:annual|annually|quarterly|yearly|olympic|the day|that day|the night"
    r"|night|morning|evening|afternoon)$"
    r"|^(?:(?:nearly|about|almost|roughly|some|by|more than|less than|at least)\s+)?"
    r"(?:a|one|three)[\s-]quarters?$"
    r"|^(?:my|your|his|her|our|their)\s+(?:day|week|month|year)$",
    re.I,
)
"""spaCy DATE/TIME entities that are not time expressions in the TimeML sense: ages, bare
numbers, frequency adjectives, a part of the day on its own, fractions ("by a quarter"), a
person's own span of time ("his year in kindergarten", "their week in Paris"), which is no
calendar unit around the document date."""


CLOCK = re.compile(
    r"(?:\b\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)|\b(?:[01]?\d|2[0-3]):[0-5]\d\b)"
    r"(?:\s+\(?[a-z]{2,4}\)?(?=[\s,]|$))?|\bnoon\b|\bmidnight\b"
    rf"|\b{WIRE_CLOCK}\b",
    re.I,
)
"""A clock time, in twelve hours or in 24 ("14:00 GMT", "0830 GMT"), with its zone."""


DAY_NEXT_TO = re.compile(r"(?:the\s+)?day\s+(before|after)\s+(.+)")


CLOCK_WITH_DAY = re.compile(
    rf"(?P<clock>{CLOCK.pattern})[\s,]+(?:on\s+)?(?P<day>.+)|(?P<day2>.+?)[\s,]+(?:at\s+)?(?P<clock2>{CLOCK.pattern})",
    re.I,
)


def normalise(text: str, anchor: dt.date | None, tense: Tense = None) -> Reading:
    """The TIMEX3 type and value of an expression, or None when it is not a time expression."""
    raw = " ".join(text.lower().replace("’", "'").split()).rstrip(".,;:")
    raw = re.sub(r"'s$", "", raw)
    if NOT_TIMEX.search(raw):
        return None
    lex = lexicon()
    if raw in lex.of("ref"):
        return "DATE", lex.of("ref")[raw]
    if IN_THE_DAY.fullmatch(raw):
        return "DATE", anchor.isoformat() if anchor else None
    core = strip_hedges(raw)
    if core in lex.of("ref"):
        return "DATE", lex.of("ref")[core]
    if core in lex.of("duration"):
        return "DURATION", lex.of("duration")[core]
    same_period = patterns().same_period.fullmatch(core)
    if same_period:
        return normalise(same_period.group(1), anchor, tense)
    coordinated = COORDINATED_UNITS.fullmatch(core)
    if coordinated and all(unit_code(coordinated.group(g)) for g in (2, 3)):
        return normalise(coordinated.group(1), anchor, tense)
    clock = _read_clock_with_day(core, anchor, tense) or _read_day_next_to(core, anchor, tense)
    if clock is not None:
        return clock
    result = _read_set(core) or _read_time(core, anchor)
    if result is not None:
        return result
    week_of = _read_week_of(core, anchor, tense)
    if week_of is not None:
        return week_of
    extra = EXTRA_UNIT.fullmatch(raw)
    if extra and (extra_unit := unit_code(extra.group(1))):
        return "DURATION", duration_value(1, extra_unit)
    date_core = _with_half(strip_hedges(RANGE_MARKER.sub("", core)))
    date_core = THIS_PAST.sub("past ", patterns().article_before_date.sub("", date_core))
    owner = re.match(r"(this|last|next) year's\s+", date_core)
    if owner and anchor is not None:
        anchor = anchor.replace(year=anchor.year + RELATIVE_WORDS[owner.group(1)], day=1)
        date_core = date_core[owner.end() :]
    for date_reader in (
        read_ago,
        read_deictic,
        read_relative_unit,
        read_bare_unit,
        read_weekday,
        read_holiday,
        read_quarter,
        read_season,
        read_calendar,
        read_day_of_month,
    ):
        date_result = date_reader(date_core, anchor, tense)
        if date_result is not None:
            return date_result
    duration = _read_amount_range(core) or _read_duration(core)
    if duration is not None:
        return "DURATION", duration
    return read_with_dateparser(date_core, anchor, tense)


def _read_week_of(text: str, anchor: dt.date | None, tense: Tense) -> Reading:
    match = WEEK_OF.fullmatch(text)
    if not match:
        return None
    if match.group("day"):
        day = normalise(match.group("day"), anchor, tense)
    elif match.group("holiday") in lexicon().of("holiday"):
        day = normalise(match.group("holiday"), anchor, None)
    else:
        return None
    if day is None or not day[1] or not re.fullmatch(r"\d{4}-\d\d-\d\d", day[1]):
        return None
    return "DATE", format_date(dt.date.fromisoformat(day[1]), "W")


def strip_hedges(text: str) -> str:
    previous = None
    while previous != text:
        previous, text = text, HEDGE.sub("", text)
    return text


def _read_set(text: str) -> Reading:
    lex = lexicon()
    if text in lex.of("set"):
        return "SET", lex.of("set")[text]
    every_few = EVERY_FEW.fullmatch(text)
    if every_few and (unit := unit_code(every_few.group(2))):
        return "SET", duration_value(number_value(every_few.group(1)), unit)
    match = re.fullmatch(r"(?:every|each|per)\s+(?:other\s+)?([\w.]+)", text)
    if match:
        word = match.group(1)
        if word in lex.of("weekday"):
            return "SET", f"XXXX-WXX-{int(lex.of('weekday')[word]) + 1}"
        if word in lex.of("daypart"):
            return "SET", f"TXX{lex.of('daypart')[word]}"
        if word in lex.of("month"):
            return "SET", f"XXXX-{int(lex.of('month')[word]):02d}"
        if word in lex.of("season"):
            return "SET", f"XXXX-{lex.of('season')[word]}"
        unit = unit_code(word)
        if unit:
            return "SET", duration_value(2 if "other" in text else 1, unit)
    match = patterns().times.fullmatch(text)
    if match:
        unit = unit_code(match.group(1))
        if unit:
            return "SET", duration_value(1, unit)
    return None


def _read_time(text: str, anchor: dt.date | None) -> Reading:
    """A clock time on the document's day: "10:30 a.m." -> 2025-03-17T10:30."""
    clock = clock_value(text)
    if clock is None:
        return None
    return "TIME", f"{anchor.isoformat() if anchor else 'XXXX-XX-XX'}{clock}"


def _read_clock_with_day(text: str, anchor: dt.date | None, tense: Tense) -> Reading:
    """ "9 a.m. Tuesday" -> 2025-03-18T09:00: a clock time on the day the rest names."""
    match = CLOCK_WITH_DAY.fullmatch(text)
    if not match:
        return None
    clock = clock_value(match.group("clock") or match.group("clock2"))
    day = normalise(match.group("day") or match.group("day2"), anchor, tense)
    day_value = day[1] if day is not None else None
    if clock is None or day_value is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", day_value):
        return None
    return "TIME", f"{day_value}{clock}"


def _read_day_next_to(text: str, anchor: dt.date | None, tense: Tense) -> Reading:
    """ "the day before yesterday", "the day after Christmas": the day next to the one named."""
    match = DAY_NEXT_TO.fullmatch(text)
    if not match:
        return None
    day = normalise(match.group(2), anchor, tense)
    if day is None or day[1] is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", day[1]):
        return None
    step = dt.timedelta(days=1 if match.group(1) == "after" else -1)
    return "DATE", (dt.date.fromisoformat(day[1]) + step).isoformat()


def _with_half(text: str) -> str:
    """A duration with a half written as a decimal amount: "two and a half years" -> "2.5
    years"."""
    match = patterns().half.search(text)
    if not match:
        return text
    amount = number_value(match.group("amount") or match.group("amount2"))
    if amount is None:
        return text
    decimal = f"{amount + 0.5:g} {match.group('unit') or match.group('unit2')}"
    return text[: match.start()] + decimal + text[match.end() :]


def _read_amount_range(text: str) -> str | None:
    """ "two to three weeks" -> PXW: a duration between two amounts, whose amount is not known."""
    match = patterns().amount_range.fullmatch(text)
    unit = unit_code(match.group(1)) if match else None
    return duration_value(None, unit) if unit else None


def _read_duration(text: str) -> str | None:
    """ "six hours" -> PT6H, "three-year" -> P3Y, "several months" -> PXM, "decades" -> PXDE."""
    p = patterns()
    text = re.sub(
        r"^(?:the\s+)?(?:past|last|next|first|coming|previous|latest|final|other|recent)\s+",
        "",
        text,
    )
    text = re.sub(r"\s+(?:long|old|running|straight|in a row|or so|more|ago|ahead)$", "", text)
    text = p.article.sub("", _with_half(text))
    match = p.duration.fullmatch(text)
    if not match:
        return None
    unit = unit_code(match.group(2))
    if unit is None:
        return None
    if match.group(1) is None:
        if not match.group(2).endswith("s"):
            return None
        return duration_value(None, unit)
    amount = number_value(match.group(1))
    if amount is not None and amount >= 1000:
        return None
    return duration_value(amount, unit)
