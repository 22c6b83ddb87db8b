"""Punctuation structure that translation tends to keep: sentence ends, questions, brackets,
quotations and colons, counted per segment in a script-independent way."""
from __future__ import annotations

import unicodedata

import regex

# Each class: a pattern over NFKC-folded text (full-width forms become ASCII, but 。「」“” stay).
_CLASSES = (
    # A sentence end: CJK full stop anywhere, a Latin one before a space/quote/end and not after
    # a lone capital (initials, "U.S.").
    regex.compile(r"[。．!?！？]|(?<![A-Z]|\b[A-Za-z]{1,3})\.(?=[\s\"'”’)]|$)"),
    regex.compile(r"[?？]"),
    regex.compile(r"[(（]"),
    regex.compile(r"[“「『]|\"(?=\w)|(?<=\s|^)'(?=\w)"),
    regex.compile(r"[:：]"),
)


def signature(text: str) -> tuple[int, ...]:
    """Counts of each punctuation class in ``text``."""
    norm = unicodedata.normalize("NFKC", text)
    return tuple(len(p.findall(norm)) for p in _CLASSES)


def distance(a: tuple[int, ...], b: tuple[int, ...]) -> int:
    """How many punctuation marks one side has that the other lacks."""
    return sum(abs(x - y) for x, y in zip(a, b))
