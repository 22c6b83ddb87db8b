"""Consistency of the three pairs and translation units."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.align import align_versions, trilingual_units, zh_ja_disagreements
from pipeline.align.han import fold
from pipeline.models import Bead

DATA = Path(__file__).resolve().parent.parent / "data" / "align"


def _doc(name):
    d = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
    return {k: d[k] for k in ("en", "zh", "ja")}


def _cover(beads, n, m):
    assert [i for b in beads for i in b.src] == list(range(n))
    assert [j for b in beads for j in b.tgt] == list(range(m))


@pytest.mark.parametrize("name", [p.stem for p in sorted(DATA.glob("*.json"))])
def test_three_pairs_agree(name):
    segs = _doc(name)
    got = align_versions(segs)
    assert set(got) == {("en", "zh"), ("en", "ja"), ("zh", "ja")}
    for (a, b), beads in got.items():
        _cover(beads, len(segs[a]), len(segs[b]))
    units = trilingual_units(segs, got)
    # Each unit holds whole beads of every pair: composing en–zh and en–ja gives zh–ja exactly.
    for (a, b), beads in got.items():
        for bead in beads:
            owners = {k for k, u in enumerate(units)
                      if set(bead.src) & set(u.get(a, ())) or set(bead.tgt) & set(u.get(b, ()))}
            assert len(owners) == 1
    for lang in ("en", "zh", "ja"):
        assert [i for u in units for i in u.get(lang, ())] == list(range(len(segs[lang])))


def test_language_tags_are_normalised_and_missing_versions_skipped():
    got = align_versions({"EN": ["One.", "Two."], "zh-CN": ["一。", "二。"]})
    assert set(got) == {("en", "zh")}


def test_zh_ja_without_english_uses_shared_han():
    zh = ["研究结果显示气候变化影响农业。", "我们调查了三个地区。"]
    ja = ["研究の結果、気候変動が農業に影響することが示された。", "我々は三つの地域を調査した。"]
    got = align_versions({"zh": zh, "ja": ja})
    assert [(b.src, b.tgt) for b in got[("zh", "ja")]] == [((0,), (0,)), ((1,), (1,))]


def test_unmatched_zh_and_ja_sentences_are_paired_with_each_other():
    segs = {"en": ["We studied 40 patients.", "All recovered."],
            "zh": ["我们研究了40名患者。", "本研究经伦理委员会批准。", "所有患者均康复。"],
            "ja": ["40人の患者を調査した。", "本研究は倫理委員会の承認を得た。", "全員が回復した。"]}
    got = align_versions(segs)
    assert ((1,), (1,)) in [(b.src, b.tgt) for b in got[("zh", "ja")]]
    units = trilingual_units(segs, got)
    assert {"zh": (1,), "ja": (1,)} in units


def test_folding_shinjitai_and_traditional():
    assert fold("気候変動の図", "ja") == fold("氣候變動圖", "zh-Hant") == "气候变动图"


def test_units_merge_crossing_beads():
    segs = {"en": ["a", "b"], "zh": ["甲", "乙"]}
    crossing = {("en", "zh"): [Bead((0,), (1,)), Bead((1,), (0,))]}
    assert trilingual_units(segs, crossing) == [{"en": (0, 1), "zh": (0, 1)}]


def test_disagreement_is_reported_when_composition_goes_wrong():
    segs = _doc("osaka-readmission")
    got = align_versions(segs)
    assert zh_ja_disagreements(segs, got) == []
    wrong = dict(got)
    wrong[("zh", "ja")] = [Bead((0, 1, 2, 3, 4), (0,)), Bead((5,), tuple(range(1, 8)))]
    assert zh_ja_disagreements(segs, wrong) == wrong[("zh", "ja")]
