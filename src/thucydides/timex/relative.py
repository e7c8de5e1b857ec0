"""Readers of expressions relative to the document date: "three years ago", "last
week", "the year", "tomorrow", weekdays, holidays and quarters.
"""

from __future__ import annotations

import datetime as dt
import re

from thucydides.timex.lexicon import lexicon, patterns
from thucydides.timex.tense import Tense
from thucydides.timex.values import (
    Reading,
    duration_value,
    format_date,
    holiday_date,
    nearest_day,
    nearest_weekday,
    number_value,
    shift,
    unit_code,
    weekend,
)


def read_ago(text: str, anchor: dt.date | None, tense: Tense) -> Reading:
    """ "three years ago" -> 2022. "Three days later" counts from an event of the text, not
    from the document date: TimeML annotates it as the duration it states."""
    match = patterns().ago.fullmatch(text)
    if not match:
        return None
    amount, unit = number_value(match.group(1)), unit_code(match.group(2))
    if unit is None:
        return None
    if match.group(3) == "later":
        return "DURATION", duration_value(amount, unit)
    if anchor is None:
        return "DATE", None
    sign = 1 if match.group(3) in ("from now", "hence") else -1
    if amount is None:
        return "DATE", "FUTURE_REF" if sign > 0 else "PAST_REF"
    if unit in ("H", "MIN", "S"):
        return "DATE", anchor.isoformat()
    try:
        day, granularity = shift(anchor, round(sign * amount), unit)
    except (ValueError, OverflowError):
        return "DATE", None
    return "DATE", format_date(day, granularity)


PAST_SPAN_UNITS = {"D", "10Y", "100Y", "1000Y"}
"""Units for which "the past ..." is a span up to now (TimeBank: "the past decade" P10Y); with
other units it is the previous one, like "last" ("over the past year" -> the year before)."""
RELATIVE_WORDS = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}
RELATIVE_WORDS |= {"this": 0, "current": 0, "present": 0, "that": 0, "same": 0}
"""How many units a word moves from the document date ("last week" -> -1)."""


