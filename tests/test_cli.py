"""The command line end to end, on articles written for these tests."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from thucydides.cli import build_parser, main

ARTICLE = """\
Accept all cookies to continue. Manage your cookie preferences in Settings.
Foreign ministers of Kenya and Ethiopia met in Nairobi on Thursday to discuss the drought.
Kenyan Foreign Minister Grace Wanjiru told reporters the two sides agreed to share water data.
"We cannot face this crisis alone," Wanjiru said.
On March 2, Ethiopian troops attacked a rebel camp near the border, the army said.
"""

SECOND = """\
Police in Lima arrested twelve protesters outside the Congress building on Friday.
Peruvian President Rosa Quispe condemned the violence and called for calm.
"""


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "horn.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "lima.txt").write_text(SECOND, encoding="utf-8")
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_every_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("extract", "ingest", "events", "quotes", "actor"):
        with pytest.raises(SystemExit) as stop:
            main([command, "--help"])
        assert stop.value.code == 0
        assert command in capsys.readouterr().out
    assert build_parser().prog == "thucydides"


def test_extract_prints_one_json_object_per_document(
    articles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "extract", str(articles), "--date", "2024-03-08")
    assert code == 0, err
    documents = [json.loads(line) for line in out.splitlines()]
    assert [d["doc_id"] for d in documents] == ["horn.txt", "lima.txt"]
    horn = documents[0]
    assert "cookie" not in horn["body"].lower()
    types = {e["event"] for e in horn["events"]}
    assert "CONSULT" in types
    consult = next(e for e in horn["events"] if e["event"] == "CONSULT")
    codes = {a["code"] for a in consult["actor"] + consult["recipient"]}
    assert {"KEN", "ETH"} <= codes
    for event in horn["events"]:
        trigger = event["trigger"]
        assert horn["text"][trigger["start"] : trigger["end"]] == trigger["text"]


def test_extract_out_writes_one_file_per_record_kind(
    articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code, _, err = run(capsys, "extract", str(articles), "--date", "2024-03-08", "--out", str(out))
    assert code == 0, err
    for name in ("documents", "events", "quotes", "timexes", "places"):
        lines = (out / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        assert lines, name
        assert all(json.loads(line)["doc_id"] in {"horn.txt", "lima.txt"} for line in lines)
    quotes = [json.loads(x) for x in (out / "quotes.jsonl").read_text().splitlines()]
    direct = [q for q in quotes if q["type"] == "direct"]
    assert direct and direct[0]["speaker_name"] == "Grace Wanjiru"
    timexes = [json.loads(x) for x in (out / "timexes.jsonl").read_text().splitlines()]
    assert {"text": "March 2", "value": "2024-03-02"} in [
        {"text": t["text"], "value": t["value"]} for t in timexes
    ]


def test_bad_inputs_are_reported_and_the_batch_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 talks in Bogot\xe1 ended.".encode("latin-1"))
    (tmp_path / "good.txt").write_text(SECOND, encoding="utf-8")
    records = [
        json.dumps({"id": "ok", "text": SECOND, "date": "2024-03-08"}),
        "{not json",
        json.dumps({"id": "no-text", "title": "x"}),
        json.dumps({"id": "bad-date", "text": SECOND, "date": "2024-13-45"}),
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(tmp_path))
    assert code == 1
    produced = {json.loads(line)["doc_id"] for line in out.splitlines()}
    assert produced == {"good.txt", "ok"}
    problems = [line for line in err.splitlines() if "skipped" in line]
    assert len(problems) == 6
    for name in (
        "empty.txt",
        "binary.txt",
        "latin1.txt",
        "batch.jsonl:2",
        "batch.jsonl:3",
        "batch.jsonl:4",
    ):
        assert any(name in line for line in problems), name
    assert "Traceback" not in err


def test_ingest_is_idempotent_and_replaces_changed_documents(
    articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "events.duckdb")
    code, _, err = run(capsys, "ingest", str(articles), "--db", db, "--date", "2024-03-08")
    assert code == 0 and "2 added" in err
    code, _, err = run(capsys, "ingest", str(articles), "--db", db, "--date", "2024-03-08")
    assert "0 added" in err and "2 unchanged" in err
    _, first, _ = run(capsys, "events", "--db", db, "--format", "jsonl")
    (articles / "lima.txt").write_text(SECOND.replace("twelve", "thirty"), encoding="utf-8")
    code, _, err = run(capsys, "ingest", str(articles), "--db", db, "--date", "2024-03-08")
    assert "1 replaced" in err and "1 unchanged" in err
    _, second, _ = run(capsys, "events", "--db", db, "--format", "jsonl")
    assert len(second.splitlines()) == len(first.splitlines())


def test_queries_filter_and_export(
    articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "events.duckdb")
    run(capsys, "ingest", str(articles), "--db", db, "--date", "2024-03-08")
    code, out, _ = run(capsys, "events", "--db", db, "--actor", "KEN", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all("KEN" in json.dumps(row) for row in rows)
    code, out, _ = run(
        capsys,
        "events",
        "--db",
        db,
        "--since",
        "2024-03-01",
        "--until",
        "2024-03-03",
        "--format",
        "jsonl",
    )
    dated = [json.loads(line) for line in out.splitlines()]
    assert dated and all("2024-03-01" <= str(e["date"])[:10] <= "2024-03-03" for e in dated)
    parquet = tmp_path / "events.parquet"
    code, _, _ = run(capsys, "events", "--db", db, "--format", "parquet", "--output", str(parquet))
    assert code == 0 and pq.read_table(parquet).num_rows >= 3
    code, out, _ = run(capsys, "events", "--db", db)
    assert code == 0 and "CONSULT" in out
    code, out, _ = run(capsys, "quotes", "--db", db, "--speaker", "Wanjiru", "--format", "jsonl")
    assert code == 0 and "cannot face this crisis" in out


def test_place_and_happening_queries(
    articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "events.duckdb")
    run(capsys, "ingest", str(articles), "--db", db, "--date", "2024-03-08")
    lima = ("--near", "-12.05", "-77.04", "50")
    code, out, _ = run(capsys, "events", "--db", db, *lima, "--format", "jsonl")
    near_lima = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and near_lima
    assert {e["doc_id"] for e in near_lima} == {"lima.txt"}
    code, _, err = run(capsys, "happenings", "--db", db, "--rebuild", "--actor", "KEN")
    assert code == 0 and "happenings rebuilt" in err
    code, out, _ = run(capsys, "happenings", "--db", db, "--actor", "KEN", "--format", "jsonl")
    happenings = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and happenings
    assert all("KEN" in json.dumps(h) for h in happenings)


def test_querying_a_missing_database_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "events", "--db", str(tmp_path / "nope.duckdb"))
    assert code == 1 and "nope.duckdb" in err and "Traceback" not in err


def test_actor_command_resolves_strings_and_input_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "actor", "Ukrainian forces", "the Kenyan government")
    assert code == 0
    first, second = (json.loads(line) for line in out.splitlines())
    assert (first["code"], first["sector"]) == ("UKR", "MIL")
    assert (second["code"], second["sector"]) == ("KEN", "GOV")
    queries = tmp_path / "actors.jsonl"
    queries.write_text(json.dumps({"id": "q1", "text": "Nigerian police"}) + "\nnope\n")
    code, out, err = run(capsys, "actor", "--input", str(queries))
    assert code == 1 and "actors.jsonl:2" in err
    assert json.loads(out)["doc_id"] == "q1" and json.loads(out)["sector"] == "COP"


def test_an_extractor_failure_costs_one_document_not_the_batch(
    articles: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from thucydides import pipeline

    real = pipeline.find_quotes

    def fragile(annotated, resolver, events):  # type: ignore[no-untyped-def]
        if "Lima" in annotated.text:
            raise ValueError("a bug in one extractor")
        return real(annotated, resolver, events)

    monkeypatch.setattr(pipeline, "find_quotes", fragile)
    code, out, err = run(capsys, "extract", str(articles), "--date", "2024-03-08")
    assert code == 1
    assert [json.loads(line)["doc_id"] for line in out.splitlines()] == ["horn.txt"]
    assert "lima.txt" in err and "a bug in one extractor" in err and "Traceback" not in err
