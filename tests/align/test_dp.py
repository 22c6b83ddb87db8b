"""The dynamic programme: coverage, monotonicity, every bead shape, banding."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.align import align, dp


def _check_cover(beads, n, m):
    src = [i for b in beads for i in b.src]
    tgt = [j for b in beads for j in b.tgt]
    assert src == list(range(n))
    assert tgt == list(range(m))
    assert all(b.src or b.tgt for b in beads)
    assert all(0.0 <= b.score <= 1.0 for b in beads)


texts = st.lists(st.text(alphabet="abcde 。，.0123456789漢字かな", max_size=40), max_size=12)


@settings(max_examples=60, deadline=None)
@given(texts, texts, st.sampled_from([("en", "zh"), ("en", "ja"), ("zh", "ja"), ("ja", "en")]))
def test_beads_cover_every_segment_in_order(src, tgt, pair):
    _check_cover(align(src, tgt, *pair), len(src), len(tgt))


@pytest.mark.parametrize("shape", [s for s in dp.SHAPES])
def test_every_shape_is_reachable(shape):
    # A cost that makes exactly the requested shape free and everything else expensive.
    a, b = shape

    def cost(i0, i1, j0, j1):
        return 0.0 if (i1 - i0, j1 - j0) == shape else 10.0

    path = dp.search(a * 3, b * 3, dp.costs_from_function(cost), width=2)
    assert [(i1 - i0, j1 - j0) for i0, i1, j0, j1 in path] == [shape] * 3


def test_band_widens_when_the_path_runs_along_its_edge():
    # 30 target segments must be skipped before the 1-1 diagonal starts: far off the diagonal.
    n, m = 40, 70

    def cost(i0, i1, j0, j1):
        if (i1 - i0, j1 - j0) == (0, 1):
            return 1.0 if i0 == 0 and j1 <= 30 else 50.0
        if (i1 - i0, j1 - j0) == (1, 1):
            return 0.0 if j0 - i0 == 30 else 20.0
        return 100.0

    path = dp.search(n, m, dp.costs_from_function(cost), width=2)
    assert path[:30] == [(0, 0, j, j + 1) for j in range(30)]
    assert path[30:] == [(i, i + 1, i + 30, i + 31) for i in range(n)]


def test_ties_are_broken_the_same_way_every_time():
    src = ["A b c."] * 6
    tgt = ["甲乙。"] * 6
    first = align(src, tgt, "en", "zh")
    assert all(align(src, tgt, "en", "zh") == first for _ in range(3))
    assert [(b.src, b.tgt) for b in first] == [((i,), (i,)) for i in range(6)]


def test_empty_sides():
    assert [(b.src, b.tgt, b.score) for b in align(["a", "b"], [], "en", "zh")] == [
        ((0,), (), 0.0), ((1,), (), 0.0)]
    assert align([], [], "en", "ja") == []


def test_long_input_stays_banded_and_correct():
    # 600 segments each side: a full table would be 360k cells times 14 shapes.
    src = [f"Sentence number {i} says something about item {i * 7}." for i in range(600)]
    tgt = [f"第{i}句关于第{i * 7}项说了些什么。" for i in range(600)]
    beads = align(src, tgt, "en", "zh")
    assert [(b.src, b.tgt) for b in beads] == [((i,), (i,)) for i in range(600)]


def test_widening_stops_at_the_cell_budget(monkeypatch):
    # The path hugs the band's edge however wide it gets: widening must stop, not run away.
    monkeypatch.setattr(dp, "MAX_CELLS", 400)
    n, m = 30, 30

    def cost(i0, i1, j0, j1):
        # Drop every source segment first, then every target one: far off any diagonal band.
        if (i1 - i0, j1 - j0) == (1, 0):
            return 0.0
        if (i1 - i0, j1 - j0) == (0, 1):
            return 0.0 if i1 == n else 1.0
        return 5.0

    seen = []
    real = dp.best_path

    def recording(costs, band, shapes=dp.SHAPES):
        seen.append(band.cells)
        return real(costs, band, shapes)

    monkeypatch.setattr(dp, "best_path", recording)
    path = dp.search(n, m, dp.costs_from_function(cost), width=2)
    assert len(seen) > 1 and max(seen) <= 400  # widened, but never past the budget
    assert [i for i0, i1, _, _ in path for i in range(i0, i1)] == list(range(n))
    assert [j for _, _, j0, j1 in path for j in range(j0, j1)] == list(range(m))
