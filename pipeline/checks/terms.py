"""Terminology checks against the controlled glossary."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable

from ..models import Finding
from .context import BatchContext, PairContext, VersionContext
from .registry import check

BAD_STATUSES = ("deprecated", "forbidden")


def concept_label(glossary, concept_id: str) -> str:
    """How a concept is named in messages: its preferred English term, else its id."""
    term = glossary.preferred(concept_id, "en") if glossary is not None else None
    return term.term if term is not None else concept_id


def preferred_terms(glossary, concept_id: str, lang: str) -> list[str]:
    return [t.term for t in glossary.approved(concept_id, lang)]


def _concepts(matches_per_segment, indices) -> dict[str, list]:
    found: dict[str, list] = defaultdict(list)
    for i in indices:
        for m in matches_per_segment[i]:
            found[m.concept_id].append(m)
    return found


def _concepts_by_bead(ctx: PairContext):
    """Each checkable bead with the glossary matches of its source and target sides by concept."""
    if ctx.glossary is None:
        return
    for _, bead in ctx.beads_to_check():
        yield bead, _concepts(ctx.src_terms, bead.src), _concepts(ctx.tgt_terms, bead.tgt)


@check("term-missing", severity="error")
def term_missing(ctx: PairContext) -> Iterable[Finding]:
    """Source uses a glossary concept; the aligned target has no approved term for it."""
    for bead, src_concepts, tgt_concepts in _concepts_by_bead(ctx):
        for concept_id in sorted(src_concepts):
            approved = preferred_terms(ctx.glossary, concept_id, ctx.tgt_lang)
            if not approved:
                continue  # the glossary has no rendering to require
            in_target = tgt_concepts.get(concept_id, [])
            if any(m.term.approved for m in in_target):
                continue
            if any(m.term.status in BAD_STATUSES for m in in_target):
                continue  # term-forbidden names the bad rendering and the fix
            label = concept_label(ctx.glossary, concept_id)
            src_surface = src_concepts[concept_id][0].surface
            yield ctx.finding(
                "term-missing", bead,
                f"“{src_surface}” ({label}) has no approved translation here: use "
                f"{' or '.join(approved[:3])}.",
                concept_id=concept_id, expected="; ".join(approved), found="")


@check("term-unsourced", severity="warning", optional=True)
def term_unsourced(ctx: PairContext) -> Iterable[Finding]:
    """A target segment uses an approved term whose concept the aligned source does not mention."""
    for bead, src_concepts, tgt_concepts in _concepts_by_bead(ctx):
        for concept_id in sorted(tgt_concepts):
            if concept_id in src_concepts or not ctx.glossary.terms_for(concept_id, ctx.src_lang):
                continue
            matches = [m for m in tgt_concepts[concept_id] if m.term.approved]
            if not matches or _latin_in_cjk(matches[0].surface, ctx.tgt_lang):
                continue
            label = concept_label(ctx.glossary, concept_id)
            yield ctx.finding(
                "term-unsourced", bead,
                f"“{matches[0].surface}” ({label}) is not in the source sentence: check that it "
                f"is meant, or that the source term is missing from the glossary.",
                concept_id=concept_id, expected="", found=matches[0].surface)


@check("term-forbidden", severity="error", scope="version")
def term_forbidden(ctx: VersionContext) -> Iterable[Finding]:
    """A target segment uses a deprecated or forbidden term."""
    if ctx.glossary is None or not ctx.source_langs:
        return
    for seg, matches in zip(ctx.segments, ctx.terms):
        for m in matches:
            if m.term.status not in BAD_STATUSES:
                continue
            approved = preferred_terms(ctx.glossary, m.concept_id, ctx.lang)
            label = concept_label(ctx.glossary, m.concept_id)
            fix = f"use {' or '.join(approved[:3])}" if approved else "remove or rephrase it"
            why = f" ({m.term.note})" if m.term.note else ""
            yield ctx.finding(
                "term-forbidden", f"{label}: {fix}; found {m.term.status} “{m.surface}”{why}.",
                severity="error" if m.term.status == "forbidden" else "warning",
                tgt_index=(seg.index,), tgt_text=seg.text, concept_id=m.concept_id,
                expected="; ".join(approved), found=m.surface)


def _latin_in_cjk(surface: str, lang: str) -> bool:
    return lang != "en" and surface.isascii()


@check("term-inconsistent", severity="warning", scope="version")
def term_inconsistent(ctx: VersionContext) -> Iterable[Finding]:
    """One concept rendered with different target terms within a document."""
    if ctx.glossary is None or not ctx.source_langs:
        return
    uses: dict[str, Counter] = defaultdict(Counter)
    where: dict[str, list[int]] = defaultdict(list)
    for seg, matches in zip(ctx.segments, ctx.terms):
        for m in matches:
            if _latin_in_cjk(m.surface, ctx.lang):
                continue  # "阿片类物质使用障碍（OUD）": the acronym kept from English is no rival
            uses[m.concept_id][m.term.term] += 1
            if seg.index not in where[m.concept_id]:
                where[m.concept_id].append(seg.index)
    for concept_id in sorted(uses):
        counts = uses[concept_id]
        if len(counts) < 2:
            continue
        approved = preferred_terms(ctx.glossary, concept_id, ctx.lang)
        label = concept_label(ctx.glossary, concept_id)
        seen = ", ".join(f"{t} ×{n}" for t, n in sorted(counts.items(), key=lambda x: (-x[1], x[0])))
        fix = f"; use {approved[0]} throughout" if approved else ""
        yield ctx.finding(
            "term-inconsistent", f"{label} is rendered {len(counts)} ways in this document: {seen}{fix}.",
            tgt_index=tuple(where[concept_id]), concept_id=concept_id,
            expected=approved[0] if approved else "", found="; ".join(sorted(counts)))


@check("term-inconsistent", severity="info", scope="batch")
def term_inconsistent_batch(ctx: BatchContext) -> Iterable[Finding]:
    """One concept rendered with different target terms across the documents of a batch."""
    if ctx.glossary is None:
        return
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    docs: dict[tuple[str, str], set] = defaultdict(set)
    for doc_id, lang, concept_id, term, _status in ctx.term_uses:
        if _latin_in_cjk(term, lang):
            continue
        counts[(lang, concept_id)][term] += 1
        docs[(lang, concept_id)].add(doc_id)
    for (lang, concept_id), c in sorted(counts.items()):
        if len(c) < 2 or len(docs[(lang, concept_id)]) < 2:
            continue
        label = concept_label(ctx.glossary, concept_id)
        seen = ", ".join(f"{t} ×{n}" for t, n in sorted(c.items(), key=lambda x: (-x[1], x[0])))
        approved = preferred_terms(ctx.glossary, concept_id, lang)
        yield Finding("*", "", lang, "term-inconsistent", "info",
                      f"{label} across the batch ({lang}): {seen}.",
                      concept_id=concept_id, expected=approved[0] if approved else "",
                      found="; ".join(sorted(c)))


@check("term-traditional", severity="warning", scope="version", skip_langs=("en", "ja", "zh-Hant"))
def term_traditional(ctx: VersionContext) -> Iterable[Finding]:
    """A Simplified Chinese version writes a glossary term in Traditional characters."""
    if ctx.glossary is None:
        return
    for seg, matches in zip(ctx.segments, ctx.terms):
        for m in matches:
            if getattr(m, "kind", "standard") != "traditional":
                continue
            label = concept_label(ctx.glossary, m.concept_id)
            yield ctx.finding(
                "term-traditional",
                f"{label}: “{m.surface}” is written in Traditional characters; write "
                f"{m.term.term} in a Simplified Chinese text.",
                tgt_index=(seg.index,), tgt_text=seg.text, concept_id=m.concept_id,
                expected=m.term.term, found=m.surface)
