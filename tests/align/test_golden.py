"""Golden alignments of trilingual abstracts (tests/data/align/*.json, with real-style merges)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.align import align, align_versions

DATA = Path(__file__).resolve().parent.parent / "data" / "align"
DOCS = sorted(DATA.glob("*.json"))


def _load(path):
    d = json.loads(path.read_text(encoding="utf-8"))
    gold = {tuple(k.split("-")): [(tuple(s), tuple(t)) for s, t in v] for k, v in d["gold"].items()}
    return d, gold


def test_there_are_golden_documents_with_merges():
    merged = 0
    for path in DOCS:
        _, gold = _load(path)
        merged += sum(1 for beads in gold.values() for s, t in beads if len(s) > 1 or len(t) > 1)
    assert len(DOCS) >= 4 and merged >= 10


# Known miss: ja compresses "The effect was larger… It was smaller…" into one sentence whose
# length happens to fit the first English sentence alone; without lexical evidence the
# programme pairs "It was smaller…" with the conclusions and drops "Conclusions…".
KNOWN_MISSES = {("osaka-readmission", "en-ja")}
CASES = [pytest.param(p, pair, id=f"{p.stem}:{pair}",
                      marks=[pytest.mark.xfail(strict=True)] if (p.stem, pair) in KNOWN_MISSES
                      else [])
         for p in DOCS for pair in ("en-zh", "en-ja", "zh-ja")]


@pytest.mark.parametrize(("path", "pair"), CASES)
def test_pairs_match_gold(path, pair):
    d, gold = _load(path)
    a, b = pair.split("-")
    test = [(x.src, x.tgt) for x in align(d[a], d[b], a, b)]
    assert test == gold[(a, b)]


def test_pooled_strict_f1_on_all_abstracts():
    gold_all, test_all = [], []
    for path in DOCS:
        d, gold = _load(path)
        got = align_versions({k: d[k] for k in ("en", "zh", "ja")})
        for pair, beads in gold.items():
            gold_all += [(path.stem, pair, b) for b in beads]
            test_all += [(path.stem, pair, (x.src, x.tgt)) for x in got[pair]]
    hits = len(set(gold_all) & set(test_all))
    p = hits / len(test_all)
    r = hits / len(gold_all)
    assert 2 * p * r / (p + r) >= 0.95


def test_title_glued_to_first_sentences_en_zh():
    d, gold = _load(DATA / "rural-telehealth-peer.json")
    beads = align(d["en"], d["zh"], "en", "zh")
    assert (beads[0].src, beads[0].tgt) == ((0, 1, 2), (0,))
    assert ((6, 7, 8), (3,)) in [(b.src, b.tgt) for b in beads]


def test_three_sentences_merged_en_ja():
    d, _ = _load(DATA / "rural-telehealth-peer.json")
    beads = [(b.src, b.tgt) for b in align(d["en"], d["ja"], "en", "ja")]
    assert ((6, 7, 8), (5,)) in beads and ((1, 2), (1,)) in beads
