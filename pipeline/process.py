"""The per-document stage: one document in; its segments, alignments and findings out.

Nothing here looks at other documents, so a batch can map this function over documents in any
order, in processes or on a cluster, and reduce afterwards (pipeline.batch).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from .align import align_versions, trilingual_units
from .checks.context import DocumentContext, PairContext, VersionContext
from .checks.registry import CheckSpec, all_checks
from .detect import detect_units
from .languages import join_texts
from .models import Alignment, Document, DocumentResult, Finding, Segment
from .segment import presegmented, segment_version

LANG_ORDER = ("en", "zh", "ja", "zh-Hant")
_GATE_IDS = frozenset(s.id for s in all_checks() if s.gate)


@dataclass(frozen=True)
class Settings:
    """Everything that changes what a run finds (part of the report signature)."""

    #: check ids to run (None: all registered)
    checks: frozenset[str] | None = None
    #: severity overrides by check id
    severities: Mapping[str, str] = field(default_factory=dict)
    #: each input line is one segment
    presegmented: bool = False
    #: optional neural sentence embedder for alignment
    embedder: Any = None
    #: finding ids to drop (ignore list)
    ignore: frozenset[str] = frozenset()
    #: language pairs to check (None: English to each other version, or zh→ja)
    pairs: frozenset[tuple[str, str]] | None = None

    def selected(self) -> list[CheckSpec]:
        if self.checks is None:
            return [s for s in all_checks() if not s.optional]
        return [s for s in all_checks() if s.id in self.checks]

    def severity(self, spec: CheckSpec) -> str:
        return self.severities.get(spec.id, spec.severity)


def primary_pairs(langs: Sequence[str]) -> list[tuple[str, str]]:
    """The pairs checked: from English to each other version, or zh→ja without English."""
    present = [lang for lang in LANG_ORDER if lang in langs]
    if not present:
        return []
    source = present[0]
    return [(source, lang) for lang in present[1:]]


def segment_document(doc: Document, settings: Settings = Settings()) -> dict[str, list[Segment]]:
    """Segments of every version with their detected language (the document as context)."""
    out: dict[str, list[Segment]] = {}
    for version in doc.versions:
        if settings.presegmented:
            segs = presegmented(version.text, version.lang, doc_id=doc.doc_id, base=version.base)
        else:
            segs = segment_version(version)
        detections = detect_units([s.text for s in segs])
        out[version.lang] = [dataclasses.replace(s, detected_lang=d.lang, confidence=d.confidence)
                             for s, d in zip(segs, detections)]
    return out


def process_document(doc: Document, glossary: Any = None, matcher: Any = None,
                     settings: Settings = Settings()) -> DocumentResult:
    """Segment, detect, align and check one document."""
    segments = segment_document(doc, settings)
    terms = {lang: [matcher.find(s.text, lang) if matcher is not None else [] for s in segs]
             for lang, segs in segments.items()}
    concepts = {lang: [frozenset(m.concept_id for m in ms) for ms in per_seg]
                for lang, per_seg in terms.items()}
    texts = {lang: [s.text for s in segs] for lang, segs in segments.items()}
    pairs = align_versions(texts, concepts=concepts, embedder=settings.embedder)
    alignments = tuple(Alignment(doc.doc_id, s, t, tuple(beads))
                       for (s, t), beads in sorted(pairs.items(), key=_pair_order))
    units = trilingual_units(texts, pairs) if pairs else []
    tmx_units = tuple({"doc_id": doc.doc_id,
                       "texts": {lang: join_texts([texts[lang][i] for i in idx], lang)
                                 for lang, idx in unit.items() if idx}} for unit in units)

    checked = [p for p in primary_pairs(list(segments))
               if settings.pairs is None or p in settings.pairs]
    findings: list[Finding] = []
    specs = settings.selected()
    for lang, segs in segments.items():
        ctx = VersionContext(doc.doc_id, lang, segs, terms[lang], glossary,
                             source_langs=tuple(s for s, t in checked if t == lang))
        for spec in specs:
            if spec.scope == "version" and lang not in spec.skip_langs:
                found = spec.func(dataclasses.replace(ctx, severity=settings.severity(spec)))
                findings += with_severity_override(found, spec, settings)
    stats = []
    for src, tgt in checked:
        beads = pairs.get((src, tgt), [])
        ctx = PairContext(doc.doc_id, src, tgt, segments[src], segments[tgt], beads,
                          terms[src], terms[tgt], glossary)
        blocked: set[int] = set()
        for spec in specs:
            if spec.scope != "pair" or tgt in spec.skip_langs:
                continue
            ctx = dataclasses.replace(ctx, severity=settings.severity(spec), blocked=frozenset(blocked))
            produced = with_severity_override(spec.func(ctx), spec, settings)
            findings += produced
            if spec.gate:
                blocked |= _beads_of(beads, produced)
        stats.append((src, tgt) + _concept_coverage(ctx, glossary))
    gated = frozenset((lang, i) for f in findings if f.check in _GATE_IDS
                      for lang, idx in ((f.src_lang, f.src_index), (f.tgt_lang, f.tgt_index))
                      for i in idx)
    doc_ctx = DocumentContext(doc.doc_id, segments, pairs, reported=gated)
    for spec in specs:
        if spec.scope == "document":
            found = spec.func(dataclasses.replace(doc_ctx, severity=settings.severity(spec)))
            findings += with_severity_override(found, spec, settings)
    term_uses = tuple((lang, m.concept_id, m.term.term, m.term.status)
                      for lang, per_seg in terms.items()
                      if any(t == lang for _, t in checked)
                      for ms in per_seg for m in ms)
    findings = [_point_to_source(f, pairs, segments) for f in findings]
    findings = [f for f in findings if f.finding_id not in settings.ignore]
    return DocumentResult(doc.doc_id, tuple(s for lang in segments for s in segments[lang]),
                          alignments, tuple(sorted(findings, key=finding_order)), term_uses,
                          tuple(stats), tmx_units)


def _point_to_source(f: Finding, pairs, segments) -> Finding:
    """Give a target-only finding (a deprecated term…) the aligned source segments, so that a
    translator sees what the sentence was meant to say."""
    beads = pairs.get((f.src_lang, f.tgt_lang))
    if f.src_index or not f.tgt_index or not beads:
        return f
    targets = set(f.tgt_index)
    src = tuple(sorted({i for b in beads if targets & set(b.tgt) for i in b.src}))
    if not src:
        return f
    text = join_texts([segments[f.src_lang][i].text for i in src], f.src_lang) \
        if len(f.tgt_index) == 1 else ""
    return dataclasses.replace(f, src_index=src, src_text=text)


def with_severity_override(found, spec: CheckSpec, settings: Settings) -> list[Finding]:
    """A user's severity for a check beats the severity the check chose per finding."""
    found = list(found)
    if spec.id in settings.severities:
        found = [dataclasses.replace(f, severity=settings.severities[spec.id]) for f in found]
    return found


