"""Folding keeps a map back to the original text (hypothesis) and folds what it should."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.glossary.normalize import (_fold_cjk_slow, _fold_en_slow, fold_cjk, fold_cjk_term,
                                         fold_en, fold_en_term)


def _check_map(text, folded):
    prev_end = 0
    for i in range(len(folded.text)):
        start, end = folded.span(i, i + 1)
        assert 0 <= start < end <= len(text)
        assert end >= prev_end  # monotonic: a folded span maps to one contiguous original slice
        prev_end = end


_TEXT = st.text(st.one_of(st.characters(), st.sampled_from("ー・ｰﾞﾟ -ァ ア 　")), max_size=40)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_offset_maps_are_valid(text):
    _check_map(text, fold_en(text))
    for lang in ("zh", "ja"):
        _check_map(text, fold_cjk(text, lang))


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_table_folding_agrees_with_per_cluster_folding(text):
    assert fold_en(text).text == _fold_en_slow(text).text
    assert fold_en(text, casefold=False).text == _fold_en_slow(text, casefold=False).text
    for lang in ("zh", "ja"):
        assert fold_cjk(text, lang).text == _fold_cjk_slow(text, lang).text


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
