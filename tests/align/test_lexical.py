"""Lexical evidence learned from the text itself, the second pass, and deletion costs."""
from __future__ import annotations

import itertools

import pytest

from pipeline.align.features import Tokens
from pipeline.align.length import text_length
from pipeline.align.lexical import Lexicon, tokens
from pipeline.align.scoring import LEX_MISS, PairScorer


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The Services and the service.", "en", {"servi"}),  # stop words dropped, stems folded
    ("行为健康服务。", "zh", {"行为", "为健", "健康", "康服", "服务"}),
    ("ピアワーカーの役割", "ja", {"ピア", "アワ", "ワー", "ーカ", "カー", "役割"}),  # no kana glue
    ("本。", "zh", {"本"}),  # a lone Han character stands for itself
])
def test_tokens(text, lang, expected):
    assert tokens(text, lang) == expected


def _lexicon():
    src = ["Nurses met families.", "Nurses met doctors.", "Families met doctors.", "Weather."]
    tgt = ["护士会见家属。", "护士会见医生。", "家属会见医生。", "天气。"]
    identity = [(i, i + 1, i, i + 1) for i in range(4)]
    lex = Lexicon(Tokens([tokens(s, "en") for s in src]), Tokens([tokens(t, "zh") for t in tgt]),
                  identity)
    scorer = PairScorer(src, tgt, "en", "zh")
    scorer.learn(identity)
    return lex, scorer


def test_lexicon_keeps_mutual_best_partners_seen_twice():
    lex, scorer = _lexicon()
    pairs = set(lex.pairs)
    assert ("nurse", "护士") in pairs and ("famil", "家属") in pairs and ("docto", "医生") in pairs
    assert ("nurse", "家属") not in pairs  # co-occurs once only
    assert not any(x == "weath" for x, _ in pairs)  # once proves nothing
    ev = scorer.evidence(0, 1, 0, 1)
    assert ev.matched[0] == pytest.approx(ev.known[0]) and ev.known[0] > 0
    ev = scorer.evidence(0, 1, 3, 4)
    assert ev.matched[0] == 0 and ev.known[0] > 0


def _lexical_match(scorer, *bead):
    ev = scorer.evidence(*bead)
    return ev.matched[0] - LEX_MISS * (ev.known[0] - ev.matched[0])


def test_learned_words_separate_right_beads_from_shifted_ones():
    # Sentences of identical length made of the same eight words: length cannot tell a bead
    # from its neighbour, the learned word pairs can.
    words = [("nurses", "护士"), ("doctor", "医生"), ("family", "家属"), ("client", "患者"),
             ("clinic", "诊所"), ("school", "学校"), ("policy", "政策"), ("budget", "预算")]
    combos = list(itertools.combinations(range(8), 3))[:14]
    en = [" ".join(words[k][0] for k in c).capitalize() + "." for c in combos]
    zh = ["".join(words[k][1] for k in c) + "。" for c in combos]
    s = PairScorer(en, zh, "en", "zh")
    assert s.learn([(i, i + 1, i, i + 1) for i in range(14)]) >= 8
    for i in range(13):
        right, shifted = (i, i + 1, i, i + 1), (i, i + 1, i + 1, i + 2)
        # Neighbours share two of their three words, so a shift is only partly wrong.
        assert _lexical_match(s, *right) > _lexical_match(s, *shifted) + 1.0
        assert s.score(*right) > 0.8 and s.score(*right) > s.score(*shifted) + 0.1


def test_long_sentences_cost_more_to_drop_than_header_lines():
    header = "Oral Presentation"
    body = ("Behavioral health services are striving to integrate peer workers into their "
            "workforce to augment existing service delivery.")
    s = PairScorer([header, body], ["同伴工作者。"], "en", "zh")
    assert text_length(body) > 5 * text_length(header)
    assert s.cost(1, 2, 0, 0) > s.cost(0, 1, 0, 0) + 0.8
