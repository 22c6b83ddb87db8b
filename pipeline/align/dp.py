"""The dynamic programme: the cheapest monotone sequence of beads, inside a band.

The band keeps the work linear in the document length: rows are source positions, and each row
only keeps target positions within ``width`` of a guide path (the diagonal, or the path of an
earlier, coarser pass). When the best path runs along the edge of the band, the band was too
narrow to tell, so it is widened and the programme run again.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence

#: Bead shapes (source count, target count), in tie-breaking order: on equal cost the earlier
#: shape wins, so 1-1 is preferred to merges and merges to deletions.
SHAPES: tuple[tuple[int, int], ...] = (
    (1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (2, 3), (3, 2),
    (1, 4), (4, 1), (1, 5), (5, 1), (1, 0), (0, 1),
)

CostFn = Callable[[int, int, int, int], float]
"""cost(i0, i1, j0, j1) of a bead covering source [i0, i1) and target [j0, j1)."""

Path = list[tuple[int, int, int, int]]


def diagonal_band(n: int, m: int, width: int) -> list[tuple[int, int]]:
    """For each row 0..n, the inclusive target range within ``width`` of the diagonal."""
    if n == 0:
        return [(0, m)]
    rows = []
    for i in range(n + 1):
        c = i * m / n
        rows.append((max(0, math.floor(c - width)), min(m, math.ceil(c + width))))
    return rows


def path_band(path: Path, n: int, m: int, width: int) -> list[tuple[int, int]]:
    """For each row 0..n, the inclusive target range within ``width`` of the points of ``path``."""
    lo = [m] * (n + 1)
    hi = [0] * (n + 1)
    for i0, i1, j0, j1 in path:
        for i in range(i0, i1 + 1):
            lo[i] = min(lo[i], j0)
            hi[i] = max(hi[i], j1)
    lo[0], hi[n] = 0, max(hi[n], m)
    rows = []
    for i in range(n + 1):
        a, b = max(0, lo[i] - width), min(m, hi[i] + width)
        rows.append((a, b))
    return rows


def best_path(n: int, m: int, cost: CostFn, band: Sequence[tuple[int, int]],
              shapes: Sequence[tuple[int, int]] = SHAPES) -> tuple[Path, bool]:
    """Cheapest path of beads from (0, 0) to (n, m) inside ``band``.

    Returns:
        The beads as ``(i0, i1, j0, j1)`` in order, and whether the path touched an edge of the
        band that is not an edge of the table (a wider band might find a cheaper path).
    """
    inf = math.inf
    table: list[list[float]] = []
    back: list[list[int]] = []
    for i in range(n + 1):
        lo, hi = band[i]
        row = [inf] * (hi - lo + 1)
        brow = [-1] * (hi - lo + 1)
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            best, arg = inf, -1
            for k, (a, b) in enumerate(shapes):
                pi, pj = i - a, j - b
                if pi < 0 or pj < 0:
                    continue
                plo, phi = band[pi]
                if pj < plo or pj > phi:
                    continue
                prev = (table[pi] if pi < i else row)[pj - plo]
                if prev == inf:
                    continue
                c = prev + cost(pi, i, pj, j)
                if c < best:
                    best, arg = c, k
            row[j - lo] = best
            brow[j - lo] = arg
        table.append(row)
        back.append(brow)
    path: Path = []
    i, j = n, m
    touched = False
    while i > 0 or j > 0:
        lo, hi = band[i]
        if (j == lo and lo > 0) or (j == hi and hi < m):
            touched = True
        k = back[i][j - lo]
        if k < 0:
            raise RuntimeError("band does not connect (0, 0) to the end")  # a bug, not input
        a, b = shapes[k]
        path.append((i - a, i, j - b, j))
        i, j = i - a, j - b
    path.reverse()
    return path, touched


#: From this many segments (both sides), a band whose edge the path touches is first re-centred
#: on that path instead of widened everywhere: a long text drifts off the diagonal by more than
#: any affordable width (each side drops and merges independently), while locally the path
#: stays near the one found.
RECENTRE_FROM = 3000


def search(n: int, m: int, cost: CostFn, *, width: int = 12,
           guide: Path | None = None,
           shapes: Sequence[tuple[int, int]] = SHAPES) -> Path:
    """Best path, widening (or, for long texts, re-centring) the band until the path keeps
    clear of its edges (re-centred once at most: a path that keeps touching needs width)."""
    band = path_band(guide, n, m, width) if guide else diagonal_band(n, m, width)
    seen: list[Path] = []
    while True:
        path, touched = best_path(n, m, cost, band, shapes)
        full = all(lo == 0 and hi == m for lo, hi in band)
        if not touched or full:
            return path
        if n + m < RECENTRE_FROM or seen:
            width *= 2
            band = path_band(guide, n, m, width) if guide else diagonal_band(n, m, width)
        else:
            band = path_band(path, n, m, width)
        seen.append(path)
