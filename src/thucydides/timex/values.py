"""TIMEX3 values: the reading type, numbers and units, durations, clock times, and date
arithmetic (shifting, printing at a granularity, weekdays, weekends, holidays).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal

from thucydides.timex.lexicon import WIRE_CLOCK, lexicon
from thucydides.timex.tense import Tense

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Reading = tuple[TimexType, str | None] | None
"""What a reader makes of an expression: its type and value, or None if it is not its kind."""


TIME_OF_DAY = re.compile(
    r"(?P<h>\d{1,2})(?::(?P<m>\d\d))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)?(?:\s*\(?[A-Z]{2,4}\)?)?$"
    rf"|(?={WIRE_CLOCK}$)(?P<h24>\d\d)(?P<m24>\d\d)\s*\w+",
    re.I,
)
"""A clock time: twelve or 24 hours with an optional zone ("5 p.m. EST", "14:00"), or the four
digits of wire copy ("0830 GMT")."""


def is_resolved(value: str | None) -> bool:
    """Whether the value is anchored in time ("XXXX-WXX-2", an undated "Tuesday", is not)."""
    return value is not None and not value.startswith("XXXX")


def number_value(text: str) -> float | None:
    """The value of a number written in digits or words ("24", "twenty four", "a few" -> None)."""
    lex = lexicon()
    text = text.strip().replace("-", " ")
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if text in lex.of("vague_number"):
        return None
    if text in lex.of("number"):
        return float(lex.of("number")[text])
    values = [lex.of("number").get(word) for word in text.split()]
    if None in values or not values:
        return None
    numbers = [float(v) for v in values if v is not None]
    if len(numbers) == 2 and numbers[1] == 100:
        return numbers[0] * 100
    if len(numbers) == 2 and numbers[0] >= 20 and numbers[0] % 10 == 0 and numbers[1] < 10:
        return numbers[0] + numbers[1]
    return numbers[0] if len(numbers) == 1 else None


def spoken_ordinal(text: str) -> int | None:
    """The value of an ordinal in words: "eighth" -> 8, "twenty-first" -> 21."""
    ordinals, numbers = lexicon().of("ordinal"), lexicon().of("number")
    words = text.replace("-", " ").split()
    if len(words) == 1 and words[0] in ordinals and words[0].isalpha():
        return max(int(ordinals[words[0]]), 0) or None
    if len(words) == 2 and words[0] in ("twenty", "thirty") and words[1] in ordinals:
        return int(numbers[words[0]]) + int(ordinals[words[1]])
    return None


def spoken_year(text: str) -> int | None:
    """The value of a year in words: "nineteen ninety-seven", "nineteen hundred", "two thousand
    and one", "twenty twenty-four"."""
    match = re.fullmatch(r"(?:(?:the\s+)?year\s+)?two thousand(?:\s+(?:and\s+)?(.+))?", text)
    if match:
        low = number_value(match.group(1)) if match.group(1) else 0
        return 2000 + int(low) if low is not None and 0 <= low < 100 else None
    match = re.fullmatch(r"(?:(?:the\s+)?year\s+)?(\w+)\s+(\w+(?:[\s-]\w+)?)", text)
    if not match:
        return None
    high, low = number_value(match.group(1)), number_value(match.group(2))
    if high is None or low is None or not 10 <= high <= 20:
        return None
    if low == 100:
        return int(high * 100)
    return int(high * 100 + low) if 0 < low < 100 else None


