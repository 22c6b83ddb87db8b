"""Bead costs: length model, anchors, shared Han characters and (optionally) embeddings.

A cost is a negative log-likelihood-like number: lower is better; a deletion (1-0 or 0-1 bead)
costs a constant, so a pair of segments is only aligned when it looks more like a translation
than like two unrelated sentences.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from . import anchors as anc
from . import han, lexical, punct
from .length import model_for, text_length

#: Cost of leaving one segment unaligned…
SKIP = 4.0
#: …plus this much per 100 English-letter equivalents of it (capped at ``SKIP_CAP``): headers,
#: affiliations and citation lines go untranslated, long content sentences rarely do.
SKIP_LEN = 1.0
SKIP_CAP = 300.0
#: Share of the weight of a segment's anchors added to the cost of leaving it unaligned.
SKIP_ANCHOR = 0.5
#: Reward per token whose learned translation is on the other side of the bead…
LEX = 0.6
#: …and penalty (as a fraction of ``LEX``) per token whose learned translation is missing.
LEX_MISS = 0.5
#: Logit of a bead's score when its cost is zero (length fits exactly, no other evidence).
SCORE_BIAS = 1.0
#: Weight in the score of the share of learned translations found (0.5 = neutral)…
SCORE_LEX = 4.0
#: …and the most anchors can add to it.
SCORE_CAP = 3.0
#: Cost of a merge (a bead with more than one segment on a side: rarer than 1-1)…
MERGE = 2.4
#: …and of each further segment merged.
MERGE_MORE = 1.8
#: Weight of one matched anchor that is unique on both sides of the document.
ANCHOR = 1.5
#: Cost of each punctuation mark (sentence end, bracket, quote…) one side has and the other not.
PUNCT = 1.0
#: Weight of the Dice overlap of folded Han characters (zh–ja).
HAN = 4.0
#: Weight of the margin-normalised cosine of the optional embedder.
EMBED = 6.0

_CJK = ("zh", "zh-Hant", "ja")


def _joiner(lang: str) -> str:
    return "" if lang in _CJK else " "


class PairScorer:
    """Costs of every bead the programme asks about, for one pair of segment lists."""

    def __init__(self, src: Sequence[str], tgt: Sequence[str], src_lang: str, tgt_lang: str,
                 src_concepts: Sequence[frozenset[str]] | None = None,
                 tgt_concepts: Sequence[frozenset[str]] | None = None) -> None:
        self.src, self.tgt = list(src), list(tgt)
        self.src_lang, self.tgt_lang = src_lang, tgt_lang
        self.model = model_for(src_lang, tgt_lang)
        self._plen_s = _prefix([text_length(s, src_lang) for s in self.src])
        self._plen_t = _prefix([text_length(t, tgt_lang) for t in self.tgt])
        a_s = [anc.extract(s, src_concepts[i] if src_concepts else ())
               for i, s in enumerate(self.src)]
        a_t = [anc.extract(t, tgt_concepts[i] if tgt_concepts else ())
               for i, t in enumerate(self.tgt)]
        self._keys_s, self._keys_t, self._weight = _shared_keys(a_s, a_t)
        self._ppunct_s = _prefix_vec([punct.signature(s) for s in self.src])
        self._ppunct_t = _prefix_vec([punct.signature(t) for t in self.tgt])
        self._range_keys: dict[tuple[int, int, int], Counter] = {}
        self._range_punct: dict[tuple[int, int, int], tuple[int, ...]] = {}
        self._han = src_lang in _CJK and tgt_lang in _CJK
        if self._han:
            self._han_s = [han.fold(s, src_lang) for s in self.src]
            self._han_t = [han.fold(t, tgt_lang) for t in self.tgt]
        self.embed_bonus = None  # set by the embedder pass: callable(i0, i1, j0, j1) -> float
        self._tok_s = [lexical.tokens(s, src_lang) for s in self.src]
        self._tok_t = [lexical.tokens(t, tgt_lang) for t in self.tgt]
        self.lexicon: lexical.Lexicon | None = None  # set by the second pass

    def learn(self, path: Sequence[tuple[int, int, int, int]]) -> int:
        """Learn a lexicon from the confident beads of a first path; returns its size."""
        good = [b for b in path if b[1] > b[0] and b[3] > b[2] and self.score(*b) >= 0.5]
        self.lexicon = lexical.Lexicon(self._tok_s, self._tok_t, good)
        self._lex_s = [self.lexicon.side(t, True) for t in self._tok_s]
        self._lex_t = [self.lexicon.side(t, False) for t in self._tok_t]
        self._range_lex: dict[tuple[int, int, int], lexical.Side] = {}
        return len(self.lexicon)

    # -- pieces -----------------------------------------------------------------------------
    def _keys(self, side: int, i0: int, i1: int) -> Counter:
        key = (side, i0, i1)
        got = self._range_keys.get(key)
        if got is None:
            per = self._keys_s if side == 0 else self._keys_t
            if i1 - i0 == 1:
                got = per[i0]
            else:
                got = Counter()
                for k in range(i0, i1):
                    got.update(per[k])
            self._range_keys[key] = got
        return got

    def anchor_match(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """Weighted count of anchors found on both sides of the bead."""
        ks, kt = self._keys(0, i0, i1), self._keys(1, j0, j1)
        if not ks or not kt:
            return 0.0
        if len(kt) < len(ks):
            ks, kt = kt, ks
        w = self._weight
        return sum(min(c, kt[k]) * w[k] for k, c in ks.items() if k in kt)

    def _lex_side(self, side: int, i0: int, i1: int) -> lexical.Side:
        per = self._lex_s if side == 0 else self._lex_t
        if i1 - i0 == 1:
            return per[i0]
        key = (side, i0, i1)
        got = self._range_lex.get(key)
        if got is None:
            got = self._range_lex[key] = self.lexicon.union(per[i0:i1], side == 0)
        return got

    def lexical_match(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """Learned-translation evidence: tokens matched minus a share of tokens left unmatched."""
        if not self.lexicon:
            return 0.0
        known, matched = self.lexicon.match(self._lex_side(0, i0, i1), self._lex_side(1, j0, j1))
        return matched - LEX_MISS * (known - matched)

    def lexical_ratio(self, i0: int, i1: int, j0: int, j1: int) -> tuple[float, float]:
        """(share of the weight of learned tokens that find their partner, that weight)."""
        if not self.lexicon:
            return 0.0, 0.0
        known, matched = self.lexicon.match(self._lex_side(0, i0, i1), self._lex_side(1, j0, j1))
        return (matched / known if known else 0.0), known

    def anchor_miss(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """Weighted count of anchors (found on both sides of the document) that one side of the
        bead has and the other lacks."""
        ks, kt = self._keys(0, i0, i1), self._keys(1, j0, j1)
        w = self._weight
        return (sum(w[k] for k in ks if k not in kt) + sum(w[k] for k in kt if k not in ks))

    def skip_cost(self, side: int, k: int) -> float:
        """Cost of leaving segment ``k`` of ``side`` unaligned."""
        pl = self._plen_s if side == 0 else self._plen_t
        c = SKIP + SKIP_LEN * min(pl[k + 1] - pl[k], SKIP_CAP) / 100.0
        # Whatever ties the segment to the other side goes unmatched too, as it would in a
        # wrong bead: otherwise dropping a sentence is a way to dodge its evidence.
        keys = (self._keys_s if side == 0 else self._keys_t)[k]
        c += SKIP_ANCHOR * ANCHOR * sum(self._weight[x] for x in keys)
        if self.lexicon:
            c += LEX * LEX_MISS * (self._lex_s if side == 0 else self._lex_t)[k].known
        return c

    def length_z(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """Deviation of the bead's lengths from the pair's length model."""
        ls = self._plen_s[i1] - self._plen_s[i0]
        lt = self._plen_t[j1] - self._plen_t[j0]
        return self.model.z(ls, lt)

    def punct_distance(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """Punctuation marks found on one side of the bead and not on the other."""
        return punct.distance(self._punct_range(0, i0, i1), self._punct_range(1, j0, j1))

    def _punct_range(self, side: int, i0: int, i1: int) -> tuple[int, ...]:
        key = (side, i0, i1)
        got = self._range_punct.get(key)
        if got is None:
            ps = self._ppunct_s if side == 0 else self._ppunct_t
            got = self._range_punct[key] = tuple(x - y for x, y in zip(ps[i1], ps[i0]))
        return got

    def han_overlap(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """Dice overlap of the folded Han characters of both sides (0 unless both are CJK)."""
        if not self._han:
            return 0.0
        return han.overlap("".join(self._han_s[i0:i1]), "".join(self._han_t[j0:j1]))

    # -- the cost the programme minimises -----------------------------------------------------
    def cost(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """Cost of a bead covering source [i0, i1) and target [j0, j1)."""
        a, b = i1 - i0, j1 - j0
        if a == 0:
            return self.skip_cost(1, j0)
        if b == 0:
            return self.skip_cost(0, i0)
        extra = a + b - 2
        return self.evidence_cost(i0, i1, j0, j1) + (
            MERGE + MERGE_MORE * (extra - 1) if extra else 0.0)

    def evidence_cost(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """The part of a bead's cost that says whether its sides are translations (no priors)."""
        z = self.length_z(i0, i1, j0, j1)
        c = 0.5 * z * z
        c -= ANCHOR * self.anchor_match(i0, i1, j0, j1)
        c -= LEX * self.lexical_match(i0, i1, j0, j1)
        c += PUNCT * self.punct_distance(i0, i1, j0, j1)
        if self._han:
            c -= HAN * (self.han_overlap(i0, i1, j0, j1) - 0.3)
        if self.embed_bonus is not None:
            c -= EMBED * self.embed_bonus(i0, i1, j0, j1)
        return c

    def score(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """Confidence in [0, 1] that the bead is right; 0 for a deletion.

        A logistic function of the bead's evidence alone: a length that fits and nothing else
        gives about 0.7; it takes anchors or learned translations on top to approach 1, and a
        bead whose learned translations are missing from its other side falls below 0.5.
        """
        if i1 == i0 or j1 == j0:
            return 0.0
        z = self.length_z(i0, i1, j0, j1)
        ratio, known = self.lexical_ratio(i0, i1, j0, j1)
        logit = (SCORE_BIAS - 0.5 * z * z - PUNCT * self.punct_distance(i0, i1, j0, j1)
                 + min(ANCHOR * self.anchor_match(i0, i1, j0, j1), SCORE_CAP)
                 - ANCHOR * self.anchor_miss(i0, i1, j0, j1)
                 + SCORE_LEX * (ratio - 0.5) * min(1.0, known / 4.0))
        if self._han:
            logit += HAN * (self.han_overlap(i0, i1, j0, j1) - 0.3)
        if self.embed_bonus is not None:
            logit += EMBED * self.embed_bonus(i0, i1, j0, j1)
        return 1.0 / (1.0 + math.exp(-max(min(logit, 50.0), -50.0)))

    def text(self, side: int, i0: int, i1: int) -> str:
        """The bead side's text as one segment (for embedders)."""
        segs, lang = (self.src, self.src_lang) if side == 0 else (self.tgt, self.tgt_lang)
        return _joiner(lang).join(segs[i0:i1])


def _prefix(values: Sequence[float]) -> list[float]:
    out = [0.0]
    for v in values:
        out.append(out[-1] + v)
    return out


def _prefix_vec(rows: Sequence[tuple[int, ...]]) -> list[tuple[int, ...]]:
    out = [(0,) * len(punct.signature(""))]
    for r in rows:
        out.append(tuple(a + b for a, b in zip(out[-1], r)))
    return out


def _shared_keys(a_s: Sequence[anc.Anchors], a_t: Sequence[anc.Anchors]
                 ) -> tuple[list[Counter], list[Counter], dict[str, float]]:
    """Anchor keys per segment, kept only when they occur on both sides of the document, and
    their weights (rarer in the document = stronger evidence)."""

    def keys(a: anc.Anchors) -> Counter:
        c = Counter("n:" + x for x in a.numbers)
        c.update("l:" + x for x in a.latin)
        c.update("c:" + x for x in a.concepts)
        return c

    ks, kt = [keys(a) for a in a_s], [keys(a) for a in a_t]
    df_s, df_t = anc.document_frequencies(a_s), anc.document_frequencies(a_t)
    shared = set(df_s) & set(df_t)
    weight = {}
    for k in shared:
        w = 1.0 / max(df_s[k], df_t[k])
        if k.startswith("n:"):
            w *= anc.number_weight(k[2:])
        weight[k] = w
    ks = [Counter({k: v for k, v in c.items() if k in shared}) for c in ks]
    kt = [Counter({k: v for k, v in c.items() if k in shared}) for c in kt]
    return ks, kt, weight
