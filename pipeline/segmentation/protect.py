"""Spans where no sentence may end: URLs, DOIs, e-mail addresses and citation lines.

Every pattern starts with a literal (``http``, ``www.``, ``10.``, ``@``, a year) and uses bounded
repeats, so finding them stays linear on megabytes of text without punctuation.
"""
from __future__ import annotations

import bisect

import regex

_URL = regex.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"“”「」（）。，、；]+", regex.IGNORECASE)
_DOI = regex.compile(r"(?<![\w.])10\.\d{4,9}/[^\s<>\"“”「」（）。，、；]+")
_EMAIL_LOCAL = regex.compile(r"[\w.+-]{1,64}$")
_EMAIL_DOMAIN = regex.compile(r"[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
#: Journal citation: "2018 Jun;54(6 Suppl 3):S258-S266" or "2019;7:e123".
_CITATION = regex.compile(
    r"(?<!\d)(?:1[89]|20)\d\d(?!\d)[^\n;.]{0,25};\s{0,3}\d{1,5}(?:\s{0,3}\([^()\n]{1,30}\))?"
    r"\s{0,3}:\s{0,3}[A-Za-z]{0,2}\d{1,7}(?:\s{0,3}[-–]\s{0,3}[A-Za-z]{0,2}\d{1,7})?")
#: Chinese journal citation: "中华预防医学杂志，2021，55（3）：345-350" (commas, full-width
#: brackets and colon).
_CITATION_CJK = regex.compile(
    r"(?<!\d)(?:1[89]|20)\d\d(?!\d)\s{0,3}[，,]\s{0,3}\d{1,5}"
    r"(?:\s{0,3}[（(][^()（）\n]{1,30}[）)])?"
    r"\s{0,3}[:：]\s{0,3}[A-Za-z]{0,2}\d{1,7}(?:\s{0,3}[-–]\s{0,3}[A-Za-z]{0,2}\d{1,7})?")
#: What may follow the pages of a citation on the same line: "doi: …", "PMID: …", "Epub …",
#: also with a full-width colon ("DOI：10.3760/…").
_CITATION_TAIL = regex.compile(
    r"(?:[.．]?\s{0,3}(?:doi|pmid|pmcid)\s{0,3}[:：]?\s{0,3}\S{1,120})+", regex.IGNORECASE)
#: A citation this close to its line's start takes the whole line start with it (the journal
#: name "Am J Prev Med." comes first and must not be split off).
_CITATION_LEAD = 150
_TRAILING = ".,;:!?)]}'\"”’"


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


def citation_matches(text: str) -> list[regex.Match]:
    """Journal citations (``2018 Jun;54(6):S258-S266``, ``2021，55（3）：345-350``) in ``text``."""
    # Each pattern needs literals that most texts lack (";" and ":", or a full-width comma or
    # colon): testing for them first spares the regex scan.
    found = list(_CITATION.finditer(text)) if ";" in text and ":" in text else []
    if "，" in text or "：" in text:
        found += _CITATION_CJK.finditer(text)
    return found


def _citations(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in citation_matches(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        start = line_start if m.start() - line_start <= _CITATION_LEAD else m.start()
        end = m.end()
        tail = _CITATION_TAIL.match(text, end)
        if tail:
            end = tail.end()
        spans.append(_trim(text, start, end))
    return spans


class Protected:
    """The protected spans of one text, answering "is this offset inside one?" in log time."""

    def __init__(self, text: str) -> None:
        spans: list[tuple[int, int]] = []
        # The scans are skipped when a literal every match contains is absent ("://" or "www."
        # for a URL, "10." for a DOI): the result is the same, the per-text overhead is not.
        if "://" in text or "www." in text.lower():
            spans += [_trim(text, m.start(), m.end()) for m in _URL.finditer(text)]
        if "10." in text:
            spans += [_trim(text, m.start(), m.end()) for m in _DOI.finditer(text)]
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
