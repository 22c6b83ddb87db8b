"""Write the output directory: JSONL, CSV and the other report files, all or nothing.

``write_outputs`` stages every file of ``OUTPUT_FILES`` in a fresh hidden directory next to the
output directory (so that the final moves stay on one filesystem and are atomic renames), and only
moves them into place once every writer has succeeded. A failure anywhere leaves the output
directory exactly as it was: a half-written report next to yesterday's findings would be worse than
no report.

CSV files follow the formula rule described in :mod:`pipeline.io.safety` (a text cell starting
with ``=``, ``+``, ``-``, ``@``, tab or CR gets a leading ``'``), and line breaks inside a cell are
written as LF (then quoted); JSONL is written verbatim.
"""
from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..errors import PipelineError
from ..models import FINDING_COLUMNS
from .safety import is_missing, neutralize_formula, replace_surrogates

OUTPUT_FILES = ("segments.jsonl", "alignments.jsonl", "aligned.tmx", "findings.csv",
                "findings.jsonl", "summary.csv", "report.html", "report.xlsx")

#: Columns written when a table arrives without any (an empty batch still gets a header row).
ERROR_COLUMNS = ["path", "doc_id", "message"]

_STAGING_MARK = ".abstract-qa-tmp-"


@dataclass(frozen=True, eq=False)
class ReportData:
    """Everything the output files are made from (built by the report stage).

    ``eq=False`` because DataFrames have no single truth value: comparing two reports field by
    field would raise rather than answer.

    Attributes:
        segments: doc_id, lang, index, text, start, end, detected_lang, confidence.
        alignments: doc_id, src_lang, tgt_lang, src (list of int), tgt (list of int), score.
        findings: ``pipeline.models.FINDING_COLUMNS``, indices already joined with ``;``.
        summary: one row per document and language pair, columns in the order to write.
        tmx_units: ``{"doc_id": str, "texts": {lang: str}}`` per aligned unit, in order.
        errors: documents that could not be processed: path, doc_id, message.
        signature: the settings signature recorded in every report.
        title: the report title.
    """

    segments: pd.DataFrame
    alignments: pd.DataFrame
    findings: pd.DataFrame
    summary: pd.DataFrame
    tmx_units: list[dict]
    errors: pd.DataFrame
    signature: str
    title: str = "abstract-qa report"


# --------------------------------------------------------------------------- single files

