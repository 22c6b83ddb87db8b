"""Folding keeps a map back to the original text (hypothesis) and folds what it should."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.glossary.normalize import fold_cjk, fold_cjk_term, fold_en, fold_en_term


def _check_map(text, folded):
    assert len(folded.starts) == len(folded.ends) == len(folded.text)
    prev_end = 0
    for s, e in zip(folded.starts, folded.ends):
        assert 0 <= s < e <= len(text)
        assert e >= prev_end  # monotonic: a span maps to one contiguous original slice
        prev_end = e


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_offset_maps_are_valid(text):
    _check_map(text, fold_en(text))
    for lang in ("zh", "ja"):
        _check_map(text, fold_cjk(text, lang))


@pytest.mark.parametrize("term,folded", [
    ("Peer-Delivered", "peer delivered"), ("peer / worker", "peer worker"),
    ("  peer\t\nworker ", "peer worker"), ("peer’s", "peer's"), ("ﬁnance", "finance"),
    ("café", "café"), ("cafe\u0301", "café"),
])
def test_en_term_folding(term, folded):
    assert fold_en_term(term) == folded


@pytest.mark.parametrize("term,lang,folded", [
    ("ピア・ワーカー", "ja", "ピアワーカ"), ("ﾋﾟｱ ﾜｰｶｰ", "ja", "ピアワーカ"),
    ("ファミリー", "ja", "フアミリ"), ("サーバーの", "ja", "サーバの"),
    ("同伴 工作者", "zh", "同伴工作者"), ("服務", "zh", "服务"), ("ＡＩ", "zh", "ai"),
])
def test_cjk_term_folding(term, lang, folded):
    assert fold_cjk_term(term, lang) == folded
