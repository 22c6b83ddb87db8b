"""Lexical evidence learned from the text being aligned (hunalign's ``-realign`` idea).

No dictionary ships with the core package. Instead, after a first alignment from length and
anchors, the confident beads are read as a small parallel corpus: an English word stem that
keeps occurring in the same beads as a Chinese or Japanese character bigram is probably its
translation (``article`` with 本稿, ``behavioral`` with 行为/行動). The second pass rewards beads
whose sides share such pairs. Unspaced Chinese and Japanese are cut into character bigrams inside
runs of Han characters and runs of katakana, so no word segmenter is needed.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

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
    """Source token → associated target tokens, learned from beads.

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
        self.links: dict[str, frozenset[str]] = {}
        grouped: dict[str, set[str]] = {}
        for (x, y), c in pairs.items():
            if c >= MIN_PAIR and 2 * c / (ce[x] + cf[y]) >= MIN_DICE:
                grouped.setdefault(x, set()).add(y)
        self.links = {x: frozenset(ys) for x, ys in grouped.items()}
        # Each learned pair gets an id; a segment is then the set of pair ids its tokens take
        # part in, and matching two sides is one C-level set intersection.
        self._pair_ids: dict[tuple[str, str], int] = {}
        self._by_src: dict[str, list[int]] = {}
        self._by_tgt: dict[str, list[int]] = {}
        self._src_of: list[str] = []
        self._tgt_of: list[str] = []
        for x in sorted(grouped):
            for y in sorted(grouped[x]):
                pid = len(self._src_of)
                self._src_of.append(x)
                self._tgt_of.append(y)
                self._by_src.setdefault(x, []).append(pid)
                self._by_tgt.setdefault(y, []).append(pid)

    def __len__(self) -> int:
        return len(self.links)

    def side(self, toks: frozenset[str], source: bool) -> tuple[frozenset[int], frozenset[str]]:
        """Pair ids a text's tokens take part in, and its tokens that have a learned pair."""
        table = self._by_src if source else self._by_tgt
        known = frozenset(x for x in toks if x in table)
        return frozenset(p for x in known for p in table[x]), known

    def match(self, src: tuple[frozenset[int], frozenset[str]],
              tgt: tuple[frozenset[int], frozenset[str]]) -> tuple[int, int]:
        """(tokens of either side with a learned pair, how many find their pair on the other
        side), for sides prepared by ``side``."""
        known = len(src[1]) + len(tgt[1])
        shared = src[0] & tgt[0]
        if not shared:
            return known, 0
        return known, (len({self._src_of[p] for p in shared})
                       + len({self._tgt_of[p] for p in shared}))
