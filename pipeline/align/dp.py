"""The dynamic programme: the cheapest monotone sequence of beads, inside a band.

The band keeps the work linear in the document length: rows are source positions, and each row
only keeps target positions within ``width`` of a guide path (the diagonal, or the path of an
earlier, coarser pass). When the best path runs along the edge of the band, the band was too
narrow to tell, so it is widened (or, for a long text, re-centred) and the programme run again.

Costs come as one array per bead shape over the cells of the band, so that a scorer can compute
them with array operations; the programme itself walks the rows, each row a handful of array
operations over its cells.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

#: Bead shapes (source count, target count), in tie-breaking order: on equal cost the earlier
#: shape wins, so 1-1 is preferred to merges and merges to deletions. (0, 1) must stay last.
SHAPES: tuple[tuple[int, int], ...] = (
    (1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (2, 3), (3, 2),
    (1, 4), (4, 1), (1, 5), (5, 1), (1, 0), (0, 1),
)

Path = list[tuple[int, int, int, int]]
"""Beads as (i0, i1, j0, j1): source [i0, i1) and target [j0, j1)."""


@dataclass(frozen=True)
class Band:
    """For each row i = 0..n (source position), the target positions ``lo[i]..hi[i]``.

    Cell (i, c) of a band array stands for target position ``j = lo[i] + c``; cells past
    ``hi[i]`` are padding.
    """

    lo: np.ndarray
    hi: np.ndarray
    m: int

    @property
    def n(self) -> int:
        return len(self.lo) - 1

    @property
    def width(self) -> int:
        return int((self.hi - self.lo).max()) + 1

    @property
    def cells(self) -> int:
        return (self.n + 1) * self.width

    def grid(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Row index, target position and validity of every cell, each shaped (n+1, width)."""
        rows = np.repeat(np.arange(self.n + 1)[:, None], self.width, axis=1)
        j = self.lo[:, None] + np.arange(self.width)[None, :]
        return rows, j, j <= self.hi[:, None]

    def contains(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Whether each (i, j) is a cell of the band (i may be out of range: then False)."""
        ok = (i >= 0) & (i <= self.n)
        ic = np.clip(i, 0, self.n)
        return ok & (j >= self.lo[ic]) & (j <= self.hi[ic])

    def touches(self, path: Path) -> bool:
        """Whether ``path`` runs along an edge of the band that is not an edge of the table."""
        for _, i, _, j in path:
            if (j == self.lo[i] and j > 0) or (j == self.hi[i] and j < self.m):
                return True
        return False

    @property
    def full(self) -> bool:
        return bool((self.lo == 0).all() and (self.hi == self.m).all())


def diagonal_band(n: int, m: int, width: int, centre: np.ndarray | None = None) -> Band:
    """Target positions within ``width`` of the diagonal, or of ``centre`` (the expected target
    position of each row 0..n, from (0, 0) to (n, m))."""
    if n == 0:
        return Band(np.zeros(1, dtype=np.int64), np.full(1, m, dtype=np.int64), m)
    c = np.arange(n + 1) * m / n if centre is None else np.asarray(centre, dtype=np.float64)
    lo = np.maximum(0, np.floor(c - width)).astype(np.int64)
    hi = np.minimum(m, np.ceil(c + width)).astype(np.int64)
    return Band(lo, hi, m)


def path_band(path: Path, n: int, m: int, width: int) -> Band:
    """Target positions within ``width`` of the points of ``path``."""
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    for i0, i1, j0, j1 in path:
        lo[i0:i1 + 1] = np.minimum(lo[i0:i1 + 1], j0)
        hi[i0:i1 + 1] = np.maximum(hi[i0:i1 + 1], j1)
    lo[0], hi[n] = 0, m
    return Band(np.maximum(0, lo - width), np.minimum(m, hi + width), m)


CostTable = Callable[[Band, Sequence[tuple[int, int]]], np.ndarray]
"""costs(band, shapes) → array (len(shapes), n+1, width): cost of the bead of each shape ending
at each cell (anything for cells where the bead would leave the table; they are masked)."""


def best_path(costs: np.ndarray, band: Band,
              shapes: Sequence[tuple[int, int]] = SHAPES) -> Path:
    """Cheapest path of beads from (0, 0) to (n, m) inside ``band``, given ``costs`` as a
    ``CostTable`` returns them."""
    n, w = band.n, band.width
    rows, j, valid = band.grid()
    if tuple(shapes[-1]) != (0, 1):
        raise ValueError("the (0, 1) shape must come last")  # the row scan handles it
    moves = list(shapes[:-1])
    # Flat index into the table of the cell each shape comes from; invalid moves point at a
    # sentinel cell that holds infinity.
    sentinel = (n + 1) * w
    src = np.full((len(moves), n + 1, w), sentinel, dtype=np.int64 if sentinel >= 2**31 else np.int32)
    for k, (a, b) in enumerate(moves):
        pi, pj = rows - a, j - b
        ok = valid & band.contains(pi, pj) & (pj >= 0)
        src[k][ok] = (pi * w + (pj - band.lo[np.clip(pi, 0, n)]))[ok]
    move_cost = np.where(src == sentinel, np.inf, np.asarray(costs[:len(moves)], dtype=np.float64))
    # Skip costs must be finite inside the band: they are summed along each row.
    skip = np.where(valid, np.asarray(costs[-1], dtype=np.float64), 0.0)
    skip[:, 0] = 0.0  # nothing to the left of the first cell
    skip_run = np.cumsum(skip, axis=1)
    table = np.full(sentinel + 1, np.inf)
    back = np.full((n + 1, w), -1, dtype=np.int8)
    cols = np.arange(w)
    for i in range(n + 1):
        if i == 0:
            best = np.full(w, np.inf)
            best[0] = 0.0
            arg = np.full(w, -1, dtype=np.int8)
        else:
            cand = table[src[:, i]]
            cand += move_cost[:, i]
            arg = cand.argmin(axis=0).astype(np.int8)
            best = cand[arg, cols]
        # Skipping target segments along the row: r[c] = min over c' <= c of
        # best[c'] + skips between c' and c, one cumulative minimum.
        rel = best - skip_run[i]
        run = np.minimum.accumulate(rel)
        better = run < rel
        table[i * w:(i + 1) * w] = np.where(better, run + skip_run[i], best)
        arg[better] = len(moves)
        back[i] = arg
    path: Path = []
    i, jj = n, band.m
    while i > 0 or jj > 0:
        k = int(back[i, jj - band.lo[i]])
        if k < 0 or table[i * w + jj - band.lo[i]] == np.inf:
            raise RuntimeError("band does not connect (0, 0) to the end")  # a bug, not input
        a, b = shapes[k]
        path.append((i - a, i, jj - b, jj))
        i, jj = i - a, jj - b
    path.reverse()
    return path


#: From this many segments (both sides), a band whose edge the path touches is first re-centred
#: on that path instead of widened everywhere: a long text drifts off the diagonal by more than
#: any affordable width (each side drops and merges independently), while locally the path
#: stays near the one found.
RECENTRE_FROM = 3000
#: Widening stops before a band would hold more cells than this (memory and time stay bounded;
#: such a band is wider than any drift a real pair of versions shows).
MAX_CELLS = 1_500_000


def search(n: int, m: int, costs: CostTable, *, width: int = 12, guide: Path | None = None,
           centre: np.ndarray | None = None,
           shapes: Sequence[tuple[int, int]] = SHAPES) -> Path:
    """Best path, widening (or, for long texts, re-centring) the band until the path keeps
    clear of its edges (re-centred once at most: a path that keeps touching needs width).

    The first band follows ``guide`` (a path), else ``centre`` (see ``diagonal_band``), else the
    diagonal.
    """
    def make(w: int) -> Band:
        return path_band(guide, n, m, w) if guide else diagonal_band(n, m, w, centre)

    band = make(width)
    recentred = False
    while True:
        path = best_path(costs(band, shapes), band, shapes)
        if band.full or not band.touches(path):
            return path
        if n + m >= RECENTRE_FROM and not recentred:
            band, recentred = path_band(path, n, m, width), True
            continue
        width *= 2
        wider = make(width)
        if wider.cells > MAX_CELLS:
            return path
        band = wider


def costs_from_function(cost: Callable[[int, int, int, int], float]) -> CostTable:
    """A ``CostTable`` from a function of one bead (slow: one call per cell and shape; for
    small tables and for checking a scorer's arrays against its definition)."""
    def table(band: Band, shapes: Sequence[tuple[int, int]]) -> np.ndarray:
        rows, j, valid = band.grid()
        out = np.full((len(shapes),) + rows.shape, np.inf)
        for k, (a, b) in enumerate(shapes):
            for i, jj in zip(*np.nonzero(valid)):
                i1, j1 = int(i), int(band.lo[i] + jj)
                if i1 >= a and j1 >= b:
                    out[k, i, jj] = cost(i1 - a, i1, j1 - b, j1)
        return out
    return table

