"""Readers of calendar dates: seasons, month-and-day dates ("June 28, 2019", "28 June",
"March"), years and decades, and the ``dateparser`` fallback for unusual formats.
"""

from __future__ import annotations

import datetime as dt
import re

import dateparser

from thucydides.timex.lexicon import lexicon, patterns
from thucydides.timex.relative import RELATIVE_WORDS
from thucydides.timex.tense import Tense
from thucydides.timex.values import (
    Reading,
    format_date,
    nearest_day,
    spoken_ordinal,
    spoken_year,
)


def read_season(text: str, anchor: dt.date | None, tense: Tense) -> Reading:
    """ "last spring" is the spring of the year before; "(this) past spring" the last one to
    have begun before the document date."""
    lex = lexicon()
    match = re.fullmatch(r"(?:(last|this|next|past|coming)\s+)?(\w+)(?:,?\s+(?:of\s+)?(.+))?", text)
    if not match or match.group(2) not in lex.of("season"):
        return None
    code = lex.of("season")[match.group(2)]
    if match.group(3):
        stated = _read_year(match.group(3), anchor)
        if stated is None or stated[1] is None or not re.fullmatch(r"\d{4}", stated[1]):
            return None
        return "DATE", f"{stated[1]}-{code}"
    if anchor is None:
        return "DATE", None
    if match.group(1) == "past":
        started = int(lex.of("season_start")[code]) < anchor.month
        return "DATE", f"{anchor.year - (0 if started else 1):04d}-{code}"
    year = anchor.year + {"last": -1, "next": 1, "coming": 1}.get(match.group(1) or "", 0)
    return "DATE", f"{year:04d}-{code}"


ORDINAL_SUFFIX = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")
DAY_OF_MONTH = re.compile(r"(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)")


