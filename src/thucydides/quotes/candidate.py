"""A quotation found before its speaker is settled."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from thucydides.annotate import AnnotatedSentence
from thucydides.model import QuoteType, Span

TRIM = " \t\n,;:.—–-―"
"""What is cut from either end of a quotation's content: spaces, punctuation, dashes."""


@dataclass
class Candidate:
    """A quotation before its speaker is settled; ``source`` is the cue's subject as written."""

    start: int
    end: int
    type: QuoteType
    sentence: AnnotatedSentence
    cue: Span | None = None
    source: SpacySpan | None = None
    source_sentence: AnnotatedSentence | None = None
    inherits: bool = False
    cue_token: Token | None = None

    @property
    def cue_start(self) -> int:
        return self.cue.start if self.cue is not None else self.start
