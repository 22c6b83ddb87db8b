"""Bead costs: length model, anchors, learned word pairs, shared Han characters, embeddings.

A cost is a negative log-likelihood-like number: lower is better; a deletion (1-0 or 0-1 bead)
costs a constant, so a pair of segments is only aligned when it looks more like a translation
than like two unrelated sentences. Every piece of evidence is computed for arrays of beads: the
programme asks for all beads of a band at once (``band_costs``), scoring asks for the beads of a
path (``scores``); both read the same per-segment features.
"""
from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from . import anchors as anc
from . import han, lexical, punct
from .dp import Band
from .features import Family, PairTable, Tokens, pair_windows
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
#: Cost of each number in a bead that the other side of the document lacks.
ORPHAN = 0.5
#: Cost of each punctuation mark (sentence end, bracket, quote…) one side has and the other not.
PUNCT = 1.0
#: Weight of the Dice overlap of folded Han characters (zh–ja).
HAN = 4.0
#: Anchors pin the first band only within this many target segments (plus ``PIN_SLACK`` per
#: target segment) of where lengths put them: further away, a figure repeated by chance.
PIN_TOLERANCE = 30
PIN_SLACK = 0.02
#: …and only anchors occurring at most this often (pairing the k-th occurrences in order).
PIN_REPEATS = 20
#: Weight of the margin-normalised cosine of the optional embedder.
EMBED = 6.0

_CJK = ("zh", "zh-Hant", "ja")


def _joiner(lang: str) -> str:
    return "" if lang in _CJK else " "


def _arr(*xs) -> tuple[np.ndarray, ...]:
    return tuple(np.asarray(x, dtype=np.int64).reshape(-1) for x in xs)


@dataclass
class Evidence:
    """What is known about each of a list of beads (arrays, one entry per bead).

    Attributes:
        z: Deviation of the lengths from the pair's length model.
        punct: Punctuation marks one side has and the other lacks.
        anchor: Weight of the anchors found on both sides.
        matched: Weight of learned tokens whose partner is on the other side.
        known: Weight of learned tokens on either side.
        han: Dice overlap of folded Han characters (zh–ja; zeros otherwise).
        bonus: Margin-normalised embedding cosine (zeros without an embedder).
        orphan: Weight of the numbers in the bead that the other side of the whole document
            lacks: a sentence claimed as translated whose figures appear nowhere in the
            translation was more likely left out (as a deletion it pays nothing for them).
    """

    z: np.ndarray
    punct: np.ndarray
    anchor: np.ndarray
    matched: np.ndarray
    known: np.ndarray
    han: np.ndarray
    bonus: np.ndarray
    orphan: np.ndarray


