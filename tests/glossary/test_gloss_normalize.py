"""Folding keeps a map back to the original text (hypothesis) and folds what it should."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.glossary.normalize import (
    _fold_cjk_slow,
    _fold_en_slow,
    fold_cjk,
    fold_cjk_term,
    fold_cjk_terms,
    fold_en,
    fold_en_term,
    fold_en_terms,
)


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


_TERM = st.text(st.one_of(st.characters(), st.sampled_from("ー・ｰﾞﾟ -ァアカヵ　－‐−/服務Aa  \t")),
               max_size=20)
# Terms of a batch, now and then holding the batch separator (NUL) or a combining mark.
_BATCH_TERM = st.text(st.one_of(st.characters(), st.sampled_from("ー・ｰﾞﾟ -ァアカ　－/服務Aa \x00\u0301")),
                      max_size=8)


@settings(max_examples=300, deadline=None)
@given(_TERM)
def test_term_folding_agrees_with_text_folding(term):
    # fold_*_term skip the offset map for speed; the folded text must not change.
    for casefold in (True, False):
        assert fold_en_term(term, casefold) == fold_en(term, casefold).text.strip()
    for lang in ("zh", "zh-Hant", "ja"):
        for traditional in (True, False):
            assert fold_cjk_term(term, lang, traditional) == fold_cjk(term, lang, traditional).text


@settings(max_examples=300, deadline=None)
@given(st.lists(_BATCH_TERM, max_size=8))
def test_batch_term_folding_agrees_with_one_by_one(terms):
    for casefold in (True, False):
        assert fold_en_terms(terms, casefold) == [fold_en_term(t, casefold) for t in terms]
    for lang in ("zh", "ja"):
        for traditional in (True, False):
            assert fold_cjk_terms(terms, lang, traditional) == [
                fold_cjk_term(t, lang, traditional) for t in terms]


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
