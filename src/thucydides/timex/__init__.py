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
"a year earlier" next to a quarter is that quarter a year before, a half is written in the next
smaller unit ("two and a half years" -> P2Y6M), weeks are ISO weeks ("last week" -> 2025-W11,
never 2025-WXX) and a night is TNI, an evening TEV.

A second pass reads what depends on the narrative rather than the document date (TimeML's
reference time): anaphoric expressions ("the following year", "that quarter") take the last
date stated before them; in a report on a quarter, "the year-earlier period", "the 1988 period"
and "the quarter" take the quarter it names first; "the year ended Sept. 30" is the span P1Y;
a clock time that names no day ("at 10 p.m.") is on the last day the narrative named.

An event takes its date from the expression that governs its trigger in the parse, else from
the nearest date of its sentence, the last date before it in its paragraph, or the document
date. Durations, sets and PAST_REF-style values never date an event.

The package, by concern: ``lexicon`` (the word lists and the regexes built from them),
``tense`` (the tense of the clause an expression sits in), ``values`` (TIMEX3 values and date
arithmetic), ``relative`` and ``absolute`` (the readers of relative and calendar dates),
``normalise`` (one expression to its type and value), ``find`` (the expressions of a document),
``narrative`` (the second pass), ``dating`` (event dates).
"""

from thucydides.timex.dating import assign_event_dates
from thucydides.timex.find import find_timexes, range_parts
from thucydides.timex.lexicon import Lexicon, Patterns, lexicon, patterns
from thucydides.timex.normalise import normalise
from thucydides.timex.tense import Tense, clause_tense, governing_verb
from thucydides.timex.values import (
    Reading,
    TimexType,
    clock_value,
    duration_value,
    format_date,
    holiday_date,
    nearest_weekday,
    number_value,
    shift,
    weekend,
)

__all__ = [
    "Lexicon",
    "Patterns",
    "Reading",
    "Tense",
    "TimexType",
    "assign_event_dates",
    "clause_tense",
    "clock_value",
    "duration_value",
    "find_timexes",
    "format_date",
    "governing_verb",
    "holiday_date",
    "lexicon",
    "nearest_weekday",
    "normalise",
    "number_value",
    "patterns",
    "range_parts",
    "shift",
    "weekend",
]