class PairScorer:
    """Costs and scores of beads, for one pair of segment lists."""

    def __init__(self, src: Sequence[str], tgt: Sequence[str], src_lang: str, tgt_lang: str,
                 src_concepts: Sequence[frozenset[str]] | None = None,
                 tgt_concepts: Sequence[frozenset[str]] | None = None) -> None:
        self.src, self.tgt = list(src), list(tgt)
        self.src_lang, self.tgt_lang = src_lang, tgt_lang
        self.n, self.m = len(self.src), len(self.tgt)
        self.model = model_for(src_lang, tgt_lang)
        self._len = (np.array([text_length(s, src_lang) for s in self.src]),
                     np.array([text_length(t, tgt_lang) for t in self.tgt]))
        self._plen = tuple(np.concatenate([[0.0], np.cumsum(x)]) for x in self._len)
        self._ppunct = tuple(_prefix_columns([punct.signature(s) for s in segs])
                             for segs in (self.src, self.tgt))
        self.anchors, self.orphans = _anchor_families(
            [anc.extract(s, src_concepts[i] if src_concepts else ())
             for i, s in enumerate(self.src)],
            [anc.extract(t, tgt_concepts[i] if tgt_concepts else ())
             for i, t in enumerate(self.tgt)])
        self.han: Family | None = None
        if src_lang in _CJK and tgt_lang in _CJK:
            self.han = _han_family([han.fold(s, src_lang) for s in self.src],
                                   [han.fold(t, tgt_lang) for t in self.tgt])
        #: Optional callable(i0, i1, j0, j1 arrays) -> array, set by the embedder pass.
        self.embed_bonus = None
        self._tok = (Tokens([lexical.tokens(s, src_lang) for s in self.src]),
                     Tokens([lexical.tokens(t, tgt_lang) for t in self.tgt]))
        self.lexicon: lexical.Lexicon | None = None
        self._lex: tuple[Family, Family] | None = None
        self._skip = self._skip_costs()

    def learn(self, path: Sequence[tuple[int, int, int, int]]) -> int:
        """Learn a lexicon from the confident beads of a first path; returns its size."""
        beads = [b for b in path if b[1] > b[0] and b[3] > b[2]]
        good = [b for b, s in zip(beads, self.scores(beads)) if s >= 0.5] if beads else []
        self.lexicon = lexical.Lexicon(self._tok[0], self._tok[1], good)
        self._lex = self.lexicon.families() if len(self.lexicon) else None
        self._skip = self._skip_costs()
        return len(self.lexicon)

    def expected_targets(self) -> np.ndarray:
        """For each source position 0..n, the target position the evidence points to.

        Anchors found exactly once on each side (a figure, a name) pin the pairs of segments
        holding them; between those pins, lengths interpolate. A long text whose sides merge or
        drop sentences drifts far off the diagonal, not off this line.
        """
        ps, pt = self._plen
        if ps[-1] <= 0 or pt[-1] <= 0:
            return np.arange(self.n + 1) * self.m / max(self.n, 1)
        by_length = np.interp(ps / ps[-1], pt / pt[-1], np.arange(self.m + 1))
        pins = _pins(self.anchors, by_length, PIN_TOLERANCE + PIN_SLACK * self.m)
        x = np.concatenate([[0.0], (ps[pins[:, 0]] + ps[pins[:, 0] + 1]) / 2, [ps[-1]]])
        y = np.concatenate([[0.0], (pt[pins[:, 1]] + pt[pins[:, 1] + 1]) / 2, [pt[-1]]])
        return np.interp(np.interp(ps, x, y), pt, np.arange(self.m + 1))

    # -- evidence for any list of beads -------------------------------------------------------
    def evidence(self, i0, i1, j0, j1) -> Evidence:
        """Evidence for beads given as arrays of their ranges (any sizes)."""
        i0, i1, j0, j1 = _arr(i0, i1, j0, j1)
        zeros = np.zeros(len(i0))
        matched = known = han_ = zeros
        if self._lex is not None:
            ls, lt = self._lex
            matched = ls.match(i0, i1, j0, j1) + lt.match(i0, i1, j0, j1)
            known = ls.side(0, i0, i1) + lt.side(1, j0, j1)
        if self.han is not None:
            han_ = _dice(self.han.match(i0, i1, j0, j1), self.han.side(0, i0, i1),
                         self.han.side(1, j0, j1))
        return Evidence(
            z=self._z(i0, i1, j0, j1), punct=self._punct(i0, i1, j0, j1),
            anchor=self.anchors.match(i0, i1, j0, j1), matched=matched, known=known, han=han_,
            bonus=zeros if self.embed_bonus is None else self.embed_bonus(i0, i1, j0, j1),
            orphan=self.orphans.side(0, i0, i1) + self.orphans.side(1, j0, j1))

    def _z(self, i0, i1, j0, j1) -> np.ndarray:
        ps, pt = self._plen
        return self.model.z(ps[i1] - ps[i0], pt[j1] - pt[j0])

    def _punct(self, i0, i1, j0, j1) -> np.ndarray:
        ps, pt = self._ppunct
        return punct.distance([c[i1] - c[i0] for c in ps], [c[j1] - c[j0] for c in pt])

    def _skip_costs(self) -> tuple[np.ndarray, np.ndarray]:
        """Cost of leaving each segment of each side unaligned."""
        out = []
        for side, lengths in enumerate(self._len):
            k = np.arange(len(lengths))
            c = SKIP + SKIP_LEN * np.minimum(lengths, SKIP_CAP) / 100.0
            # Whatever ties the segment to the other side goes unmatched too, as it would in a
            # wrong bead: otherwise dropping a sentence is a way to dodge its evidence.
            c = c + SKIP_ANCHOR * ANCHOR * self.anchors.side(side, k, k + 1)
            if self._lex is not None:
                c = c + LEX * LEX_MISS * self._lex[side].side(side, k, k + 1)
            out.append(c)
        return out[0], out[1]

    # -- costs --------------------------------------------------------------------------------
    def _cost(self, ev: Evidence, a: int, b: int) -> np.ndarray:
        extra = a + b - 2
        c = 0.5 * ev.z * ev.z - ANCHOR * ev.anchor + PUNCT * ev.punct + ORPHAN * ev.orphan
        c = c - LEX * (ev.matched - LEX_MISS * (ev.known - ev.matched))
        if self.han is not None:
            c = c - HAN * (ev.han - 0.3)
        if self.embed_bonus is not None:
            c = c - EMBED * ev.bonus
        return c + (MERGE + MERGE_MORE * (extra - 1) if extra else 0.0)

    def cost(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """Cost of one bead covering source [i0, i1) and target [j0, j1)."""
        if i1 == i0:
            return float(self._skip[1][j0])
        if j1 == j0:
            return float(self._skip[0][i0])
        return float(self._cost(self.evidence(i0, i1, j0, j1), i1 - i0, j1 - j0)[0])

    def band_costs(self, band: Band, shapes: Sequence[tuple[int, int]]) -> np.ndarray:
        """Cost of the bead of each shape ending at each cell of ``band`` (a ``dp.CostTable``)."""
        rows, j, valid = band.grid()
        out = np.full((len(shapes),) + rows.shape, np.inf)
        tables = _BandTables(self, band)
        for k, (a, b) in enumerate(shapes):
            ok = valid & (rows >= a) & (j >= b)
            i1, j1 = rows[ok], j[ok]
            if a == 0:
                out[k][ok] = self._skip[1][j1 - 1]
            elif b == 0:
                out[k][ok] = self._skip[0][i1 - 1]
            else:
                out[k][ok] = self._cost(tables.evidence(i1, j1, a, b), a, b)
        return out

    # -- scores -------------------------------------------------------------------------------
    def scores(self, beads: Sequence[tuple[int, int, int, int]]) -> np.ndarray:
        """Confidence in [0, 1] that each bead is right; 0 for a deletion.

        A logistic function of the bead's evidence alone: a length that fits and nothing else
        gives about 0.7; it takes anchors or learned translations on top to approach 1, and a
        bead whose learned translations are missing from its other side falls below 0.5.
        """
        if not len(beads):
            return np.zeros(0)
        i0, i1, j0, j1 = _arr(*zip(*beads))
        ev = self.evidence(i0, i1, j0, j1)
        sides = self.anchors.side(0, i0, i1) + self.anchors.side(1, j0, j1)
        anchor_miss = sides - 2 * ev.anchor  # anchors one side has and the other lacks
        ratio = np.divide(ev.matched, ev.known, out=np.zeros(len(i0)), where=ev.known > 0)
        logit = (SCORE_BIAS - 0.5 * ev.z * ev.z - PUNCT * ev.punct
                 + np.minimum(ANCHOR * ev.anchor, SCORE_CAP) - ANCHOR * anchor_miss
                 + SCORE_LEX * (ratio - 0.5) * np.minimum(1.0, ev.known / 4.0))
        if self.han is not None:
            logit = logit + HAN * (ev.han - 0.3)
        if self.embed_bonus is not None:
            logit = logit + EMBED * ev.bonus
        out = 1.0 / (1.0 + np.exp(-np.clip(logit, -50.0, 50.0)))
        return np.where((i1 > i0) & (j1 > j0), out, 0.0)

    def score(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """``scores`` of one bead."""
        return float(self.scores([(i0, i1, j0, j1)])[0])

    def text(self, side: int, i0: int, i1: int) -> str:
        """The bead side's text as one segment (for embedders)."""
        segs, lang = (self.src, self.src_lang) if side == 0 else (self.tgt, self.tgt_lang)
        return _joiner(lang).join(segs[i0:i1])


class _BandTables:
    """The scorer's features laid out over the cells of one band (beads up to ``MAX_SIDE`` a side)."""

    def __init__(self, scorer: PairScorer, band: Band) -> None:
        self.scorer = scorer
        qlo, qhi = pair_windows(band.lo, band.hi, band.m)
        self.anchor = PairTable(scorer.anchors, qlo, qhi)
        self.orphan_s, self.orphan_t = scorer.orphans.side_table(0), scorer.orphans.side_table(1)
        self.lex = None
        if scorer._lex is not None:
            ls, lt = scorer._lex
            self.lex = (PairTable(ls, qlo, qhi), PairTable(lt, qlo, qhi),
                        ls.side_table(0), lt.side_table(1))
        self.han = None
        if scorer.han is not None:
            self.han = (PairTable(scorer.han, qlo, qhi), scorer.han.side_table(0),
                        scorer.han.side_table(1))

    def evidence(self, i1: np.ndarray, j1: np.ndarray, a: int, b: int) -> Evidence:
        s = self.scorer
        i0, j0 = i1 - a, j1 - b
        zeros = np.zeros(len(i1))
        matched = known = han_ = zeros
        if self.lex is not None:
            pls, plt, sls, slt = self.lex
            matched = pls.beads(i1, j1, a, b) + plt.beads(i1, j1, a, b)
            known = sls.ranges(i1, a) + slt.ranges(j1, b)
        if self.han is not None:
            pair, ss, st = self.han
            han_ = _dice(pair.beads(i1, j1, a, b), ss.ranges(i1, a), st.ranges(j1, b))
        return Evidence(
            z=s._z(i0, i1, j0, j1), punct=s._punct(i0, i1, j0, j1),
            anchor=self.anchor.beads(i1, j1, a, b), matched=matched, known=known, han=han_,
            bonus=zeros if s.embed_bonus is None else s.embed_bonus(i0, i1, j0, j1),
            orphan=self.orphan_s.ranges(i1, a) + self.orphan_t.ranges(j1, b))


def _pins(anchors: Family, by_length: np.ndarray, tolerance: float) -> np.ndarray:
    """Pairs (source segment, target segment) that surely translate each other.

    An anchor occurring as often on both sides pairs its occurrences in order (the k-th with
    the k-th); pairs far from where lengths put them are dropped (a figure repeated by chance),
    and of the rest the longest chain in the same order on both sides is kept.
    """
    s, t = anchors.src, anchors.tgt
    size = len(anchors.weight)
    count_s = np.bincount(s.feat, minlength=size)
    count_t = np.bincount(t.feat, minlength=size)
    even = (count_s == count_t) & (count_s <= PIN_REPEATS)
    # Occurrences are sorted by (feature, segment): the k-th of a feature on both sides line up.
    p, q = s.seg[even[s.feat]], t.seg[even[t.feat]]
    near = np.abs(q + 0.5 - by_length[p]) <= tolerance
    points = sorted(set(zip(p[near].tolist(), q[near].tolist())))
    return np.array(_longest_chain(points), dtype=np.int64).reshape(-1, 2)


def _longest_chain(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest sequence of points increasing strictly in both coordinates."""
    # Sorted by p, and by q descending within one p, so that points of one source segment
    # cannot chain: a strictly increasing subsequence of q is then strict in both.
    order = sorted(points, key=lambda pq: (pq[0], -pq[1]))
    tails: list[int] = []  # tails[k]: q ending the best chain of length k+1
    ends: list[int] = []  # index in order of that point
    prev = [-1] * len(order)
    for idx, (_, q) in enumerate(order):
        k = bisect.bisect_left(tails, q)
        prev[idx] = ends[k - 1] if k else -1
        if k == len(tails):
            tails.append(q)
            ends.append(idx)
        else:
            tails[k], ends[k] = q, idx
    chain, idx = [], ends[-1] if ends else -1
    while idx >= 0:
        chain.append(order[idx])
        idx = prev[idx]
    return chain[::-1]


def _dice(shared: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Dice overlap from the shared count and both sizes (0 when either side is empty)."""
    total = a + b
    ok = (a > 0) & (b > 0)
    return np.divide(2 * shared, total, out=np.zeros(len(total)), where=ok)


def _prefix_columns(rows: Sequence[tuple[int, ...]]) -> list[np.ndarray]:
    """Running totals of each column of per-segment counts (one array per column)."""
    width = len(punct.signature(""))
    arr = np.array(rows, dtype=np.int64).reshape(len(rows), width)
    return [np.concatenate([[0], np.cumsum(arr[:, k])]) for k in range(width)]


def _anchor_keys(a: anc.Anchors) -> set[str]:
    # The k-th repetition of a number in one segment is a key of its own ("12#2"), so that
    # a segment with a number twice does not match one with it once as well as its twin.
    keys = {f"n:{x}#{k}" if k > 1 else "n:" + x
            for x, c in Counter(a.numbers).items() for k in range(1, c + 1)}
    keys.update("l:" + x for x in a.latin)
    keys.update("c:" + x for x in a.concepts)
    return keys


def _anchor_families(a_s: Sequence[anc.Anchors], a_t: Sequence[anc.Anchors]
                     ) -> tuple[Family, Family]:
    """Anchors kept only when they occur on both sides of the document, weighted by rarity
    (rarer in the document = stronger evidence); and the orphans: numbers found on one side
    of the document only."""
    ks, kt = [_anchor_keys(a) for a in a_s], [_anchor_keys(a) for a in a_t]
    all_s, all_t = set().union(*ks), set().union(*kt)
    shared = sorted(all_s & all_t)
    src, tgt = Tokens(ks, shared), Tokens(kt, shared)
    weight = 1.0 / np.maximum(np.maximum(src.frequencies(), tgt.frequencies()), 1)
    weight *= [_number_weight(k) for k in shared]
    anchors = Family(src.occurrences(), tgt.occurrences(), weight)
    lone = sorted(k for k in all_s ^ all_t if k.startswith("n:"))
    orphans = Family(Tokens(ks, lone).occurrences(), Tokens(kt, lone).occurrences(),
                     np.array([_number_weight(k) for k in lone]))
    return anchors, orphans


def _number_weight(key: str) -> float:
    return anc.number_weight(key[2:].partition("#")[0]) if key.startswith("n:") else 1.0


def _han_family(src: Sequence[str], tgt: Sequence[str]) -> Family:
    """Each folded Han character is a feature of weight 1."""
    chars_s, chars_t = [set(x) for x in src], [set(x) for x in tgt]
    vocab = sorted(set().union(*chars_s, *chars_t))
    a, b = Tokens(chars_s, vocab), Tokens(chars_t, vocab)
    return Family(a.occurrences(), b.occurrences(), np.ones(len(vocab)))
