"""The HTTP API over a small hand-made store: filters, validation, 404, injection, read-only."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from serve_store import HOSTILE_ID, SCRIPT, build_store
from thucydides.serve import actor_network, create_app, event_places
from thucydides.store import Store

INJECTIONS = [
    "RUS' OR '1'='1",
    "x'); DROP TABLE events; --",
    '" OR 1=1 --',
    "%' UNION SELECT * FROM documents --",
    "RUS;DELETE FROM events",
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("serve") / "store.duckdb")


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as test_client:
        yield test_client


def get(client: TestClient, path: str, **params: object) -> dict:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_events_filter_by_actor_recipient_and_type(client: TestClient) -> None:
    events = get(client, "/api/events", actor="RUS", recipient="UKR")["events"]
    assert [e["event"] for e in events] == ["ASSAULT", "ACCUSE", "CONSULT", "AGREE"]
    assert get(client, "/api/events", actor="RUS", type="consult")["events"][0]["trigger"] == "met"
    assert get(client, "/api/events", actor="russia", quad_class=4)["events"][0]["event"] == (
        "ASSAULT"
    )


def test_events_filter_by_date_place_text_and_paging(client: TestClient) -> None:
    march_week = get(client, "/api/events", since="2025-03-10", until="2025-03-16")["events"]
    assert {e["event"] for e in march_week} == {"ACCUSE", "AID", "ASSAULT"}
    assert [e["place"] for e in get(client, "/api/events", place_country="che")["events"]] == [
        "Geneva"
    ]
    assert [e["event"] for e in get(client, "/api/events", text="swap prisoners")["events"]] == [
        "AGREE"
    ]
    near_kyiv = get(client, "/api/events", near="50.4,30.5,50")["events"]
    assert {e["event"] for e in near_kyiv} == {"ASSAULT", "AID"}
    page = get(client, "/api/events", actor="RUS", limit=2, offset=2)
    assert [e["event"] for e in page["events"]] == ["CONSULT", "AGREE"]


def test_dyad_counts_and_goldstein_per_week(client: TestClient) -> None:
    body = get(client, "/api/dyad", actor="RUS", recipient="UKR", interval="week")
    periods = body["periods"]
    assert [p["period"] for p in periods] == ["2025-03-03", "2025-03-10", "2025-03-17",
                                              "2025-03-24"]
    assert [p["events"] for p in periods] == [1, 1, 1, 1]
    assert [p["goldstein_sum"] for p in periods] == [-10.0, -2.0, 1.0, 3.0]
    assert periods[0]["quad4"] == 1 and periods[2]["quad1"] == 1
    monthly = get(client, "/api/dyad", actor="RUS", recipient="UKR", interval="month")
    assert monthly["periods"] == [
        {"period": "2025-03-01", "events": 4, "goldstein_sum": -8.0, "quad0": 0, "quad1": 2,
         "quad2": 0, "quad3": 1, "quad4": 1}
    ]


def test_actors_network_and_places(client: TestClient) -> None:
    actors = {a["code"]: a for a in get(client, "/api/actors")["actors"]}
    assert actors["RUS"]["as_actor"] == 4 and actors["UKR"]["as_recipient"] == 6
    network = get(client, "/api/network")
    edges = {(e["source"], e["target"]): e for e in network["edges"]}
    assert edges["RUS", "UKR"]["events"] == 4
    assert edges["USA", "UKR"]["goldstein_mean"] == 7.0
    assert {n["id"] for n in network["nodes"]} >= {"RUS", "UKR", "USA", "CHN", "FRA"}
    places = {p["place"]: p for p in get(client, "/api/places")["places"]}
    assert set(places) == {"Kyiv", "Moscow", "Geneva"}
    assert places["Kyiv"]["events"] == 2 and places["Kyiv"]["lat"] == pytest.approx(50.45)


def test_quotes_by_speaker_and_words(client: TestClient) -> None:
    quotes = get(client, "/api/quotes", speaker="president")["quotes"]
    assert [q["content"] for q in quotes] == ['"We will not give up,"']
    assert get(client, "/api/quotes", contains="give up")["quotes"][0]["doc_id"] == "war"
    assert get(client, "/api/quotes", contains="surrender")["quotes"] == []


def test_document_with_annotations(client: TestClient) -> None:
    doc = get(client, "/api/documents/war")
    assert doc["title"] == "Test article war"
    trigger = doc["events"][0]["trigger"]
    assert doc["text"][trigger["start"]:trigger["end"]] == "shelled"
    assert doc["quotes"][0]["speaker"]["text"] == "the president of Ukraine"
    assert [t["value"] for t in doc["timexes"]] == ["2025-03-28"]
    assert SCRIPT in get(client, f"/api/documents/{HOSTILE_ID}")["text"]


def test_unknown_document_is_404(client: TestClient) -> None:
    response = client.get("/api/documents/no-such-doc")
    assert response.status_code == 404
    assert "no-such-doc" in response.json()["detail"]


@pytest.mark.parametrize(
    ("path", "params", "parameter"),
    [
        ("/api/events", {"quad_class": 7}, "quad_class"),
        ("/api/events", {"since": "last tuesday"}, "since"),
        ("/api/events", {"since": "2025-04-01", "until": "2025-03-01"}, "since"),
        ("/api/events", {"type": "PARTY"}, "type"),
        ("/api/events", {"limit": 0}, "limit"),
        ("/api/events", {"limit": 100_000}, "limit"),
        ("/api/events", {"offset": -1}, "offset"),
        ("/api/events", {"place_country": "Ukraine"}, "place_country"),
        ("/api/events", {"modality": "maybe"}, "modality"),
        ("/api/events", {"near": "91,0,10"}, "near"),
        ("/api/events", {"near": "north"}, "near"),
        ("/api/dyad", {"actor": "RUS"}, "recipient"),
        ("/api/dyad", {"actor": "RUS", "recipient": "UKR", "interval": "year"}, "interval"),
        ("/api/network", {"nodes": 1}, "nodes"),
        ("/api/quotes", {"until": "2025-02-30"}, "until"),
    ],
)
def test_invalid_filters_are_422_naming_the_parameter(
    client: TestClient, path: str, params: dict, parameter: str
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 422
    errors = response.json()["detail"]
    assert any(e["loc"][-1] == parameter and e["msg"] for e in errors), errors


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_strings_are_only_values(client: TestClient, db: Path, value: str) -> None:
    for path, name in [("/api/events", "actor"), ("/api/events", "recipient"),
                       ("/api/events", "text"), ("/api/events", "doc_id"),
                       ("/api/quotes", "speaker"), ("/api/quotes", "contains")]:
        body = get(client, path, **{name: value})
        assert body[path.rsplit("/", 1)[1]] == [], (path, name)
    assert get(client, "/api/dyad", actor=value, recipient="UKR")["periods"] == []
    assert client.get(f"/api/documents/{value}").status_code == 404
    with Store(db, read_only=True) as store:
        assert store.counts()["events"] == 8


def test_no_endpoint_writes(client: TestClient) -> None:
    schema = get(client, "/openapi.json")
    methods = {method for item in schema["paths"].values() for method in item}
    assert methods == {"get"}
    for method in ("post", "put", "patch", "delete"):
        assert client.request(method, "/api/events").status_code == 405
        assert client.request(method, "/api/documents/war").status_code == 405


def test_page_and_assets_are_served_with_a_strict_policy(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy
    for asset in ("app.js", "style.css", "world.svg"):
        assert client.get(f"/static/{asset}").status_code == 200
    assert client.get("/static/../serve.py").status_code == 404
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN


def test_store_is_opened_read_only(db: Path) -> None:
    app = create_app(db)
    with TestClient(app), Store(db, read_only=True) as other:
        assert other.counts()["documents"] == 3


def test_actor_network_keeps_top_nodes_and_their_edges() -> None:
    events = [{"actor": "A", "recipient": "B;C", "goldstein": 2.0},
              {"actor": "A", "recipient": "B", "goldstein": -4.0},
              {"actor": "D", "recipient": "A", "goldstein": None},
              {"actor": "", "recipient": "A", "goldstein": 1.0}]
    network = actor_network(events, 3)
    assert [n["id"] for n in network["nodes"]] == ["A", "B", "C"]
    assert network["edges"] == [
        {"source": "A", "target": "B", "events": 2, "goldstein_mean": -1.0},
        {"source": "A", "target": "C", "events": 1, "goldstein_mean": 2.0},
    ]


def test_event_places_groups_by_place() -> None:
    row = {"place": "Kyiv", "place_country": "UKR", "place_lat": 50.4, "place_lon": 30.5}
    other = {**row, "place": "Lviv", "place_lat": 49.8, "place_lon": 24.0}
    places = event_places([{**row, "goldstein": -4.0}, {**row, "goldstein": 2.0},
                           {**other, "goldstein": 1.0}], 1)
    assert places == [{"place": "Kyiv", "country": "UKR", "lat": 50.4, "lon": 30.5,
                       "events": 2, "goldstein_mean": -1.0}]
