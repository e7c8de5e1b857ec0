"""Tests for thucydides.read: files, folders, JSONL, stdin, and every kind of bad input."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest

from thucydides import read
from thucydides.errors import InputError
from thucydides.model import Source
from thucydides.read import parse_date, read_sources, sniff_format, source_from_string

EXAMPLES = Path(__file__).parents[1] / "examples"
DAY = dt.date(2025, 3, 18)
ARTICLE = "Envoys from Chile and Peru met in Lima on Monday to discuss fishing rights.\n"


def collect(*inputs: str | Path, date: dt.date | None = None) -> list[Source | InputError]:
    return list(read_sources([str(i) for i in inputs], date=date))


def only_error(items: list[Source | InputError]) -> InputError:
    assert len(items) == 1
    assert isinstance(items[0], InputError)
    return items[0]


def only_source(items: list[Source | InputError]) -> Source:
    assert len(items) == 1
    assert isinstance(items[0], Source)
    return items[0]


def test_text_file_is_read_verbatim(tmp_path: Path) -> None:
    path = tmp_path / "talks.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    source = only_source(collect(path, date=DAY))
    assert source.content == ARTICLE
    assert (source.doc_id, source.format, source.origin, source.date) == (
        "talks.txt", "text", str(path), DAY
    )


def test_html_file_gets_html_format() -> None:
    source = only_source(collect(EXAMPLES / "border_clash.html"))
    assert source.format == "html"
    assert source.doc_id == "border_clash.html"


def test_folder_is_read_recursively_sorted_with_relative_ids(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.html").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    (tmp_path / "notes.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "r1", "text": ARTICLE}) + "\n")
    ids = [item.doc_id for item in collect(tmp_path) if isinstance(item, Source)]
    assert ids == ["a.html", "b/two.txt", "r1"]


def test_jsonl_records_keep_fields_and_extra(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    trigger = {"start": 15, "end": 19, "text": "met"}
    lines = [
        {"id": "a", "text": ARTICLE, "date": "2025-01-02", "url": "https://x.example/a",
         "title": "Envoys meet", "trigger": trigger},
        {"text": ARTICLE},
        {"id": "c", "text": "<html><body><p>Talks</p></body></html>"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n", encoding="utf-8")
    first, second, third = collect(path, date=DAY)
    assert isinstance(first, Source) and isinstance(second, Source) and isinstance(third, Source)
    assert first.doc_id == "a" and first.origin == f"{path}:1"
    assert first.date == dt.date(2025, 1, 2)
    assert (first.url, first.title) == ("https://x.example/a", "Envoys meet")
    assert first.extra == {"trigger": trigger}
    assert second.doc_id == "records.jsonl:2" and second.date == DAY
    assert third.format == "html"


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("{not json", "line is not JSON"),
        ("[1, 2]", "not a JSON object"),
        ('{"id": "x"}', "no non-empty string 'text'"),
        ('{"id": "x", "text": "   "}', "no non-empty string 'text'"),
        ('{"id": "x", "text": 42}', "no non-empty string 'text'"),
        ('{"text": "Talks.", "date": "2025-13-45"}', "'date' is not a date: '2025-13-45'"),
        ('{"id": "x", "text": "Talks.", "date": 20250101}', "'date' is not a date: 20250101"),
    ],
)
def test_bad_jsonl_line_is_an_error_and_reading_goes_on(
    tmp_path: Path, line: str, problem: str
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n" + json.dumps({"id": "ok", "text": ARTICLE}) + "\n")
    error, good = collect(path)
    assert isinstance(error, InputError)
    assert error.source == f"{path}:1"
    assert problem in error.problem
    assert str(path) in str(error)
    assert isinstance(good, Source) and good.doc_id == "ok"


def test_missing_path_is_an_error_and_the_next_input_is_read(tmp_path: Path) -> None:
    good = tmp_path / "ok.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    error, source = collect(tmp_path / "nowhere.txt", good)
    assert isinstance(error, InputError) and "no such file" in error.problem
    assert error.source == str(tmp_path / "nowhere.txt")
    assert isinstance(source, Source)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty file"),
        (b"  \n\n\t", "empty file"),
        (b"PK\x03\x04\x00\x00binary", "binary file"),
        (b"Talks in Kyiv\xff\xfe rest", "not valid UTF-8 (bad byte at offset 13)"),
    ],
)
def test_unusable_file_is_an_error(tmp_path: Path, data: bytes, problem: str) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(data)
    error = only_error(collect(path))
    assert error.source == str(path)
    assert problem in error.problem


def test_binary_jsonl_file_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b"\x00\x01\x02\n" * 1000)
    error = only_error(collect(path))
    assert error.source == str(path) and "binary file" in error.problem


def test_folder_without_pages_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text(ARTICLE, encoding="utf-8")
    error = only_error(collect(tmp_path))
    assert error.source == str(tmp_path) and "no .txt" in error.problem


def test_named_file_with_other_suffix_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "page.xhtml"
    path.write_text("<!DOCTYPE html><html><body><p>Talks</p></body></html>", encoding="utf-8")
    assert only_source(collect(path)).format == "html"


def test_empty_jsonl_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    assert "empty file" in only_error(collect(path)).problem


def test_page_over_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read, "MAX_BYTES", 100)
    path = tmp_path / "huge.txt"
    path.write_text("word " * 50, encoding="utf-8")
    assert "larger than" in only_error(collect(path)).problem


def test_jsonl_line_over_size_limit_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(read, "MAX_BYTES", 100)
    path = tmp_path / "big.jsonl"
    big = json.dumps({"id": "big", "text": "word " * 100})
    path.write_text(big + "\n" + json.dumps({"id": "small", "text": "Talks."}) + "\n")
    error, source = collect(path)
    assert isinstance(error, InputError) and error.source == f"{path}:1"
    assert "larger than" in error.problem
    assert isinstance(source, Source) and source.doc_id == "small"


def test_stdin_sniffs_html(monkeypatch: pytest.MonkeyPatch) -> None:
    page = b"<!DOCTYPE html><html><body><p>Talks</p></body></html>"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page)))
    source = only_source(collect("-"))
    assert (source.format, source.origin, source.doc_id) == ("html", "<stdin>", "stdin")


def test_stdin_text_and_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    assert only_source(collect("-", date=DAY)).format == "text"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    error = only_error(collect("-"))
    assert error.source == "<stdin>" and "empty" in error.problem


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-18", DAY),
        ("2025-03-18T09:30:00Z", DAY),
        ("2025-03-18T09:30:00+02:00", DAY),
        ("2025-03-18 09:30", DAY),
    ],
)
def test_parse_date_accepts_dates_and_timestamps(value: str, expected: dt.date) -> None:
    assert parse_date(value, "here") == expected


@pytest.mark.parametrize("value", ["2025-13-45", "yesterday", "18/03/2025", "2025-03-18Tnoon"])
def test_parse_date_rejects_non_dates(value: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_date(value, "feed.jsonl:3")
    assert caught.value.source == "feed.jsonl:3"
    assert caught.value.problem == f"'date' is not a date: {value!r}"


def test_source_from_string() -> None:
    source = source_from_string(ARTICLE, "2025-03-18", "doc")
    assert (source.doc_id, source.format, source.date) == ("doc", "text", DAY)
    assert source_from_string("<p>Talks</p>", DAY, "d").format == "html"
    assert source_from_string(ARTICLE, None, "d").date is None
    with pytest.raises(InputError, match="not a date"):
        source_from_string(ARTICLE, "2025-02-30", "doc")


def test_sniff_format() -> None:
    assert sniff_format("  <!doctype html><p>x</p>") == "html"
    assert sniff_format("<div class='story'>Talks</div>") == "html"
    assert sniff_format("Talks resumed <b>today</b>.") == "text"
    assert sniff_format("3 < 4 and the <html> tag") == "text"
