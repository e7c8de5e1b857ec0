"""Quotation marks: the stretches of a paragraph between an opening and a closing mark."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from thucydides.annotate import AnnotatedDocument

OPENERS = {"“": '"', "„": '"', "«": '"', "‘": "'"}
CLOSERS = {"”": '"', "»": '"', "’": "'"}
EITHER = {'"': '"', "'": "'"}
"""Quotation marks by family: double marks pair with double, single with single."""
MARKS = set(OPENERS) | set(CLOSERS) | set(EITHER)
FILLER = "\x00"
"""Stands for the second apostrophe of a doubled one ('') used as a double quotation mark."""
BEFORE_OPENER = set(" \t([{—–-/:;,") | MARKS
AFTER_CLOSER = set(" \t)]}.,;:!?—–-/…")


@dataclass(frozen=True)
class Region:
    """A stretch of text in quotation marks: offsets include the marks."""

    start: int
    end: int
    paragraph: int
    closed: bool

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


def quoted_regions(annotated: AnnotatedDocument) -> Iterator[Region]:
    """Top-level quoted stretches of every paragraph, double marks first, then single ones."""
    for number, paragraph in enumerate(annotated.paragraphs):
        start, end = paragraph.paragraph.start, paragraph.paragraph.end
        local = annotated.text[start:end].replace("''", '"' + FILLER)
        doubles = list(_scan(local, '"', []))
        yield from (Region(start + s, start + e, number, closed) for s, e, closed in doubles)
        singles = _scan(local, "'", [(s, e) for s, e, _ in doubles])
        yield from (Region(start + s, start + e, number, True) for s, e, ok in singles if ok)


def _scan(text: str, family: str, skip: list[tuple[int, int]]) -> Iterator[tuple[int, int, bool]]:
    """Pair the quotation marks of one family in a paragraph's text.

    An opener with no closer before the next opener is dropped, except at the end of the
    paragraph, where it runs to the end (a quotation continued in the next paragraph).
    """
    opened: int | None = None
    for i, char in enumerate(text):
        if char not in MARKS or any(s <= i < e for s, e in skip):
            continue
        role = _mark_role(text, i, family)
        if role is None:
            continue
        if opened is None:
            if "open" in role:
                opened = i
        elif "close" in role:
            if i > opened + 1:
                yield opened, _past_filler(text, i + 1), True
            opened = None
        elif "open" in role:
            opened = i
    if opened is not None and family == '"' and len(text) - opened > 2:
        yield opened, len(text), False


def _past_filler(text: str, i: int) -> int:
    return i + 1 if i < len(text) and text[i] == FILLER else i


def _mark_role(text: str, i: int, family: str) -> str | None:
    """Whether the mark at ``i`` can open ("open") or close ("close") a quotation, or both."""
    char = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[_past_filler(text, i + 1)] if _past_filler(text, i + 1) < len(text) else " "
    if OPENERS.get(char) == family:
        return None if char == "‘" and before.isalnum() else "open"
    if CLOSERS.get(char) != family and EITHER.get(char) != family:
        return None
    if before.isalnum() and after.isalnum():
        return None  # an apostrophe inside a word: work's, don't
    typographic = char not in CLOSERS or i == 0  # a paragraph may open with a closing mark
    can_open = typographic and before in BEFORE_OPENER and not after.isspace()
    closes_nested = before == " " and i > 1 and text[i - 2] in MARKS  # 'outreach,' "
    ends = after in AFTER_CLOSER or after in MARKS
    can_close = (not before.isspace() or closes_nested) and ends
    roles = ("open" if can_open else "") + ("close" if can_close else "")
    return roles or None
