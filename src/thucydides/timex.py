"""Time expressions (TIMEX3) and the date of each event.

Candidates are spaCy's DATE/TIME entities plus our own patterns for what the small model misses
(reference words such as "now" or "recently", sets such as "every week", weekdays, holidays,
"N units ago"); a clock time is joined to the day next to it, and a range ("between 2016 and
2018") gives both of its ends. Each candidate is read by a small grammar over the word lists of
``data/timex/lexicon.tsv``, against the document date: the reading nearest the document date
that agrees with the tense of the clause the expression sits in ("will speak on Tuesday" looks
forward, "spoke on Tuesday" back). ``dateparser`` is only the fallback for absolute dates in
formats the grammar does not cover. Without a document date, relative expressions stay
unresolved (value None, or an anchored-relative form such as "XXXX-WXX-2").

Values follow the TimeBank/TempEval-3 conventions: adjectival durations ("a 30-day ceasefire")
are DURATIONs, "Sunday evening" is 2025-03-16TEV, decades are three digits ("the 1990s" -> 199),
"a year earlier" next to a quarter is that quarter a year before.

A second pass reads what depends on the narrative rather than the document date (TimeML's
reference time): anaphoric expressions ("the following year", "that quarter") take the last
date stated before them; in a report on a quarter, "the year-earlier period", "the 1988 period"
and "the quarter" take the quarter it names first; "the year ended Sept. 30" is the span P1Y.

An event takes its date from the expression that governs its trigger in the parse, else from
the nearest date of its sentence, the last date before it in its paragraph, or the document
date. Durations, sets and PAST_REF-style values never date an event.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

import dateparser
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from thucydides.annotate import AnnotatedDocument, AnnotatedSentence
from thucydides.model import Event, Span, Timex

Tense = Literal["past", "future"] | None
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Reading = tuple[TimexType, str | None] | None
"""What a reader makes of an expression: its type and value, or None if it is not its kind."""

FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll"}
MODALS = {"would", "could", "might", "may", "can", "should", "must", "'d"}
"""Modals that, without a perfect "have", look forward from the time of writing."""
FUTURE_CUE = re.compile(
    r"\b(?:as (?:soon|early) as|no later than|starting|beginning|(?<!up )(?<!not )(?:until|till))"
    r"\s*$",
    re.I,
)
"""Words just before an expression that put it in the future ("as soon as Tuesday", a deadline
"until Tuesday"; not "up until" or "not until", which look back)."""
FUTURE_LEMMAS = {"plan", "expect", "schedule", "set", "due", "intend", "hope", "aim", "prepare"}
FUTURE_LEMMAS |= {"want", "seek", "agree", "promise", "vow", "pledge", "threaten", "propose"}
FUTURE_LEMMAS |= {"go", "be", "likely"}
"""Heads of an infinitive ("plans to speak on Tuesday", "is to resume") that put it in the
future."""
PRESENT_LEMMAS = {"be", "have", "say", "tell", "report", "announce", "add", "note", "state"}
"""Verbs whose simple present does not look forward: the present of news reports ("says")
and states; other simple presents with a day name are timetables ("meets Monday"), except
in a speaker's own words ("I want")."""
HEDGE = re.compile(
    r"^(?:slightly (?:more|less) than|more than|less than|fewer than|at least|at most|up to"
    r"|well over|close to|upwards of|a full|an additional|approximately|about|around|roughly"
    r"|nearly|almost|some|over|under|only|just|within|for|the|fully|another|barely|in|on|at"
    r"|by|since|until|during|throughout|of|from|through)\s+",
    re.I,
)
"""Prepositions, determiners and hedges stripped from the front of an expression before it is
read ("approximately one month ago" is read as "one month ago"); longer alternatives first."""
WEEK_OF = re.compile(r"week of (.+)")
"""\"the week of March 6\": the ISO week of that day."""
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
    r"|night|morning|evening|afternoon)$",
    re.I,
)
"""spaCy DATE/TIME entities that are not time expressions in the TimeML sense: ages, bare
numbers, frequency adjectives, a part of the day on its own."""
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
YEAR_BACK = re.compile(
    r"(?:the\s+)?(?:a|one)[\s-]year[\s-](?:ago|earlier|before)(?:\s+(?:period|quarter|level|results))?"
    r"|(?:the\s+)?year[\s-](?:ago|earlier)(?:\s+(?:period|quarter|level|results))?"
    r"|(?:the\s+)?year[\s-](?:ago|earlier)"
)
CLOCK = re.compile(
    r"\b\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)(?:\s+\(?[a-z]{2,4}\)?(?=\s|$))?|\bnoon\b|\bmidnight\b",
    re.I,
)
CLOCK_GAP = re.compile(r"[\s,]*(?:on|at)?[\s,]*", re.I)
CLOCK_WITH_DAY = re.compile(
    rf"(?P<clock>{CLOCK.pattern})[\s,]+(?:on\s+)?(?P<day>.+)|(?P<day2>.+?)[\s,]+(?:at\s+)?(?P<clock2>{CLOCK.pattern})",
    re.I,
)
NAME_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "LAW", "GPE", "NORP"}
"""Entities that a word of our patterns inside is part of a name ("Fox News Sunday")."""
TIME_OF_DAY = re.compile(
    r"(?P<h>\d{1,2})(?::(?P<m>\d\d))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)?(?:\s*\(?[A-Z]{2,4}\)?)?$", re.I
)


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
    article: re.Pattern[str]
    calendar: tuple[tuple[re.Pattern[str], str], ...]
    """Month-and-day patterns, each with the granularity it gives (D or M), in reading order."""


