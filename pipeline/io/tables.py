"""Tables of documents (.csv, .tsv, .jsonl, .xlsx): one row per document, one column per language.

The rows are parsed with the standard ``csv``/``json`` modules and openpyxl rather than pandas so
that every row keeps the line it starts on (a quoted abstract often spans several lines) and one
malformed row is reported on its own instead of failing the whole file. Every cell stays text:
``NA``, ``null`` and ``0012`` are read as written.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, PipelineError
from ..languages import SUPPORTED, normalize_tag
from ..models import Document, Version
from .encoding import read_text
from .siblings import LANGUAGE_NAMES, looks_like_tag

TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".xlsx")

#: (line, cells by column) or (line, the reason the row cannot be read).
_Row = tuple[int, "dict[str, Any] | PipelineError"]


@dataclass(frozen=True, slots=True)
class RowError:
    """A row of a table that was not loaded; the other rows were."""

    doc_id: str
    error: PipelineError


def read_table(path: Path, encoding: str | None = None) -> tuple[list[Document], list[RowError]]:
    """Read every row of a table as a document.

    Args:
        path: A ``.csv``, ``.tsv``, ``.jsonl`` or ``.xlsx`` file.
        encoding: Text encoding for csv/tsv/jsonl (see ``read_text``); ignored for xlsx.

    Returns:
        The documents of the good rows (``Version.line`` is the row's line, ``base`` 0) and the
        rows that were skipped: empty or duplicate doc_id, no text, bad JSON, too many fields.

    Raises:
        InputError: the file cannot be read, has no ``doc_id``/``id`` column or no language column.
    """
    suffix = Path(path).suffix.lower()
    if suffix == ".xlsx":
        columns, rows = _xlsx_rows(path)
    elif suffix == ".jsonl":
        columns, rows = _jsonl_rows(read_text(path, encoding), path)
    elif suffix in (".csv", ".tsv"):
        columns, rows = _delimited_rows(read_text(path, encoding), path,
                                        "\t" if suffix == ".tsv" else ",")
    else:
        raise InputError(f"not a table ({', '.join(TABLE_SUFFIXES)})", path=str(path))
    return _documents(path, columns, rows)


def _documents(path: Path, columns: list[str],
               rows: list[_Row]) -> tuple[list[Document], list[RowError]]:
    if all(isinstance(cells, PipelineError) for _line, cells in rows):
        # Nothing parsed (every jsonl line is bad JSON): the row errors say more than the columns.
        return [], [RowError("", cells) for _line, cells in rows]
    id_col = _id_column(path, columns)
    lang_cols = _language_columns(path, columns)
    documents: list[Document] = []
    errors: list[RowError] = []
    first_line: dict[str, int] = {}
    for line, cells in rows:
        if isinstance(cells, PipelineError):
            errors.append(RowError("", cells))
            continue
        doc_id = ""
        try:
            doc_id = _text(cells.get(id_col), id_col, path, line).strip()
            if not doc_id:
                raise InputError(f"empty {id_col}", path=str(path), line=line)
            if doc_id in first_line:
                raise InputError(f"duplicate {id_col} {doc_id!r} (first at line "
                                 f"{first_line[doc_id]})", path=str(path), line=line)
            first_line[doc_id] = line
            documents.append(_row_document(path, line, doc_id, cells, lang_cols))
        except PipelineError as exc:
            errors.append(RowError(doc_id, exc))
    return documents, errors


def _row_document(path: Path, line: int, doc_id: str, cells: dict[str, Any],
                  lang_cols: dict[str, str]) -> Document:
    versions = []
    for lang, col in lang_cols.items():
        text = _text(cells.get(col), col, path, line)
        if text.strip():  # an empty cell is an absent version, not an empty one
            versions.append(Version(doc_id=doc_id, lang=lang, text=text, path=str(path), base=0,
                                    line=line))
    if not versions:
        raise InputError(f"document {doc_id!r} has no text in any language column",
                         path=str(path), line=line)
    return Document(doc_id=doc_id, versions=tuple(versions), path=str(path))


def _id_column(path: Path, columns: list[str]) -> str:
    by_name = {c.strip().lower(): c for c in reversed(columns)}
    for name in ("doc_id", "id"):
        if name in by_name:
            return by_name[name]
    hint = ""
    if len(columns) == 1 and any(sep in columns[0] for sep in ";\t,|"):
        hint = f" (the header is one column {columns[0]!r}: is the delimiter right?)"
    raise InputError(f"no doc_id (or id) column{hint}", path=str(path), line=1)


def _language_columns(path: Path, columns: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for col in columns:
        name = col.strip()
        if not looks_like_tag(name):
            continue
        try:
            lang = normalize_tag(name)
        except PipelineError:
            continue  # a column like ``doi`` or ``fr``: other columns are ignored
        if lang not in SUPPORTED:
            continue  # zh-Hant: a reference column (as in NTREX), not a version
        if lang in found:
            raise InputError(f"columns {found[lang]!r} and {col!r} both hold "
                             f"{LANGUAGE_NAMES[lang]}", path=str(path), line=1)
        found[lang] = col
    if not found:
        raise InputError("no language column (expected en, zh or ja, e.g. 'en', 'zh-CN', 'jpn')",
                         path=str(path), line=1)
    return {lang: found[lang] for lang in SUPPORTED if lang in found}


def _text(value: Any, column: str, path: Path, line: int) -> str:
    """A cell as text: None is empty; numbers and dates as written; lists/objects are errors."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # xlsx stores 17 as 17.0
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    raise InputError(f"column {column!r} holds a {type(value).__name__}, expected text",
                     path=str(path), line=line)


def _delimited_rows(text: str, path: Path, delimiter: str) -> tuple[list[str], list[_Row]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    rows: list[_Row] = []
    start = 1
    try:
        for record in reader:
            line, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue  # blank line or a row of empty cells
            if header is None:
                header = record
                continue
            if len(record) > len(header):
                rows.append((line, InputError(f"{len(record)} fields but the header has "
                                              f"{len(header)}", path=str(path), line=line)))
                continue
            rows.append((line, dict(zip(header, record))))
    except csv.Error as exc:
        kind = "CSV" if delimiter == "," else "TSV"
        raise InputError(f"malformed {kind}: {exc}",
                         path=str(path), line=reader.line_num) from None
    if header is None:
        raise InputError("empty file", path=str(path))
    return header, rows


def _jsonl_rows(text: str, path: Path) -> tuple[list[str], list[_Row]]:
    columns: dict[str, None] = {}
    rows: list[_Row] = []
    # Split on "\n" only: str.splitlines() would also cut at U+2028, which JSON strings may hold.
    for line, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            rows.append((line, InputError(f"invalid JSON: {exc.msg} (column {exc.colno})",
                                          path=str(path), line=line)))
            continue
        if not isinstance(record, dict):
            rows.append((line, InputError("expected a JSON object", path=str(path), line=line)))
            continue
        columns.update(dict.fromkeys(record))
        rows.append((line, record))
    if not rows:
        raise InputError("empty file", path=str(path))
    return list(columns), rows


def _xlsx_rows(path: Path) -> tuple[list[str], list[_Row]]:
    import openpyxl

    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles and extensions it ignores; they do not affect text.
            warnings.simplefilter("ignore", UserWarning)
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except PermissionError:
        raise InputError("permission denied", path=str(path)) from None
    except Exception as exc:  # zipfile/XML/openpyxl errors vary: all mean "not a workbook"
        raise InputError(f"not a readable xlsx workbook ({type(exc).__name__}: {exc})",
                         path=str(path)) from None
    try:
        return _sheet_rows(book.worksheets[0], path)
    finally:
        book.close()


def _sheet_rows(sheet: Any, path: Path) -> tuple[list[str], list[_Row]]:
    header: list[str] | None = None
    rows: list[_Row] = []
    # Read-only sheets yield every row from row 1, empty ones included: the index is the row.
    for line, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        if header is None:
            header = ["" if v is None else str(v) for v in values]
            continue
        rows.append((line, dict(zip(header, values))))
    if header is None:
        raise InputError("empty file", path=str(path))
    return header, rows

