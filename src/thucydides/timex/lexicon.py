"""The word lists of ``data/timex/lexicon.tsv`` and the regexes built from them."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

ZONE = "GMT|UTC"
"""Zones that the tagger may take for organisations."""
WIRE_CLOCK = rf"(?:[01]\d|2[0-3])[0-5]\d\s*(?:{ZONE})"
"""The four-digit clock time of wire copy, which always names its zone ("0830 GMT"): without
the zone, four digits are more often a year or a number."""
BARE_DAY = r"the\s+(?:[12]?\d|3[01])(?:st|nd|rd|th)(?=\s*(?:[,.;:)]|$)|\s+(?:and|or)\s+the\b)"
"""A day named by its ordinal alone ("on the 18th."), not an ordinal before a noun ("the 11th
Circuit", "the 25th anniversary")."""


@dataclass(frozen=True)
class Lexicon:
    """The word lists of ``data/timex/lexicon.tsv``, by kind."""

    words: dict[str, dict[str, str]]

    def of(self, kind: str) -> dict[str, str]:
        return self.words.get(kind, {})

    def alternation(self, *kinds: str) -> str:
        """A regex alternation of all words of the given kinds, longest first."""
        words = sorted({w for k in kinds for w in self.of(k)}, key=len, reverse=True)
        return "|".join(re.escape(w) for w in words)


@cache
def lexicon() -> Lexicon:
    words: dict[str, dict[str, str]] = {}
    path = resources.files("thucydides") / "data" / "timex" / "lexicon.tsv"
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        for row in rows:
            words.setdefault(row["kind"], {})[row["word"]] = row["value"]
    return Lexicon(words)


@dataclass(frozen=True)
class Patterns:
    """Regexes built once from the lexicon."""

    candidates: re.Pattern[str]
    month: str
    weekday_before_date: re.Pattern[str]
    relative_month: re.Pattern[str]
    absolute: re.Pattern[str]
    ago: re.Pattern[str]
    duration: re.Pattern[str]
    times: re.Pattern[str]
    amount_range: re.Pattern[str]
    """A duration whose amount is a range ("two to three weeks", "the next 12 to 18 months"):
    one expression, whose amount is not known (PXW, PXM)."""
    same_period: re.Pattern[str]
    """A period named as the one like the period under report, a year back: "the
    corresponding period last year", "the same quarter a year earlier"."""
    half: re.Pattern[str]
    """A duration with a half: "two and a half years", "5 1/2 hours", "a minute and a half"."""
    article: re.Pattern[str]
    article_before_date: re.Pattern[str]
    """The article of a date used as a modifier: "a fourth-quarter charge", "an Aug. 10
    agreement"."""
    calendar: tuple[tuple[re.Pattern[str], str], ...]
    """Month-and-day patterns, each with the granularity it gives (D or M), in reading order."""


@cache
def patterns() -> Patterns:
    lex = lexicon()
    unit = lex.alternation("unit")
    words = lex.alternation("number", "vague_number")
    number = rf"(?:\d+(?:\.\d+)?|(?:{words})(?:[- ](?!an?\b)(?:{lex.alternation('number')}))?)"
    weekday = lex.alternation("weekday")
    months = sorted(lex.of("month"), key=len, reverse=True)
    named_month = "|".join(re.escape(m.capitalize()) for m in months)
    every = (
        rf"(?:every|each|per)\s+(?:other\s+)?"
        rf"(?:(?:{number})\s+(?:{unit})s|{unit}|{weekday}|{lex.alternation('daypart', 'season')}"
        rf"|(?-i:{named_month}))"
    )
    times = rf"(?:once|twice|{number}\s+times)\s+(?:a|an|per|every)\s+(?:{unit})"
    ago = rf"(?:{number})\s+(?:more\s+)?(?:{unit})s?\s+(?:ago|earlier|later|before|from\s+now)"
    half = (
        rf"(?P<amount>{number})\s+(?:and\s+a\s+half|1/2)\s+(?P<unit>{unit})s?"
        rf"|(?P<amount2>{number})\s+(?P<unit2>{unit})s?\s+and\s+a\s+half"
    )
    quarter = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter"
    unnamed_half = re.sub(r"\(\?P<\w+>", "(?:", half)
    fixed = lex.alternation("holiday", "ref", "set", "duration", "indefinite")
    daypart = lex.alternation("daypart")
    candidates = re.compile(
        rf"\b(?:{times}|{every}|{unnamed_half}|{ago}|{quarter}|(?:{fixed})|{WIRE_CLOCK}|{BARE_DAY}"
        rf"|(?-i:{named_month})\s+\d{{1,2}}(?!\d)(?:,\s*\d{{4}})?"
        rf"|(?:the\s+(?:previous|preceding|following)\s+(?={weekday}))?"
        rf"(?:(?:{daypart})\s+)?(?:(?:{weekday})s?|{lex.alternation('deictic_day')})"
        rf"(?:\s+(?:{daypart})s?)?)"
        r"(?![\w-])",
        re.I,
    )
    month = lex.alternation("month")
    calendar = tuple(
        (re.compile(regex), granularity)
        for regex, granularity in (
            (rf"(?P<m>{month})\s*(?P<d>\d{{1,2}}),?\s*(?P<y>\d{{4}})", "D"),
            (rf"(?P<d>\d{{1,2}})\s+(?:of\s+)?(?P<m>{month}),?\s*(?P<y>\d{{4}})", "D"),
            (rf"(?P<m>{month})\s*(?P<d>\d{{1,2}})", "D"),
            (rf"(?P<d>\d{{1,2}})\s+(?:of\s+)?(?P<m>{month})", "D"),
            (rf"(?P<m>{month}),?\s*(?:of\s+)?(?P<y>\d{{4}})", "M"),
            (rf"(?P<m>{month})", "M"),
        )
    )
    return Patterns(
        candidates,
        month,
        weekday_before_date=re.compile(
            rf"^(?:(?:this|last|next|coming|past)\s+)*(?:{weekday}),?\s+(?=\d|{month})"
        ),
        relative_month=re.compile(rf"(last|next|this|coming|past|early|late)\s+((?:{month})\b.*)"),
        absolute=re.compile(r"(?<!\d)(?:1\d|2[01])\d\d(?!\d)"),
        ago=re.compile(
            rf"({number})\s+(?:more\s+)?({unit})s?\s+(ago|earlier|before|later|from now|hence)"
        ),
        duration=re.compile(
            rf"(?:({number})[\s-]+)?(?:more\s+|full\s+|consecutive\s+)?((?:{unit})s?|\w+ies)"
        ),
        amount_range=re.compile(
            rf"(?:(?:next|past|last|coming|previous|first)\s+)?(?:{number})\s*(?:to|or|-|–)\s*"
            rf"(?:{number})[\s-]+({unit})s?"
        ),
        same_period=re.compile(
            rf"(?:the\s+)?(?:{lex.alternation('same_period')})\s+(?:period|quarter)\s+"
            r"(?:of\s+)?(last\s+year|(?:a|one)\s+year\s+(?:ago|earlier|before))",
            re.I,
        ),
        half=re.compile(half, re.I),
        times=re.compile(rf"(?:once|twice|.+\s+times)\s+(?:a|an|per|every)\s+({unit})"),
        article=re.compile(rf"^an?\s+(?=\d|(?:{words})[\s-])"),
        article_before_date=re.compile(
            rf"^an?\s+(?=(?:{lex.alternation('ordinal')})[\s-]quarter|(?:{month})\s|\d{{4}}\b)"
        ),
        calendar=calendar,
    )
