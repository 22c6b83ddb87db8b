"""Unicode script classes shared by segmentation, detection and alignment."""
from __future__ import annotations

from collections import Counter

import regex

# \p{Han} includes CJK extensions (U+20000…); written as properties, not hand-typed ranges.
HAN = regex.compile(r"\p{Han}")
KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}ー]")
HANGUL = regex.compile(r"\p{Hangul}")
LATIN = regex.compile(r"\p{Latin}")
CJK_CHAR = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}ー]")


def script_of(ch: str) -> str:
    """One of ``han``, ``kana``, ``hangul``, ``latin``, ``cyrillic``, ``other_letter``, ``digit``,
    ``space`` or ``punct`` for a single character."""
    if ch.isspace():
        return "space"
    if ch.isdigit():
        return "digit"
    if HAN.match(ch):
        return "han"
    if KANA.match(ch):
        return "kana"
    if HANGUL.match(ch):
        return "hangul"
    if LATIN.match(ch):
        return "latin"
    if regex.match(r"\p{Cyrillic}", ch):
        return "cyrillic"
    if ch.isalpha():
        return "other_letter"
    return "punct"


def script_counts(text: str) -> Counter:
    """How many characters of each script class ``text`` has."""
    return Counter(script_of(ch) for ch in text)


def has_cjk(text: str) -> bool:
    """True when ``text`` contains any Han, kana or Hangul character."""
    return CJK_CHAR.search(text) is not None
