"""A Report (library result) to the files of an output directory."""
from __future__ import annotations

from pathlib import Path

from ..report import Report
from .writers import ReportData, write_outputs


def report_data(report: Report) -> ReportData:
    return ReportData(segments=report.segments, alignments=report.alignments,
                      findings=report.findings, summary=report.summary,
                      tmx_units=report.tmx_units, errors=report.errors,
                      signature=report.signature)


def write_report(out_dir: Path, report: Report) -> list[Path]:
    """Every output file of SPEC into ``out_dir``, all or nothing."""
    return write_outputs(out_dir, report_data(report))


def write_alignment_outputs(out_dir: Path, report: Report) -> list[Path]:
    """``alignments.jsonl`` and ``aligned.tmx`` only (``align --out``)."""
    return write_outputs(out_dir, report_data(report), names=("alignments.jsonl", "aligned.tmx"))
