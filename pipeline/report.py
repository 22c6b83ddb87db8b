"""Per-document results -> the batch's tables: segments, alignments, findings, summary."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import pandas as pd

from . import __version__
from .models import FINDING_COLUMNS, SEVERITIES, DocumentError, DocumentResult, Finding

SEGMENT_COLUMNS = ["doc_id", "lang", "index", "text", "start", "end", "detected_lang", "confidence"]
ALIGNMENT_COLUMNS = ["doc_id", "src_lang", "tgt_lang", "src", "tgt", "score"]
SUMMARY_COLUMNS = ["doc_id", "src_lang", "tgt_lang", "src_segments", "tgt_segments", "beads",
                   "errors", "warnings", "infos", "concepts_seen", "concepts_correct", "status",
                   "message"]
ERROR_COLUMNS = ["path", "doc_id", "message"]


@dataclass(frozen=True)
class Report:
    """Everything a run produced, as DataFrames (the library's answer; the CLI writes it)."""

    segments: pd.DataFrame
    alignments: pd.DataFrame
    findings: pd.DataFrame
    summary: pd.DataFrame
    errors: pd.DataFrame
    tmx_units: list[dict] = field(default_factory=list)
    signature: str = ""

    def count(self, severity: str) -> int:
        return int((self.findings["severity"] == severity).sum()) if len(self.findings) else 0


def signature(*, glossary_sha1: str = "", embedder: str = "", checks: Sequence[str] = (),
              presegmented: bool = False) -> str:
    """A sacrebleu-style string recording every setting that changes the results."""
    from .align import SIGNATURE as ALIGN
    from .detect import SIGNATURE as LID
    from .segment import SIGNATURE as SEG
    parts = [f"abstract-qa {__version__}",
             "seg:lines" if presegmented else SEG,
             "lid:" + LID,
             "align:" + ALIGN + (f"+emb-{embedder}" if embedder else ""),
             "glossary:" + (f"sha1-{glossary_sha1[:10]}" if glossary_sha1 else "none"),
             "checks:" + ",".join(dict.fromkeys(checks))]
    return "|".join(parts)


def findings_frame(findings: Sequence[Finding]) -> pd.DataFrame:
    return pd.DataFrame.from_records([f.to_dict() for f in findings], columns=FINDING_COLUMNS)


def build_report(results: Sequence[DocumentResult], errors: Sequence[DocumentError],
                 batch_findings: Sequence[Finding], sig: str) -> Report:
    """Assemble the tables from per-document results (already in document order)."""
    segments = pd.DataFrame.from_records(
        [s.to_dict() for r in results for s in r.segments], columns=SEGMENT_COLUMNS)
    alignments = pd.DataFrame.from_records(
        [rec for r in results for a in r.alignments for rec in a.to_records()],
        columns=ALIGNMENT_COLUMNS)
    findings = [f for r in results for f in r.findings] + list(batch_findings)
    return Report(segments, alignments, findings_frame(findings),
                  summary_frame(results, errors), errors_frame(errors),
                  [u for r in results for u in r.tmx_units], sig)


def errors_frame(errors: Sequence[DocumentError]) -> pd.DataFrame:
    return pd.DataFrame.from_records([{"path": e.path, "doc_id": e.doc_id, "message": e.message}
                                      for e in errors], columns=ERROR_COLUMNS)


def summary_frame(results: Sequence[DocumentResult], errors: Sequence[DocumentError]) -> pd.DataFrame:
    """One row per document and language pair; documents that failed are listed as such."""
    rows = []
    for r in results:
        seg_counts: dict[str, int] = {}
        for s in r.segments:
            seg_counts[s.lang] = seg_counts.get(s.lang, 0) + 1
        coverage = {(s, t): (seen, ok) for s, t, seen, ok in r.pair_stats}
        pairs = [(a.src_lang, a.tgt_lang, len(a.beads)) for a in r.alignments]
        if not pairs:
            pairs = [(lang, "", 0) for lang in seg_counts]
        for src, tgt, beads in pairs:
            mine = [f for f in r.findings if f.src_lang == src and f.tgt_lang == tgt]
            by = {sev: sum(f.severity == sev for f in mine) for sev in SEVERITIES}
            seen, ok = coverage.get((src, tgt), (0, 0))
            checked = (src, tgt) in coverage or not tgt or bool(mine)
            rows.append({
                "doc_id": r.doc_id, "src_lang": src, "tgt_lang": tgt,
                "src_segments": seg_counts.get(src, 0), "tgt_segments": seg_counts.get(tgt, 0),
                "beads": beads, "errors": by["error"], "warnings": by["warning"],
                "infos": by["info"], "concepts_seen": seen, "concepts_correct": ok,
                "status": ("error" if by["error"] else "warning" if by["warning"] else "ok")
                if checked else "aligned",
                "message": "" if (src, tgt) in coverage or not tgt
                else "checked through English; zh–ja alignment checks only"})
    for e in errors:
        rows.append({"doc_id": e.doc_id or e.path, "src_lang": "", "tgt_lang": "",
                     "src_segments": 0, "tgt_segments": 0, "beads": 0, "errors": 0,
                     "warnings": 0, "infos": 0, "concepts_seen": 0, "concepts_correct": 0,
                     "status": "failed", "message": e.message})
    return pd.DataFrame.from_records(rows, columns=SUMMARY_COLUMNS)