def unit_code(word: str) -> str | None:
    word = word.lower().rstrip(".")
    units = lexicon().of("unit")
    if word in units:
        return units[word]
    if word.endswith("ies") and word[:-3] + "y" in units:
        return units[word[:-3] + "y"]
    if word.endswith("s") and word[:-1] in units:
        return units[word[:-1]]
    return None


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: (3, "Y") -> P3Y, (6, "H") -> PT6H, (None, "Y") -> PXY, decades in
    years; a half is added in the next smaller unit: (2.5, "Y") -> P2Y6M, (0.5, "H") -> PT30M."""
    multiple = re.fullmatch(r"(\d+)(\w+)", unit)
    if multiple:
        unit = multiple.group(2)
        amount = None if amount is None else amount * int(multiple.group(1))
    half = lexicon().of("half_unit").get(unit)
    if amount is not None and amount % 1 == 0.5 and half is not None:
        return _add_half(duration_value(int(amount), unit) if amount >= 1 else "P", half)
    if amount is None:
        count = "X"
    elif amount == int(amount):
        count = str(int(amount))
    else:
        count = str(amount)
    if unit in ("H", "MIN", "S"):
        return f"PT{count}{'M' if unit == 'MIN' else unit}"
    return f"P{count}{unit}"


def _add_half(whole: str, half: str) -> str:
    """Two durations written as one: P2Y + P6M -> P2Y6M, PT5H + PT30M -> PT5H30M."""
    rest = half[1:]
    if "T" in whole and rest.startswith("T"):
        rest = rest[1:]
    return whole + rest


def clock_value(text: str) -> str | None:
    """The TIMEX3 time part of a clock time: "5 p.m." -> T17:00, "noon" -> T12:00."""
    named = {"noon": "T12:00", "midday": "T12:00", "midnight": "T24:00"}
    if text in named:
        return named[text]
    match = TIME_OF_DAY.fullmatch(text)
    if match and match.group("h24"):
        return f"T{match.group('h24')}:{match.group('m24')}"
    if not match or not (match.group("ap") or match.group("m")):
        return None
    hour, minute = int(match.group("h")), int(match.group("m") or 0)
    meridiem = (match.group("ap") or "").lower().replace(".", "")
    if meridiem == "pm" and hour < 12:
        hour += 12
    if meridiem == "am" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    return f"T{hour:02d}:{minute:02d}"


def shift(anchor: dt.date, amount: int, unit: str) -> tuple[dt.date, str]:
    """The date ``amount`` units from the anchor and the granularity to print it at."""
    multiple = re.fullmatch(r"(\d+)(\w+)", unit)
    if multiple:
        amount, unit = amount * int(multiple.group(1)), multiple.group(2)
    if unit == "Y":
        return anchor.replace(year=anchor.year + amount, day=min(anchor.day, 28)), "Y"
    if unit in ("M", "Q"):
        months = amount * (3 if unit == "Q" else 1)
        index = anchor.year * 12 + anchor.month - 1 + months
        return dt.date(index // 12, index % 12 + 1, 1), unit
    if unit in ("W", "WE", "2W"):
        weeks = amount * (2 if unit == "2W" else 1)
        return anchor + dt.timedelta(weeks=weeks), "W" if unit != "WE" else "WE"
    if unit == "D":
        return anchor + dt.timedelta(days=amount), "D"
    return anchor, "D"


def format_date(day: dt.date, granularity: str) -> str:
    """A date printed at a granularity: Y -> 2025, M -> 2025-03, W -> 2025-W12, D -> 2025-03-18."""
    if granularity == "Y":
        return f"{day.year:04d}"
    if granularity == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "Q":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if granularity in ("W", "WE"):
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}" + ("-WE" if granularity == "WE" else "")
    return day.isoformat()


def weekend(anchor: dt.date, ahead: bool) -> dt.date:
    """The Saturday of the weekend the document date is in, or else of the one just past
    (or, ``ahead``, the coming one)."""
    saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
    if ahead and anchor.weekday() < 5:
        saturday += dt.timedelta(weeks=1)
    return saturday


def nearest_weekday(anchor: dt.date, weekday: int, tense: Tense, strict: bool = False) -> dt.date:
    """The weekday nearest the anchor in the direction of the tense (past when unknown). The
    document's own day counts either way, as wire copy names the day of writing by its name
    ("arrives on Wednesday" written on a Wednesday), unless ``strict`` ("last Monday", "next
    Monday" written on a Monday)."""
    same_day = 7 if strict else 0
    if tense == "future":
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7 or same_day)
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7 or same_day)


def holiday_date(rule: str, year: int) -> dt.date:
    """The date of a holiday in a year: "12-25", "11/4/3" (4th Thursday of November), or
    "E-2" (two days before Easter Sunday)."""
    if rule.startswith("E"):
        return easter_sunday(year) + dt.timedelta(days=int(rule[1:]))
    if "/" not in rule:
        month, day = rule.split("-")
        return dt.date(year, int(month), int(day))
    month_number, nth, weekday = (int(x) for x in rule.split("/"))
    days = [
        d
        for d in calendar.Calendar().itermonthdates(year, month_number)
        if d.month == month_number and d.weekday() == weekday
    ]
    return days[nth - 1] if nth > 0 else days[nth]


def easter_sunday(year: int) -> dt.date:
    """Western Easter Sunday: the Gregorian computus (the anonymous algorithm of 1876)."""
    golden = year % 19
    century, rest = divmod(year, 100)
    leap_skip, leap_left = divmod(century, 4)
    moon_fix = (century + 8) // 25
    epact = (19 * golden + century - leap_skip - (century - moon_fix + 1) // 3 + 15) % 30
    weekday_fix = (32 + 2 * leap_left + 2 * (rest // 4) - epact - rest % 4) % 7
    late = (golden + 11 * epact + 22 * weekday_fix) // 451
    month, day = divmod(epact + weekday_fix - 7 * late + 114, 31)
    return dt.date(year, month, day + 1)


def nearest_day(days: list[dt.date], anchor: dt.date, tense: Tense) -> dt.date:
    if tense == "future":
        ahead = [d for d in days if d >= anchor]
        return min(ahead) if ahead else max(days)
    if tense == "past":
        behind = [d for d in days if d <= anchor]
        return max(behind) if behind else min(days)
    return min(days, key=lambda d: abs((d - anchor).days))
