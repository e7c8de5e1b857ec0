"""``thucydides extract --explain``: each coded event with the evidence for every field."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from thucydides.model import Actor, Document, Event


def _actors(actors: list[Actor]) -> str:
    if not actors:
        return "-"
    return "; ".join(
        f"{escape(a.text)} -> {a.code or '?'} {a.sector or '?'}"
        + (f" ({escape(a.name)})" if a.name else "")
        + (f" [dim]\\[{escape(a.rule)}][/dim]" if a.rule else "")
        for a in actors
    )


def _event_table(doc: Document, index: int, event: Event) -> Table:
    table = Table(show_header=False, box=None, padding=(0, 1))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column(overflow="fold")
    sentence = doc.sentences[event.sentence].text if event.sentence < len(doc.sentences) else ""
    start, end = event.trigger.start, event.trigger.end
    table.add_row("sentence", f"#{event.sentence} {escape(sentence)}")
    table.add_row("trigger", f"{escape(event.trigger.text)!r} at {start}-{end}")
    cameo = f"CAMEO {event.cameo}" if event.cameo else "no CAMEO code"
    table.add_row(
        "coded",
        f"{event.event}/{event.mode or '-'} context {','.join(event.context) or '-'}; {cameo}, "
        f"Goldstein {event.goldstein}, quad {event.quad_class}",
    )
    table.add_row("why", f"{escape(event.rule or '-')} (confidence {event.confidence:.2f})")
    table.add_row("modality", event.modality)
    table.add_row("actor", _actors(event.actor))
    table.add_row("recipient", _actors(event.recipient))
    when = event.date or "unresolved"
    if event.date_span:
        when += f" from {escape(event.date_span.text)!r}"
    table.add_row("date", f"{when} ({event.date_source})")
    place = event.event_loc
    where = "-"
    if place:
        where = f"{escape(place.text)} -> {escape(place.name or '?')}, {place.country_code or '?'}"
        if place.lat is not None and place.lon is not None:
            where += f" ({place.lat:.3f}, {place.lon:.3f})"
    table.add_row("place", where)
    table.title = f"event {index}: {event.event}"
    table.title_justify = "left"
    return table


def print_explanation(doc: Document, console: Console | None = None) -> None:
    console = console or Console()
    console.rule(f"[bold]{escape(doc.doc_id)}[/bold] {escape(doc.title or '')}")
    if not doc.events:
        console.print("no events coded")
    for index, event in enumerate(doc.events):
        console.print(_event_table(doc, index, event))
        console.print()
