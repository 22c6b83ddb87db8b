"""Punctuation structure that translation tends to keep: sentence ends, questions, brackets,
quotations and colons, counted per segment in a script-independent way."""
from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import numpy as np
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
    # Clause joints a translator may have turned a sentence end into (not compared directly).
    regex.compile(r"[，、；;,]"),
)


def signature(text: str) -> tuple[int, ...]:
    """Counts of each punctuation class in ``text``."""
    norm = text if text.isascii() else unicodedata.normalize("NFKC", text)
    return tuple(len(p.findall(norm)) for p in _CLASSES)


def distance(a: Sequence[np.ndarray], b: Sequence[np.ndarray]) -> np.ndarray:
    """How many punctuation marks one side has that the other lacks.

    ``a`` and ``b`` hold one array per class (a signature's columns), one entry per bead side.
    Translators often join sentences with a comma or semicolon (common in Chinese), so a missing
    sentence end counts half when the other side has a spare clause joint in its place.
    """
    ends = a[0] - b[0]
    spare = np.where(ends > 0, b[-1], a[-1])
    gap = np.abs(ends)
    out = gap - 0.5 * np.minimum(gap, spare)
    for x, y in zip(a[1:-1], b[1:-1]):
        out += np.abs(x - y)
    return out
