"""The ``thucydides`` command line.

Exit status: 0 when every input was processed, 1 when some input was skipped (each skip is
one line on stderr naming the input and the problem), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from dataclasses import fields
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

from thucydides.errors import InputError
from thucydides.model import Document

if TYPE_CHECKING:
    from thucydides.store import EventFilter, HappeningFilter, QuoteFilter

EXIT_SKIPPED = 1
OUTPUT_FILES = ("documents", "events", "quotes", "timexes", "places")
FilterT = TypeVar("FilterT", "EventFilter", "QuoteFilter", "HappeningFilter")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    from thucydides.store import StoreError

    try:
        return int(args.run(args))
    except (InputError, StoreError) as error:
        print(f"thucydides: {error}", file=sys.stderr)
        return EXIT_SKIPPED
    except KeyboardInterrupt:
        print("thucydides: interrupted", file=sys.stderr)
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="thucydides",
        description="Political event data from news: events, actors, quotes, dates, places.",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    _add_extract(commands)
    _add_ingest(commands)
    _add_events(commands)
    _add_quotes(commands)
    _add_actor(commands)
    _add_happenings(commands)
    return parser


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (want YYYY-MM-DD): {value!r}") from None


def _add_sources(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help=".txt, .html/.htm or .jsonl files, folders (searched recursively), or - for stdin",
    )
    command.add_argument(
        "--date", type=_date, help="publication date (YYYY-MM-DD) for inputs that give none"
    )
    command.add_argument(
        "--actors",
        action="append",
        type=Path,
        default=[],
        metavar="FILE",
        help="a user actor dictionary (TSV, repeatable); see docs/dictionaries.md",
    )
    command.add_argument(
        "--patterns",
        action="append",
        type=Path,
        default=[],
        metavar="FILE",
        help="a user event-pattern file (TSV, repeatable); see docs/dictionaries.md",
    )


def _add_extract(commands: Any) -> None:
    command = commands.add_parser(
        "extract",
        help="code the events, quotes, dates and places of news pages (no database)",
        description="Print one JSON object per document, or write JSONL files with --out.",
    )
    _add_sources(command)
    command.add_argument("--out", type=Path, help="folder for documents/events/quotes/... .jsonl")
    command.add_argument(
        "--explain", action="store_true", help="print each coded event and why it was coded"
    )
    command.set_defaults(run=run_extract)


def _add_ingest(commands: Any) -> None:
    command = commands.add_parser(
        "ingest",
        help="extract and store in a DuckDB database",
        description="Re-ingesting an unchanged document adds nothing; a changed one replaces "
        "its old rows in one transaction.",
    )
    _add_sources(command)
    command.add_argument("--db", type=Path, default=Path("thucydides.duckdb"), help="store file")
    command.add_argument(
        "--engine",
        choices=("local", "ray"),
        default="local",
        help="local: a process pool on this machine (default); ray: Ray Data",
    )
    command.add_argument("--workers", type=int, help="worker processes (default: every core)")
    command.add_argument(
        "--address", help="with --engine ray: connect to this Ray cluster instead of a local one"
    )
    command.set_defaults(run=run_ingest)


def _add_output(command: argparse.ArgumentParser) -> None:
    command.add_argument("--db", type=Path, default=Path("thucydides.duckdb"), help="store file")
    command.add_argument(
        "--format",
        choices=("table", "jsonl", "csv", "parquet"),
        default="table",
        help="output format (parquet needs --output)",
    )
    command.add_argument("--output", type=Path, help="write to this file instead of stdout")
    command.add_argument("--limit", type=int, help="at most this many rows")
    command.add_argument("--since", type=_date, help="on or after this date (YYYY-MM-DD)")
    command.add_argument("--until", type=_date, help="on or before this date (YYYY-MM-DD)")


def _add_events(commands: Any) -> None:
    command = commands.add_parser(
        "events",
        help="query stored events",
        description="Dates filter on the event's own date, not the publication date.",
    )
    _add_output(command)
    command.add_argument("--actor", help="actor country code (RUS) or name fragment")
    command.add_argument("--recipient", help="recipient country code or name fragment")
    command.add_argument("--type", help="PLOVER event type (CONSULT, ASSAULT, ...)")
    command.add_argument("--quad-class", type=int, choices=range(5), help="0-4 (Phoenix)")
    command.add_argument("--modality", choices=("asserted", "future", "hypothetical", "negated"))
    command.add_argument("--place-country", help="ISO-3 code of the event's place")
    command.add_argument(
        "--near",
        nargs=3,
        type=float,
        metavar=("LAT", "LON", "KM"),
        help="events placed within KM kilometres of LAT, LON",
    )
    command.add_argument("--text", help="words that must occur in the event's sentence")
    command.set_defaults(run=run_events)


def _add_quotes(commands: Any) -> None:
    command = commands.add_parser("quotes", help="query stored quotations")
    _add_output(command)
    command.add_argument("--speaker", help="speaker name fragment or country code")
    command.add_argument("--contains", help="words that must occur in the quotation")
    command.set_defaults(run=run_quotes)


def _add_actor(commands: Any) -> None:
    command = commands.add_parser(
        "actor",
        help="resolve actor strings to country code, sector and name",
        description="One JSON line per actor string (or per --input record).",
    )
    command.add_argument("texts", nargs="*", metavar="TEXT", help="actor strings")
    command.add_argument(
        "--input", type=Path, help='JSONL with {"id","text","context"?,"date"?} records'
    )
    command.add_argument("--date", type=_date, help="date at which roles are judged")
    command.add_argument(
        "--actors",
        action="append",
        type=Path,
        default=[],
        metavar="FILE",
        help="a user actor dictionary (TSV, repeatable); its entries override the built-in ones",
    )
    command.add_argument("--explain", action="store_true", help="show which entries matched")
    command.set_defaults(run=run_actor)


def _add_happenings(commands: Any) -> None:
    command = commands.add_parser(
        "happenings",
        help="events deduplicated across documents, with their sources",
        description="Reports with the same type, actor and recipient codes, place and dates "
        "within --window days are one happening. --rebuild brings them up to date first.",
    )
    _add_output(command)
    command.add_argument("--rebuild", action="store_true", help="update from the stored events")
    command.add_argument("--full", action="store_true", help="with --rebuild: recompute all")
    command.add_argument("--window", type=int, default=1, help="days between reports (default 1)")
    command.add_argument("--type", help="PLOVER event type")
    command.add_argument("--actor", help="actor country code")
    command.add_argument("--recipient", help="recipient country code")
    command.add_argument("--min-sources", type=int, help="reported by at least this many sites")
    command.add_argument("--reports", metavar="ID", help="list the reports of one happening")
    command.set_defaults(run=run_happenings)


def _add_serve(commands: Any) -> None:
    command = commands.add_parser(
        "serve",
        help="serve the store read-only over HTTP: JSON API and web page",
        description="A read-only FastAPI application over the store, with its OpenAPI document "
        "at /openapi.json and the web page at /.",
    )
    command.add_argument("--db", type=Path, default=Path("thucydides.duckdb"), help="store file")
    command.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback)")
    command.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    command.set_defaults(run=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    from thucydides.serve import run

    _check_store(args.db)
    run(args.db, args.host, args.port)
    return 0


def _documents(args: argparse.Namespace, skipped: list[InputError]) -> Iterator[Document]:
    """Processed documents of the command's sources; skips are reported and counted."""
    from thucydides.pipeline import Pipeline
    from thucydides.read import read_sources

    pipeline = Pipeline(actor_files=args.actors, pattern_files=args.patterns)
    for problem in pipeline.load_problems:
        print(f"thucydides: {problem}", file=sys.stderr)
    for item in pipeline.process(read_sources(args.sources, date=args.date)):
        if isinstance(item, InputError):
            skipped.append(item)
            print(f"thucydides: skipped {item}", file=sys.stderr)
        else:
            yield item


