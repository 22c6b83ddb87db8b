"""Translation units: pairwise beads merged into groups that are consistent across languages.

Segments are nodes, beads join them; a unit is a connected group, widened until it is a
contiguous run in every language, and units are ordered so that every language reads in order.
Crossing beads (which no monotone alignment produces, but a hand-edited one might) are resolved
by merging the units involved, never by dropping a segment.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..models import Bead

Node = tuple[str, int]


class _Groups:
    """Union-find over (language, index) nodes; the smallest node names a group."""

    def __init__(self) -> None:
        self.parent: dict[Node, Node] = {}

    def add(self, x: Node) -> None:
        self.parent.setdefault(x, x)

    def find(self, x: Node) -> Node:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:  # path compression
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: Node, b: Node) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        lo, hi = min(ra, rb), max(ra, rb)
        self.parent[hi] = lo
        return True


def merge_units(lengths: Mapping[str, int],
                alignments: Mapping[tuple[str, str], Sequence[Bead]],
                lang_order: Sequence[str]) -> list[dict[str, tuple[int, ...]]]:
    """Units covering every segment of every language in ``lengths``, in reading order.

    Args:
        lengths: Number of segments per language.
        alignments: Beads per (source language, target language).
        lang_order: Languages in the order used to break ties (e.g. ``en, zh, ja``).
    """
    g = _Groups()
    for lang, n in lengths.items():
        for i in range(n):
            g.add((lang, i))
    for (sl, tl), beads in alignments.items():
        if sl not in lengths or tl not in lengths:
            continue
        for b in beads:
            nodes = [(sl, i) for i in b.src] + [(tl, j) for j in b.tgt]
            for x in nodes[1:]:
                g.union(nodes[0], x)
    langs = [lang for lang in lang_order if lang in lengths]
    while True:
        _make_contiguous(g, lengths, langs)
        order = _reading_order(g, lengths, langs)
        if order is not None:
            return order


def _members(g: _Groups, lengths: Mapping[str, int], langs: Sequence[str]
             ) -> dict[Node, dict[str, list[int]]]:
    out: dict[Node, dict[str, list[int]]] = {}
    for lang in langs:
        for i in range(lengths[lang]):
            out.setdefault(g.find((lang, i)), {}).setdefault(lang, []).append(i)
    return out


def _make_contiguous(g: _Groups, lengths: Mapping[str, int], langs: Sequence[str]) -> None:
    changed = True
    while changed:
        changed = False
        for root, per_lang in _members(g, lengths, langs).items():
            for lang, idx in per_lang.items():
                for i in range(min(idx), max(idx) + 1):
                    changed |= g.union(root, (lang, i))


def _reading_order(g: _Groups, lengths: Mapping[str, int], langs: Sequence[str]
                   ) -> list[dict[str, tuple[int, ...]]] | None:
    """Units in order, or None after merging two crossing units (the caller tries again)."""
    members = _members(g, lengths, langs)
    pos = {lang: 0 for lang in langs}
    units = []
    while any(pos[lang] < lengths[lang] for lang in langs):
        heads = [g.find((lang, pos[lang])) for lang in langs if pos[lang] < lengths[lang]]
        ready = next((r for r in heads
                      if all(min(idx) == pos[lang] for lang, idx in members[r].items())), None)
        if ready is None:
            # The heads cross each other: only one unit holding them all keeps every order.
            for r in heads[1:]:
                g.union(heads[0], r)
            return None
        unit = {lang: tuple(idx) for lang, idx in members[ready].items()}
        for lang, idx in unit.items():
            pos[lang] = max(idx) + 1
        units.append({lang: unit[lang] for lang in langs if lang in unit})
    return units
