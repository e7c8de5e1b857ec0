"""The engines: same events from 1 or 2 local workers and from Ray; resume after kill -9."""

from __future__ import annotations

import importlib.util
import os
import pickle
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from warcio.warcwriter import WARCWriter

from thucydides.annotate import AnnotatedDocument
from thucydides.engines import (
    PipelineSpec,
    load_results,
    ray_process,
    ray_session,
    run_ingest,
    write_partitions,
)
from thucydides.errors import InputError
from thucydides.model import Document, Source
from thucydides.pipeline import Pipeline
from thucydides.read import read_sources
from thucydides.store import EventFilter, Store
from warc_pages import FRENCH_PAGE, PAGES, html_page, response, write_warc

ROOT = Path(__file__).resolve().parents[1]


def many_pages(copies: int) -> dict[str, tuple[str, list[str]]]:
    """The test pages under ``copies`` URLs each (distinct documents, same articles)."""
    return {f"{url}?copy={n}": page for n in range(copies) for url, page in PAGES.items()}


def stored_events(db: Path) -> list[dict[str, Any]]:
    """Every stored event, field by field (flat row plus its actors with offsets)."""
    with Store(db, read_only=True) as store:
        rows = store.events(EventFilter()).to_pylist()
        documents = {row["doc_id"] for row in rows}
        full = {doc_id: store.document(doc_id) for doc_id in documents}
    for row in rows:
        record = full[row["doc_id"]]
        assert record is not None
        row["full"] = record["events"][row["event_index"]]
    return sorted(rows, key=lambda row: (row["doc_id"], row["event_index"]))


def ingest(warc: Path, db: Path, **options: Any) -> tuple[int, list[str]]:
    """Documents added, and the problem of each skipped input."""
    skipped: list[InputError] = []
    with Store(db) as store:
        stats = run_ingest(read_sources([str(warc)]), store, on_skip=skipped.append, **options)
    return stats.added, [error.problem.split(" (")[0] for error in skipped]


FRENCH_SKIPPED = ["not an English page"]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    url, title, paragraphs = FRENCH_PAGE
    pages = {**many_pages(2), url: (title, paragraphs)}
    return write_warc(tmp_path_factory.mktemp("warc") / "pages.warc.gz", pages)


