"""Which line breaks end a segment, and blank-line paragraphs.

A blank line always ends a segment. A single line break ends one when the line before it is a
title, heading, author or date line, or when the next line starts a list item. A line that ends
in a stop is left to the punctuation rules (so a wrapped ``e.g.`` does not split). Otherwise the
break is a hard wrap and the sentence continues on the next line.
"""
from __future__ import annotations

from collections.abc import Iterator

import regex

from .lexicon import CONTINUATION_WORDS, HEADINGS
from .stops import CLOSERS, is_cjk

_STOP_CHARS = frozenset(".!?。！？．｡…")
_LIST_ITEM = regex.compile(
    r"\s*(?:[-•*・▪●◦–]\s|\(?\d{1,2}\)|\d{1,2}\.\s|（\d{1,2}）|[①-⑳]|[a-z]\)\s)")
_HEADING_STRIP = " \t\r【】[]（）()：:#*．.■●◆"
_LATIN_CONT = frozenset(",;:-–—(/&")
_CJK_CONT = frozenset("，、,：:；;（(「『“‘—-")
#: Lines this short (in characters) without a comma are titles/headings in CJK text.
_CJK_TITLE_MAX = 60
_CJK_SHORT = 25
_SHORT_WORDS = 8


def _is_heading(line: str) -> bool:
    key = line.strip(_HEADING_STRIP).lower().replace(" ", "_")
    return key in HEADINGS


def _cjk_dominant(line: str) -> bool:
    cjk = latin = 0
    for ch in line:
        if ch.isascii():
            latin += ch.isalpha()
        elif is_cjk(ch):
            cjk += 1
    return cjk > 0 and cjk * 4 >= latin  # one CJK character carries about a short word's worth


def _title_like(line: str) -> bool:
    words = line.split()
    if len(words) <= _SHORT_WORDS:
        return True
    long_words = [w.strip("\"'“”‘’()[],:;") for w in words]
    long_words = [w for w in long_words if len(w) >= 4 and w[:1].isalpha()]
    if not long_words:
        return True
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return capitalised * 2 >= len(long_words)


def breaks_after(prev: str, nxt: str) -> bool:
    """True when the line break between two non-blank lines ends a segment."""
    p = prev.rstrip()
    q = p.rstrip("".join(CLOSERS))
    if q and q[-1] in _STOP_CHARS:
        return False  # the punctuation rules decide, with the break read as a space
    if _LIST_ITEM.match(nxt):
        return True
    if _is_heading(p):
        return True
    first = nxt.lstrip().lstrip("\"'“‘([「『（")[:1]
    if _cjk_dominant(p):
        if p[-1] in _CJK_CONT:
            return False
        if len(p.strip()) <= _CJK_SHORT:
            return True
        return len(p.strip()) <= _CJK_TITLE_MAX and not any(c in p for c in "，,、")
    if p[-1] in _LATIN_CONT:
        return False
    last = p.split()[-1].lower() if p.split() else ""
    if last in CONTINUATION_WORDS:
        return False
    if first.islower():
        return False
    if first and is_cjk(first):
        return True
    return _title_like(p)


def _lines(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    while True:
        nl = text.find("\n", start)
        if nl == -1:
            yield start, len(text)
            return
        yield start, nl
        start = nl + 1


def line_breaks(text: str) -> Iterator[int]:
    """Offsets of the newlines that end a segment."""
    prev: tuple[int, int] | None = None
    for start, end in _lines(text):
        if prev is not None:
            p, n = text[prev[0]:prev[1]], text[start:end]
            if not p.strip() or not n.strip() or breaks_after(p, n):
                yield prev[1]
        prev = (start, end)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Blank-line separated paragraphs of ``text`` as stripped ``(start, end)`` spans."""
    spans: list[tuple[int, int]] = []
    para: tuple[int, int] | None = None
    for start, end in _lines(text):
        line = text[start:end]
        if not line.strip():
            para = None
            continue
        s = start + (len(line) - len(line.lstrip()))
        e = start + len(line.rstrip())
        if para is None:
            spans.append((s, e))
        else:
            spans[-1] = (spans[-1][0], e)
        para = (s, e)
    return spans
