"""Lexical evidence learned from the text being aligned (hunalign's ``-realign`` idea).

No dictionary ships with the core package. Instead, after a first alignment from length and
anchors, the confident beads are read as a small parallel corpus: an English word stem that
keeps occurring in the same beads as a Chinese or Japanese character bigram is probably its
translation (``article`` with 本稿, ``behavioral`` with 行为/行動). The second pass rewards beads
whose sides share such pairs. Unspaced Chinese and Japanese are cut into character bigrams inside
runs of Han characters and runs of katakana, so no word segmenter is needed.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import regex

from .features import Family, Occurrences, Tokens, expand

_EN_WORD = regex.compile(r"[A-Za-z]{3,}")
_CJK_RUN = regex.compile(r"\p{Han}+|[\p{Katakana}ー]+")
# Words that occur everywhere and translate into grammar, not into a bigram.
_STOP = frozenset("""the and for with from that this these those was were are been has have had
which who whom whose into onto than then there their them they its our ours not but also all any
can could may might will would should such each other more most less very among between about
after before over under per via both either neither however while when where what how
""".split())
#: Stem length for English words: crude, but it folds service/services/serviced together.
STEM = 5
#: A pair must co-occur in at least this many beads (once proves nothing).
MIN_PAIR = 2
#: …and be this strongly associated (Dice over the beads it occurs in).
MIN_DICE = 0.5
#: A pair is kept when its Dice is within this share of the best of both its tokens.
NEAR_BEST = 0.9


def tokens(text: str, lang: str) -> frozenset[str]:
    """Word stems (English and other spaced languages) or character bigrams (zh, ja)."""
    if lang in ("zh", "zh-Hant", "ja"):
        out = set()
        for run in _CJK_RUN.findall(text):
            if len(run) == 1:
                out.add(run)
            out.update(run[k:k + 2] for k in range(len(run) - 1))
        return frozenset(out)
    return frozenset(w.casefold()[:STEM] for w in _EN_WORD.findall(text)
                     if w.casefold() not in _STOP)


class Lexicon:
    """Pairs of source and target tokens that keep occurring in the same beads.

    A pair is kept when each token is the other's best partner (Dice over the beads, within
    ``NEAR_BEST`` of the best): in a text about peer workers, "peer" co-occurs with every
    frequent bigram, and only the mutual best partners say anything. Each token is weighted by
    how few beads it occurs in, so that a word found everywhere adds no evidence.

    Args:
        src: Tokens of the source segments.
        tgt: Tokens of the target segments.
        beads: ``(i0, i1, j0, j1)`` ranges taken as translations of each other.

    Attributes:
        src_ids, tgt_ids: Token ids of the kept pairs, sorted by (source, target) token.
        src_weight, tgt_weight: Weight of every token id of each side (0 when in no kept pair).
    """

    def __init__(self, src: Tokens, tgt: Tokens,
                 beads: Sequence[tuple[int, int, int, int]]) -> None:
        self.src, self.tgt = src, tgt
        vs, vt = len(src.vocab), len(tgt.vocab)
        b = np.array(beads, dtype=np.int64).reshape(-1, 4)
        bx, x = src.in_ranges(b[:, 0], b[:, 1])
        by, y = tgt.in_ranges(b[:, 2], b[:, 3])
        ce = np.bincount(x, minlength=vs)
        cf = np.bincount(y, minlength=vt)
        # Every (x, y) in the same bead, counting only tokens seen in two beads or more.
        kx, ky = ce[x] >= MIN_PAIR, cf[y] >= MIN_PAIR
        bx, x, by, y = bx[kx], x[kx], by[ky], y[ky]
        owner, pos = expand(np.searchsorted(by, bx, "left"), np.searchsorted(by, bx, "right"))
        keys, count = np.unique(x[owner] * vt + y[pos], return_counts=True)
        px, py = keys // vt, keys % vt
        dice = 2 * count / np.maximum(ce[px] + cf[py], 1)
        ok = (count >= MIN_PAIR) & (dice >= MIN_DICE)
        px, py, dice = px[ok], py[ok], dice[ok]
        best_x = np.zeros(vs)
        best_y = np.zeros(vt)
        np.maximum.at(best_x, px, dice)
        np.maximum.at(best_y, py, dice)
        keep = (dice >= NEAR_BEST * best_x[px]) & (dice >= NEAR_BEST * best_y[py])
        self.src_ids, self.tgt_ids = px[keep], py[keep]
        n = len(b) + 1
        self.src_weight = np.zeros(vs)
        self.tgt_weight = np.zeros(vt)
        self.src_weight[self.src_ids] = np.log(n / ce[self.src_ids]) / math.log(n)
        self.tgt_weight[self.tgt_ids] = np.log(n / cf[self.tgt_ids]) / math.log(n)

    @property
    def pairs(self) -> list[tuple[str, str]]:
        """The kept (source token, target token) pairs, in sorted order."""
        return [(self.src.vocab[x], self.tgt.vocab[y])
                for x, y in zip(self.src_ids.tolist(), self.tgt_ids.tolist())]

    def __len__(self) -> int:
        return len(self.src_ids)

    def families(self) -> tuple[Family, Family]:
        """The pairs as two feature families: source tokens (present on the target side when
        any of their partners is there) and target tokens (the same the other way round)."""
        return (_partner_family(self.src, self.tgt, self.src_ids, self.tgt_ids, self.src_weight),
                _partner_family(self.tgt, self.src, self.tgt_ids, self.src_ids,
                                self.tgt_weight, target=True))


def _partner_family(own: Tokens, other: Tokens, own_ids: np.ndarray, other_ids: np.ndarray,
                    weight: np.ndarray, target: bool = False) -> Family:
    """Features = tokens of ``own``; on the other side a segment has the feature when it holds
    one of the token's partners."""
    kept = np.zeros(len(own.vocab), dtype=bool)
    kept[own_ids] = True
    mine = kept[own.tok]
    here = Occurrences(own.n, own.seg[mine], own.tok[mine])
    # Partner lists by the other side's token id.
    order = np.argsort(other_ids, kind="stable")
    by_other, partner = other_ids[order], own_ids[order]
    o_lo = np.searchsorted(by_other, other.tok, "left")
    o_hi = np.searchsorted(by_other, other.tok, "right")
    occ, pos = expand(o_lo, o_hi)
    there = Occurrences(other.n, other.seg[occ], partner[pos])
    return Family(there, here, weight) if target else Family(here, there, weight)
