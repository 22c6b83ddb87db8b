"""Reading gold segmentations and scoring boundaries (used by the benchmark and the tests).

Gold file format (``tests/data/seg/README.md``): one gold segment per line, a blank line between
documents, ``#`` lines are comments, and ``<br>`` stands for a line break of the source text.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

BR = "<br>"


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """A source text and where its gold segments start."""

    text: str
    starts: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class BoundaryScore:
    """Boundary counts and their precision, recall and F1."""

    true_pos: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_pos / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_pos / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def join_segments(segments: Iterable[str], joiner: str) -> GoldDocument:
    """Build a document from gold segments; ``<br>`` becomes a newline (and replaces the joiner
    when it ends a segment)."""
    text, starts = "", []
    for seg in segments:
        if text and not text.endswith("\n"):
            text += joiner
        starts.append(len(text))
        text += seg.replace(BR, "\n")
    return GoldDocument(text.rstrip("\n"), tuple(starts))


def read_gold(path: str | Path, lang: str) -> list[GoldDocument]:
    """Read a gold file; English segments are joined with a space, Chinese/Japanese with ''."""
    joiner = " " if lang == "en" else ""
    docs, current = [], []
    for line in Path(path).read_text(encoding="utf-8").split("\n") + [""]:
        if line.startswith("#"):
            continue
        if line.strip():
            current.append(line.strip())
        elif current:
            docs.append(join_segments(current, joiner))
            current = []
    return docs


def score(docs: Iterable[GoldDocument],
          spans_of: Callable[[str], list[tuple[int, int]]]) -> BoundaryScore:
    """Compare predicted segment starts (after the first) with gold ones, over all documents."""
    tp = pred = gold = 0
    for doc in docs:
        expected = set(doc.starts[1:])
        got = {s for s, _ in spans_of(doc.text)[1:]}
        tp += len(expected & got)
        pred += len(got)
        gold += len(expected)
    return BoundaryScore(tp, pred, gold)
