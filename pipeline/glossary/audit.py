"""Duplicates and conflicts: the glossary problems shared by ``validate`` and ``stats``.

Terms are compared as the matcher sees them (folded), so ``peer-worker`` and ``Peer worker`` are
the same term, as are ``ピア・ワーカー`` and ``ピアワーカー``.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..languages import profile
from .model import Glossary, Term
from .normalize import fold_cjk_term, fold_en_term


def match_key(t: Term) -> str:
    """The folded form the matcher looks ``t`` up by."""
    try:
        spaced = profile(t.lang).spaced
    except KeyError:
        spaced = True
    return fold_en_term(t.term) if spaced else fold_cjk_term(t.term, t.lang)


@dataclass(frozen=True, slots=True)
class Clash:
    """Several glossary rows with the same folded term in one language.

    ``kind`` is ``duplicate`` (same concept, listed again), ``ambiguous`` (approved for two or
    more concepts) or ``contradictory`` (approved somewhere and deprecated/forbidden elsewhere).
    """

    kind: str
    lang: str
    key: str
    terms: tuple[Term, ...]

    @property
    def concept_ids(self) -> list[str]:
        return list(dict.fromkeys(t.concept_id for t in self.terms))

    @property
    def lines(self) -> list[int]:
        return [t.line for t in self.terms if t.line is not None]


def clashes(glossary: Glossary) -> list[Clash]:
    """Every duplicate and conflict, in order of first occurrence."""
    groups: dict[tuple[str, str], list[Term]] = {}
    for t in glossary.terms:
        key = match_key(t)
        if key:
            groups.setdefault((t.lang, key), []).append(t)
    out: list[Clash] = []
    for (lang, key), terms in groups.items():
        if len(terms) < 2:
            continue
        seen: dict[str, list[Term]] = {}
        for t in terms:
            seen.setdefault(t.concept_id, []).append(t)
        for same in seen.values():
            if len(same) > 1:
                out.append(Clash("duplicate", lang, key, tuple(same)))
        approved = [t for t in terms if t.approved]
        if len({t.concept_id for t in approved}) > 1:
            out.append(Clash("ambiguous", lang, key, tuple(approved)))
        if approved and len(approved) < len(terms):
            out.append(Clash("contradictory", lang, key, tuple(terms)))
    return out
