"""Shared features of bead sides (anchors, learned word pairs, Han characters), in arrays.

A *family* is a set of weighted features found in the segments of both sides. A feature counts
once per bead side, at its first segment inside the side's range: a segment's occurrence of a
feature counts for a range starting at ``i0`` only when the previous occurrence (``gap`` segments
earlier) lies before ``i0``. With that rule every sum over a range is a sum over the segments of
the range, which is what lets the programme evaluate millions of beads as array operations
instead of one set intersection per bead.

Two consumers read the same occurrence arrays: ``PairTable`` and ``SideTable`` (laid out over the
cells of a band, for the programme, where beads have at most ``MAX_SIDE`` segments a side) and
``Family.match`` / ``Family.side`` (beads of any size, for scoring a path or composed units).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

#: Largest number of segments on one side of a bead the programme considers.
MAX_SIDE = 5


def expand(starts: np.ndarray, stops: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For ranges ``[starts[k], stops[k])``: (owner k of each position, the positions)."""
    counts = np.maximum(stops - starts, 0)
    owner = np.repeat(np.arange(len(starts)), counts)
    offsets = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    return owner, np.repeat(starts, counts) + offsets


class Occurrences:
    """Where the features of one side occur.

    Args:
        n: Number of segments.
        seg, feat: One entry per occurrence (repeats of a feature in a segment are dropped).

    Attributes:
        feat, seg, gap: One entry per occurrence, sorted by (feature, segment); ``gap`` is the
            distance in segments to the previous occurrence of the same feature (a large number
            when there is none).
    """

    def __init__(self, n: int, seg: np.ndarray, feat: np.ndarray) -> None:
        self.n = n
        key = np.unique(np.asarray(feat, dtype=np.int64) * (n + 1) + np.asarray(seg, np.int64))
        self.feat, self.seg = key // (n + 1), key % (n + 1)
        gap = np.full(len(self.seg), n + 1, dtype=np.int64)
        same = self.feat[1:] == self.feat[:-1]
        gap[1:][same] = (self.seg[1:] - self.seg[:-1])[same]
        self.gap = gap
        self._by_seg = np.argsort(self.seg, kind="stable")
        self._seg_sorted = self.seg[self._by_seg]

    def in_ranges(self, i0: np.ndarray, i1: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(range index, occurrence index) of every occurrence counted in each range."""
        lo = np.searchsorted(self._seg_sorted, i0, "left")
        hi = np.searchsorted(self._seg_sorted, i1, "left")
        owner, pos = expand(lo, hi)
        occ = self._by_seg[pos]
        keep = self.gap[occ] > self.seg[occ] - i0[owner]
        return owner[keep], occ[keep]


class Tokens:
    """The tokens (feature names) of each segment of one side, as ids into a sorted vocabulary.

    Args:
        token_sets: Tokens of each segment.
        vocab: The tokens to keep, sorted (default: all of them); others are dropped.

    Attributes:
        vocab: The distinct tokens, sorted (ids follow this order, so sorting ids sorts tokens).
        seg, tok: One entry per (segment, token), sorted by segment then token id.
    """

    def __init__(self, token_sets: Sequence[Iterable[str]],
                 vocab: Sequence[str] | None = None) -> None:
        self.n = len(token_sets)
        self.vocab = list(vocab) if vocab is not None else sorted(set().union(*token_sets))
        ids = {t: k for k, t in enumerate(self.vocab)}
        kept = [[ids[t] for t in toks if t in ids] for toks in token_sets]
        sizes = np.fromiter((len(k) for k in kept), np.int64, count=self.n)
        seg = np.repeat(np.arange(self.n, dtype=np.int64), sizes)
        tok = np.fromiter((i for k in kept for i in k), np.int64, count=int(sizes.sum()))
        order = np.lexsort((tok, seg))
        self.seg, self.tok = seg[order], tok[order]

    def occurrences(self) -> Occurrences:
        return Occurrences(self.n, self.seg, self.tok)

    def frequencies(self) -> np.ndarray:
        """In how many segments each token occurs."""
        return np.bincount(self.tok, minlength=len(self.vocab))

    def in_ranges(self, i0: np.ndarray, i1: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(range index, token id) of the distinct tokens of each range, sorted."""
        owner, pos = expand(np.searchsorted(self.seg, i0), np.searchsorted(self.seg, i1))
        v = len(self.vocab)
        key = np.unique(owner * v + self.tok[pos])
        return key // v, key % v


class Family:
    """Weighted features of both sides.

    Args:
        src: Occurrences on the source side.
        tgt: Occurrences on the target side.
        weight: Weight of each feature id.
    """

    def __init__(self, src: Occurrences, tgt: Occurrences, weight: np.ndarray) -> None:
        self.src, self.tgt = src, tgt
        self.weight = np.asarray(weight, dtype=np.float64)
        self._stride = tgt.n + 1
        self._key_t = self.tgt.feat * self._stride + self.tgt.seg
        self._side_tables: dict[int, SideTable] = {}

    def side_table(self, side: int) -> SideTable:
        """The ``SideTable`` of one side (it depends on the features only: built once)."""
        if side not in self._side_tables:
            self._side_tables[side] = SideTable(self, side)
        return self._side_tables[side]

    def pairs(self, qlo: np.ndarray, qhi: np.ndarray):
        """Occurrences of one feature in source segment p and target segment q, for every
        target q in ``[qlo[p], qhi[p]]``.

        Returns:
            Arrays p, q, source gap, target gap, weight (one entry per shared occurrence pair).
        """
        s = self.src
        base = s.feat * self._stride
        lo = np.searchsorted(self._key_t, base + qlo[s.seg], "left")
        hi = np.searchsorted(self._key_t, base + qhi[s.seg], "right")
        owner, idx = expand(lo, hi)
        return (s.seg[owner], self.tgt.seg[idx], s.gap[owner], self.tgt.gap[idx],
                self.weight[s.feat[owner]])

    def side(self, side: int, i0: np.ndarray, i1: np.ndarray) -> np.ndarray:
        """Total weight of the distinct features of each range of one side."""
        occ = self.src if side == 0 else self.tgt
        owner, idx = occ.in_ranges(i0, i1)
        return np.bincount(owner, weights=self.weight[occ.feat[idx]], minlength=len(i0))

    def match(self, i0: np.ndarray, i1: np.ndarray, j0: np.ndarray, j1: np.ndarray
              ) -> np.ndarray:
        """Total weight of the features found on both sides of each bead (any sizes)."""
        n = self.src.n
        qlo = np.full(n + 1, 0, dtype=np.int64)
        qhi = np.full(n + 1, -1, dtype=np.int64)
        # Each source segment looks at the union of the target ranges of the beads holding it.
        for a0, a1, b0, b1 in zip(i0.tolist(), i1.tolist(), j0.tolist(), j1.tolist()):
            for p in range(a0, a1):
                if qhi[p] < qlo[p]:
                    qlo[p], qhi[p] = b0, b1 - 1
                else:
                    qlo[p], qhi[p] = min(qlo[p], b0), max(qhi[p], b1 - 1)
        p, q, gs, gt, w = self.pairs(qlo, qhi)
        order = np.argsort(p, kind="stable")
        p, q, gs, gt, w = p[order], q[order], gs[order], gt[order], w[order]
        owner, idx = expand(np.searchsorted(p, i0, "left"), np.searchsorted(p, i1, "left"))
        keep = ((q[idx] >= j0[owner]) & (q[idx] < j1[owner])
                & (gs[idx] > p[idx] - i0[owner]) & (gt[idx] > q[idx] - j0[owner]))
        return np.bincount(owner[keep], weights=w[idx[keep]], minlength=len(i0))


class SideTable:
    """Per segment p and offset u < MAX_SIDE: weight of the features of p that count when p is
    the (u+1)-th segment of a range (their previous occurrence is more than u segments back)."""

    def __init__(self, family: Family, side: int) -> None:
        occ = family.src if side == 0 else family.tgt
        hist = np.zeros((occ.n + 1, MAX_SIDE))
        first = np.minimum(occ.gap, MAX_SIDE) - 1  # counted for offsets 0..first
        np.add.at(hist, (occ.seg, first), family.weight[occ.feat])
        self.table = np.cumsum(hist[:, ::-1], axis=1)[:, ::-1]

    def ranges(self, i1: np.ndarray, a: int) -> np.ndarray:
        """Weight of each range ``[i1 - a, i1)`` (``i1 >= a``)."""
        out = np.zeros(len(i1))
        for u in range(a):
            out += self.table[i1 - a + u, u]
        return out


def pair_windows(lo: np.ndarray, hi: np.ndarray, m: int) -> tuple[np.ndarray, np.ndarray]:
    """For a band with target positions ``lo[i]..hi[i]`` on rows 0..n: the targets
    ``qlo[p]..qhi[p]`` each source segment p can meet in a bead of at most ``MAX_SIDE`` a side
    (p is in the beads ending at rows p+1..p+MAX_SIDE)."""
    n = len(lo) - 1
    lo = np.append(lo, [m] * MAX_SIDE)
    hi = np.append(hi, [0] * MAX_SIDE)
    qlo = np.min([lo[k + 1:k + 1 + n] for k in range(MAX_SIDE)], axis=0) - MAX_SIDE
    qhi = np.max([hi[k + 1:k + 1 + n] for k in range(MAX_SIDE)], axis=0) - 1
    return np.maximum(qlo, 0), qhi


class PairTable:
    """Shared weight of segment pairs inside a band, for beads of at most ``MAX_SIDE`` a side.

    Args:
        family: The features.
        qlo, qhi: For each source segment p, the target segments q ≤ ``qhi[p]`` from ``qlo[p]``
            that any bead of the band can pair it with.
    """

    def __init__(self, family: Family, qlo: np.ndarray, qhi: np.ndarray) -> None:
        p, q, gs, gt, w = family.pairs(qlo, qhi)
        self.qlo = qlo
        self.width = int(max(1, (qhi - qlo + 1).max(initial=1)))
        cell = p * self.width + (q - qlo[p])
        keys, inverse = np.unique(cell, return_inverse=True)
        fs = np.minimum(gs, MAX_SIDE) - 1
        ft = np.minimum(gt, MAX_SIDE) - 1
        k = MAX_SIDE * MAX_SIDE
        hist = np.bincount(inverse * k + fs * MAX_SIDE + ft, weights=w,
                           minlength=len(keys) * k).reshape(len(keys), MAX_SIDE, MAX_SIDE)
        cum = np.cumsum(np.cumsum(hist[:, ::-1, ::-1], axis=1), axis=2)[:, ::-1, ::-1]
        # One extra all-zero row: the index -1 of a pair that shares nothing lands there.
        self.values = np.concatenate([cum, np.zeros((1, MAX_SIDE, MAX_SIDE))])
        self.index = np.full(len(qlo) * self.width, -1, dtype=np.int64)
        self.index[keys] = np.arange(len(keys))

    def beads(self, i1: np.ndarray, j1: np.ndarray, a: int, b: int) -> np.ndarray:
        """Shared weight of each bead ``[i1 - a, i1) × [j1 - b, j1)`` (inside the band)."""
        out = np.zeros(len(i1))
        for u in range(a):
            p = i1 - a + u
            for v in range(b):
                col = j1 - b + v - self.qlo[p]
                out += self.values[self.index[p * self.width + col], u, v]
        return out
