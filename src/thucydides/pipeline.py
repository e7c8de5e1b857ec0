"""The pipeline: sources in, processed documents out.

read -> clean -> annotate -> extract (time, place, events, quotes) -> Document. Models and
dictionaries are loaded once per ``Pipeline``; documents are parsed in batches. A document
that cannot be processed becomes an ``InputError`` in the output stream and the rest go on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from thucydides.actors import ActorResolver
from thucydides.annotate import AnnotatedDocument, annotate
from thucydides.clean import clean
from thucydides.errors import InputError
from thucydides.events import EventCoder
from thucydides.model import CleanDocument, Document, Source, Span
from thucydides.places import assign_event_places, find_places, locate_event
from thucydides.quotes import find_quotes
from thucydides.timex import assign_event_dates, find_timexes


class Pipeline:
    """Everything that is loaded once: the actor dictionaries and the event coder."""

    def __init__(
        self, actor_files: Iterable[Path] = (), pattern_files: Iterable[Path] = ()
    ) -> None:
        self.resolver = ActorResolver(user_files=list(actor_files))
        self.coder = EventCoder(self.resolver, user_files=list(pattern_files))

    @property
    def load_problems(self) -> list[str]:
        """Malformed lines of user dictionaries, as "FILE:LINE: problem"."""
        return [*self.resolver.load_problems, *self.coder.load_problems]

    def process(
        self, sources: Iterable[Source | InputError], batch_size: int = 32
    ) -> Iterator[Document | InputError]:
        """Process sources in order; unusable ones come out as ``InputError``s."""
        pending: list[tuple[Source, CleanDocument]] = []
        for item in sources:
            if isinstance(item, InputError):
                yield from self._flush(pending, batch_size)
                pending = []
                yield item
                continue
            try:
                pending.append((item, clean(item)))
            except Exception as error:
                yield from self._flush(pending, batch_size)
                pending = []
                yield _as_input_error(item, error)
                continue
            if len(pending) >= batch_size:
                yield from self._flush(pending, batch_size)
                pending = []
        yield from self._flush(pending, batch_size)

    def _flush(
        self, pending: list[tuple[Source, CleanDocument]], batch_size: int
    ) -> Iterator[Document | InputError]:
        if not pending:
            return
        annotated = annotate((clean_doc for _, clean_doc in pending), batch_size=batch_size)
        for (source, _), annotated_doc in zip(pending, annotated, strict=True):
            try:
                yield self.extract(annotated_doc, content_hash(source))
            except Exception as error:
                yield _as_input_error(source, error)

    def extract(self, annotated: AnnotatedDocument, digest: str) -> Document:
        """Run every extractor over one annotated document."""
        clean_doc = annotated.clean
        timexes = find_timexes(annotated)
        places = find_places(annotated)
        events = self.coder.code(annotated)
        assign_event_dates(annotated, events, timexes)
        assign_event_places(annotated, events, places)
        quotes = find_quotes(annotated, self.resolver, events)
        extra = dict(clean_doc.extra)
        trigger = extra.get("trigger")
        if isinstance(trigger, dict):
            span = Span(trigger["start"], trigger["end"], trigger["text"])
            extra["event_location"] = locate_event(annotated, places, span)
        return Document(
            doc_id=clean_doc.doc_id,
            text=clean_doc.text,
            paragraphs=clean_doc.paragraphs,
            origin=clean_doc.origin,
            content_hash=digest,
            date=clean_doc.date,
            url=clean_doc.url,
            title=clean_doc.title,
            author=clean_doc.author,
            site=clean_doc.site,
            language=clean_doc.language,
            sentences=[s.to_record() for s in annotated.sentences],
            events=events,
            quotes=quotes,
            timexes=timexes,
            places=places,
            extra=extra,
        )


def _as_input_error(source: Source, error: Exception) -> InputError:
    """A failure on one document, as a reported skip: it must never take the batch down."""
    if isinstance(error, InputError):
        return error
    if isinstance(error, RecursionError):
        return InputError(source.origin, "too deeply nested to analyse")
    return InputError(source.origin, f"could not be processed ({type(error).__name__}: {error})")


def content_hash(source: Source) -> str:
    """What makes two inputs "the same document": their content and stated date."""
    digest = hashlib.sha256(source.content.encode("utf-8", "surrogatepass"))
    digest.update(str(source.date).encode())
    return digest.hexdigest()


def extract(
    text_or_html: str, date: dt.date | str | None = None, doc_id: str = "document"
) -> Document:
    """Process one text or HTML page in memory: the Python API's entry point.

    Raises ``InputError`` when the input cannot be used (empty, not English, no article).
    """
    from thucydides.read import source_from_string

    result = next(default_pipeline().process([source_from_string(text_or_html, date, doc_id)]))
    if isinstance(result, InputError):
        raise result
    return result


@cache
def default_pipeline() -> Pipeline:
    """One pipeline per process, built on first use."""
    return Pipeline()