@cache
def patterns() -> Patterns:
    lex = lexicon()
    unit = lex.alternation("unit")
    words = lex.alternation("number", "vague_number")
    number = rf"(?:\d+(?:\.\d+)?|(?:{words})(?:[- ](?!an?\b)(?:{lex.alternation('number')}))?)"
    weekday = lex.alternation("weekday")
    every = rf"(?:every|each|per)\s+(?:other\s+)?(?:{unit}|{weekday}|{lex.alternation('daypart')})"
    times = rf"(?:once|twice|{number}\s+times)\s+(?:a|an|per|every)\s+(?:{unit})"
    ago = rf"(?:{number})\s+(?:more\s+)?(?:{unit})s?\s+(?:ago|earlier|later|before|from\s+now)"
    quarter = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter"
    fixed = lex.alternation("holiday", "ref", "set", "duration")
    candidates = re.compile(
        rf"\b(?:{times}|{every}|{ago}|{quarter}|(?:{fixed})"
        rf"|(?:(?:{weekday})|(?:{lex.alternation('deictic_day')}))(?:\s+(?:{lex.alternation('daypart')}))?)"
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
        weekday_before_date=re.compile(rf"^(?:{weekday}),?\s+(?=\d|{month})"),
        relative_month=re.compile(rf"(last|next|this|coming|past|early|late)\s+((?:{month})\b.*)"),
        absolute=re.compile(r"(?<!\d)\d{4}(?!\d)"),
        ago=re.compile(
            rf"({number})\s+(?:more\s+)?({unit})s?\s+(ago|earlier|before|later|from now|hence)"
        ),
        duration=re.compile(
            rf"(?:({number})[\s-]+)?(?:more\s+|full\s+|consecutive\s+)?((?:{unit})s?|\w+ies)"
        ),
        times=re.compile(rf"(?:once|twice|.+\s+times)\s+(?:a|an|per|every)\s+({unit})"),
        article=re.compile(rf"^an?\s+(?=\d|(?:{words})[\s-])"),
        calendar=calendar,
    )


# ---------------------------------------------------------------------------- finding


def find_timexes(annotated: AnnotatedDocument) -> list[Timex]:
    """All time expressions of the document, normalised against its date, in text order."""
    found: list[Timex] = []
    for sentence in annotated.sentences:
        for start, end in _candidates(annotated.text, sentence):
            found.extend(_read_candidate(annotated, sentence, start, end))
    _year_back_to_quarter(found)
    _anchor_to_narrative(annotated.text, found)
    return found


