"""``thucydides serve``: a read-only HTTP API over the store, and the web page that uses it.

Every endpoint is a GET that reads the store through ``Store``'s query methods, which pass
filter values to DuckDB only as bound parameters; the store is opened read-only, so no
request can change it. Query parameters are validated here first (422 with the offending
parameter named). The page under ``web/`` is static: it asks the JSON endpoints for data and
builds its DOM with ``textContent`` only, and the Content-Security-Policy header forbids
inline scripts and every origin but this one, so article text can never run as code.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal, NoReturn

import pyarrow as pa
from fastapi import FastAPI, HTTPException, Query, Request, Response
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from thucydides.ontology import plover_types
from thucydides.store import EventFilter, QuoteFilter, Store

WEB = Path(__file__).parent / "web"
MAX_LIMIT = 1000
MAX_SCAN = 100_000
WHOLE_EARTH_KM = 20_016.0
"""Half the Earth's circumference, rounded up: every placed event lies within it of (0, 0),
so a ``near`` filter with this radius keeps exactly the events that have coordinates."""

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

Text = Annotated[str | None, Query(max_length=200)]
Day = Annotated[dt.date | None, Query(description="YYYY-MM-DD")]
Quad = Annotated[int | None, Query(ge=0, le=4, description="0 neutral .. 4 material conflict")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Scan = Annotated[int, Query(ge=1, le=MAX_SCAN, description="at most this many events read")]
Country = Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO 3166 alpha-3")]
Near = Annotated[
    str | None,
    Query(pattern=r"^-?[0-9.]+,-?[0-9.]+,[0-9.]+$", description="LAT,LON,KM: placed within KM"),
]
Modality = Literal["asserted", "future", "hypothetical", "negated"]


def create_app(db_path: str | Path) -> FastAPI:
    """The application over the store at ``db_path`` (opened read-only, now: a missing or
    foreign file raises ``StoreError`` before the server starts)."""
    store = Store(db_path, read_only=True)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="thucydides",
        summary="Political event data from news: events, actors, quotations and places.",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.middleware("http")(_security_headers)
    _add_event_routes(app, store)
    _add_other_routes(app, store)
    _add_page(app)
    return app


def run(db: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the store at ``db`` until interrupted (``thucydides serve``)."""
    import uvicorn

    uvicorn.run(create_app(db), host=host, port=port, log_level="info")


async def _security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    response.headers.update(SECURITY_HEADERS)
    return response


def _add_page(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=WEB), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB / "index.html", media_type="text/html")


