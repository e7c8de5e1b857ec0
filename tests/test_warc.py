"""Reading web archives: HTML pages kept, everything else passed over, damage contained."""

from __future__ import annotations

from pathlib import Path

import pytest
from warcio.warcwriter import WARCWriter

from thucydides.errors import InputError
from thucydides.model import Source
from thucydides.pipeline import Pipeline
from thucydides.read import read_sources
from thucydides.warc import read_warc
from warc_pages import FRENCH_PAGE, PAGES, html_page, request, response, write_warc

URLS = list(PAGES)


def sources(items: list[Source | InputError]) -> list[Source]:
    return [item for item in items if isinstance(item, Source)]


def errors(items: list[Source | InputError]) -> list[InputError]:
    return [item for item in items if isinstance(item, InputError)]


@pytest.mark.parametrize("name", ["pages.warc", "pages.warc.gz"])
def test_reads_every_html_response_with_provenance(tmp_path: Path, name: str) -> None:
    items = list(read_warc(write_warc(tmp_path / name)))
    assert not errors(items)
    pages = sources(items)
    assert [s.url for s in pages] == URLS
    assert [s.doc_id for s in pages] == URLS
    first = pages[0]
    assert first.format == "html"
    assert "Lake Victoria" in first.content
    assert first.extra == {"crawl_date": "2026-03-12T08:00:00Z"}
    assert first.date is not None and first.date.isoformat() == "2026-03-12"
    path, offset = first.origin.rsplit("@", 1)
    assert path == str(tmp_path / name) and int(offset) > 0


def test_read_sources_dispatches_archives_and_finds_them_in_folders(tmp_path: Path) -> None:
    write_warc(tmp_path / "a.warc.gz")
    write_warc(tmp_path / "b.warc")
    assert len(sources(list(read_sources([str(tmp_path)])))) == 2 * len(PAGES)


def test_non_html_redirects_and_requests_are_passed_over(tmp_path: Path) -> None:
    path = tmp_path / "mixed.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        request(writer, "https://a.example/")
        response(writer, "https://a.example/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png")
        response(writer, "https://a.example/data", b'{"a": 1}', "application/json")
        response(writer, "https://a.example/old", b"<html>moved</html>", status="301 Moved")
        response(writer, URLS[0], html_page(*PAGES[URLS[0]]).encode())
    items = list(read_warc(path))
    assert [s.url for s in sources(items)] == [URLS[0]]
    assert not errors(items)


def test_binary_payload_declared_html_is_reported_with_offset(tmp_path: Path) -> None:
    path = tmp_path / "binary.warc"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        response(writer, "https://a.example/fake", b"\x00\x01\x02binary\x00", "text/html")
        response(writer, URLS[1], html_page(*PAGES[URLS[1]]).encode())
    items = list(read_warc(path))
    [error] = errors(items)
    assert error.source == f"{path}@0"
    assert "not HTML" in error.problem
    assert [s.url for s in sources(items)] == [URLS[1]]


def _offsets(path: Path) -> list[int]:
    return [int(s.origin.rsplit("@", 1)[1]) for s in sources(list(read_warc(path)))]


@pytest.mark.parametrize("name", ["cut.warc", "cut.warc.gz"])
def test_damaged_record_costs_only_itself(tmp_path: Path, name: str) -> None:
    good = write_warc(tmp_path / ("good-" + name))
    second = _offsets(good)[1]
    data = good.read_bytes()
    damaged = tmp_path / name
    damaged.write_bytes(data[: second + 200] + data[second + 600 :])
    items = list(read_warc(damaged))
    [error] = errors(items)
    assert error.source == f"{damaged}@{second}"
    assert "damaged" in error.problem
    assert [s.url for s in sources(items)] == [URLS[0], URLS[2], URLS[3]]


@pytest.mark.parametrize("name", ["short.warc", "short.warc.gz"])
def test_truncated_archive_reports_the_cut_record(tmp_path: Path, name: str) -> None:
    good = write_warc(tmp_path / ("good-" + name))
    last = _offsets(good)[-1]
    truncated = tmp_path / name
    truncated.write_bytes(good.read_bytes()[:-300])
    items = list(read_warc(truncated))
    [error] = errors(items)
    assert error.source == f"{truncated}@{last}"
    assert "truncated" in error.problem
    assert [s.url for s in sources(items)] == URLS[:3]


def test_garbage_between_records_is_skipped(tmp_path: Path) -> None:
    good = write_warc(tmp_path / "good.warc.gz")
    second = _offsets(good)[1]
    data = good.read_bytes()
    noisy = tmp_path / "noisy.warc.gz"
    noisy.write_bytes(data[:second] + b"not a record at all\n" * 5 + data[second:])
    items = list(read_warc(noisy))
    assert [e.source for e in errors(items)] == [f"{noisy}@{second}"]
    assert [s.url for s in sources(items)] == URLS


def test_missing_archive_is_an_input_error(tmp_path: Path) -> None:
    [error] = list(read_warc(tmp_path / "absent.warc.gz"))
    assert isinstance(error, InputError) and "cannot be read" in error.problem


def test_non_english_page_in_an_archive_is_skipped_with_a_reason(tmp_path: Path) -> None:
    url, title, paragraphs = FRENCH_PAGE
    pages = {url: (title, paragraphs), URLS[0]: PAGES[URLS[0]]}
    path = write_warc(tmp_path / "mixed.warc.gz", pages)
    results = list(Pipeline().process(read_warc(path)))
    [skip] = [r for r in results if isinstance(r, InputError)]
    assert skip.source.startswith(f"{path}@")
    assert "not an English page" in skip.problem
    [document] = [r for r in results if not isinstance(r, InputError)]
    assert document.url == URLS[0]
    assert document.extra["crawl_date"] == "2026-03-12T08:00:00Z"