FISCAL_YEAR = re.compile(r"(?:the\s+)?(?:fiscal\s+)?year")
ENDED_AFTER = re.compile(r"\s+(?:ended|ending|ends|that ended|that ends)\b", re.I)
"""\"the year ended Sept. 30\": in TimeBank the year is the twelve-month span (P1Y) that the
separate end date closes, not a calendar year."""
YEAR_PERIOD = re.compile(r"(?:the\s+)?(\d{4})\s+(?:period|quarter)")
YEAR_PERIOD_AFTER = re.compile(r"\s+(?:period|quarter)\b", re.I)
"""\"the 1988 period\" in a quarterly report: the quarter under report, in that year."""
REPORTED_QUARTER = re.compile(r"(?:the\s+)?(?:latest\s+)?(?:quarter|period)")
ANAPHORIC = re.compile(
    r"(?:(?:earlier|later|early|late)\s+)?(?:(?:in|on|during|by)\s+)?"
    r"(?P<rel>that|the same|that same|the following"
    r"|the previous|the preceding|the next)\s+(?P<unit>day|morning|week|month|year|quarter)"
)
"""Expressions whose reference time is the last date of the narrative, not the document date
(TimeML anchors them to it): "that year", "the following month". "The next" counts only for a
day ("the next morning"): "the next year" is as often "next year" or a duration."""
ANAPHORIC_STEP = {"that": 0, "the same": 0, "that same": 0, "the following": 1, "the next": 1}
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


def _anchor_to_narrative(text: str, timexes: list[Timex]) -> None:
    """Values that depend on the text around an expression rather than the document date:
    the fiscal year that a date closes, the quarter a financial report is about, and anaphoric
    expressions anchored to the last date of the narrative."""
    reference: Timex | None = None
    quarters: list[str] = []
    period: str | None = None  # the last span a report named: "Q3", or a run of months "P9M"
    for timex in timexes:
        lower = _strip_hedges(timex.text.lower())
        after = text[timex.end : timex.end + 20]
        if FISCAL_YEAR.fullmatch(lower) and ENDED_AFTER.match(after):
            timex.type, timex.value = "DURATION", "P1Y"
        elif YEAR_BACK.fullmatch(lower) and period and period.startswith("Q"):
            if timex.value and re.fullmatch(r"\d{4}", timex.value):
                timex.value = f"{timex.value}-{quarters[0][5:]}"
        elif quarters and period and period.startswith("Q"):
            _reported_quarter(timex, lower, after, quarters[0])
        anaphor = ANAPHORIC.fullmatch(timex.text.lower())
        if anaphor and anaphor.group("unit") == "quarter" and quarters:
            timex.value = quarters[-1]
        elif anaphor and reference is not None:
            _resolve_anaphor(timex, anaphor, reference)
        timex.resolved = _is_resolved(timex.value)
        if timex.value and re.fullmatch(r"\d{4}-Q\d", timex.value):
            quarters.append(timex.value)
            period = timex.value[5:]
        elif timex.value and re.fullmatch(r"P\d+M", timex.value):
            period = timex.value
        if timex.type in ("DATE", "TIME") and _granularity(timex.value) and timex.resolved:
            reference = timex


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


def _year_back_to_quarter(timexes: list[Timex]) -> None:
    """ "A year earlier" after a quarter is that quarter a year before (financial reports:
    "profit rose in the third quarter from a year earlier" -> 1988-Q3)."""
    year_back = [bool(YEAR_BACK.fullmatch(t.text.lower())) for t in timexes]
    references = [t for t, back in zip(timexes, year_back, strict=True) if not back]
    for timex, back in zip(timexes, year_back, strict=True):
        if not back:
            continue
        before = reversed(
            [t for t in references if t.start < timex.start and timex.sentence - t.sentence <= 1]
        )
        after = (t for t in references if t.start > timex.start and t.sentence == timex.sentence)
        for other in (*before, *after):
            quarter = re.fullmatch(r"(\d{4})-Q(\d)", other.value or "")
            if quarter:
                timex.value = f"{int(quarter.group(1)) - 1:04d}-Q{quarter.group(2)}"
                break


def _read_candidate(
    annotated: AnnotatedDocument, sentence: AnnotatedSentence, start: int, end: int
) -> list[Timex]:
    """The expression at ``start:end``, or its parts when it is a range ("between 2016 and
    2018") or does not read as a whole ("the first nine months of 1997")."""
    text = annotated.text[start:end]
    whole = _read_part(annotated, sentence, start, end)
    if whole is not None and not RANGE.search(text):
        return [whole]
    parts = range_parts(text, start, RANGE_JOIN if whole is not None else PART_JOIN)
    if len(parts) < 2:
        return [whole] if whole is not None else []
    read = [_read_part(annotated, sentence, s, e) for s, e in parts]
    return [t for t in read if t is not None]


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
    if FUTURE_CUE.search(before) and not _pluperfect(span):
        tense = "future"
    reading = normalise(text, anchor, tense)
    if reading is None:
        return None
    kind, value = reading
    return Timex(start, end, text, kind, value, sentence.index, _is_resolved(value))


