"""Anchors: tokens that survive translation unchanged and tie segments across languages.

Numbers (valued by :mod:`pipeline.quantities`, as the number check values them), Latin-script
tokens such as acronyms, names and DOIs written inside Chinese or Japanese text, and glossary
concept ids.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from ..quantities import find

__all__ = ["Anchors", "extract", "number_weight"]

_LATIN = regex.compile(r"[A-Za-z][A-Za-z0-9]*(?:['\-.][A-Za-z0-9]+)*")


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
    # Unlike the number check, digits of identifiers count: "COVID-19" on both sides ties two
    # segments as well as a quantity does.
    numbers = tuple(q.value for q in find(text))
    norm = unicodedata.normalize("NFKC", text)
    latin = frozenset(t.casefold() for t in _LATIN.findall(norm) if len(t) > 1 or t.isupper())
    return Anchors(numbers, latin, frozenset(concepts))


def number_weight(token: str) -> float:
    """Single digits are often spelled out on one side ("two", 两) and say little."""
    return 0.5 if len(token) == 1 else 1.0