def _add_event_routes(app: FastAPI, store: Store) -> None:
    @app.get("/api/events", summary="Events matching every given filter, in date order")
    def events(
        actor: Text = None,
        recipient: Text = None,
        type: Text = None,
        quad_class: Quad = None,
        since: Day = None,
        until: Day = None,
        place_country: Country = None,
        near: Near = None,
        text: Text = None,
        modality: Modality | None = None,
        doc_id: Text = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        _check_range(since, until)
        f = EventFilter(
            actor=actor, recipient=recipient, type=_event_type(type), quad_class=quad_class,
            since=since, until=until, place_country=place_country, near=_near(near), text=text,
            modality=modality, doc_id=doc_id, limit=limit, offset=offset,
        )
        return {"events": rows(store.events(f)), "limit": limit, "offset": offset}

    @app.get("/api/dyad", summary="Events from actor to recipient per period")
    def dyad(
        actor: Annotated[str, Query(min_length=1, max_length=200)],
        recipient: Annotated[str, Query(min_length=1, max_length=200)],
        interval: Literal["day", "week", "month"] = "week",
        since: Day = None,
        until: Day = None,
    ) -> dict[str, Any]:
        _check_range(since, until)
        series = store.dyad_series(actor, recipient, interval, since, until)
        return {"actor": actor, "recipient": recipient, "interval": interval,
                "periods": rows(series)}

    @app.get("/api/network", summary="Who acts on whom: actors and weighted directed edges")
    def network(
        type: Text = None,
        quad_class: Quad = None,
        since: Day = None,
        until: Day = None,
        nodes: Annotated[int, Query(ge=2, le=200)] = 30,
        scan: Scan = 20_000,
    ) -> dict[str, Any]:
        _check_range(since, until)
        f = EventFilter(type=_event_type(type), quad_class=quad_class, since=since,
                        until=until, limit=scan)
        table = store.events(f).select(["actor", "recipient", "goldstein"])
        return {**actor_network(table.to_pylist(), nodes), "scanned": table.num_rows}

    @app.get("/api/places", summary="Event locations with their event counts, for the map")
    def places(
        actor: Text = None,
        recipient: Text = None,
        type: Text = None,
        quad_class: Quad = None,
        since: Day = None,
        until: Day = None,
        points: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 300,
        scan: Scan = 20_000,
    ) -> dict[str, Any]:
        _check_range(since, until)
        f = EventFilter(
            actor=actor, recipient=recipient, type=_event_type(type), quad_class=quad_class,
            since=since, until=until, near=(0.0, 0.0, WHOLE_EARTH_KM), limit=scan,
        )
        columns = ["place", "place_country", "place_lat", "place_lon", "goldstein"]
        table = store.events(f).select(columns)
        return {"places": event_places(table.to_pylist(), points), "scanned": table.num_rows}


def _add_other_routes(app: FastAPI, store: Store) -> None:
    # The store is open read-only, and DuckDB lets no other process write to it meanwhile,
    # so whole-store aggregates (a second or more over a million events) are computed once.
    actor_counts = cache(lambda limit: rows(store.actor_counts(limit)))
    counts_once = cache(store.counts)

    @app.get("/api/actors", summary="Actor codes by how many events they appear in")
    def actors(limit: Limit = 100) -> dict[str, Any]:
        return {"actors": actor_counts(limit)}

    @app.get("/api/quotes", summary="Quotations matching every given filter")
    def quotes(
        speaker: Text = None,
        contains: Text = None,
        since: Day = None,
        until: Day = None,
        doc_id: Text = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        _check_range(since, until)
        f = QuoteFilter(speaker=speaker, contains=contains, since=since, until=until,
                        doc_id=doc_id, limit=limit, offset=offset)
        return {"quotes": rows(store.quotes(f)), "limit": limit, "offset": offset}

    @app.get("/api/documents/{doc_id}", summary="A document with all its annotations")
    def document(doc_id: str) -> dict[str, Any]:
        found = store.document(doc_id)
        if found is None:
            raise HTTPException(404, detail=f"no document with id {doc_id!r}")
        return found

    @app.get("/api/counts", summary="Rows per table of the store")
    def counts() -> dict[str, int]:
        return counts_once()


def rows(table: pa.Table) -> list[dict[str, Any]]:
    return table.to_pylist()


def actor_network(events: list[dict[str, Any]], limit: int) -> dict[str, Any]:
    """The ``limit`` actors most often involved in ``events`` (rows with ``actor`` and
    ``recipient`` as ";"-joined codes) and the actor -> recipient edges between them, with
    event counts and the mean Goldstein score of each edge."""
    involved: Counter[str] = Counter()
    weights: Counter[tuple[str, str]] = Counter()
    goldstein: defaultdict[tuple[str, str], float] = defaultdict(float)
    for event in events:
        sources, targets = _codes(event["actor"]), _codes(event["recipient"])
        involved.update(sources | targets)
        for pair in ((s, t) for s in sources for t in targets if s != t):
            weights[pair] += 1
            goldstein[pair] += event["goldstein"] or 0.0
    kept = {code for code, _ in involved.most_common(limit)}
    return {
        "nodes": [{"id": code, "events": n} for code, n in involved.most_common(limit)],
        "edges": [
            {"source": s, "target": t, "events": n, "goldstein_mean": goldstein[s, t] / n}
            for (s, t), n in weights.most_common()
            if s in kept and t in kept
        ],
    }


def event_places(events: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """Placed events grouped by place: the ``limit`` places with most events."""
    groups: dict[tuple[Any, ...], list[float]] = defaultdict(list)
    for e in events:
        key = (e["place"], e["place_country"], e["place_lat"], e["place_lon"])
        groups[key].append(e["goldstein"] or 0.0)
    ranked = sorted(groups.items(), key=lambda item: -len(item[1]))[:limit]
    return [
        {"place": place, "country": country, "lat": lat, "lon": lon, "events": len(scores),
         "goldstein_mean": sum(scores) / len(scores)}
        for (place, country, lat, lon), scores in ranked
    ]


def _codes(joined: str | None) -> set[str]:
    return {code for code in (joined or "").split(";") if code}


def _event_type(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    known = plover_types()
    if value.strip().upper() not in known:
        _invalid("type", f"unknown event type {value!r}; want one of {', '.join(known)}")
    return value.strip().upper()


def _near(value: str | None) -> tuple[float, float, float] | None:
    if value is None:
        return None
    try:
        lat, lon, km = (float(part) for part in value.split(","))
    except ValueError:
        _invalid("near", f"not LAT,LON,KM numbers: {value!r}")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 < km <= WHOLE_EARTH_KM):
        _invalid("near", f"want -90<=LAT<=90, -180<=LON<=180, 0<KM<={WHOLE_EARTH_KM:g}")
    return lat, lon, km


def _check_range(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and since > until:
        _invalid("since", f"since ({since}) is after until ({until})")


def _invalid(parameter: str, message: str) -> NoReturn:
    """Fail with a 422 shaped like FastAPI's own validation errors."""
    raise HTTPException(
        422, detail=[{"loc": ["query", parameter], "msg": message, "type": "value_error"}]
    )