def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory + os.replace.

    Readers of ``path`` see either the old file or the complete new one, never a partial write.

    Args:
        path: Destination file; its directory must exist.
        data: The complete file content.

    Raises:
        PipelineError: The file could not be written (the message names the OS reason).
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        # os.open with 0o666 (not mkstemp's 0o600) so the result gets the user's usual permissions.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError as exc:
        raise PipelineError(f"cannot write file: {exc.strerror or exc}", path=str(path)) from exc


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 (no BOM, newlines untouched) to ``path`` atomically.

    Args:
        path: Destination file; its directory must exist.
        text: The complete file content.

    Raises:
        PipelineError: The file could not be written.
    """
    write_bytes_atomic(path, replace_surrogates(text).encode("utf-8"))


def _plain(value: Any) -> Any:
    """A JSON-ready Python value: numpy scalars unboxed, sequences as lists, missing as None."""
    if type(value) in (str, int, bool):  # the common case, kept cheap for big tables
        return value
    if isinstance(value, (list, tuple, np.ndarray)):
        return [_plain(v) for v in value]
    if is_missing(value):
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value


def frame_records(df: pd.DataFrame) -> list[dict]:
    """The rows of ``df`` as plain dicts (column order kept, NaN as None, numpy types unboxed)."""
    columns = [str(c) for c in df.columns]
    return [dict(zip(columns, (_plain(v) for v in row)))
            for row in df.itertuples(index=False, name=None)]


def jsonl_text(rows: Iterable[dict]) -> str:
    """JSON Lines text: one compact object per line, non-ASCII kept, each line ending in ``\\n``."""
    # allow_nan=False: NaN is not JSON; _plain already turned table gaps into null.
    return "".join(json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False,
                              allow_nan=False) + "\n" for row in rows)


def write_jsonl(records: Iterable[dict], path: Path) -> None:
    """Write ``records`` as JSON Lines (UTF-8, ``ensure_ascii=False``, ``\\n`` line ends).

    Args:
        records: Dicts of JSON-serialisable values (numpy scalars, tuples and NaN are accepted).
        path: Destination file; written atomically.

    Raises:
        PipelineError: The file could not be written.
    """
    write_text_atomic(path, jsonl_text(records))


def _csv_cell(value: Any) -> Any:
    """A text cell made safe for CSV: formula-neutralised, then its line ends made LF.

    The csv module quotes a field only for the characters of its line terminator, so a bare CR
    inside a cell would be written unquoted and read back as the end of a row.
    """
    value = neutralize_formula(value)
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def csv_text(df: pd.DataFrame) -> str:
    """CSV text for ``df``: header row, ``\\n`` line ends, formula-like text cells neutralised."""
    safe = df.copy()
    for column in safe.columns:
        if not (pd.api.types.is_numeric_dtype(safe[column])
                or pd.api.types.is_bool_dtype(safe[column])):
            safe[column] = safe[column].map(_csv_cell).astype(object)
    if len(safe.columns) == 0:
        return ""
    return safe.to_csv(index=False, lineterminator="\n")


def write_csv(df: pd.DataFrame, path: Path) -> None:
    """Write ``df`` as CSV: UTF-8 without BOM, ``\\n`` line ends, formula-neutralised text.

    Args:
        df: The table; every column is written, in its order, without the index.
        path: Destination file; written atomically.

    Raises:
        PipelineError: The file could not be written.
    """
    write_text_atomic(path, csv_text(df))


# --------------------------------------------------------------------------- the directory

def _or_columns(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """``df``, or an empty table with ``columns`` when it has none (so files keep a header)."""
    return df if len(df.columns) else pd.DataFrame(columns=columns)


def xlsx_sheets(data: ReportData) -> dict[str, pd.DataFrame]:
    """The sheets of ``report.xlsx``, in order."""
    about = pd.DataFrame({"field": ["title", "signature"], "value": [data.title, data.signature]})
    return {"Findings": _or_columns(data.findings, FINDING_COLUMNS),
            "Summary": data.summary,
            "Errors": _or_columns(data.errors, ERROR_COLUMNS),
            "About": about}


def _tmx(data: ReportData, path: Path) -> None:
    from .tmx import tmx_bytes
    write_bytes_atomic(path, tmx_bytes(data.tmx_units, signature=data.signature))


def _html(data: ReportData, path: Path) -> None:
    from .html_report import html_report
    write_text_atomic(path, html_report(data))


def _xlsx(data: ReportData, path: Path) -> None:
    from .xlsx import xlsx_bytes
    write_bytes_atomic(path, xlsx_bytes(xlsx_sheets(data)))


#: One writer per output file, run in this order. Looked up at call time (tests replace entries).
WRITERS: dict[str, Callable[[ReportData, Path], None]] = {
    "segments.jsonl": lambda d, p: write_jsonl(frame_records(d.segments), p),
    "alignments.jsonl": lambda d, p: write_jsonl(frame_records(d.alignments), p),
    "aligned.tmx": _tmx,
    "findings.csv": lambda d, p: write_csv(_or_columns(d.findings, FINDING_COLUMNS), p),
    "findings.jsonl": lambda d, p: write_jsonl(frame_records(d.findings), p),
    "summary.csv": lambda d, p: write_csv(d.summary, p),
    "report.html": _html,
    "report.xlsx": _xlsx,
}


def _make_staging_dir(target: Path) -> Path:
    """A fresh hidden directory beside ``target`` (same filesystem, so renames are atomic).

    When the parent is not writable but ``target`` already exists (``--out .`` in a directory
    whose parent belongs to someone else), the staging directory goes inside ``target`` instead.
    """
    while True:
        name = f".{target.name}{_STAGING_MARK}{secrets.token_hex(6)}"
        try:
            staging = target.parent / name
            try:
                os.mkdir(staging, 0o777)  # umask applies, unlike mkdtemp's 0o700
            except PermissionError:
                if not target.is_dir():
                    raise
                staging = target / name
                os.mkdir(staging, 0o777)
            return staging
        except FileExistsError:
            continue


def _keep_copy(src: Path, dst: Path) -> None:
    """Preserve the current ``src`` at ``dst`` for rollback (a hard link when the fs allows)."""
    try:
        os.link(src, dst, follow_symlinks=False)
    except OSError:
        shutil.copy2(src, dst, follow_symlinks=False)


def _publish(staging: Path, target: Path, names: Iterable[str]) -> None:
    """Move the staged files into ``target``; on failure put back what was there before."""
    if not os.path.lexists(target):
        # Nothing to preserve: the whole directory appears in one rename.
        os.rename(staging, target)
        return
    backup = staging / ".previous"
    backup.mkdir()
    moved: list[str] = []
    try:
        for name in names:
            dst = target / name
            if os.path.lexists(dst):
                _keep_copy(dst, backup / name)
            os.replace(staging / name, dst)
            moved.append(name)
    except BaseException:
        for name in reversed(moved):
            kept = backup / name
            with contextlib.suppress(OSError):
                if os.path.lexists(kept):
                    os.replace(kept, target / name)
                else:
                    os.unlink(target / name)
        raise


def write_outputs(out_dir: Path, data: ReportData,
                  names: Iterable[str] = OUTPUT_FILES) -> list[Path]:
    """Write every ``OUTPUT_FILES`` file into ``out_dir``, all or nothing.

    All files are first written into a fresh temporary directory next to ``out_dir``; only when
    every file was written are they moved into place with ``os.replace`` (a missing ``out_dir`` is
    created by renaming the temporary directory). On any exception the temporary directory is
    removed and ``out_dir`` is left exactly as it was. Other files in ``out_dir`` are not touched.

    Args:
        out_dir: The output directory (created if missing, parents included).
        data: The report content.
        names: Which of ``OUTPUT_FILES`` to write (``align --out`` writes two).

    Returns:
        The written paths, in ``OUTPUT_FILES`` order.

    Raises:
        PipelineError: ``out_dir`` is not a directory, or a file could not be written.
    """
    out_dir = Path(out_dir)
    if os.path.lexists(out_dir) and not out_dir.is_dir():
        raise PipelineError("output path exists and is not a directory", path=str(out_dir))
    # Resolve an existing (possibly symlinked) directory so staging sits on its filesystem.
    target = out_dir.resolve() if out_dir.exists() else out_dir.absolute()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = _make_staging_dir(target)
    except OSError as exc:
        raise PipelineError(f"cannot create output directory: {exc.strerror or exc}",
                            path=str(out_dir)) from exc
    try:
        names = [name for name in WRITERS if name in set(names)]
        for name in names:
            WRITERS[name](data, staging / name)
        _publish(staging, target, names)
    except PipelineError as exc:
        # Name the file the user asked for, not its hidden staging copy.
        if exc.path and exc.path.startswith(str(staging)):
            exc.path = str(out_dir / Path(exc.path).name)
        raise
    except OSError as exc:
        raise PipelineError(f"cannot write outputs: {exc.strerror or exc}",
                            path=str(out_dir)) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [out_dir / name for name in names]
