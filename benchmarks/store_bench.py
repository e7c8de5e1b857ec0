"""Benchmark the DuckDB store: filtered event queries and weekly dyad series at scale.

Synthetic events are generated directly in DuckDB SQL (not through Python objects) into a
fresh store file, then timed through the public ``Store`` API: 200 event queries of ten
kinds (limit 100, as the CLI and API page them), 100 weekly dyad series, ``actor_counts``,
and the ingest rate of hand-built ``Document`` objects:

    .venv/bin/python benchmarks/store_bench.py                  # 1,000,000 events
    .venv/bin/python benchmarks/store_bench.py --events 50000   # quick run

Targets: filtered event queries p95 < 100 ms, weekly dyad series p95 < 200 ms. Wall-clock
and process CPU times are both reported (CPU covers all DuckDB threads): on a shared
machine the wall clock mostly measures the other processes. Sentence words follow a Zipf
distribution over a 20,000-word vocabulary, so that word searches are about as selective as
on news text.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import pyarrow as pa

from thucydides.model import Actor, Document, Event, Paragraph, Quote, Sentence, Span
from thucydides.store import EventFilter, Store, text_signature, words_of

# (ISO 3166 alpha-3 code, name): the synthetic actors. Earlier ones are drawn more often.
COUNTRIES = [
    ("USA", "United States"),
    ("RUS", "Russia"),
    ("UKR", "Ukraine"),
    ("CHN", "China"),
    ("ISR", "Israel"),
    ("PSE", "Palestine"),
    ("IRN", "Iran"),
    ("GBR", "United Kingdom"),
    ("FRA", "France"),
    ("DEU", "Germany"),
    ("TUR", "Turkey"),
    ("SYR", "Syria"),
    ("IND", "India"),
    ("PAK", "Pakistan"),
    ("JPN", "Japan"),
    ("KOR", "South Korea"),
    ("PRK", "North Korea"),
    ("SAU", "Saudi Arabia"),
    ("EGY", "Egypt"),
    ("NGA", "Nigeria"),
    ("ZAF", "South Africa"),
    ("BRA", "Brazil"),
    ("MEX", "Mexico"),
    ("VEN", "Venezuela"),
    ("COL", "Colombia"),
    ("AFG", "Afghanistan"),
    ("IRQ", "Iraq"),
    ("LBN", "Lebanon"),
    ("YEM", "Yemen"),
    ("SDN", "Sudan"),
    ("ETH", "Ethiopia"),
    ("KEN", "Kenya"),
    ("POL", "Poland"),
    ("ITA", "Italy"),
    ("ESP", "Spain"),
    ("CAN", "Canada"),
    ("AUS", "Australia"),
    ("IDN", "Indonesia"),
    ("PHL", "Philippines"),
    ("VNM", "Vietnam"),
]
# PLOVER event types with their quad class.
EVENT_TYPES = [
    ("AGREE", 1),
    ("CONSULT", 1),
    ("SUPPORT", 1),
    ("CONCEDE", 2),
    ("COOPERATE", 2),
    ("AID", 2),
    ("RETREAT", 2),
    ("REQUEST", 3),
    ("ACCUSE", 3),
    ("REJECT", 3),
    ("THREATEN", 3),
    ("SANCTION", 3),
    ("PROTEST", 4),
    ("MOBILIZE", 4),
    ("COERCE", 4),
    ("ASSAULT", 4),
]
WORDS = [
    "the",
    "of",
    "to",
    "and",
    "a",
    "in",
    "is",
    "for",
    "on",
    "that",
    "with",
    "by",
    "as",
    "at",
    "from",
    "it",
    "was",
    "said",
    "he",
    "his",
    "were",
    "be",
    "has",
    "have",
    "had",
    "but",
    "are",
    "not",
    "this",
    "which",
    "they",
    "after",
    "its",
    "who",
    "their",
    "been",
    "will",
    "would",
    "an",
    "also",
    "government",
    "minister",
    "talks",
    "army",
    "border",
    "troops",
    "president",
    "meeting",
    "agreement",
    "sanctions",
    "police",
    "protest",
    "capital",
    "officials",
    "envoy",
    "ceasefire",
    "attack",
    "aid",
    "summit",
    "election",
    "parliament",
    "rebels",
    "forces",
    "security",
    "council",
    "leaders",
    "statement",
    "foreign",
    "trade",
    "deal",
    "oil",
    "gas",
    "nuclear",
    "missile",
    "strike",
    "refugees",
    "camp",
    "city",
    "province",
    "region",
    "week",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "before",
    "against",
    "over",
    "new",
    "spokesman",
    "ministry",
    "defence",
    "interior",
    "court",
    "judge",
    "arrested",
    "warned",
    "urged",
    "rejected",
    "accused",
    "signed",
    "visited",
    "met",
    "called",
    "demanded",
    "condemned",
    "praised",
    "pledged",
    "withdrew",
    "deployed",
]
MODALITIES = ["asserted"] * 17 + ["future", "hypothetical", "negated"]
VOCABULARY = 20_000
START = dt.date(2015, 1, 1)
DAYS = 4018  # eleven years


def _sql_list(items: list[str]) -> str:
    return "[" + ", ".join("'" + item.replace("'", "''") + "'" for item in items) + "]"


def vocabulary(size: int) -> list[str]:
    """``WORDS`` then made-up words up to ``size``: ranks for a Zipf draw (rank r has
    frequency ~1/r, as words in news text roughly do)."""
    rng = random.Random(0)
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"] + ["an", "or", "is", "el"]
    words = list(dict.fromkeys(WORDS))
    seen = set(words)
    while len(words) < size:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def _vocabulary_table(words: list[str]) -> pa.Table:
    signatures = [text_signature([word]) for word in words]
    return pa.table(
        {
            "rank": pa.array(range(1, len(words) + 1), pa.int64()),
            "word": pa.array(words, pa.string()),
            "sig_hi": pa.array([sig >> 64 for sig in signatures], pa.uint64()),
            "sig_lo": pa.array([sig & (2**64 - 1) for sig in signatures], pa.uint64()),
        }
    )


def _uniform(salt: str) -> str:
    """SQL: a number in [0, 1) drawn by hashing the row number ``i`` with ``salt``."""
    return f"((hash(i, {salt}) % 1000003) / 1000003.0)"


def generate(path: Path, events: int, vocabulary_size: int = VOCABULARY) -> None:
    """Create a store at ``path`` and fill it with ``events`` synthetic events."""
    Store(path).close()
    con = duckdb.connect(
        str(path),
        config={
            "autoinstall_known_extensions": False,
            "autoload_known_extensions": False,
        },
    )
    con.execute("SET enable_progress_bar = false")
    con.register("vocabulary_rows", _vocabulary_table(vocabulary(vocabulary_size)))
    con.execute("""
        CREATE TEMP TABLE vocabulary AS
        SELECT rank, word, (sig_hi::UHUGEINT << 64::UHUGEINT) | sig_lo::UHUGEINT AS sig
        FROM vocabulary_rows""")
    codes = _sql_list([c for c, _ in COUNTRIES])
    names = _sql_list([n for _, n in COUNTRIES])
    name_sigs = (
        "[" + ", ".join(str(text_signature(words_of(n))) for _, n in COUNTRIES) + "]::UHUGEINT[]"
    )
    name_words = _sql_list([" ".join(words_of(n)) for _, n in COUNTRIES])
    types = _sql_list([t for t, _ in EVENT_TYPES])
    quads = "[" + ", ".join(str(q) for _, q in EVENT_TYPES) + "]"
    n = len(COUNTRIES)
    con.execute(f"""
        CREATE TEMP TABLE draws AS
        SELECT i,
               (1 + floor({n} * pow({_uniform("1")}, 2)))::BIGINT AS a,
               (1 + floor({n} * pow({_uniform("2")}, 2)))::BIGINT AS r,
               (1 + hash(i, 3) % {len(EVENT_TYPES)})::BIGINT AS t,
               hash(i, 4) % 10 < 7 AS placed,
               (1 + hash(i, 5) % {n})::BIGINT AS p,
               (12 + hash(i, 9) % 20)::BIGINT AS length
        FROM range({events}) AS rows(i)""")
    con.execute(f"""
        CREATE TEMP TABLE sentences AS
        SELECT t.i, string_agg(v.word, ' ' ORDER BY t.k) AS words, bit_or(v.sig) AS sig
        FROM (SELECT i, unnest(range(length)) AS k FROM draws) AS t
        JOIN vocabulary AS v
          ON v.rank = floor(pow({vocabulary_size}, {_uniform("t.k + 100")}))::BIGINT
        GROUP BY t.i""")
    con.execute(f"""
        INSERT INTO events BY NAME
        SELECT 'doc' || lpad((i // 4)::VARCHAR, 8, '0') AS doc_id,
               (i % 4)::INTEGER AS event_index,
               0 AS sentence, 0 AS sentence_start, 120 AS sentence_end,
               ({names})[a] || ' ' || s.words || ' ' || ({names})[r] AS sentence_text,
               ' ' || ({name_words})[a] || ' ' || s.words || ' ' || ({name_words})[r] || ' '
                   AS sentence_words,
               s.sig | ({name_sigs})[a] | ({name_sigs})[r] AS sentence_sig,
               ({types})[t] AS event,
               ({quads})[t]::TINYINT AS quad_class,
               lpad((1 + hash(i, 6) % 20)::VARCHAR, 2, '0') || '0' AS cameo,
               round((hash(i, 7) % 201) / 10.0 - 10.0, 1) AS goldstein,
               ({_sql_list(MODALITIES)})[(1 + hash(i, 8) % {len(MODALITIES)})::BIGINT] AS modality,
               0.5 + (hash(i, 10) % 50) / 100.0 AS confidence,
               lower(({types})[t]) AS trigger_text, 7 AS trigger_start, 14 AS trigger_end,
               [({codes})[a]] AS actor_codes, [({names})[a]] AS actor_names,
               ['GOV'] AS actor_sectors, lower(({names})[a]) AS actor_search,
               [({codes})[r]] AS recipient_codes, [({names})[r]] AS recipient_names,
               ['GOV'] AS recipient_sectors, lower(({names})[r]) AS recipient_search,
               DATE '{START}' + (i * {DAYS} // {events})::INTEGER AS date,
               'sentence' AS date_source,
               CASE WHEN placed THEN ({names})[p] END AS place_text,
               CASE WHEN placed THEN ({names})[p] END AS place_name,
               CASE WHEN placed THEN ({codes})[p] END AS place_country,
               CASE WHEN placed THEN -60 + (hash(i, 11) % 130000) / 1000.0 END AS place_lat,
               CASE WHEN placed THEN -180 + (hash(i, 12) % 360000) / 1000.0 END AS place_lon
        FROM draws JOIN sentences AS s USING (i) ORDER BY i""")
    con.execute("""
        INSERT INTO documents (doc_id, content_hash, origin, date, text)
        SELECT DISTINCT ON (doc_id) doc_id, md5(doc_id), 'synthetic', date, sentence_text
        FROM events""")
    con.execute("CHECKPOINT")
    con.close()


def query_mix(rng: random.Random, count: int, documents: int) -> list[tuple[str, EventFilter]]:
    """``count`` event filters of ten kinds, as a user of the CLI or API would send."""
    words = vocabulary(VOCABULARY)

    def search_words() -> str:
        """One or two content words (ranks 41-3000, after the function words; each in
        roughly 0.1-2% of sentences)."""
        ranks = [int(math.exp(rng.uniform(math.log(41), math.log(3000)))) for _ in range(2)]
        return " ".join(words[rank - 1] for rank in ranks[: rng.randint(1, 2)])

    codes = [c for c, _ in COUNTRIES]
    frequent = codes[:12]

    def window(days: int) -> tuple[dt.date, dt.date]:
        since = START + dt.timedelta(days=rng.randrange(DAYS - days))
        return since, since + dt.timedelta(days=days)

    makers: list[tuple[str, Callable[[], EventFilter]]] = [
        ("actor code", lambda: EventFilter(actor=rng.choice(codes))),
        (
            "actor + type",
            lambda: EventFilter(
                actor=rng.choice(frequent), type=rng.choice(EVENT_TYPES)[0].lower()
            ),
        ),
        (
            "dyad + year",
            lambda: EventFilter(
                actor=rng.choice(frequent),
                recipient=rng.choice(frequent),
                since=(w := window(365))[0],
                until=w[1],
            ),
        ),
        ("recipient name", lambda: EventFilter(recipient=rng.choice(COUNTRIES)[1][:5].lower())),
        (
            "type+quad+place",
            lambda: EventFilter(
                type=(t := rng.choice(EVENT_TYPES))[0],
                quad_class=t[1],
                place_country=rng.choice(frequent),
            ),
        ),
        (
            "radius + since",
            lambda: EventFilter(
                near=(rng.uniform(-50, 60), rng.uniform(-170, 170), 300), since=window(1000)[0]
            ),
        ),
        ("text words", lambda: EventFilter(text=search_words())),
        ("month window", lambda: EventFilter(since=(w := window(30))[0], until=w[1])),
        (
            "modality+actor",
            lambda: EventFilter(actor=rng.choice(frequent), modality="negated", offset=100),
        ),
        ("document", lambda: EventFilter(doc_id=f"doc{rng.randrange(documents):08d}")),
    ]
    mix = []
    for i in range(count):
        kind, make = makers[i % len(makers)]
        f = make()
        f.limit = 100
        mix.append((kind, f))
    return mix


Timing = tuple[float, float]
"""(wall-clock ms, process CPU ms) of one call."""


def timed(call: Callable[[], object]) -> Timing:
    """Wall-clock and CPU time of a call. CPU time (all DuckDB threads) is reported too
    because on a shared machine the wall clock mostly measures the other processes."""
    wall, cpu = time.perf_counter(), time.process_time()
    call()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def percentiles(times: list[Timing]) -> str:
    wall, cpu = [t[0] for t in times], [t[1] for t in times]
    return (
        f"wall p50 {statistics.median(wall):6.1f}  p95 {_p95(wall):6.1f}  max {max(wall):6.1f} ms"
        f" | cpu p50 {statistics.median(cpu):6.1f}  p95 {_p95(cpu):6.1f} ms"
    )


def run(path: Path, queries: int, series: int, seed: int) -> None:
    rng = random.Random(seed)
    with Store(path, read_only=True) as store:
        store.events(EventFilter(limit=1))  # warm the buffer pool, as a running server would be
        counts = store.counts()
        by_kind: dict[str, list[Timing]] = {}
        for kind, f in query_mix(rng, queries, counts["documents"]):
            by_kind.setdefault(kind, []).append(timed(lambda f=f: store.events(f)))
        frequent = [c for c, _ in COUNTRIES[:10]]
        series_times = []
        for i in range(series):
            actor, recipient = rng.sample(frequent, 2)
            since = None if i % 2 else START + dt.timedelta(days=rng.randrange(DAYS - 730))
            until = None if since is None else since + dt.timedelta(days=730)
            series_times.append(
                timed(
                    lambda a=actor, r=recipient, s=since, u=until: store.dyad_series(
                        a, r, "week", s, u
                    )
                )
            )
        actor_counts_ms = timed(lambda: store.actor_counts(20))
    everything = [t for ts in by_kind.values() for t in ts]
    print(f"store: {path}  events: {counts['events']:,}  documents: {counts['documents']:,}")
    print(
        f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs "
        "(DuckDB uses its default thread count)"
    )
    for kind, times in by_kind.items():
        print(f"  {kind:<16} n={len(times):<4} {percentiles(times)}")
    print(f"event queries    n={len(everything):<4} {percentiles(everything)}")
    print(f"weekly dyad      n={series:<4} {percentiles(series_times)}")
    print(
        f"actor_counts(20) once   wall {actor_counts_ms[0]:.1f} ms"
        f" | cpu {actor_counts_ms[1]:.1f} ms"
    )


def synthetic_document(n: int, rng: random.Random, words: list[str]) -> Document:
    """A processed document of 12 sentences with 4 events and 2 quotes, built directly."""
    lines = []
    for _ in range(12):
        a, r = rng.sample(COUNTRIES, 2)
        filler = " ".join(rng.choice(words) for _ in range(rng.randint(10, 25)))
        lines.append(f"{a[1]} met {r[1]} {filler}.")
    text = "\n".join(lines)
    sentences, start = [], 0
    for i, line in enumerate(lines):
        sentences.append(Sentence(i, start, start + len(line), line, i))
        start += len(line) + 1
    events = []
    for i in range(4):
        s = sentences[i * 3]
        a, r = (c for c in COUNTRIES if s.text.startswith(c[1]) or f"met {c[1]} " in s.text)
        kind, quad = rng.choice(EVENT_TYPES)
        events.append(
            Event(
                event=kind,
                trigger=Span(
                    s.text.index(" met ") + s.start + 1, s.text.index(" met ") + s.start + 4, "met"
                ),
                sentence=s.index,
                quad_class=quad,
                goldstein=1.0,
                actor=[Actor(a[1], s.start, s.start + len(a[1]), a[0], "GOV", a[1])],
                recipient=[Actor(r[1], None, None, r[0], "GOV", r[1])],
                date=str(START + dt.timedelta(days=n % DAYS)),
                date_source="document",
            )
        )
    quotes = [
        Quote(Span(sentences[q].start, sentences[q].end, sentences[q].text), "direct", q)
        for q in (1, 2)
    ]
    return Document(
        doc_id=f"ingest{n:08d}",
        text=text,
        paragraphs=[Paragraph(s.start, s.end, "paragraph") for s in sentences],
        origin="synthetic",
        content_hash=f"h{n}",
        date=START + dt.timedelta(days=n % DAYS),
        sentences=sentences,
        events=events,
        quotes=quotes,
    )


def ingest_rate(folder: Path, documents: int) -> None:
    """Documents per second through ``Store.ingest`` (Python objects to stored rows)."""
    rng = random.Random(3)
    words = vocabulary(2_000)
    batch = [synthetic_document(n, rng, words) for n in range(documents)]
    with Store(folder / "ingest.duckdb") as store:
        wall, _ = timed(lambda: store.ingest(batch))
        again = timed(lambda: store.ingest(batch[: documents // 2]))
        events = store.counts()["events"]
    print(
        f"ingest {documents:,} documents ({events:,} events): {wall / 1000:.2f} s wall, "
        f"{documents / (wall / 1000):,.0f} docs/s; re-ingest of {documents // 2:,} "
        f"unchanged: {again[0]:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--series", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--path", type=Path, help="store file to create (default: a temp file)")
    parser.add_argument("--ingest-docs", type=int, default=2_000, help="0 to skip")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.path or Path(tmp) / "bench.duckdb"
        if path.exists():
            raise SystemExit(f"{path} exists; give a new file")
        start = time.perf_counter()
        generate(path, args.events)
        size = path.stat().st_size / 1e6
        print(
            f"generated {args.events:,} events in {time.perf_counter() - start:.1f} s"
            f" ({size:.0f} MB)"
        )
        run(path, args.queries, args.series, args.seed)
        if args.ingest_docs:
            ingest_rate(Path(tmp), args.ingest_docs)


if __name__ == "__main__":
    main()
