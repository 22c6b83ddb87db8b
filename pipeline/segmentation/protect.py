"""Spans where no sentence may end: URLs, DOIs, e-mail addresses and citation lines.

The URL, DOI and citation patterns live in :mod:`pipeline.citations` (the checks read them
too); e-mail addresses are only this module's concern. Every pattern starts with a literal and
uses bounded repeats, so finding them stays linear on megabytes of text without punctuation.
"""
from __future__ import annotations

import bisect

import regex

from ..citations import CITATION_TAIL, DOI, URL, citation_matches

_EMAIL_LOCAL = regex.compile(r"[\w.+-]{1,64}$")
_EMAIL_DOMAIN = regex.compile(r"[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
#: A citation this close to its line's start takes the whole line start with it (the journal
#: name "Am J Prev Med." comes first and must not be split off).
_CITATION_LEAD = 150
_TRAILING = ".,;:!?)]}'\"”’．"
#: What may be left on a citation line after the citation and its tail: "… 2023 Oct." is over.
_LINE_REST = " \t\r.．。;；,，"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    # A sentence-final period after a URL belongs to the sentence, not to the URL.
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return start, end


def _emails(text: str) -> list[tuple[int, int]]:
    spans = []
    at = text.find("@")
    while at != -1:
        local = _EMAIL_LOCAL.search(text, max(0, at - 64), at)
        domain = _EMAIL_DOMAIN.match(text, at + 1)
        if local and domain:
            spans.append(_trim(text, local.start(), domain.end()))
        at = text.find("@", at + 1)
    return spans


def _citation_end(text: str, m: regex.Match) -> int:
    tail = CITATION_TAIL.match(text, m.end())
    return tail.end() if tail else m.end()


def _citations(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in citation_matches(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        start = line_start if m.start() - line_start <= _CITATION_LEAD else m.start()
        spans.append(_trim(text, start, _citation_end(text, m)))
    return spans


def is_citation_line(line: str) -> bool:
    """A line that is a citation from its start (within the journal name's reach) to its end,
    where only a final stop may follow the pages, DOI or PubMed dates: such a line ends its
    segment even when its last word is an abbreviation (``… eCollection 2023 Oct.``)."""
    return any(m.start() <= _CITATION_LEAD and not line[_citation_end(line, m):].strip(_LINE_REST)
               for m in citation_matches(line))


class Protected:
    """The protected spans of one text, answering "is this offset inside one?" in log time."""

    def __init__(self, text: str) -> None:
        spans: list[tuple[int, int]] = []
        # The scans are skipped when a literal every match contains is absent ("://" or "www."
        # for a URL, "10." for a DOI): the result is the same, the per-text overhead is not.
        if "://" in text or "www." in text.lower():
            spans += [_trim(text, m.start(), m.end()) for m in URL.finditer(text)]
        if "10." in text:
            spans += [_trim(text, m.start(), m.end()) for m in DOI.finditer(text)]
        if "@" in text:
            spans += _emails(text)
        spans += _citations(text)
        spans.sort()
        merged: list[tuple[int, int]] = []
        for s, e in spans:
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], e))
            else:
                merged.append((s, e))
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def __bool__(self) -> bool:
        """False when nothing is protected (no offset needs a look-up)."""
        return bool(self._starts)

    def __contains__(self, pos: int) -> bool:
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._ends[i]
