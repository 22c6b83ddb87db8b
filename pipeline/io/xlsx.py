"""Excel export (``report.xlsx``): one sheet per table, readable and safe to open.

Every text cell is stored with the string data type, so text such as ``=HYPERLINK(...)`` or
``-3 dB`` is shown exactly as written and never evaluated (see :mod:`pipeline.io.safety`); such
cells also get Excel's quote-prefix style, which keeps them text when a user edits them.

openpyxl stamps the workbook properties and every zip entry with the current time; both are pinned
here so that the same tables always give byte-identical files (reports can be diffed and cached).
"""
from __future__ import annotations

import datetime as dt
import io
from copy import copy
import math
import unicodedata
import zipfile
from typing import Any

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from .safety import is_formula_like, is_missing, strip_xml_invalid

#: The time written into workbook properties and zip entries (zip cannot go before 1980).
FIXED_TIME = dt.datetime(2000, 1, 1, 0, 0, 0)

_MIN_WIDTH, _MAX_WIDTH = 8, 60
_WIDTH_SAMPLE = 500  # rows looked at to size a column; enough to be representative, cheap
_INVALID_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})
_SEVERITY_FILLS = {"error": "FDE2E1", "warning": "FEF0C7", "info": "DCEBFE"}
_HEADER_FILL = PatternFill("solid", start_color="E8ECF2", end_color="E8ECF2")


def _cell_value(value: Any) -> Any:
    """A value openpyxl can store: text cleaned for XML, sequences joined, gaps empty."""
    if isinstance(value, (list, tuple, np.ndarray)):
        return "; ".join(str(_cell_value(v)) for v in value)
    if is_missing(value):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        # inf has no spreadsheet number form; keep it readable as text.
        return value if not isinstance(value, float) or math.isfinite(value) else str(value)
    # A bare CR survives only when openpyxl happens to write through lxml (an XML parser turns
    # it into LF otherwise): write LF, as the CSV and TMX writers do, so the file is the same
    # whichever XML backend is installed.
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return strip_xml_invalid(text)


def _display_width(text: str) -> int:
    """Width in Latin character cells of the longest line (CJK characters count double)."""
    return max((sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
                for line in text.split("\n")), default=0)


def _sheet_title(name: str, taken: set[str]) -> str:
    """An Excel-legal, unique sheet title (31 characters, no ``[]:*?/\\``)."""
    base = (str(name).translate(_INVALID_SHEET_CHARS).strip("'") or "Sheet")[:31]
    title, n = base, 1
    while title.lower() in taken:
        n += 1
        title = f"{base[:31 - len(str(n)) - 1]}~{n}"
    taken.add(title.lower())
    return title


def _widths(header: list[Any], rows: list[list[Any]]) -> list[int]:
    """Display width per column, from the header and the first rows."""
    widths = [_display_width(str(h)) for h in header]
    for row in rows[:_WIDTH_SAMPLE]:
        for c, value in enumerate(row):
            if value is not None:
                widths[c] = max(widths[c], _display_width(str(value)))
    return widths


def _fill_sheet(ws: Worksheet, df: pd.DataFrame) -> None:
    header = [_cell_value(str(c)) for c in df.columns]
    rows = [[_cell_value(v) for v in row] for row in df.itertuples(index=False, name=None)]
    widths = _widths(header, rows)
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
    # Assigning a style object hashes it against the workbook's style table, which dominates
    # the run time on big sheets; style one cell per column and copy its style array instead.
    column_styles = []
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = min(max(width + 2, _MIN_WIDTH),
                                                                _MAX_WIDTH)
        if rows:
            proto = ws.cell(row=2, column=c)
            proto.alignment = Alignment(wrap_text=width + 2 > _MAX_WIDTH, vertical="top")
            column_styles.append(copy(proto._style))
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            if value is None:
                continue
            cell = ws.cell(row=r, column=c, value=value)
            cell._style = copy(column_styles[c - 1])
            if isinstance(value, str) and (cell.data_type != "s" or is_formula_like(value)):
                # openpyxl infers "f" for "=…" and "e" for "#N/A"-like text: force plain text,
                # and quote-prefix it so Excel does not reinterpret it when the cell is edited.
                cell.data_type = "s"
                cell.quotePrefix = True
    ws.freeze_panes = "A2"
    if header:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    if "severity" in df.columns and rows:
        letter = get_column_letter(list(df.columns).index("severity") + 1)
        for severity, colour in _SEVERITY_FILLS.items():
            fill = PatternFill("solid", start_color=colour, end_color=colour)
            ws.conditional_formatting.add(
                f"{letter}2:{letter}{len(rows) + 1}",
                CellIsRule(operator="equal", formula=[f'"{severity}"'], fill=fill))


def _pin_zip_dates(data: bytes) -> bytes:
    """Rewrite a zip with every entry dated ``FIXED_TIME`` (entry order and content kept)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            pinned = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            pinned.compress_type = zipfile.ZIP_DEFLATED
            pinned.external_attr = info.external_attr
            zout.writestr(pinned, zin.read(info))
    return out.getvalue()


def xlsx_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """An xlsx workbook with one formatted sheet per table.

    Each sheet has a bold, frozen header row with an autofilter, column widths fitted to the
    content (CJK counted double, capped), wrapped text in long columns and, when there is a
    ``severity`` column, a fill colour per severity. Text cells are never formulas.

    Args:
        sheets: Sheet title -> table, in sheet order (titles are made Excel-legal and unique).

    Returns:
        The file content; the same tables always give the same bytes.
    """
    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    for name, df in sheets.items():
        _fill_sheet(wb.create_sheet(_sheet_title(name, taken)), df)
    if not wb.worksheets:
        wb.create_sheet("Sheet")  # a workbook must have a sheet to be opened at all
    wb.properties.creator = "abstract-qa"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    # ExcelWriter rather than wb.save(): save() overwrites "modified" with the current time.
    ExcelWriter(wb, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
    return _pin_zip_dates(buffer.getvalue())