def _candidates(text: str, sentence: AnnotatedSentence) -> list[tuple[int, int]]:
    """Document offsets of spaCy DATE/TIME entities, widened or completed by our patterns
    (``text`` is the document text)."""
    spans = [sentence.char_range(e) for e in sentence.span.ents if e.label_ in ("DATE", "TIME")]
    spans = [_trim(text, s, e) for s, e in spans]
    names = [sentence.char_range(e) for e in sentence.span.ents if e.label_ in NAME_LABELS]
    for match in patterns().candidates.finditer(text, sentence.start, sentence.end):
        start, end = match.start(), match.end()
        if any(s < end and start < e for s, e in names):
            continue
        overlapping = [s for s in spans if s[0] < end and start < s[1]]
        if all(start <= s and e <= end for s, e in overlapping):
            spans = [s for s in spans if s not in overlapping] + [(start, end)]
    return _join_clock_times(text, sorted(set(spans)))


def _join_clock_times(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a clock time to the day next to it: "9 a.m. Tuesday", "Nov. 9 at 5 p.m."."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined:
            previous = joined[-1]
            pieces = (text[previous[0] : previous[1]], text[start:end])
            gap = text[previous[1] : start]
            if CLOCK_GAP.fullmatch(gap) and any(CLOCK.search(p) for p in pieces):
                joined[-1] = (previous[0], end)
                continue
        joined.append((start, end))
    return joined


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a trailing possessive "'s" from an entity span."""
    for suffix in ("'s", "’s", "'"):
        if text[start:end].endswith(suffix) and end - start > len(suffix):
            return start, end - len(suffix)
    return start, end


def _is_resolved(value: str | None) -> bool:
    """Whether the value is anchored in time ("XXXX-WXX-2", an undated "Tuesday", is not)."""
    return value is not None and not value.startswith("XXXX")


# ---------------------------------------------------------------------------- tense


def clause_tense(span: SpacySpan) -> Tense:
    """Past or future, from the verb that governs the expression (None when neither shows)."""
    verb = governing_verb(span.root)
    if verb is None:
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in FUTURE_AUX for a in auxes):
        return "future"
    if any(a.lower_ == "to" for a in auxes) and verb.dep_ in ("xcomp", "ccomp", "advcl"):
        head = verb.head
        pluperfect = any(a.lower_ == "had" for a in head.children if a.dep_ == "aux")
        if (head.lemma_ in FUTURE_LEMMAS or head.lower_ == "going") and not pluperfect:
            return "future"
        return _finite_tense(head)
    if _timetable_present(span.root, verb):
        return "future"
    return _finite_tense(verb)


def _timetable_present(token: Token, verb: Token) -> bool:
    """A simple present governing the expression directly ("meets Monday", "opens on
    Tuesday"): in news this is a timetable, which looks forward."""
    head = token.head.head if token.head.dep_ == "prep" else token.head
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    speakers = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in ("i", "we", "you")]
    return (
        head == verb
        and verb.tag_ in ("VBZ", "VBP")
        and not auxes
        and not speakers
        and verb.lemma_ not in PRESENT_LEMMAS
    )


def _pluperfect(span: SpacySpan) -> bool:
    """Whether the expression's verb is in the past perfect ("until Thursday they had
    refused"), which keeps even a deadline in the past."""
    verb = governing_verb(span.root)
    return verb is not None and any(
        c.lower_ == "had" for c in verb.children if c.dep_ in ("aux", "auxpass")
    )


def _finite_tense(verb: Token) -> Tense:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    perfect = any(a.lemma_ == "have" for a in auxes)
    if any(a.lower_ in FUTURE_AUX for a in auxes) or (
        not perfect and any(a.lower_ in MODALS for a in auxes)
    ):
        return "future"
    if verb.tag_ == "VBD" or perfect or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ in ("amod", "acl", "relcl"):
        return "past"
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "future"
    return None


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above a token in the dependency tree (the token itself if a verb)."""
    current = token
    for _ in range(20):
        if current.pos_ in ("VERB", "AUX") and current.dep_ != "aux":
            return current
        if current.head is current:
            return None
        current = current.head
    return None


# ---------------------------------------------------------------------------- normalising


def normalise(text: str, anchor: dt.date | None, tense: Tense = None) -> Reading:
    """The TIMEX3 type and value of an expression, or None when it is not a time expression."""
    raw = " ".join(text.lower().replace("’", "'").split()).rstrip(".,;:")
    raw = re.sub(r"'s$", "", raw)
    if NOT_TIMEX.search(raw):
        return None
    lex = lexicon()
    if raw in lex.of("ref"):
        return "DATE", lex.of("ref")[raw]
    core = _strip_hedges(raw)
    if core in lex.of("ref"):
        return "DATE", lex.of("ref")[core]
    if core in lex.of("duration"):
        return "DURATION", lex.of("duration")[core]
    clock = _read_clock_with_day(core, anchor, tense)
    if clock is not None:
        return clock
    result = _read_set(core) or _read_time(core, anchor)
    if result is not None:
        return result
    week_of = WEEK_OF.fullmatch(core)
    if week_of:
        day = normalise(week_of.group(1), anchor, tense)
        if day is not None and day[1] and re.fullmatch(r"\d{4}-\d\d-\d\d", day[1]):
            return "DATE", format_date(dt.date.fromisoformat(day[1]), "W")
    extra = EXTRA_UNIT.fullmatch(raw)
    if extra and (extra_unit := _unit_code(extra.group(1))):
        return "DURATION", duration_value(1, extra_unit)
    date_core = RANGE_MARKER.sub("", core)
    date_core = _strip_hedges(date_core)
    owner = re.match(r"(this|last|next) year's\s+", date_core)
    if owner and anchor is not None:
        anchor = anchor.replace(year=anchor.year + RELATIVE_WORDS[owner.group(1)], day=1)
        date_core = date_core[owner.end() :]
    for date_reader in (
        _read_ago,
        _read_deictic,
        _read_relative_unit,
        _read_bare_unit,
        _read_weekday,
        _read_holiday,
        _read_quarter,
        _read_season,
        _read_calendar,
    ):
        date_result = date_reader(date_core, anchor, tense)
        if date_result is not None:
            return date_result
    duration = _read_duration(core)
    if duration is not None:
        return "DURATION", duration
    return _read_with_dateparser(date_core, anchor, tense)


def _strip_hedges(text: str) -> str:
    previous = None
    while previous != text:
        previous, text = text, HEDGE.sub("", text)
    return text


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


def _unit_code(word: str) -> str | None:
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
    """TIMEX3 duration: (3, "Y") -> P3Y, (6, "H") -> PT6H, (None, "Y") -> PXY, decades in years."""
    multiple = re.fullmatch(r"(\d+)(\w+)", unit)
    if multiple:
        unit = multiple.group(2)
        amount = None if amount is None else amount * int(multiple.group(1))
    if amount is None:
        count = "X"
    elif amount == int(amount):
        count = str(int(amount))
    else:
        count = str(amount)
    if unit in ("H", "MIN", "S"):
        return f"PT{count}{'M' if unit == 'MIN' else unit}"
    return f"P{count}{unit}"


def _read_set(text: str) -> Reading:
    lex = lexicon()
    if text in lex.of("set"):
        return "SET", lex.of("set")[text]
    match = re.fullmatch(r"(?:every|each|per)\s+(?:other\s+)?(\w+)", text)
    if match:
        word = match.group(1)
        if word in lex.of("weekday"):
            return "SET", f"XXXX-WXX-{int(lex.of('weekday')[word]) + 1}"
        if word in lex.of("daypart"):
            return "SET", f"TXX{lex.of('daypart')[word]}"
        unit = _unit_code(word)
        if unit:
            return "SET", duration_value(2 if "other" in text else 1, unit)
    match = patterns().times.fullmatch(text)
    if match:
        unit = _unit_code(match.group(1))
        if unit:
            return "SET", duration_value(1, unit)
    return None


def _read_time(text: str, anchor: dt.date | None) -> Reading:
    """A clock time on the document's day: "10:30 a.m." -> 2025-03-17T10:30."""
    clock = clock_value(text)
    if clock is None:
        return None
    return "TIME", f"{anchor.isoformat() if anchor else 'XXXX-XX-XX'}{clock}"


def clock_value(text: str) -> str | None:
    """The TIMEX3 time part of a clock time: "5 p.m." -> T17:00, "noon" -> T12:00."""
    named = {"noon": "T12:00", "midday": "T12:00", "midnight": "T24:00"}
    if text in named:
        return named[text]
    match = TIME_OF_DAY.fullmatch(text)
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


def _read_ago(text: str, anchor: dt.date | None, tense: Tense) -> Reading:
    """ "three years ago" -> 2022. "Three days later" counts from an event of the text, not
    from the document date: TimeML annotates it as the duration it states."""
    match = patterns().ago.fullmatch(text)
    if not match:
        return None
    amount, unit = number_value(match.group(1)), _unit_code(match.group(2))
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


def weekend(anchor: dt.date, ahead: bool) -> dt.date:
    """The Saturday of the weekend the document date is in, or else of the one just past
    (or, ``ahead``, the coming one)."""
    saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
    if ahead and anchor.weekday() < 5:
        saturday += dt.timedelta(weeks=1)
    return saturday


def _read_relative_unit(text: str, anchor: dt.date | None, tense: Tense) -> Reading:
    match = re.fullmatch(
        r"(last|past|previous|next|coming|following|this|current|that)\s+(\w+)", text
    )
    if not match:
        return None
    unit = _unit_code(match.group(2))
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
    r"(?:(?P<mod>year-earlier|year-ago|year earlier|full|fiscal|calendar|same|whole|entire)[\s-]+)?"
    r"(?P<unit>year|month|week|weekend|period|quarter)|(?P<alone>year-earlier|year-ago)"
)


