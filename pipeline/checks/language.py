"""Text in the wrong language: untranslated segments and versions or segments in another language."""
from __future__ import annotations

from collections import Counter
from typing import Iterable

from ..models import Finding, normalize_for_compare
from .context import PairContext, VersionContext
from .registry import check
from .segment_kinds import content_size, has_letters, is_reference

CONFIDENT = 0.8


def _same_language(detected: str, lang: str) -> bool:
    return detected == lang or {detected, lang} == {"zh", "zh-Hant"}


@check("untranslated", severity="error", gate=True)
def untranslated(ctx: PairContext) -> Iterable[Finding]:
    """A target segment left in the source language, or identical to the source."""
    for _, bead in ctx.beads_to_check():
        src_text, tgt_text = ctx.src_text(bead), ctx.tgt_text(bead)
        if is_reference(tgt_text) or content_size(tgt_text) < 4:
            continue  # citations, names and acronyms are legitimately kept as they are
        same = normalize_for_compare(src_text) == normalize_for_compare(tgt_text)
        if same and has_letters(tgt_text, 4):
            yield ctx.finding("untranslated", bead,
                              "The target is identical to the source: translate it.")
            continue
        left = [ctx.tgt[i] for i in bead.tgt
                if _same_language(ctx.tgt[i].detected_lang, ctx.src_lang)
                and not _same_language(ctx.src_lang, ctx.tgt_lang)
                and ctx.tgt[i].confidence >= CONFIDENT and content_size(ctx.tgt[i].text) >= 4]
        if left:
            yield ctx.finding("untranslated", bead,
                              f"Left in {ctx.src_lang}: translate this segment into {ctx.tgt_lang}.",
                              found=ctx.src_lang, expected=ctx.tgt_lang)


@check("wrong-language", severity="error", scope="version")
def wrong_language(ctx: VersionContext) -> Iterable[Finding]:
    """A version or segment is not in the language it is declared as."""
    weight: Counter = Counter()
    for seg in ctx.segments:
        if seg.detected_lang and seg.detected_lang != "und":
            weight[seg.detected_lang] += content_size(seg.text)
    total = sum(weight.values())
    if not total:
        return
    top, top_weight = weight.most_common(1)[0]
    left_in_source = any(_same_language(top, s) for s in ctx.source_langs)  # untranslated's job
    if not _same_language(top, ctx.lang) and not left_in_source and top_weight / total >= 0.6:
        yield ctx.finding("wrong-language",
                          f"The {ctx.lang} version is written in {top}: check the file or its "
                          f"language tag.", expected=ctx.lang, found=top,
                          tgt_index=tuple(s.index for s in ctx.segments) if ctx.source_langs else (),
                          src_index=() if ctx.source_langs else tuple(s.index for s in ctx.segments))
        return
    for seg in ctx.segments:
        lang = seg.detected_lang
        if (not lang or lang == "und" or _same_language(lang, ctx.lang)
                or any(_same_language(lang, s) for s in ctx.source_langs)  # untranslated's job
                or seg.confidence < CONFIDENT or content_size(seg.text) < 4
                or is_reference(seg.text)):
            continue
        where = {"tgt_index": (seg.index,), "tgt_text": seg.text} if ctx.source_langs else \
            {"src_index": (seg.index,), "src_text": seg.text}
        severity = "warning" if {lang, ctx.lang} == {"zh", "zh-Hant"} else ctx.severity
        yield ctx.finding("wrong-language",
                          f"This segment of the {ctx.lang} version is in {lang}.",
                          expected=ctx.lang, found=lang, severity=severity, **where)