def finding_order(f: Finding) -> tuple:
    """Reading order: document, pair, position in the text, then check."""
    first = (f.tgt_index or f.src_index or (-1,))[0]
    src_first = (f.src_index or (-1,))[0]
    return (f.doc_id, _lang_rank(f.src_lang), _lang_rank(f.tgt_lang), src_first, first, f.check,
            f.concept_id, f.found, f.message)


def _lang_rank(lang: str) -> int:
    return LANG_ORDER.index(lang) if lang in LANG_ORDER else len(LANG_ORDER)


def _pair_order(item) -> tuple[int, int]:
    (src, tgt), _ = item
    return _lang_rank(src), _lang_rank(tgt)


def _beads_of(beads, findings: list[Finding]) -> set[int]:
    hit = set()
    for k, b in enumerate(beads):
        for f in findings:
            if (b.src and b.src == f.src_index) or (b.tgt and b.tgt == f.tgt_index):
                hit.add(k)
    return hit


def _concept_coverage(ctx: PairContext, glossary: Any) -> tuple[int, int]:
    """(source concept uses that need a target term, how many of them got an approved one)."""
    if glossary is None:
        return 0, 0
    seen = correct = 0
    for bead in ctx.beads:
        if not bead.src or not bead.tgt:
            continue
        src_concepts = {m.concept_id for i in bead.src for m in ctx.src_terms[i]}
        tgt_ok = {m.concept_id for i in bead.tgt for m in ctx.tgt_terms[i] if m.term.approved}
        for c in src_concepts:
            if glossary.approved(c, ctx.tgt_lang):
                seen += 1
                correct += c in tgt_ok
    return seen, correct

