"""Engines: run the pipeline over many sources and store the results, on one machine or Ray.

Both engines share the front and the back: sources are grouped into chunks; before any NLP
runs, one store query per chunk drops the documents already stored with the same
(doc_id, content_hash) — which is what makes an interrupted ingest resumable — and the
processed documents are written by this process alone (DuckDB has a single writer), one
transaction per chunk, so a kill loses at most the chunks in flight and never leaves half a
document.

- ``local``: a spawn-safe process pool; each worker builds one ``Pipeline`` and processes
  whole chunks; results are written in input order. ``workers=1`` runs in this process.
- ``ray``: Ray Data over the same chunks (``map_batches`` with an actor pool, one Pipeline
  per actor, one block per chunk). The blocks' results stream back to this process in input
  order as each is done; each is written as Parquet partitioned by event date and loaded
  from there into the store while the actors go on with the next blocks (so the store never
  waits for the whole dataset, and no extra write tasks compete with the actors for CPU).
  ``address`` connects to an existing cluster; without it a private local instance is
  started that talks over loopback only.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import pickle
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from functools import cache
from itertools import count, islice
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Literal

from thucydides.errors import InputError
from thucydides.model import Document, Source
from thucydides.pipeline import Pipeline, content_hash
from thucydides.store import IngestStats, Store, event_day

Engine = Literal["local", "ray"]
ENGINES: tuple[Engine, ...] = ("local", "ray")
CHUNK_SIZE = 32
"""Sources per unit of work: one resume query, one worker task, one store transaction. spaCy
parses a chunk as one batch: chunks of 8 cost it about 9% more CPU than chunks of 64."""
IN_FLIGHT_PER_WORKER = 2
RAY_WAVE = 20_000
"""Sources per Ray dataset: bounds the driver's memory; each wave is stored when done."""
RAY_ENV = {
    "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0",
    "RAY_USAGE_STATS_ENABLED": "0",
    "RAY_AUTH_MODE": "disabled",
}
"""With ``ray_bootstrap_config.yaml`` in HOME, this keeps a local Ray instance off the
network (no cloud-metadata probe, no external bind); see the field notes."""
UNDATED = "undated"

Result = Document | InputError
SkipHandler = Callable[[InputError], None]


@dataclass(frozen=True)
class PipelineSpec:
    """What a worker needs to build its own ``Pipeline`` (picklable, hashable)."""

    actor_files: tuple[Path, ...] = ()
    pattern_files: tuple[Path, ...] = ()

    def build(self) -> Pipeline:
        return Pipeline(actor_files=self.actor_files, pattern_files=self.pattern_files)


def run_ingest(
    sources: Iterable[Source | InputError],
    store: Store,
    engine: Engine = "local",
    workers: int | None = None,
    address: str | None = None,
    spec: PipelineSpec | None = None,
    progress: bool | None = None,
    on_skip: SkipHandler | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> IngestStats:
    """Process and store ``sources``; unusable inputs go to ``on_skip``.

    ``workers`` defaults to every core; ``progress`` to whether stderr is a terminal.
    Already stored documents (same doc_id and content hash) are counted as unchanged
    without being processed again.
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    spec = spec or PipelineSpec()
    workers = max(1, workers or os.cpu_count() or 1)
    show = sys.stderr.isatty() if progress is None else progress
    with _progress_bar(show) as bar:
        sink = Sink(store, on_skip, bar)
        chunks = _new_work(sources, store, chunk_size, sink)
        if engine == "ray":
            _run_ray(chunks, sink, workers, address, spec, show)
        else:
            _run_local(chunks, sink, workers, spec)
    return sink.stats


# -- shared front and back ----------------------------------------------------------------


class Sink:
    """Counts, reports and stores results, and keeps the progress bar up to date."""

    def __init__(self, store: Store, on_skip: SkipHandler | None, bar: Any) -> None:
        self.store = store
        self.on_skip = on_skip
        self.bar = bar
        self.stats = IngestStats()
        self.skipped = 0
        self.started = time.perf_counter()

    def skip(self, error: InputError) -> None:
        self.skipped += 1
        if self.on_skip is not None:
            self.on_skip(error)
        self._show()

    def unchanged(self, count: int) -> None:
        self.stats.unchanged += count
        self._show()

    def write(self, results: Iterable[Result]) -> None:
        """Store one chunk's documents in one transaction; report its skips."""
        documents = []
        for result in results:
            if isinstance(result, InputError):
                self.skip(result)
            else:
                documents.append(result)
        if documents:
            _merge(self.stats, self.store.ingest(documents))
        self._show()

    def _show(self) -> None:
        if self.bar is None:
            return
        s = self.stats
        done = s.added + s.replaced + s.unchanged
        rate = done / max(time.perf_counter() - self.started, 1e-9)
        self.bar.update(
            self.bar.task_ids[0],
            description=f"{done} documents  {rate:.1f} docs/s  {s.events} events  "
            f"{self.skipped} skipped",
        )


def _merge(total: IngestStats, part: IngestStats) -> None:
    total.added += part.added
    total.replaced += part.replaced
    total.unchanged += part.unchanged
    total.events += part.events
    total.quotes += part.quotes
    total.errors.extend(part.errors)


def _new_work(
    sources: Iterable[Source | InputError], store: Store, size: int, sink: Sink
) -> Iterator[list[Source]]:
    """Chunks of the sources that still need processing: read errors go to the sink, and
    documents stored with the same content hash are dropped (one query per chunk)."""
    items = iter(sources)
    while batch := list(islice(items, size)):
        fresh = [item for item in batch if isinstance(item, Source)]
        for item in batch:
            if isinstance(item, InputError):
                sink.skip(item)
        stored = store.stored_hashes([s.doc_id for s in fresh]) if fresh else {}
        todo = [s for s in fresh if stored.get(s.doc_id) != content_hash(s)]
        if len(todo) < len(fresh):
            sink.unchanged(len(fresh) - len(todo))
        if todo:
            yield todo


def _progress_bar(show: bool) -> AbstractContextManager[Any]:
    if not show:
        return nullcontext(None)
    return _rich_progress()


@contextmanager
def _rich_progress() -> Iterator[Any]:
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    bar = Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
        console=Console(stderr=True), transient=False,
    )
    bar.add_task("starting", total=None)
    with bar:
        yield bar


