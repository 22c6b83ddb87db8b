"""Anchors: tokens that survive translation unchanged and tie segments across languages.

Numbers (full-width digits and thousands separators normalised), Latin-script tokens such as
acronyms, names and DOIs written inside Chinese or Japanese text, and glossary concept ids.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import regex

_NUMBER = regex.compile(r"\d+(?:[.,]\d+)*")
_THOUSANDS = regex.compile(r"\d{1,3}(?:,\d{3})+")
_LATIN = regex.compile(r"[A-Za-z][A-Za-z0-9]*(?:['\-.][A-Za-z0-9]+)*")


def normalize_number(token: str) -> str:
    """``1,234`` → ``1234``, ``12.50`` → ``12.5``; a comma that is not a thousands separator is
    read as a decimal point (``12,5``)."""
    if _THOUSANDS.fullmatch(token):
        token = token.replace(",", "")
    token = token.replace(",", ".")
    if "." in token:
        head, _, tail = token.partition(".")
        if tail.isdigit():
            tail = tail.rstrip("0")
            token = head + ("." + tail if tail else "")
    return token.lstrip("0") or "0"


@dataclass(frozen=True, slots=True)
class Anchors:
    """The anchors of one segment.

    Attributes:
        numbers: Normalised numbers, with repetitions.
        latin: Casefolded Latin-script tokens (in English: every word).
        concepts: Glossary concept ids found in the segment.
    """

    numbers: tuple[str, ...] = ()
    latin: frozenset[str] = frozenset()
    concepts: frozenset[str] = frozenset()


def extract(text: str, concepts: Iterable[str] = ()) -> Anchors:
    """The anchors of ``text`` (any language; NFKC folds full-width digits and letters)."""
    norm = unicodedata.normalize("NFKC", text)
    numbers = tuple(normalize_number(t) for t in _NUMBER.findall(norm))
    latin = frozenset(t.casefold() for t in _LATIN.findall(norm) if len(t) > 1 or t.isupper())
    return Anchors(numbers, latin, frozenset(concepts))


def number_weight(token: str) -> float:
    """Single digits are often spelled out on one side ("two", 两) and say little."""
    return 0.5 if len(token) == 1 else 1.0


def document_frequencies(anchors: Iterable[Anchors]) -> Counter:
    """In how many segments each anchor occurs (keys prefixed by kind)."""
    df: Counter = Counter()
    for a in anchors:
        df.update({"n:" + x for x in set(a.numbers)})
        df.update("l:" + x for x in a.latin)
        df.update("c:" + x for x in a.concepts)
    return df