def run_extract(args: argparse.Namespace) -> int:
    from thucydides import records

    skipped: list[InputError] = []
    with ExitStack() as stack:
        files = _open_outputs(args.out, stack) if args.out else None
        for doc in _documents(args, skipped):
            if args.explain:
                from thucydides.explain import print_explanation

                print_explanation(doc)
            elif files is None:
                print(json.dumps(records.full_record(doc), ensure_ascii=False))
            else:
                _write_document(doc, files, stack, args.out)
    return EXIT_SKIPPED if skipped else 0


def _open_outputs(folder: Path, stack: ExitStack) -> dict[str, IO[str]]:
    folder.mkdir(parents=True, exist_ok=True)
    return {
        name: stack.enter_context((folder / f"{name}.jsonl").open("w", encoding="utf-8"))
        for name in OUTPUT_FILES
    }


def _write_document(
    doc: Document, files: dict[str, IO[str]], stack: ExitStack, folder: Path
) -> None:
    from thucydides import records

    def write(name: str, record: records.Record) -> None:
        files[name].write(json.dumps(record, ensure_ascii=False) + "\n")

    write("documents", records.document_record(doc))
    for index, event in enumerate(doc.events):
        write("events", records.event_record(doc, index, event))
    for index, quote in enumerate(doc.quotes):
        write("quotes", records.quote_record(doc, index, quote))
    for timex in doc.timexes:
        write("timexes", records.timex_record(doc, timex))
    for place in doc.places:
        write("places", records.place_record(doc, place))
    located = records.event_location_record(doc)
    if located is not None:
        if "event_locations" not in files:
            path = folder / "event_locations.jsonl"
            files["event_locations"] = stack.enter_context(path.open("w", encoding="utf-8"))
        write("event_locations", located)


