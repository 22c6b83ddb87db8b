"""Excel export: round-trip, formula safety, formatting, byte-identical reruns."""
from __future__ import annotations

import io
import zipfile

import numpy as np
import openpyxl
import pandas as pd
import pytest

from pipeline.io.safety import is_formula_like

from pipeline.io.xlsx import FIXED_TIME, xlsx_bytes

HOSTILE = ["=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx",
           "#N/A", "=1+1"]


def _load(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def _findings() -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": ["abs-001", "abs-002"],
        "severity": ["error", "warning"],
        "src_index": ["1;2", ""],
        "tgt_text": ["我们训练了一个卷积网络。", "本研究では深層学習を用いた。"],
        "score": [0.5, np.float64(-1.25)],
        "beads": [np.int64(3), -4],
    })


def test_round_trip_values_and_sheet_order():
    df = _findings()
    wb = _load(xlsx_bytes({"Findings": df, "Summary": pd.DataFrame({"n": [1]})}))
    assert wb.sheetnames == ["Findings", "Summary"]
    rows = list(wb["Findings"].iter_rows(values_only=True))
    assert rows[0] == tuple(df.columns)
    assert rows[1] == ("abs-001", "error", "1;2", "我们训练了一个卷积网络。", 0.5, 3)
    # Numbers stay numbers, negative ones included; an empty string is an empty cell.
    assert rows[2] == ("abs-002", "warning", None, "本研究では深層学習を用いた。", -1.25, -4)


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_like_text_is_stored_as_text(text):
    data = xlsx_bytes({"Findings": pd.DataFrame({"found": [text], "n": [1]})})
    cell = _load(data)["Findings"]["A2"]
    assert cell.value == text.replace("\r", "\n")  # line ends written as LF, like CSV and TMX
    assert cell.data_type == "s"
    # Excel keeps it text even after the user edits the cell (a leading CR became LF, which
    # starts no formula)
    assert cell.quotePrefix or not is_formula_like(cell.value)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        sheet_xml = zf.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml


def test_no_cell_is_a_formula_anywhere():
    df = pd.DataFrame({"a": HOSTILE, "b": HOSTILE[::-1]})
    wb = _load(xlsx_bytes({"One": df, "Two": df}))
    assert all(cell.data_type != "f" for ws in wb for row in ws.iter_rows() for cell in row)


def test_header_bold_frozen_filtered():
    ws = _load(xlsx_bytes({"Findings": _findings()}))["Findings"]
    assert all(cell.font.b for cell in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:F3"


def test_widths_count_cjk_double_and_long_columns_wrap():
    df = pd.DataFrame({"ascii": ["abcdefghij"], "cjk": ["中文中文中文中文中文"],
                       "long": ["word " * 60], "id": ["x"]})
    ws = _load(xlsx_bytes({"S": df}))["S"]
    widths = {c: ws.column_dimensions[c].width for c in "ABCD"}
    assert widths["B"] > widths["A"]
    assert widths["C"] == 60 and ws["C2"].alignment.wrap_text
    assert widths["D"] >= 8 and not ws["D2"].alignment.wrap_text


def test_missing_values_lists_and_control_characters():
    df = pd.DataFrame({"a": [None, np.nan, pd.NA], "b": [[0, 1], (2,), []],
                       "c": ["bell\x07here", "nul\x00", "ok"]}, dtype=object)
    rows = list(_load(xlsx_bytes({"S": df}))["S"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == [None, None, None]
    assert [r[1] for r in rows] == ["0; 1", "2", None]
    assert [r[2] for r in rows] == ["bellhere", "nul", "ok"]


def test_sheet_titles_made_legal_and_unique():
    wb = _load(xlsx_bytes({"a/b:c": pd.DataFrame(), "A_B_C": pd.DataFrame(), "x" * 40: pd.DataFrame()}))
    assert wb.sheetnames == ["a_b_c", "A_B_C~2", "x" * 31]


def test_empty_input_still_opens():
    assert _load(xlsx_bytes({})).sheetnames == ["Sheet"]


def test_bytes_are_identical_across_runs_and_dates_pinned():
    sheets = {"Findings": _findings(), "Summary": pd.DataFrame({"doc_id": ["a"], "errors": [1]})}
    first = xlsx_bytes(sheets)
    assert first == xlsx_bytes(sheets)
    with zipfile.ZipFile(io.BytesIO(first)) as zf:
        assert {info.date_time for info in zf.infolist()} == {FIXED_TIME.timetuple()[:6]}
        core = zf.read("docProps/core.xml").decode()
    assert core.count("2000-01-01T00:00:00Z") == 2  # created and modified
    assert _load(first).properties.modified == FIXED_TIME
