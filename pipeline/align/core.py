"""Aligning two versions: checks the input, runs the programme, turns the path into beads."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..errors import InputError
from ..languages import normalize_tag
from ..models import Bead
from . import dp
from .scoring import PairScorer

if TYPE_CHECKING:  # pragma: no cover
    from .embed import Embedder

#: Band half-width of the first pass (in target segments); widened automatically when needed.
FIRST_WIDTH = 12
#: Band half-width around the first path when learned translations or the embedder refine it.
REFINE_WIDTH = 4


def align(src: Sequence[str], tgt: Sequence[str], src_lang: str, tgt_lang: str, *,
          src_concepts: Sequence[frozenset[str]] | None = None,
          tgt_concepts: Sequence[frozenset[str]] | None = None,
          embedder: "Embedder | None" = None) -> list[Bead]:
    """Align two versions of a text, segment by segment.

    Args:
        src: Source segments, in order.
        tgt: Target segments, in order.
        src_lang: Source language tag (``en``, ``zh``, ``ja``, ``zh-Hant`` or an alias).
        tgt_lang: Target language tag.
        src_concepts: ``src_concepts[i]`` = glossary concept ids found in source segment ``i``.
        tgt_concepts: The same for the target segments.
        embedder: Optional sentence embedder (see ``load_embedder``) whose similarity refines
            the model-free alignment.

    Returns:
        Beads covering every segment of both sides in order, monotone, each with a score in
        [0, 1]; an unaligned segment is a bead with an empty side and score 0.

    Raises:
        InputError: when a concept list does not have one entry per segment.
        UnsupportedLanguageError: for an unknown language tag.
    """
    src_lang, tgt_lang = normalize_tag(src_lang), normalize_tag(tgt_lang)
    for name, concepts, segs in (("src_concepts", src_concepts, src),
                                 ("tgt_concepts", tgt_concepts, tgt)):
        if concepts is not None and len(concepts) != len(segs):
            raise InputError(f"{name} has {len(concepts)} entries for {len(segs)} segments")
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)]
    scorer = PairScorer(src, tgt, src_lang, tgt_lang, src_concepts, tgt_concepts)
    path = dp.search(n, m, scorer.band_costs, width=FIRST_WIDTH,
                     centre=scorer.expected_targets())
    # Second pass: the first path's confident beads teach which words translate which bigrams.
    if scorer.learn(path):
        path = dp.search(n, m, scorer.band_costs, width=REFINE_WIDTH, guide=path)
    if embedder is not None:
        from .embed import EmbeddingBonus

        scorer.embed_bonus = EmbeddingBonus(embedder, scorer, path, REFINE_WIDTH)
        path = dp.search(n, m, scorer.band_costs, width=REFINE_WIDTH, guide=path)
    scores = scorer.scores(path)
    return [Bead(tuple(range(i0, i1)), tuple(range(j0, j1)), round(float(s), 6))
            for (i0, i1, j0, j1), s in zip(path, scores)]
