"""The second pass over a document's expressions: values that depend on the narrative
rather than the document date (anaphoric "that year", the quarter a financial report
is about, "a year earlier" next to a quarter, "the year ended Sept. 30").
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise

from thucydides.model import Timex
from thucydides.timex.lexicon import lexicon, patterns
from thucydides.timex.normalise import CLOCK, strip_hedges
from thucydides.timex.relative import WEEKDAY_MODIFIERS
from thucydides.timex.values import format_date, is_resolved, nearest_weekday, shift

YEAR_BACK = re.compile(
    r"(?:the\s+)?(?:a|one)[\s-]year[\s-](?:ago|earlier|before)(?:\s+(?:period|quarter|level|results))?"
    r"|(?:the\s+)?year[\s-](?:ago|earlier)(?:\s+(?:period|quarter|level|results))?"
    r"|(?:the\s+)?year[\s-](?:ago|earlier)"
)


FISCAL_YEAR = re.compile(r"(?:the\s+)?(?:fiscal\s+)?year")
ENDED_AFTER = re.compile(r"\s+(?:ended|ending|ends|that ended|that ends)\b", re.I)
"""\"the year ended Sept. 30\": in TimeBank the year is the twelve-month span (P1Y) that the
separate end date closes, not a calendar year."""
CLOSED_BY = re.compile(r"\s+(?:that\s+)?(?:ended|ending|ends)\s+", re.I)
"""What joins a period to the date that closes it ("the second quarter ended Oct. 31")."""
APPOSITION = re.compile(r"\s*,\s*")
"""What lies between an expression and another in apposition to it ("the year-ago quarter,
the second quarter")."""
YEAR_PERIOD = re.compile(r"(?:the\s+)?(\d{4})\s+(?:period|quarter)")
YEAR_PERIOD_AFTER = re.compile(r"\s+(?:period|quarter)\b", re.I)
"""\"the 1988 period\" in a quarterly report: the quarter under report, in that year."""
QUARTER_ALONE = re.compile(r"(?:the\s+)?quarter")
REPORTED_QUARTER = re.compile(r"(?:the\s+)?(?:latest\s+)?(?:quarter|period)")
ANAPHORIC = re.compile(
    r"(?:(?:earlier|later|early|late)\s+)?(?:(?:in|on|during|by)\s+)?"
    r"(?P<rel>that|the same|that same|the following|(?<=in )the(?= day)"
    r"|the previous|the preceding|the next)\s+(?P<unit>day|morning|week|month|year|quarter)"
)
"""Expressions whose reference time is the last date of the narrative, not the document date
(TimeML anchors them to it): "that year", "the following month", "later in the day". "The
next" counts only for a day ("the next morning"): "the next year" is as often "next year" or a
duration."""
ANAPHORIC_STEP = {"that": 0, "the same": 0, "that same": 0, "the following": 1, "the next": 1}
ANAPHORIC_STEP |= {"the": 0}
ANAPHORIC_STEP |= {"the previous": -1, "the preceding": -1}
ANAPHORIC_GRANULARITY = {"day": "D", "morning": "D", "week": "W", "month": "M", "year": "Y"}
ANAPHORIC_GRANULARITY |= {"quarter": "Q"}
VALUE_GRANULARITY = (
    (re.compile(r"\d{4}-\d\d-\d\d"), "D"),
    (re.compile(r"\d{4}-W\d\d"), "W"),
    (re.compile(r"\d{4}-\d\d"), "M"),
    (re.compile(r"\d{4}-Q\d"), "Q"),
    (re.compile(r"\d{4}"), "Y"),
)
"""Granularities a value can anchor, finest first: a day anchors "that year" but a year does
not anchor "that day"."""
FINER = {"D": "DWMQY", "W": "WMQY", "M": "MQY", "Q": "QY", "Y": "Y"}


def anchor_to_narrative(text: str, timexes: list[Timex]) -> None:
    """Values that depend on the text around an expression rather than the document date:
    the fiscal year that a date closes, the quarter a financial report is about, and anaphoric
    expressions anchored to the last date of the narrative; a clock time alone ("at 10 p.m.") is
    on the last day the narrative named, as TimeML anchors it to the reference time."""
    reference: Timex | None = None
    quarters: list[str] = []
    period: str | None = None  # the last span a report named: "Q3", or a run of months "P9M"
    day: str | None = None  # the last day named, the day of a clock time that names none
    for timex in timexes:
        lower = strip_hedges(timex.text.lower())
        after = text[timex.end : timex.end + 20]
        if FISCAL_YEAR.fullmatch(lower) and ENDED_AFTER.match(after):
            timex.type, timex.value = "DURATION", "P1Y"
        elif _year_back(lower) and period and period.startswith("Q"):
            if timex.value and re.fullmatch(r"\d{4}", timex.value):
                timex.value = f"{timex.value}-{quarters[0][5:]}"
        elif quarters and period and period.startswith("Q"):
            _reported_quarter(timex, lower, after, quarters[0])
        if day is not None:
            _weekday_from_story_day(timex, lower, dt.date.fromisoformat(day))
        if CLOCK.fullmatch(lower) and day is not None and timex.value and "T" in timex.value:
            timex.value = day + timex.value[timex.value.index("T") :]
        anaphor = ANAPHORIC.fullmatch(timex.text.lower())
        if anaphor and anaphor.group("unit") == "quarter" and quarters:
            timex.value = quarters[-1]
        elif anaphor and reference is not None:
            _resolve_anaphor(timex, anaphor, reference)
        timex.resolved = is_resolved(timex.value)
        if timex.value and re.fullmatch(r"\d{4}-Q\d", timex.value):
            quarters.append(timex.value)
            period = timex.value[5:]
        elif timex.value and re.fullmatch(r"P\d+M", timex.value):
            period = timex.value
        if timex.type in ("DATE", "TIME") and _granularity(timex.value) and timex.resolved:
            reference = timex
            if timex.value and _granularity(timex.value) == "D":
                day = timex.value[:10]


def _weekday_from_story_day(timex: Timex, lower: str, day: dt.date) -> None:
    """ "The previous Friday", "the following Monday": counted from the last day the story
    named, not from the document date ("closed Friday at 2,082, down from the previous
    Friday")."""
    match = re.fullmatch(r"(?:the\s+)?(previous|preceding|following)\s+(\w+)", lower)
    weekdays = lexicon().of("weekday")
    if match and match.group(2) in weekdays:
        tense = WEEKDAY_MODIFIERS[match.group(1)]
        moved = nearest_weekday(day, int(weekdays[match.group(2)]), tense, strict=True)
        timex.value = moved.isoformat()


def close_quarters(text: str, timexes: list[Timex]) -> None:
    """ "the quarter ended July 31", before any quarter has been named: the calendar quarter
    holding most of the three months the date closes (May-July -> Q2). Once a report has
    named its quarter ("the fiscal first quarter"), that one is meant (see
    ``_reported_quarter``)."""
    for timex, following in pairwise(timexes):
        alone = QUARTER_ALONE.fullmatch(strip_hedges(timex.text.lower()))
        if not alone and "quarter" in timex.text.lower() and _granularity(timex.value) == "Q":
            return
        gap = text[timex.end : following.start]
        end = following.value or ""
        if alone and len(gap) < 20 and ENDED_AFTER.match(gap) and _granularity(end) == "D":
            middle = dt.date.fromisoformat(end[:10]) - dt.timedelta(days=45)
            timex.value = format_date(middle, "Q")


def _reported_quarter(timex: Timex, lower: str, after: str, first: str) -> None:
    """ "the 1988 period", "the quarter", "the latest period" in a report on a quarter: the
    quarter the report is about, which it names first."""
    if re.fullmatch(r"\d{4}", lower) and YEAR_PERIOD_AFTER.match(after):
        timex.value = f"{lower}-{first[5:]}"
    elif (year := YEAR_PERIOD.fullmatch(lower)) is not None:
        timex.value = f"{year.group(1)}-{first[5:]}"
    elif REPORTED_QUARTER.fullmatch(lower):
        timex.value = first


def _granularity(value: str | None) -> str | None:
    for pattern, granularity in VALUE_GRANULARITY:
        if value and pattern.match(value):
            return granularity
    return None


def _resolve_anaphor(timex: Timex, anaphor: re.Match[str], reference: Timex) -> None:
    """ "the following year" after "May 22, 1995" -> 1996; "that day" needs a day to refer to."""
    wanted = ANAPHORIC_GRANULARITY[anaphor.group("unit")]
    step = ANAPHORIC_STEP[anaphor.group("rel")]
    if anaphor.group("rel") == "the next" and wanted != "D":
        return
    have = _granularity(reference.value)
    if have is None or wanted not in FINER[have]:
        return
    day = _value_start(reference.value or "")
    if day is None:
        return
    moved, _ = shift(day, step, wanted)
    timex.type, timex.value = "DATE", format_date(moved, wanted)


def _value_start(value: str) -> dt.date | None:
    """The first day of a TIMEX3 date value ("1995-W20" -> its Monday, "1995-Q2" -> April 1)."""
    week = re.match(r"(\d{4})-W(\d\d)", value)
    quarter = re.match(r"(\d{4})-Q(\d)", value)
    parts = re.match(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?", value)
    try:
        if week:
            return dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        if quarter:
            return dt.date(int(quarter.group(1)), 3 * int(quarter.group(2)) - 2, 1)
        if parts:
            return dt.date(int(parts.group(1)), int(parts.group(2) or 1), int(parts.group(3) or 1))
    except ValueError:
        return None
    return None


def year_back_to_quarter(text: str, timexes: list[Timex]) -> None:
    """ "A year earlier" after a quarter is that quarter a year before (financial reports:
    "profit rose in the third quarter from a year earlier" -> 1988-Q3). A quarter named later
    with its year ("year-ago results included a charge in the 1988 second quarter") is the
    year-ago period itself, not the one to go back from; a quarter in apposition to it ("the
    year-ago quarter, the second quarter ended Oct. 31") is that same period (see
    ``_apposition_year_back``)."""
    year_back = [_year_back(t.text.lower()) for t in timexes]
    references = [t for t, back in zip(timexes, year_back, strict=True) if not back]
    for timex, back in zip(timexes, year_back, strict=True):
        if not back:
            continue
        before = reversed(
            [t for t in references if t.start < timex.start and timex.sentence - t.sentence <= 1]
        )
        after = (
            t
            for t in references
            if t.start > timex.start
            and t.sentence == timex.sentence
            and not re.search(r"\d{4}", t.text)
        )
        for other in (*before, *after):
            quarter = re.fullmatch(r"(\d{4})-Q(\d)", other.value or "")
            if quarter:
                timex.value = f"{int(quarter.group(1)) - 1:04d}-Q{quarter.group(2)}"
                _apposition_year_back(text, timexes, timex, other)
                break


def _year_back(lower: str) -> bool:
    """Whether an expression names a time a year back ("a year earlier", "the year-ago
    quarter", "the corresponding period last year")."""
    return bool(YEAR_BACK.fullmatch(lower) or patterns().same_period.fullmatch(lower))


def _apposition_year_back(text: str, timexes: list[Timex], back: Timex, other: Timex) -> None:
    """A quarter right after a year-back one, set off by a comma, names the same period, so it
    is in the year before too; so is the date that closes it ("the year-ago quarter, the
    second quarter ended Oct. 31" -> 1988-Q2, 1988-10-31), unless the date states its year."""
    if other.start < back.end or not APPOSITION.fullmatch(text[back.end : other.start]):
        return
    other.value = back.value
    closing = next((t for t in timexes if t.start >= other.end), None)
    if closing is None or not CLOSED_BY.fullmatch(text[other.end : closing.start]):
        return
    day = re.fullmatch(r"(\d{4})(-\d\d-\d\d)", closing.value or "")
    if day and not re.search(r"\d{4}", closing.text):
        closing.value = f"{int(day.group(1)) - 1:04d}{day.group(2)}"