# -- local engine -------------------------------------------------------------------------


def _run_local(
    chunks: Iterator[list[Source]], sink: Sink, workers: int, spec: PipelineSpec
) -> None:
    if workers == 1:
        for chunk in chunks:
            sink.write(process_chunk(spec, chunk))
        return
    pool = ProcessPoolExecutor(
        workers, mp_context=get_context("spawn"), initializer=_worker_pipeline, initargs=(spec,)
    )
    pending: deque[Future[list[Result]]] = deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(_pool_task, spec, chunk))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                sink.write(pending.popleft().result())
        while pending:
            sink.write(pending.popleft().result())
    finally:
        pool.shutdown(wait=not pending, cancel_futures=True)


def _pool_task(spec: PipelineSpec, chunk: list[Source]) -> list[Result]:
    return list(process_chunk(spec, chunk))


@cache
def _worker_pipeline(spec: PipelineSpec) -> Pipeline:
    """The one Pipeline of a worker process, built when the worker starts."""
    return spec.build()


def process_chunk(spec: PipelineSpec, chunk: list[Source]) -> list[Result]:
    """Run a worker's pipeline over one chunk (the unit of work of both engines).

    The pipeline already turns a failure in cleaning or extraction into an ``InputError`` for
    that document; if the batch itself fails (the parser, on some document), the chunk is
    redone one document at a time so that the failure costs that document alone.
    """
    pipeline = _worker_pipeline(spec)
    try:
        return list(pipeline.process(chunk, batch_size=len(chunk)))
    except Exception:
        return [_process_one(pipeline, source) for source in chunk]


def _process_one(pipeline: Pipeline, source: Source) -> Result:
    try:
        return next(iter(pipeline.process([source])))
    except Exception as error:
        return InputError(source.origin, f"could not be processed ({error!r})")


# -- Ray engine ---------------------------------------------------------------------------


def _run_ray(
    chunks: Iterator[list[Source]], sink: Sink, workers: int, address: str | None,
    spec: PipelineSpec, show: bool,
) -> None:
    """Stream each wave of chunks through Ray Data; every output block is written as Parquet
    partitions and loaded into the store while the actors go on with the next blocks."""
    with ray_session(address, workers, show), tempfile.TemporaryDirectory() as scratch:
        for number, wave in enumerate(_waves(chunks)):
            folder = Path(scratch) / f"wave-{number}"
            for block, table in enumerate(ray_process(wave, workers, spec)):
                sink.write(load_results(write_partitions(table, folder, block)))


def _waves(chunks: Iterator[list[Source]]) -> Iterator[list[list[Source]]]:
    """Consecutive runs of chunks holding about ``RAY_WAVE`` sources each."""
    wave: list[list[Source]] = []
    size = 0
    for chunk in chunks:
        wave.append(chunk)
        size += len(chunk)
        if size >= RAY_WAVE:
            yield wave
            wave, size = [], 0
    if wave:
        yield wave