def _read_bare_unit(text: str, anchor: dt.date | None, tense: Tense) -> Reading:
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


def _read_deictic(text: str, anchor: dt.date | None, tense: Tense) -> Reading:
    lex = lexicon()
    words = text.split()
    if len(words) == 2 and words[0] == "this":
        words[0] = "today"
    if words == ["last", "night"]:
        words[0] = "yesterday"
    if not words or words[0] not in lex.of("deictic_day"):
        return None
    rest = " ".join(words[1:])
    if rest and rest not in lex.of("daypart"):
        return None
    if anchor is None:
        return "DATE", None
    day = anchor + dt.timedelta(days=int(lex.of("deictic_day")[words[0]]))
    part = lex.of("daypart").get(rest) or ("NI" if words[0] == "tonight" else "")
    return ("TIME", f"{day.isoformat()}T{part}") if part else ("DATE", day.isoformat())


def nearest_weekday(anchor: dt.date, weekday: int, tense: Tense, strict: bool = False) -> dt.date:
    """The weekday nearest the anchor in the direction of the tense (past when unknown); the
    document's own day counts unless ``strict`` ("last Monday" written on a Monday)."""
    back = (anchor.weekday() - weekday) % 7 or (7 if strict else 0)
    if tense == "future":
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    return anchor - dt.timedelta(days=back)


