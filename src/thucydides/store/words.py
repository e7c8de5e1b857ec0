"""Words and word signatures of event sentences, as the word filters see them."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

SIGNATURE_BITS = 128
"""Each event sentence carries a 128-bit word signature (a Bloom filter, two bits per
distinct word outside ``SIGNATURE_STOPWORDS``) in one UHUGEINT column. A word search first
tests the signature, a filter DuckDB pushes into the scan and runs on 16 bytes per event,
and only then checks the words exactly."""
SIGNATURE_STOPWORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had",
    "has", "have", "he", "her", "his", "i", "in", "is", "it", "its", "of", "on", "or", "our",
    "she", "that", "the", "their", "they", "this", "to", "was", "we", "were", "which", "who",
    "will", "with", "you",
})
_WORD = re.compile(r"\w+")


def words_of(text: str) -> list[str]:
    """The lower-cased words of a text, as the word filters and signatures see them."""
    return _WORD.findall(text.lower())


def word_bits(word: str) -> tuple[int, int]:
    """The two signature bit positions of a lower-cased word."""
    digest = int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "big")
    return digest % SIGNATURE_BITS, (digest >> 32) % SIGNATURE_BITS


def text_signature(words: Iterable[str]) -> int:
    """The word signature of a list of words (as given by ``words_of``)."""
    signature = 0
    for word in set(words) - SIGNATURE_STOPWORDS:
        for bit in word_bits(word):
            signature |= 1 << bit
    return signature
