"""Aligning the en, zh and ja versions of a document so that the three pairs agree.

en–zh and en–ja are aligned directly. zh–ja is composed through English: two segments are
aligned when they belong to the same translation unit. Chinese and Japanese segments that have no
English counterpart are paired by aligning them directly (length, anchors and shared Han
characters after folding). Without English, zh–ja is aligned directly.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..languages import SUPPORTED, normalize_tag
from ..models import Bead
from .core import align
from .scoring import PairScorer
from .units import merge_units

ORDER = SUPPORTED  # en, zh, ja
PAIRS = (("en", "zh"), ("en", "ja"), ("zh", "ja"))


def _normalized(mapping: Mapping[str, object] | None) -> dict[str, object]:
    out = {}
    for key, value in (mapping or {}).items():
        lang = normalize_tag(key)
        if lang in ORDER:
            out[lang] = value
    return out


def align_versions(segments: Mapping[str, Sequence[str]], *,
                   concepts: Mapping[str, Sequence[frozenset[str]]] | None = None,
                   embedder=None) -> dict[tuple[str, str], list[Bead]]:
    """Align every pair of the en, zh and ja versions present, consistently.

    Args:
        segments: Segments per language tag (aliases such as ``zh-CN`` accepted; languages other
            than en, zh, ja are ignored).
        concepts: Glossary concept ids per segment, per language (as for ``align``).
        embedder: Optional sentence embedder passed on to ``align``.

    Returns:
        Beads for each pair among (en, zh), (en, ja), (zh, ja) whose both sides are present. The
        zh–ja beads are exactly the zh/ja parts of the units the en–zh and en–ja beads form.
    """
    segs = _normalized(segments)
    conc = _normalized(concepts)
    out: dict[tuple[str, str], list[Bead]] = {}
    for a, b in PAIRS[:2]:
        if a in segs and b in segs:
            out[(a, b)] = align(segs[a], segs[b], a, b, src_concepts=conc.get(a),
                                tgt_concepts=conc.get(b), embedder=embedder)
    if "zh" in segs and "ja" in segs:
        if "en" in segs:
            out[("zh", "ja")] = _compose(segs, conc, out)
        else:
            out[("zh", "ja")] = align(segs["zh"], segs["ja"], "zh", "ja",
                                      src_concepts=conc.get("zh"), tgt_concepts=conc.get("ja"),
                                      embedder=embedder)
    return out


def _compose(segs, conc, pairwise) -> list[Bead]:
    """zh–ja beads from the units of en–zh and en–ja."""
    lengths = {lang: len(segs[lang]) for lang in ORDER}
    units = merge_units(lengths, pairwise, ORDER)
    sides: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    run: list[dict[str, tuple[int, ...]]] = []

    def flush() -> None:
        # Units without English between two English-anchored ones: pair them up directly.
        zh = [i for u in run for i in u.get("zh", ())]
        ja = [j for u in run for j in u.get("ja", ())]
        if zh and ja:
            sub = align([segs["zh"][i] for i in zh], [segs["ja"][j] for j in ja], "zh", "ja")
            sides.extend((tuple(zh[i] for i in b.src), tuple(ja[j] for j in b.tgt)) for b in sub)
        else:
            sides.extend((u.get("zh", ()), u.get("ja", ())) for u in run)
        run.clear()

    for u in units:
        if "en" not in u:
            run.append(u)
            continue
        flush()
        if "zh" in u or "ja" in u:
            sides.append((u.get("zh", ()), u.get("ja", ())))
    flush()
    # Scored together: one pass over the features for all beads.
    scorer = PairScorer(segs["zh"], segs["ja"], "zh", "ja", conc.get("zh"), conc.get("ja"))
    paired = [(zh[0], zh[-1] + 1, ja[0], ja[-1] + 1) for zh, ja in sides if zh and ja]
    scores = iter(scorer.scores(paired).tolist())
    return [Bead(zh, ja, round(next(scores), 6) if zh and ja else 0.0) for zh, ja in sides]


def trilingual_units(segments: Mapping[str, Sequence[str]],
                     alignments: Mapping[tuple[str, str], Sequence[Bead]]
                     ) -> list[dict[str, tuple[int, ...]]]:
    """Translation units for TMX, consistent with every pairwise alignment given.

    Args:
        segments: Segments per language (only their number matters).
        alignments: Beads per (source language, target language), e.g. from ``align_versions``.

    Returns:
        Units in reading order, each mapping a language to its segment indices; a language with
        no segment in a unit is absent from it. Every segment is in exactly one unit.
    """
    segs = _normalized(segments)
    lengths = {lang: len(s) for lang, s in segs.items()}
    pairs = {(normalize_tag(a), normalize_tag(b)): beads for (a, b), beads in alignments.items()}
    return merge_units(lengths, pairs, ORDER)


def zh_ja_disagreements(segments: Mapping[str, Sequence[str]],
                        alignments: Mapping[tuple[str, str], Sequence[Bead]]) -> list[Bead]:
    """zh–ja beads of ``alignments`` that a direct zh–ja alignment does not support.

    The direct alignment sees only Chinese and Japanese (length, anchors, shared Han characters).
    A composed bead is unsupported when fewer than half of its (zh, ja) segment pairs fall in one
    direct bead: en–zh or en–ja is probably wrong there, or the Chinese and Japanese translations
    differ in structure.
    """
    segs = _normalized(segments)
    composed = alignments.get(("zh", "ja"), ())
    if "zh" not in segs or "ja" not in segs:
        return []
    direct = align(segs["zh"], segs["ja"], "zh", "ja")
    linked = {(i, j) for d in direct for i in d.src for j in d.tgt}
    out = []
    for b in composed:
        if not b.src or not b.tgt:
            continue
        support = sum((i, j) in linked for i in b.src for j in b.tgt)
        if 2 * support < len(b.src) * len(b.tgt):
            out.append(b)
    return out
