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
        back: dict[str, set[str]] = {}
        for x, ys in grouped.items():
            for y in ys:
                back.setdefault(y, set()).add(x)
        self.back = {y: frozenset(xs) for y, xs in back.items()}

    def __len__(self) -> int:
        return len(self.links)

    def match(self, src: frozenset[str], tgt: frozenset[str]) -> tuple[int, int]:
        """(tokens of either side with a known translation, how many of them find one on the
        other side)."""
        known = matched = 0
        for toks, other, links in ((src, tgt, self.links), (tgt, src, self.back)):
            for x in toks:
                ys = links.get(x)
                if ys is None:
                    continue
                known += 1
                if not ys.isdisjoint(other):
                    matched += 1
        return known, matched
