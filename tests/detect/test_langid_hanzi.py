"""Han character classes derived from the OpenCC tables."""
from __future__ import annotations

import pytest

from pipeline.langid.hanzi import char_classes, han_evidence


@pytest.mark.parametrize("ch", "図発険売歳気変対円済広駅験読関込々")
def test_japanese_only_forms(ch: str) -> None:
    assert ch in char_classes().ja_only


@pytest.mark.parametrize("ch", "这们发对说为个时还进")
def test_simplified_only_forms(ch: str) -> None:
    assert ch in char_classes().simplified_only


def test_forms_shared_with_japanese_are_not_decisive() -> None:
    cc = char_classes()
    # 会 学 国 are both Simplified and Japanese; 結 語 both Traditional and Japanese; 予 欠 are
    # everyday Simplified characters (给予) even though OpenCC lists them as shinjitai.
    assert {"会", "学", "国"} <= cc.simp_shared_ja
    assert {"結", "語"} <= cc.trad_shared
    assert not {"予", "欠", "会"} & (cc.ja_only | cc.simplified_only)
    assert {"國", "學", "們", "這"} <= cc.hant_only


@pytest.mark.parametrize("text,best", [("结论", "zh"), ("図表", "ja"), ("國際", "zh-Hant")])
def test_evidence_ranking(text: str, best: str) -> None:
    assert han_evidence(text).ranked()[0][0] == best


def test_two_character_headings_have_no_particle_evidence() -> None:
    # 的 in 目的 is part of the word, not the Chinese particle.
    ev = han_evidence("目的")
    assert ev.zh == ev.ja == ev.hant == 0