def read_relative_unit(text: str, anchor: dt.date | None, tense: Tense) -> Reading:
    match = re.fullmatch(
        r"(last|past|previous|next|coming|following|this|current|that)\s+(\w+)", text
    )
    if not match:
        return None
    unit = unit_code(match.group(2))
    if unit is None or unit in ("H", "MIN", "S") or match.group(2).endswith("s"):
        return None
    if match.group(1) == "past" and unit in PAST_SPAN_UNITS:
        return "DURATION", duration_value(1, unit)
    if anchor is None:
        return "DATE", None
    if match.group(1) == "that":
        return "DATE", None
    offset = RELATIVE_WORDS[match.group(1)]
    if unit in ("10Y", "100Y"):
        digits = 3 if unit == "10Y" else 2
        return "DATE", str(anchor.year // 10 ** (4 - digits) + offset)
    if unit == "WE":
        ahead = offset > 0 or (offset == 0 and tense != "past")
        return "DATE", format_date(weekend(anchor, ahead), "WE")
    day, granularity = shift(anchor, offset, unit)
    return "DATE", format_date(day, granularity)


BARE_UNIT = re.compile(
    r"(?:current\s+)?"
    r"(?:(?P<mod>year-earlier|year-ago|year earlier|full|fiscal|calendar|same|whole|entire)[\s-]+)?"
    r"(?P<unit>year|month|week|weekend|period|quarter)|(?P<alone>year-earlier|year-ago)"
)


def read_bare_unit(text: str, anchor: dt.date | None, tense: Tense) -> Reading:
    """ "(the) year", "the week", "the year-earlier period": the unit the document date is in."""
    match = BARE_UNIT.fullmatch(text)
    if not match:
        return None
    if anchor is None:
        return "DATE", None
    modifier, unit = match.group("mod") or match.group("alone") or "", match.group("unit") or "year"
    if modifier.startswith("year"):
        return "DATE", f"{anchor.year - 1:04d}"
    if unit in ("period", "quarter"):
        return None
    if unit == "weekend":
        return "DATE", format_date(weekend(anchor, tense == "future"), "WE")
    return "DATE", format_date(anchor, {"year": "Y", "month": "M", "week": "W"}[unit])


def _split_part(text: str) -> tuple[str, str | None]:
    """A day and the part of it named before or after: "yesterday afternoon" and
    "mid-afternoon yesterday" -> ("yesterday", "AF")."""
    parts = lexicon().of("daypart")
    for part in sorted(parts, key=len, reverse=True):
        if text.endswith(" " + part):
            return text[: -len(part) - 1], parts[part]
        if text.startswith(part + " "):
            return text[len(part) + 1 :], parts[part]
    return text, None


def read_deictic(text: str, anchor: dt.date | None, tense: Tense) -> Reading:
    lex = lexicon()
    day_text, part = _split_part(text)
    words = day_text.split()
    if part and words in (["this"], ["last"]):
        words = ["today" if words[0] == "this" else "yesterday"]
    if len(words) != 1 or words[0] not in lex.of("deictic_day"):
        return None
    if anchor is None:
        return "DATE", None
    day = anchor + dt.timedelta(days=int(lex.of("deictic_day")[words[0]]))
    part = part or ("NI" if words[0] == "tonight" else None)
    return ("TIME", f"{day.isoformat()}T{part}") if part else ("DATE", day.isoformat())


PLURAL_PART = re.compile(r"\b(morning|afternoon|evening|night)s\b")
"""A part of the day in the plural, which makes a weekday a set ("Tuesday nights")."""


WEEKDAY_MODIFIERS: dict[str, Tense] = {"last": "past", "past": "past", "previous": "past"}
WEEKDAY_MODIFIERS |= {"preceding": "past", "next": "future", "coming": "future"}
WEEKDAY_MODIFIERS |= {"following": "future"}
"""Words before a day name that fix its direction, strictly ("last Monday" written on a
Monday is a week before; "this Monday" leaves it to the tense). "The previous/following
Friday" is counted from the day the story is on (see ``narrative``), here from the document
date."""


def read_weekday(text: str, anchor: dt.date | None, tense: Tense) -> Reading:
    """ "Tuesday" -> the Tuesday nearest the anchor in the direction of the tense."""
    lex = lexicon()
    weekly = _read_weekly(text)
    if weekly is not None:
        return weekly
    day_text, part = _split_part(text.replace(",", ""))
    words = day_text.split()
    if words and words[0] == "this":
        words.pop(0)
    modifier = words.pop(0) if words and words[0] in WEEKDAY_MODIFIERS else None
    if len(words) != 1 or words[0] not in lex.of("weekday"):
        return None
    weekday = int(lex.of("weekday")[words[0]])
    if anchor is None:
        return "DATE", f"XXXX-WXX-{weekday + 1}"
    if modifier is not None:
        tense = WEEKDAY_MODIFIERS[modifier]
    day = nearest_weekday(anchor, weekday, tense, modifier is not None)
    return ("TIME", f"{day.isoformat()}T{part}") if part else ("DATE", day.isoformat())


def _read_weekly(text: str) -> Reading:
    """ "Tuesdays" and "Tuesday nights" are every such day: XXXX-WXX-2, XXXX-WXX-2TNI."""
    weekdays = lexicon().of("weekday")
    singular, plural_parts = PLURAL_PART.subn(r"\1", text.replace(",", ""))
    day_text, part = _split_part(singular)
    if day_text.endswith("s") and day_text[:-1] in weekdays:
        day_text, plural_parts = day_text[:-1], 1
    if not plural_parts or day_text not in weekdays:
        return None
    return "SET", f"XXXX-WXX-{int(weekdays[day_text]) + 1}" + (f"T{part}" if part else "")


def read_holiday(text: str, anchor: dt.date | None, tense: Tense) -> Reading:
    lex = lexicon()
    words = text.split()
    modifier = words.pop(0) if words and words[0] in ("last", "next", "this") else None
    name = " ".join(words)
    year_match = re.fullmatch(r"(.+?),?\s+(\d{4})", name)
    year = int(year_match.group(2)) if year_match else None
    if year_match:
        name = year_match.group(1)
    if name not in lex.of("holiday"):
        return None
    rule = lex.of("holiday")[name]
    if year is not None:
        return "DATE", holiday_date(rule, year).isoformat()
    if anchor is None:
        return "DATE", None
    days = [holiday_date(rule, y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    wanted = "future" if modifier == "next" else "past" if modifier == "last" else tense
    return "DATE", nearest_day(days, anchor, wanted).isoformat()


QUARTER = re.compile(
    r"(?:(?P<rel>last|this|next|latest|current|year-earlier|year-ago|comparable|fiscal|the)[\s-]+)*"
    r"(?:(?P<stated>\d{4})\s+)?"
    r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|latest|last)?[\s-]*"
    r"(?P<unit>quarter|half)s?(?:\s+of)?(?:\s+(?:fiscal\s+)?(?P<year>\d{4}))?"
)


OF_RELATIVE_YEAR = re.compile(r"\s+of\s+(the|this|last|next)\s+year$")
"""A quarter or half of a year named relative to the document's ("the second half of next
year"); "the year" is the document's."""


def _year_stated(text: str, anchor: dt.date | None) -> str:
    """ "the first half of next year" written in 2025 -> "the first half of 2026"."""
    relative = OF_RELATIVE_YEAR.search(text)
    if relative is None or anchor is None:
        return text
    year = anchor.year + RELATIVE_WORDS.get(relative.group(1), 0)
    return f"{text[: relative.start()]} of {year:04d}"


TWO_QUARTERS_OF = re.compile(r"\b(first|second|last|final)\s+two\s+quarters(?=\s+of\s)")
"""Two quarters of a named year that make one of its halves: "the first two quarters of 1990"
is 1990-H1. Without the year ("in the first two quarters") they are a duration."""


def read_quarter(text: str, anchor: dt.date | None, tense: Tense) -> Reading:
    text = TWO_QUARTERS_OF.sub(r"\1 half", _year_stated(text, anchor))
    match = QUARTER.fullmatch(text)
    if not match:
        return None
    stated = match.group("year") or match.group("stated")
    year = int(stated) if stated else (anchor.year if anchor else None)
    ordinal = match.group("ord")
    if match.group("stated") and ordinal is None:
        return ("DATE", f"{stated}-QX") if match.group("unit") == "quarter" else None
    rel = re.findall(
        r"year-earlier|year-ago|latest|last|next|this|current", text.split("quarter")[0]
    )
    letter = "Q" if match.group("unit") == "quarter" else "H"
    if anchor is None and not stated:
        return "DATE", None
    if letter == "H" and stated and (ordinal or (rel or [""])[0]) in ("last", "final"):
        return "DATE", f"{year:04d}-H2"
    if ordinal in (None, "latest", "last", "final") or (ordinal is None and rel):
        if anchor is None or letter == "H":
            return None
        step = {"next": 1, "this": 0, "current": 0}.get(rel[-1] if rel else "", -1)
        day, _ = shift(anchor, step, "Q")
        return "DATE", format_date(day, "Q")
    number = int(lexicon().of("ordinal").get(ordinal, ordinal[0]))
    if year is None:
        return "DATE", None
    if any(r in ("year-earlier", "year-ago") for r in rel):
        year -= 1
    elif not stated and anchor and tense != "future":
        current = (anchor.month - 1) // 3 + 1 if letter == "Q" else (anchor.month - 1) // 6 + 1
        if number > current:
            year -= 1
    return "DATE", f"{year:04d}-{letter}{number}"