@pytest.fixture(scope="module")
def one_worker(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("one") / "one.duckdb"
    added, skipped = ingest(archive, db, workers=1, chunk_size=3)
    assert (added, skipped) == (8, FRENCH_SKIPPED)
    return db


def test_two_local_workers_store_the_same_events_as_one(one_worker: Path, archive: Path,
                                                       tmp_path: Path) -> None:
    db = tmp_path / "two.duckdb"
    assert ingest(archive, db, workers=2, chunk_size=3) == (8, FRENCH_SKIPPED)
    events = stored_events(db)
    assert events and events == stored_events(one_worker)


def test_rerun_skips_stored_documents_before_processing(one_worker: Path, archive: Path) -> None:
    with Store(one_worker) as store:
        stats = run_ingest(read_sources([str(archive)]), store, workers=1)
    assert (stats.added, stats.unchanged) == (0, 8)  # the French page is judged again


def test_read_errors_go_to_the_skip_handler(tmp_path: Path) -> None:
    skipped: list[InputError] = []
    with Store(tmp_path / "db.duckdb") as store:
        stats = run_ingest(
            read_sources([str(tmp_path / "absent.warc")]), store, workers=1,
            on_skip=skipped.append,
        )
    assert stats.added == 0
    assert [error.problem for error in skipped] == ["no such file or folder"]


def test_a_document_that_crashes_an_extractor_costs_only_itself(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = Pipeline.extract

    def failing(self: Pipeline, annotated: AnnotatedDocument, digest: str) -> Document:
        if "Lima" in annotated.clean.text:
            raise IndexError("an extractor bug")
        return original(self, annotated, digest)

    monkeypatch.setattr(Pipeline, "extract", failing)
    added, skipped = ingest(archive, tmp_path / "db.duckdb", workers=1, chunk_size=4)
    assert added == 6
    assert sorted(skipped) == ["could not be processed", "could not be processed",
                               "not an English page"]


def test_unknown_engine_is_refused(tmp_path: Path) -> None:
    with Store(tmp_path / "db.duckdb") as store, pytest.raises(ValueError, match="engine"):
        run_ingest([], store, engine="spark")  # type: ignore[arg-type]


NEEDS_RAY = pytest.mark.skipif(
    importlib.util.find_spec("ray") is None, reason="ray is not installed"
)
LATER_PARAGRAPH = "A spokesman said on Friday that the commission would first meet in Kisumu."


def archive_with_a_later_version(path: Path) -> Path:
    """The first test page in a long version (slow to process), the other pages, then the
    first page again in a short version with one more paragraph (a re-crawl)."""
    first_url, (title, paragraphs) = next(iter(PAGES.items()))
    padding = [
        f"Delegates from fishing district {n} joined the talks on Tuesday and asked the "
        f"ministers for {n + 2} more permits before the season opens." for n in range(80)
    ]
    pages = [
        (first_url, (title, [*paragraphs, *padding])),
        *list(PAGES.items())[1:],
        (first_url, (title, [*paragraphs, LATER_PARAGRAPH])),
    ]
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, (page_title, page_paragraphs) in pages:
            response(writer, url, html_page(page_title, page_paragraphs).encode("utf-8"))
    return path


@pytest.mark.parametrize(
    "engine", ["local", pytest.param("ray", marks=NEEDS_RAY)]
)
def test_results_are_stored_in_input_order_so_a_later_version_wins(
    engine: str, tmp_path: Path
) -> None:
    """Units of one page: the long first page is still in work when the later ones are
    done, yet its re-crawl, last in the archive, must be what is stored."""
    warc = archive_with_a_later_version(tmp_path / "recrawl.warc.gz")
    with Store(tmp_path / "db.duckdb") as store:
        stats = run_ingest(read_sources([str(warc)]), store, engine=engine,  # type: ignore[arg-type]
                           workers=2, chunk_size=1)
        stored = store.document(next(iter(PAGES)))
    assert (stats.added, stats.replaced) == (len(PAGES), 1)
    assert stored is not None and LATER_PARAGRAPH in stored["text"]


def test_results_are_parquet_partitions_by_event_date_read_back_in_input_order(
    tmp_path: Path,
) -> None:
    problems = [InputError(f"page-{n}", "no article text") for n in range(3)]
    table = pa.table({
        "position": [2, 0, 1],
        "event_date": ["2026-03-10", "undated", "2026-03-10"],
        "result": [pickle.dumps(problems[n]) for n in (2, 0, 1)],
    })
    paths = write_partitions(table, tmp_path, 7)
    assert sorted(path.relative_to(tmp_path).as_posix() for path in paths) == [
        "event_date=2026-03-10/part-000007.parquet",
        "event_date=undated/part-000007.parquet",
    ]
    loaded = load_results(paths)
    assert [(error.source, error.problem) for error in loaded if isinstance(error, InputError)] == [
        (problem.source, problem.problem) for problem in problems
    ]


@NEEDS_RAY
def test_ray_engine_stores_the_same_events_as_the_local_engine(
    one_worker: Path, archive: Path, tmp_path: Path
) -> None:
    db = tmp_path / "ray.duckdb"
    assert ingest(archive, db, engine="ray", workers=2, chunk_size=3) == (8, FRENCH_SKIPPED)
    events = stored_events(db)
    assert events and events == stored_events(one_worker)


@NEEDS_RAY
def test_each_chunk_is_one_ray_block_returned_in_input_order(tmp_path: Path) -> None:
    """A chunk is the unit of work on Ray too: one block each (so an idle actor takes the next
    whole chunk), and the blocks come back in input order whatever finishes first."""
    texts = [
        "Kenya and Ethiopia signed a water treaty in Nairobi on Monday. " * 40,
        "The mayor of Lima opened a new bridge.",
        "Police arrested two protesters in Quito.",
        "Farmers in Ghana asked the government for seed loans.",
        "The Chilean navy rescued a fishing crew off Valparaiso.",
    ]
    sources = [Source(f"doc-{n}", text, "text", f"test:{n}") for n, text in enumerate(texts)]
    chunks = [sources[:2], sources[2:3], sources[3:]]
    with ray_session(None, 2):
        blocks = list(ray_process(chunks, 2, PipelineSpec()))
    assert [block.num_rows for block in blocks] == [2, 1, 2]
    positions = [p for block in blocks for p in block.column("position").to_pylist()]
    assert positions == list(range(len(texts)))
    results = [
        result
        for number, block in enumerate(blocks)
        for result in load_results(write_partitions(block, tmp_path, number))
    ]
    assert [r.doc_id for r in results if isinstance(r, Document)] == [s.doc_id for s in sources]


CHILD = textwrap.dedent(
    """
    import sys
    from thucydides.engines import run_ingest
    from thucydides.read import read_sources
    from thucydides.store import Store

    original = Store.ingest

    def announcing(self, documents):
        stats = original(self, documents)
        print("stored", stats.added, flush=True)
        return stats

    Store.ingest = announcing
    if __name__ == "__main__":
        with Store(sys.argv[2]) as store:
            run_ingest(read_sources([sys.argv[1]]), store, workers=1, chunk_size=2)
        print("done", flush=True)
    """
)


def test_ingest_killed_mid_run_resumes_without_loss_or_duplicates(
    archive: Path, tmp_path: Path
) -> None:
    warc = write_warc(tmp_path / "big.warc.gz", many_pages(6))
    reference = tmp_path / "reference.duckdb"
    ingest(warc, reference, workers=1)
    db = tmp_path / "resumed.duckdb"
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    command = [sys.executable, str(script), str(warc), str(db)]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    assert child.stdout is not None
    for _ in range(3):
        assert child.stdout.readline().startswith("stored")
    child.send_signal(signal.SIGKILL)
    child.wait()
    with Store(db, read_only=True) as store:
        partial = store.counts()["documents"]
    assert 0 < partial < 24
    finished = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    assert finished.stdout.strip().endswith("done")
    with Store(db, read_only=True) as store, Store(reference, read_only=True) as full:
        assert store.counts() == full.counts()
    assert stored_events(db) == stored_events(reference)