def _read_weekday(text: str, anchor: dt.date | None, tense: Tense) -> Reading:
    lex = lexicon()
    words = text.replace(",", "").split()
    modifier = (
        words.pop(0) if words and words[0] in ("last", "next", "this", "coming", "past") else None
    )
    if not words or words[0] not in lex.of("weekday"):
        return None
    rest = " ".join(words[1:])
    if rest and rest not in lex.of("daypart"):
        return None
    weekday = int(lex.of("weekday")[words[0]])
    if anchor is None:
        return "DATE", f"XXXX-WXX-{weekday + 1}"
    if modifier in ("next", "coming"):
        tense = "future"
    elif modifier in ("last", "past"):
        tense = "past"
    day = nearest_weekday(anchor, weekday, tense, strict=modifier in ("last", "past"))
    part = lex.of("daypart").get(rest)
    return ("TIME", f"{day.isoformat()}T{part}") if part else ("DATE", day.isoformat())


def _read_holiday(text: str, anchor: dt.date | None, tense: Tense) -> Reading:
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
    return "DATE", _nearest(days, anchor, wanted).isoformat()


def holiday_date(rule: str, year: int) -> dt.date:
    """The date of a holiday in a year: "12-25", or "11/4/3" (4th Thursday of November)."""
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


def _nearest(days: list[dt.date], anchor: dt.date, tense: Tense) -> dt.date:
    if tense == "future":
        ahead = [d for d in days if d >= anchor]
        return min(ahead) if ahead else max(days)
    if tense == "past":
        behind = [d for d in days if d <= anchor]
        return max(behind) if behind else min(days)
    return min(days, key=lambda d: abs((d - anchor).days))


