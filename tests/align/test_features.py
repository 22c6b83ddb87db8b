"""Shared features in arrays: the dense band tables and the per-bead sums agree with the
definition (a feature counts once per bead side), and the scorer's band costs with its costs of
single beads."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.align import align, dp
from pipeline.align.features import MAX_SIDE, Family, PairTable, Tokens, pair_windows
from pipeline.align.scoring import PairScorer

DATA = Path(__file__).parent.parent / "data" / "align"

sets = st.lists(st.sets(st.integers(0, 7), max_size=4), min_size=1, max_size=14)


def _family(src, tgt):
    weight = np.arange(1, 9) / 8.0
    vocab = [f"f{k}" for k in range(8)]
    return Family(Tokens([{f"f{x}" for x in s} for s in src], vocab).occurrences(),
                  Tokens([{f"f{x}" for x in t} for t in tgt], vocab).occurrences(), weight)


def _brute(src, tgt, i0, i1, j0, j1):
    weight = np.arange(1, 9) / 8.0
    s = set().union(*src[i0:i1])
    t = set().union(*tgt[j0:j1])
    return sum(weight[f] for f in s & t), sum(weight[f] for f in s), sum(weight[f] for f in t)


@settings(max_examples=80, deadline=None)
@given(sets, sets, st.data())
def test_bead_sums_follow_the_definition(src, tgt, data):
    fam = _family(src, tgt)
    n, m = len(src), len(tgt)
    beads = []
    for _ in range(6):
        i0 = data.draw(st.integers(0, n - 1))
        j0 = data.draw(st.integers(0, m - 1))
        beads.append((i0, data.draw(st.integers(i0 + 1, n)), j0, data.draw(st.integers(j0 + 1, m))))
    i0, i1, j0, j1 = (np.array(x) for x in zip(*beads))
    got = fam.match(i0, i1, j0, j1)
    side_s, side_t = fam.side(0, i0, i1), fam.side(1, j0, j1)
    for k, bead in enumerate(beads):
        match, ws, wt = _brute(src, tgt, *bead)
        assert got[k] == pytest.approx(match)
        assert side_s[k] == pytest.approx(ws) and side_t[k] == pytest.approx(wt)


@settings(max_examples=60, deadline=None)
@given(sets, sets, st.integers(1, 4))
def test_band_tables_agree_with_bead_sums(src, tgt, width):
    fam = _family(src, tgt)
    n, m = len(src), len(tgt)
    band = dp.diagonal_band(n, m, width)
    qlo, qhi = pair_windows(band.lo, band.hi, m)
    pairs, side_s, side_t = PairTable(fam, qlo, qhi), fam.side_table(0), fam.side_table(1)
    rows, j, valid = band.grid()
    for a in range(1, MAX_SIDE + 1):
        for b in range(1, MAX_SIDE + 1):
            ok = valid & (rows >= a) & (j >= b)
            i1, j1 = rows[ok], j[ok]
            want = fam.match(i1 - a, i1, j1 - b, j1)
            assert np.allclose(pairs.beads(i1, j1, a, b), want)
            assert np.allclose(side_s.ranges(i1, a), fam.side(0, i1 - a, i1))
            assert np.allclose(side_t.ranges(j1, b), fam.side(1, j1 - b, j1))


@pytest.mark.parametrize("pair", [("en", "zh"), ("en", "ja"), ("zh", "ja")])
def test_band_costs_equal_the_cost_of_each_bead(pair):
    # Every kind of evidence on: anchors and learned pairs (and Han characters for zh–ja).
    doc = json.loads((DATA / "rural-telehealth-peer.json").read_text(encoding="utf-8"))
    src, tgt = doc[pair[0]], doc[pair[1]]
    scorer = PairScorer(src, tgt, *pair)
    n, m = len(src), len(tgt)
    path = [(b.src[0], b.src[-1] + 1, b.tgt[0], b.tgt[-1] + 1)
            for b in align(src, tgt, *pair) if b.src and b.tgt]
    assert scorer.learn(path)
    band = dp.diagonal_band(n, m, 3)
    fast = scorer.band_costs(band, dp.SHAPES)
    slow = dp.costs_from_function(scorer.cost)(band, dp.SHAPES)
    finite = np.isfinite(slow)
    assert finite.sum() > 100
    assert np.array_equal(finite, np.isfinite(fast))
    assert np.allclose(fast[finite], slow[finite])
