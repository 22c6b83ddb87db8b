"""Unicode script classes shared by segmentation, detection and the checks."""
from __future__ import annotations

import regex

# \p{Han} includes the CJK extensions (U+20000…): written as properties, not hand-typed ranges.
HAN = regex.compile(r"\p{Han}")
HANGUL = regex.compile(r"\p{Hangul}")
CJK_CHAR = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}ー]")


def has_cjk(text: str) -> bool:
    """True when ``text`` contains any Han, kana or Hangul character."""
    return CJK_CHAR.search(text) is not None
