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
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

import regex

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


class Side(NamedTuple):
    """One side of a bead as the lexicon sees it.

    Attributes:
        pairs: Ids of the learned pairs the side's tokens take part in.
        known: Total weight of the side's tokens that have a learned partner.
    """

    pairs: frozenset[int]
    known: float


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
        src_tokens: Tokens of each source segment.
        tgt_tokens: Tokens of each target segment.
        beads: ``(i0, i1, j0, j1)`` ranges taken as translations of each other.
    """

    def __init__(self, src_tokens: Sequence[frozenset[str]], tgt_tokens: Sequence[frozenset[str]],
                 beads: Sequence[tuple[int, int, int, int]]) -> None:
        sides = [(frozenset().union(*src_tokens[i0:i1]), frozenset().union(*tgt_tokens[j0:j1]))
                 for i0, i1, j0, j1 in beads]
        ce: Counter = Counter()
        cf: Counter = Counter()
        for e, f in sides:
            ce.update(e)
            cf.update(f)
        pairs: Counter = Counter()
        for e, f in sides:
            es = [x for x in e if ce[x] >= MIN_PAIR]
            fs = [y for y in f if cf[y] >= MIN_PAIR]
            pairs.update((x, y) for x in es for y in fs)
        dice = {xy: 2 * c / (ce[xy[0]] + cf[xy[1]]) for xy, c in pairs.items()
                if c >= MIN_PAIR and 2 * c / (ce[xy[0]] + cf[xy[1]]) >= MIN_DICE}
        best_x: dict[str, float] = {}
        best_y: dict[str, float] = {}
        for (x, y), d in dice.items():
            best_x[x] = max(best_x.get(x, 0.0), d)
            best_y[y] = max(best_y.get(y, 0.0), d)
        kept = sorted((x, y) for (x, y), d in dice.items()
                      if d >= NEAR_BEST * best_x[x] and d >= NEAR_BEST * best_y[y])
        n = len(sides) + 1
        self.weight: dict[str, float] = {}
        for x, y in kept:
            self.weight[x] = math.log(n / ce[x]) / math.log(n)
            self.weight["\0" + y] = math.log(n / cf[y]) / math.log(n)
        # Each kept pair gets an id; a segment is then the set of pair ids its tokens take part
        # in, and matching two sides is one C-level set intersection.
        self._by_src: dict[str, list[int]] = {}
        self._by_tgt: dict[str, list[int]] = {}
        self._src_of: list[str] = []
        self._tgt_of: list[str] = []
        for x, y in kept:
            pid = len(self._src_of)
            self._src_of.append(x)
            self._tgt_of.append(y)
            self._by_src.setdefault(x, []).append(pid)
            self._by_tgt.setdefault(y, []).append(pid)

    def __len__(self) -> int:
        return len(self._src_of)

    def side(self, toks: frozenset[str], source: bool) -> Side:
        """What matching needs to know about one side of a bead (tokens of its segments)."""
        table = self._by_src if source else self._by_tgt
        known = frozenset(x for x in toks if x in table)
        prefix = "" if source else "\0"
        return Side(frozenset(p for x in known for p in table[x]),
                    sum(self.weight[prefix + x] for x in known))

    def union(self, sides: Sequence[Side], source: bool) -> Side:
        """The side of several consecutive segments (a token counts once)."""
        pids = frozenset().union(*(s.pairs for s in sides))
        of = self._src_of if source else self._tgt_of
        prefix = "" if source else "\0"
        return Side(pids, sum(self.weight[prefix + x] for x in {of[p] for p in pids}))

    def match(self, src: Side, tgt: Side) -> tuple[float, float]:
        """(weight of the tokens of either side that have a learned partner, weight of those
        that find it on the other side)."""
        known = src.known + tgt.known
        shared = src.pairs & tgt.pairs
        if not shared:
            return known, 0.0
        w = self.weight
        return known, (sum(w[x] for x in {self._src_of[p] for p in shared})
                       + sum(w["\0" + y] for y in {self._tgt_of[p] for p in shared}))