QUARTER = re.compile(
    r"(?:(?P<rel>last|this|next|latest|current|year-earlier|year-ago|comparable|fiscal|the)[\s-]+)*"
    r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|latest|last)?[\s-]*"
    r"(?P<unit>quarter|half)s?(?:\s+of)?(?:\s+(?:fiscal\s+)?(?P<year>\d{4}))?"
)


def _read_quarter(text: str, anchor: dt.date | None, tense: Tense) -> Reading:
    match = QUARTER.fullmatch(text)
    if not match:
        return None
    year = int(match.group("year")) if match.group("year") else (anchor.year if anchor else None)
    ordinal = match.group("ord")
    rel = re.findall(
        r"year-earlier|year-ago|latest|last|next|this|current", text.split("quarter")[0]
    )
    letter = "Q" if match.group("unit") == "quarter" else "H"
    if anchor is None and not match.group("year"):
        return "DATE", None
    if letter == "H" and match.group("year") and (ordinal or (rel or [""])[0]) in ("last", "final"):
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
    elif not match.group("year") and anchor and tense != "future":
        current = (anchor.month - 1) // 3 + 1 if letter == "Q" else (anchor.month - 1) // 6 + 1
        if number > current:
            year -= 1
    return "DATE", f"{year:04d}-{letter}{number}"


def _read_season(text: str, anchor: dt.date | None, tense: Tense) -> Reading:
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
    year = anchor.year + {"last": -1, "past": -1, "next": 1, "coming": 1}.get(
        match.group(1) or "", 0
    )
    return "DATE", f"{year:04d}-{code}"


ORDINAL_SUFFIX = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")
YEAR_WORD = re.compile(r"(.+?),?\s+(this|last|next) year")
"""A date whose year is given relative to the document's: "June last year"."""


def _read_calendar(text: str, anchor: dt.date | None, tense: Tense) -> Reading:
    """Absolute and month-based dates: "June 28, 2019", "28 June", "March 2024", "1990s"."""
    months = lexicon().of("month")
    p = patterns()
    text = ORDINAL_SUFFIX.sub(r"\1", text)
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
    return _nearest(candidates, anchor, tense).year


def _read_year(text: str, anchor: dt.date | None) -> Reading:
    match = re.fullmatch(r"(?:(?:fiscal|calendar|the year|year|model year)\s+)?(\d{4})", text)
    if match and 1000 <= int(match.group(1)) <= 2199:
        return "DATE", match.group(1)
    spoken = re.fullmatch(r"(?:the year\s+)?(\w+)\s+(\w+(?:[\s-]\w+)?)", text)
    if spoken:
        high, low = number_value(spoken.group(1)), number_value(spoken.group(2))
        if high is not None and low is not None and 10 <= high <= 20 and 0 < low < 100:
            return "DATE", f"{int(high * 100 + low):04d}"
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


def _read_duration(text: str) -> str | None:
    """ "six hours" -> PT6H, "three-year" -> P3Y, "several months" -> PXM, "decades" -> PXDE."""
    p = patterns()
    text = re.sub(
        r"^(?:the\s+)?(?:past|last|next|first|coming|previous|latest|final|other|recent)\s+",
        "",
        text,
    )
    text = re.sub(r"\s+(?:long|old|running|straight|in a row|or so|more|ago)$", "", text)
    text = p.article.sub("", text)
    match = p.duration.fullmatch(text)
    if not match:
        return None
    unit = _unit_code(match.group(2))
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


def _read_with_dateparser(text: str, anchor: dt.date | None, tense: Tense) -> Reading:
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


# ---------------------------------------------------------------------------- event dates


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
