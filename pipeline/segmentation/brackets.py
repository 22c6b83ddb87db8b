"""Matched brackets within a line: a stop inside them does not end the sentence.

``(with consent. Two declined)`` and ``（注：2017年の調査。病院を含む）`` are asides inside one
sentence. Only brackets closed on the same line count: an opener never closed there (a stray
``(`` or a bracket spanning a hard wrap) protects nothing, so one typo cannot swallow a paragraph.
"""
from __future__ import annotations

import bisect
import re

#: Opening bracket -> its closing partner, ASCII and full-width.
PAIRS = {"(": ")", "[": "]", "（": "）", "［": "］", "【": "】", "〔": "〕", "｛": "｝", "{": "}"}
_CLOSING = {close: open_ for open_, close in PAIRS.items()}
# Literal character classes only, so the standard ``re`` (less per-call overhead on short texts
# than ``regex``) matches exactly the same characters.
_EVENT = re.compile(r"[()\[\]{}（）［］【】〔〕｛｝\n]")
_OPENER = re.compile(r"[(\[{（［【〔｛]")


class Brackets:
    """The outermost matched bracket pairs of a text, answering "which pair encloses this offset?"
    in log time. Built in one pass over the bracket characters, so linear in the text."""

    def __init__(self, text: str) -> None:
        stack: list[tuple[str, int]] = []
        pairs: list[tuple[int, int]] = []
        self._opens: list[int] = []
        self._closes: list[int] = []
        if _OPENER.search(text) is None:
            return  # no pair can be opened: skip the scan
        for m in _EVENT.finditer(text):
            ch, pos = m.group(), m.start()
            if ch == "\n":
                stack.clear()  # brackets left open at the end of a line protect nothing
            elif ch in PAIRS:
                stack.append((ch, pos))
            elif stack and stack[-1][0] == _CLOSING[ch]:
                pairs.append((stack.pop()[1], pos))
            # an unmatched closer ("1)", "a)") is a list label, not a bracket: ignored
        # Nested pairs enclose nothing their outer pair does not: keep the outermost only.
        pairs.sort()
        outer: list[tuple[int, int]] = []
        for s, e in pairs:
            if outer and s < outer[-1][1]:
                continue
            outer.append((s, e))
        self._opens = [s for s, _ in outer]
        self._closes = [e for _, e in outer]

    def __bool__(self) -> bool:
        """False when the text has no matched pair (nothing to look up)."""
        return bool(self._opens)

    def closer_of(self, pos: int) -> int | None:
        """Offset of the closing bracket of the pair enclosing ``pos``, or None."""
        i = bisect.bisect_right(self._opens, pos) - 1
        if i >= 0 and pos < self._closes[i]:
            return self._closes[i]
        return None