def run_ingest(args: argparse.Namespace) -> int:
    from thucydides.engines import PipelineSpec
    from thucydides.engines import run_ingest as run_engine
    from thucydides.read import read_sources
    from thucydides.store import Store

    spec = PipelineSpec(tuple(args.actors), tuple(args.patterns))
    if args.actors or args.patterns:
        for problem in spec.build().load_problems:
            print(f"thucydides: {problem}", file=sys.stderr)
    skipped: list[InputError] = []

    def report(error: InputError) -> None:
        skipped.append(error)
        print(f"thucydides: skipped {error}", file=sys.stderr)

    with Store(args.db) as store:
        stats = run_engine(
            read_sources(args.sources, date=args.date),
            store,
            engine=args.engine,
            workers=args.workers,
            address=args.address,
            spec=spec,
            on_skip=report,
        )
    print(
        f"{args.db}: {stats.added} added, {stats.replaced} replaced, {stats.unchanged} unchanged "
        f"({stats.events} events, {stats.quotes} quotes); {len(skipped)} skipped",
        file=sys.stderr,
    )
    return EXIT_SKIPPED if skipped else 0


def _check_store(path: Path) -> None:
    if not path.exists():
        raise InputError(str(path), "no such database (run `thucydides ingest` first)")


def _filter(kind: type[FilterT], args: argparse.Namespace, **given: Any) -> FilterT:
    """A store filter of ``kind`` from the command-line options named as its fields."""
    options = {f.name: getattr(args, f.name) for f in fields(kind) if hasattr(args, f.name)}
    return kind(**{**options, **given})


def run_events(args: argparse.Namespace) -> int:
    from thucydides.export import write_table
    from thucydides.store import EventFilter, Store

    _check_store(args.db)
    filters = _filter(EventFilter, args, near=tuple(args.near) if args.near else None)
    with Store(args.db, read_only=True) as store:
        write_table(store.events(filters), args.format, args.output)
    return 0


def run_quotes(args: argparse.Namespace) -> int:
    from thucydides.export import write_table
    from thucydides.store import QuoteFilter, Store

    _check_store(args.db)
    filters = _filter(QuoteFilter, args)
    with Store(args.db, read_only=True) as store:
        write_table(store.quotes(filters), args.format, args.output)
    return 0


def run_happenings(args: argparse.Namespace) -> int:
    from thucydides.export import write_table
    from thucydides.store import HappeningFilter, Store, StoreError

    _check_store(args.db)
    if args.rebuild:
        with Store(args.db) as store:
            count = store.rebuild_happenings(window_days=args.window, full=args.full)
        print(f"{args.db}: {count} happenings rebuilt", file=sys.stderr)
    filters = _filter(HappeningFilter, args)
    with Store(args.db, read_only=True) as store:
        try:
            table = (
                store.happening_reports(args.reports) if args.reports else store.happenings(filters)
            )
        except StoreError as error:
            raise InputError(str(args.db), str(error)) from None
        write_table(table, args.format, args.output)
    return 0


def run_actor(args: argparse.Namespace) -> int:
    from thucydides.actors import ActorResolver, wiki_title

    resolver = ActorResolver(user_files=args.actors)
    for problem in resolver.load_problems:
        print(f"thucydides: {problem}", file=sys.stderr)
    skipped = 0
    for item in _actor_queries(args):
        if isinstance(item, InputError):
            skipped += 1
            print(f"thucydides: skipped {item}", file=sys.stderr)
            continue
        query_id, text, context, date = item
        actor = resolver.resolve(text, context=context, date=date)
        record: dict[str, Any] = {
            "doc_id": query_id,
            "text": text,
            "code": actor.code if actor else None,
            "sector": actor.sector if actor else None,
            "name": actor.name if actor else None,
            "wiki": wiki_title(actor) if actor else None,
            "rule": actor.rule if actor else None,
        }
        if args.explain:
            record["explain"] = resolver.explain(text)
        print(json.dumps(record, ensure_ascii=False))
    return EXIT_SKIPPED if skipped else 0


ActorQuery = tuple[str, str, str | None, dt.date | None]


def _actor_queries(args: argparse.Namespace) -> Iterator[ActorQuery | InputError]:
    for number, text in enumerate(args.texts, 1):
        yield str(number), text, None, args.date
    if args.input is None:
        return
    if not args.input.is_file():
        yield InputError(str(args.input), "no such file")
        return
    with args.input.open(encoding="utf-8", errors="replace") as handle:
        for line_number, line in enumerate(handle, 1):
            if line.strip():
                yield _actor_query(line, f"{args.input}:{line_number}", args.date)


def _actor_query(line: str, origin: str, default_date: dt.date | None) -> ActorQuery | InputError:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return InputError(origin, f"not JSON ({error.msg})")
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return InputError(origin, "record has no 'text' string")
    date = default_date
    if record.get("date"):
        try:
            date = dt.date.fromisoformat(str(record["date"])[:10])
        except ValueError:
            return InputError(origin, f"'date' is not a date: {record['date']!r}")
    context = record.get("context") if isinstance(record.get("context"), str) else None
    return str(record.get("id", origin)), record["text"], context, date


if __name__ == "__main__":
    sys.exit(main())