def read_day_of_month(text: str, anchor: dt.date | None, tense: Tense) -> Reading:
    """A day named by its ordinal alone ("on the 18th"): that day of the document's month, or
    of the month before or after when the tense points there."""
    match = DAY_OF_MONTH.fullmatch(text)
    if not match or not 1 <= int(match.group(1)) <= 31:
        return None
    if anchor is None:
        return "DATE", f"XXXX-XX-{int(match.group(1)):02d}"
    days = []
    for step in (-2, -1, 0, 1, 2):
        month_index = anchor.year * 12 + anchor.month - 1 + step
        try:
            days.append(dt.date(month_index // 12, month_index % 12 + 1, int(match.group(1))))
        except ValueError:
            continue
    return "DATE", nearest_day(days, anchor, tense).isoformat()
YEAR_WORD = re.compile(r"(.+?),?\s+(this|last|next) year")
"""A date whose year is given relative to the document's: "June last year"."""


def read_calendar(text: str, anchor: dt.date | None, tense: Tense) -> Reading:
    """Absolute and month-based dates: "June 28, 2019", "28 June", "March 2024", "1990s"."""
    months = lexicon().of("month")
    p = patterns()
    text = _spoken_in_digits(ORDINAL_SUFFIX.sub(r"\1", text))
    text = p.weekday_before_date.sub("", text)
    modifier = None
    relative = p.relative_month.fullmatch(text)
    if relative:
        modifier, text = relative.group(1), relative.group(2)
    year_word = YEAR_WORD.fullmatch(text)
    if year_word and anchor is not None:
        anchor = anchor.replace(year=anchor.year + RELATIVE_WORDS[year_word.group(2)], day=1)
        text, modifier = year_word.group(1), "this"
    for regex, granularity in patterns().calendar:
        match = regex.fullmatch(text)
        if match is None:
            continue
        month = int(months[match.group("m")])
        day = int(match.group("d")) if "d" in match.groupdict() else 1
        if "y" in match.groupdict():
            return "DATE", _format_ymd(int(match.group("y")), month, day, granularity)
        if anchor is None:
            return "DATE", f"XXXX-{month:02d}" + (f"-{day:02d}" if granularity == "D" else "")
        wanted: Tense = tense
        if modifier in ("next", "coming"):
            wanted = "future"
        elif modifier in ("last", "past"):
            wanted = "past"
        slack = 0 if modifier in ("next", "coming", "last", "past") else SLACK_DAYS
        year = (
            anchor.year
            if modifier == "this"
            else _year_for(anchor, month, day, granularity, wanted, slack)
        )
        return "DATE", _format_ymd(year, month, day, granularity)
    return _read_year(text, anchor)


def _spoken_in_digits(text: str) -> str:
    """A month's spoken day and year in digits: "march eighth" -> "march 8", "january nineteen
    ninety-seven" -> "january, 1997", "may twenty-first, two thousand" -> "may 21, 2000"."""
    match = re.fullmatch(rf"(.*?\b(?:{patterns().month}))\s+([a-z][a-z\s,-]*)", text)
    if not match:
        return text
    head, words = match.group(1), match.group(2).replace(",", " ").split()
    for split in (2, 1, 0):
        day = spoken_ordinal(" ".join(words[:split])) if split else None
        rest = " ".join(words[split:])
        year = spoken_year(rest) if rest else None
        if (split and day is None) or (rest and year is None) or not (day or year):
            continue
        return head + (f" {day}" if day else "") + (f", {year}" if year else "")
    return text


def _format_ymd(year: int, month: int, day: int, granularity: str) -> str | None:
    try:
        moment = dt.date(year, month, day)
    except ValueError:
        return None
    return format_date(moment, granularity)


SLACK_DAYS = 60
"""How far a named month or day may lie on the "wrong" side of the document date before the
tense moves it to another year: tense is read from the parse and often wrong, and a stated date
a few weeks ahead of a past-tense verb is usually this year's ("payable Nov. 10")."""


def _year_for(
    anchor: dt.date, month: int, day: int, granularity: str, tense: Tense, slack: int = SLACK_DAYS
) -> int:
    """The year that puts a month (and day) nearest the anchor in the direction of the tense;
    ``slack`` 0 means strictly before or after ("last December", "next March")."""
    if granularity == "M" and month == anchor.month:
        return anchor.year + ({"past": -1, "future": 1}.get(tense or "", 0) if not slack else 0)
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(dt.date(year, month, min(day, 28) if granularity == "M" else day))
        except ValueError:
            continue
    if not candidates:
        return anchor.year
    same_year = [d for d in candidates if d.year == anchor.year]
    if same_year:
        days = (same_year[0] - anchor).days
        limit = {"past": (-366, slack), "future": (-slack, 366)}.get(tense or "", (-183, 183))
        if limit[0] <= days <= limit[1]:
            return anchor.year
    if tense is None:
        return min(candidates, key=lambda d: abs((d - anchor).days)).year
    return nearest_day(candidates, anchor, tense).year


def _read_year(text: str, anchor: dt.date | None) -> Reading:
    match = re.fullmatch(r"(?:(?:fiscal|calendar|the year|year|model year)\s+)?(\d{4})", text)
    if match and 1000 <= int(match.group(1)) <= 2199:
        return "DATE", match.group(1)
    spoken = spoken_year(text)
    if spoken is not None:
        return "DATE", f"{spoken:04d}"
    match = re.fullmatch(r"(?:the\s+)?(?:nineteen[\s-])?(\w+)", text)
    if match and match.group(1) in lexicon().of("decade"):
        return "DATE", f"19{lexicon().of('decade')[match.group(1)]}"
    match = re.fullmatch(r"(?:fiscal\s+)?'(\d\d)", text)
    if match:
        century = 1900 if int(match.group(1)) > 30 else 2000
        return "DATE", str(century + int(match.group(1)))
    match = re.fullmatch(r"(?:the\s+)?(\d{3})0'?s", text)
    if match:
        return "DATE", match.group(1)
    match = re.fullmatch(r"(?:the\s+)?'?(\d)0'?s", text)
    if match:
        return "DATE", f"19{match.group(1)}"
    match = re.fullmatch(r"(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+century", text)
    if match:
        return "DATE", f"{int(match.group(1)) - 1:02d}"
    match = re.fullmatch(r"(\d{4})\s*(?:-|–|to|and|through)\s*(?:\d{2}|\d{4})", text)
    if match:
        return "DATE", match.group(1)
    return None


def read_with_dateparser(text: str, anchor: dt.date | None, tense: Tense) -> Reading:
    """Fallback for absolute dates in unusual formats ("2019-06-28", "28/06/2019"); only with
    a four-digit year in the text, so that dateparser never guesses one."""
    if not patterns().absolute.search(text):
        return None
    settings: dict[str, object] = {"PREFER_DATES_FROM": tense or "past", "REQUIRE_PARTS": ["year"]}
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(anchor, dt.time())
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    if parsed is None:
        return None
    granularity = "D" if re.search(r"\b\d{1,2}\b", text) else "M"
    return "DATE", format_date(parsed.date(), granularity)