@contextmanager
def ray_session(address: str | None, workers: int, show: bool = False) -> Iterator[None]:
    """Connect to ``address``, or start a private local Ray instance bound to loopback whose
    processes see a HOME with an empty ``ray_bootstrap_config.yaml`` (no network probes)."""
    saved = {key: os.environ.get(key) for key in (*RAY_ENV, "HOME")}
    os.environ.update(RAY_ENV)  # before the import: Ray reads some of them at import time
    try:
        import ray
    except ImportError:
        _restore(saved)
        raise InputError(
            "--engine ray", "Ray is not installed (pip install 'thucydides[ray]')"
        ) from None
    with tempfile.TemporaryDirectory(prefix="thucydides-ray-") as home:
        if address is None:
            Path(home, "ray_bootstrap_config.yaml").write_text("{}\n", encoding="utf-8")
            os.environ["HOME"] = home
        data_logger = logging.getLogger("ray.data")
        level = data_logger.level
        try:
            if address is None:
                ray.init(
                    num_cpus=workers, include_dashboard=False, _node_ip_address="127.0.0.1",
                    logging_level=logging.WARNING, log_to_driver=False,
                )
            else:
                ray.init(address=address, logging_level=logging.WARNING, log_to_driver=False)
            data_logger.setLevel(logging.INFO if show else logging.WARNING)
            context = ray.data.DataContext.get_current()
            context.enable_progress_bars = show
            context.execution_options.preserve_order = True
            yield
        finally:
            ray.shutdown()
            data_logger.setLevel(level)
            _restore(saved)


def _restore(saved: dict[str, str | None]) -> None:
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def ray_process(
    chunks: list[list[Source]], workers: int, spec: PipelineSpec
) -> Iterator[Any]:
    """Process chunks with Ray Data, one block per chunk and one block at a time per actor
    (so that a free actor takes the next block, as a pool worker does, instead of blocks
    queueing behind a slow one); the results come back as Arrow tables (``position``,
    ``event_date``, ``result``) in input order, one per block, as soon as it is done."""
    import pyarrow as pa
    import ray

    positions, schema = count(), _source_schema()
    blocks = [
        pa.Table.from_pylist([_source_row(next(positions), s) for s in chunk], schema=schema)
        for chunk in chunks
    ]
    dataset = ray.data.from_arrow(blocks).map_batches(
        RayPipeline,
        fn_constructor_args=(spec,),
        batch_size=None,
        batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(size=workers, max_tasks_in_flight_per_actor=1),
    )
    yield from dataset.iter_batches(batch_size=None, batch_format="pyarrow")


class RayPipeline:
    """A Ray Data actor: one Pipeline, built once, applied to batches of source rows."""

    def __init__(self, spec: PipelineSpec) -> None:
        self.spec = spec
        _worker_pipeline(spec)

    def __call__(self, batch: Any) -> dict[str, list[Any]]:
        rows = batch.to_pylist()
        results = process_chunk(self.spec, [_row_source(row) for row in rows])
        return {
            "position": [row["position"] for row in rows],
            "event_date": [_partition(result) for result in results],
            "result": [_pack(result) for result in results],
        }


def write_partitions(table: Any, folder: Path, block: int) -> list[Path]:
    """Write one block of results as Parquet under ``folder``, partitioned by
    ``event_date`` (a document's earliest event day, else its own date, else "undated"),
    Hive style: ``event_date=DAY/part-BLOCK.parquet``. Returns the files written."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    paths = []
    days = table.column("event_date")
    for day in pc.unique(days).to_pylist():
        path = folder / f"event_date={day}" / f"part-{block:06d}.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(table.filter(pc.equal(days, day)).drop_columns(["event_date"]), path)
        paths.append(path)
    return paths


def load_results(paths: list[Path]) -> list[Result]:
    """The results in Parquet files written by ``write_partitions``, in input order."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.concat_tables(pq.read_table(path) for path in paths).sort_by("position")
    return [_unpack(item) for item in table.column("result").to_pylist()]


def _source_schema() -> Any:
    """The Arrow schema of ``_source_row``: fixed, so that every block has the same types
    even where one holds only missing dates or titles."""
    import pyarrow as pa

    text = ("doc_id", "content", "format", "origin", "date", "url", "title", "extra")
    return pa.schema([("position", pa.int64()), *((name, pa.string()) for name in text)])


def _source_row(position: int, source: Source) -> dict[str, Any]:
    return {
        "position": position, "doc_id": source.doc_id, "content": source.content,
        "format": source.format, "origin": source.origin,
        "date": source.date.isoformat() if source.date else None,
        "url": source.url, "title": source.title,
        "extra": json.dumps(source.extra, ensure_ascii=False, default=str),
    }


def _row_source(row: dict[str, Any]) -> Source:
    return Source(
        doc_id=row["doc_id"], content=row["content"], format=row["format"],
        origin=row["origin"], date=dt.date.fromisoformat(row["date"]) if row["date"] else None,
        url=row["url"], title=row["title"], extra=json.loads(row["extra"]),
    )


def _partition(result: Result) -> str:
    if isinstance(result, InputError):
        return UNDATED
    days = sorted(day for event in result.events if (day := event_day(event.date)))
    if days:
        return days[0].isoformat()
    return result.date.isoformat() if result.date else UNDATED


def _pack(result: Result) -> bytes:
    """A result as bytes for Parquet. Pickle is safe here: the files are written by this
    run's own workers into a private scratch folder and read back once."""
    return pickle.dumps(result)


def _unpack(data: bytes) -> Result:
    result: Result = pickle.loads(data)
    return result
