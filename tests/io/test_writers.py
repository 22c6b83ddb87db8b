"""The output directory: JSONL/CSV round-trips, formula neutralisation, atomicity, determinism."""
from __future__ import annotations

import io
import json
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.errors import PipelineError
from pipeline.io import writers
from pipeline.io.safety import replace_surrogates
from pipeline.io.writers import (OUTPUT_FILES, ReportData, write_csv, write_jsonl,
                                 write_outputs, write_text_atomic)
from pipeline.models import FINDING_COLUMNS, Finding


def _data(title: str = "abstract-qa report") -> ReportData:
    findings = [
        Finding("abs-001", "en", "zh", "term-missing", "error",
                "Use the approved term 卷积神经网络.", (2,), (2,), "C012", "卷积神经网络", "",
                "We train a convolutional neural network.", "我们训练了一个卷积网络。"),
        Finding("abs-002", "en", "ja", "untranslated", "warning", "Segment left in English.",
                (0, 1), (0,), "", "", "=1+1", "=1+1 <script>", "=1+1 <script>"),
    ]
    return ReportData(
        segments=pd.DataFrame([{"doc_id": "abs-001", "lang": "zh", "index": 0,
                                "text": "我们训练了一个卷积网络。", "start": 0, "end": 12,
                                "detected_lang": "zh", "confidence": 0.9871}]),
        alignments=pd.DataFrame([{"doc_id": "abs-001", "src_lang": "en", "tgt_lang": "zh",
                                  "src": [0, 1], "tgt": [0], "score": 0.912},
                                 {"doc_id": "abs-001", "src_lang": "en", "tgt_lang": "zh",
                                  "src": [2], "tgt": [], "score": 0.0}]),
        findings=pd.DataFrame.from_records([f.to_dict() for f in findings], columns=FINDING_COLUMNS),
        summary=pd.DataFrame([{"doc_id": "abs-001", "src_lang": "en", "tgt_lang": "zh",
                               "errors": 1, "warnings": 0, "status": "error"},
                              {"doc_id": "abs-002", "src_lang": "en", "tgt_lang": "ja",
                               "errors": 0, "warnings": 1, "status": "warning"}]),
        tmx_units=[{"doc_id": "abs-001", "texts": {"en": "We train.", "zh": "我们训练。"}}],
        errors=pd.DataFrame([{"path": "in/bad.txt", "doc_id": "bad", "message": "cannot decode"}]),
        signature="abstract-qa 0.1.0|seg:rules|glossary:sha1-3f2a",
        title=title,
    )


def _snapshot(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]


# --------------------------------------------------------------------------- jsonl

def test_jsonl_round_trip_keeps_unicode_and_plain_types(tmp_path):
    path = tmp_path / "x.jsonl"
    write_jsonl([{"text": "日本語 «ok»", "n": np.int64(3), "score": np.float64(0.5),
                  "idx": (1, 2), "arr": np.array([4]), "gap": float("nan"), "na": pd.NA}], path)
    raw = path.read_bytes()
    assert "日本語".encode() in raw and b"\\u" not in raw  # ensure_ascii=False
    assert raw.endswith(b"}\n") and b"\r" not in raw
    assert _read_jsonl(path) == [{"text": "日本語 «ok»", "n": 3, "score": 0.5, "idx": [1, 2],
                                  "arr": [4], "gap": None, "na": None}]


def test_jsonl_empty_is_empty_file(tmp_path):
    write_jsonl([], tmp_path / "e.jsonl")
    assert (tmp_path / "e.jsonl").read_bytes() == b""


@given(st.text())
def test_jsonl_any_text_round_trips(text):
    # What write_jsonl puts on disk: lone surrogates (not encodable) become U+FFFD, all else is
    # kept verbatim, and a record is exactly one line whatever its text holds.
    line = replace_surrogates(writers.jsonl_text([{"t": text}])).encode("utf-8")
    assert json.loads(line) == {"t": replace_surrogates(text)}
    assert line.count(b"\n") == 1 and line.endswith(b"\n")

# --------------------------------------------------------------------------- csv

@pytest.mark.parametrize("cell, written", [
    ("=1+1", "'=1+1"),
    ("+33 6 12", "'+33 6 12"),
    ("-5%", "'-5%"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\tlead tab", "'\tlead tab"),
    ("\rlead cr", "'\nlead cr"),  # CR inside a cell is written as LF (see next test)
    ("a\r\nb\rc", "a\nb\nc"),
    ("a=b", "a=b"),
    ("卷积神经网络", "卷积神经网络"),
    ("", ""),
])
def test_csv_neutralises_formula_text(tmp_path, cell, written):
    path = tmp_path / "f.csv"
    write_csv(pd.DataFrame({"found": [cell], "n": [-5]}), path)
    back = pd.read_csv(path, dtype={"found": str}, keep_default_na=False)
    assert back.loc[0, "found"] == written
    assert back.loc[0, "n"] == -5  # numbers stay numbers, minus sign and all


def test_csv_bytes_utf8_no_bom_lf(tmp_path):
    path = tmp_path / "f.csv"
    write_csv(pd.DataFrame({"text": ["line one\nline two", "中文"], "n": [1, 2]}), path)
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" not in raw
    assert raw == 'text,n\n"line one\nline two",1\n中文,2\n'.encode()


def test_csv_of_empty_findings_keeps_header(tmp_path):
    data = _data()
    data = ReportData(data.segments, data.alignments, pd.DataFrame(), data.summary,
                      data.tmx_units, pd.DataFrame(), data.signature)
    write_outputs(tmp_path / "out", data)
    assert (tmp_path / "out" / "findings.csv").read_text().split("\n")[0] == ",".join(FINDING_COLUMNS)
    assert (tmp_path / "out" / "findings.jsonl").read_bytes() == b""


@given(st.lists(st.text(alphabet=st.characters(exclude_categories=("Cs",))), min_size=1,
                max_size=5))
def test_csv_round_trips_neutralised_text(cells):
    text = writers.csv_text(pd.DataFrame({"c": cells}))
    back = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)["c"].tolist()
    neutral = [("'" + c) if c[:1] in ("=", "+", "-", "@", "\t", "\r") else c for c in cells]
    assert back == [c.replace("\r\n", "\n").replace("\r", "\n") for c in neutral]


# --------------------------------------------------------------------------- single file

def test_write_text_atomic_replaces_and_leaves_nothing_behind(tmp_path):
    path = tmp_path / "glossary.csv"
    path.write_text("old")
    write_text_atomic(path, "new\r\nkept as is ✓")
    assert path.read_bytes() == "new\r\nkept as is ✓".encode()
    assert os.listdir(tmp_path) == ["glossary.csv"]


def test_write_text_atomic_missing_directory_names_the_path(tmp_path):
    target = tmp_path / "nope" / "x.txt"
    with pytest.raises(PipelineError) as err:
        write_text_atomic(target, "x")
    assert str(target) in str(err.value)


# --------------------------------------------------------------------------- the directory

def test_writers_registry_matches_output_files():
    assert tuple(writers.WRITERS) == OUTPUT_FILES


def test_write_outputs_writes_every_file_readable(tmp_path):
    out = tmp_path / "deep" / "out"
    paths = write_outputs(out, _data())
    assert paths == [out / name for name in OUTPUT_FILES]
    assert sorted(os.listdir(out)) == sorted(OUTPUT_FILES)
    assert os.listdir(tmp_path / "deep") == ["out"]  # no staging directory left
    assert _read_jsonl(out / "alignments.jsonl")[1] == {
        "doc_id": "abs-001", "src_lang": "en", "tgt_lang": "zh", "src": [2], "tgt": [],
        "score": 0.0}
    assert _read_jsonl(out / "segments.jsonl")[0]["text"] == "我们训练了一个卷积网络。"
    findings = pd.read_csv(out / "findings.csv", dtype=str, keep_default_na=False)
    assert list(findings.columns) == FINDING_COLUMNS
    assert findings.loc[1, "src_index"] == "0;1"
    assert findings.loc[1, "found"] == "'=1+1"  # neutralised in CSV …
    assert _read_jsonl(out / "findings.jsonl")[1]["found"] == "=1+1"  # … verbatim in JSONL
    summary = pd.read_csv(out / "summary.csv")
    assert list(summary.columns) == ["doc_id", "src_lang", "tgt_lang", "errors", "warnings",
                                     "status"]
    assert summary["errors"].tolist() == [1, 0]


def test_xlsx_sheets_include_signature(tmp_path):
    import openpyxl

    write_outputs(tmp_path, _data())
    wb = openpyxl.load_workbook(tmp_path / "report.xlsx")
    assert wb.sheetnames == ["Findings", "Summary", "Errors", "About"]
    assert wb["About"]["B3"].value == "abstract-qa 0.1.0|seg:rules|glossary:sha1-3f2a"
    assert wb["Findings"]["J3"].value == "=1+1" and wb["Findings"]["J3"].data_type == "s"


def test_rerun_overwrites_outputs_and_keeps_other_files(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    (tmp_path / "report.html").write_text("stale")
    write_outputs(tmp_path, _data())
    assert (tmp_path / "notes.txt").read_text() == "mine"
    assert "stale" not in (tmp_path / "report.html").read_text()
    assert sorted(os.listdir(tmp_path)) == sorted([*OUTPUT_FILES, "notes.txt"])


def test_outputs_are_byte_identical_across_runs(tmp_path):
    write_outputs(tmp_path / "a", _data())
    write_outputs(tmp_path / "b", _data())
    assert _snapshot(tmp_path / "a") == _snapshot(tmp_path / "b")


def _boom(data, path):
    Path(path).write_text("partial")
    raise RuntimeError("disk on fire")


def test_failing_writer_leaves_existing_directory_untouched(tmp_path, monkeypatch):
    out = tmp_path / "out"
    write_outputs(out, _data(title="first run"))
    (out / "notes.txt").write_text("mine")
    before = _snapshot(out)
    fifth = OUTPUT_FILES[4]
    monkeypatch.setitem(writers.WRITERS, fifth, _boom)
    with pytest.raises(RuntimeError, match="disk on fire"):
        write_outputs(out, _data(title="second run"))
    assert _snapshot(out) == before
    assert os.listdir(tmp_path) == ["out"]


def test_failing_writer_creates_no_directory(tmp_path, monkeypatch):
    monkeypatch.setitem(writers.WRITERS, OUTPUT_FILES[4], _boom)
    with pytest.raises(RuntimeError):
        write_outputs(tmp_path / "out", _data())
    assert os.listdir(tmp_path) == []


def test_failure_while_moving_rolls_back(tmp_path, monkeypatch):
    out = tmp_path / "out"
    write_outputs(out, _data(title="first run"))
    before = _snapshot(out)
    real_replace = os.replace
    moved = []

    def flaky_replace(src, dst):
        if Path(dst).parent == out:
            moved.append(dst)
            if len(moved) == 3:
                raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(writers.os, "replace", flaky_replace)
    with pytest.raises(PipelineError, match="No space left"):
        write_outputs(out, _data(title="second run"))
    monkeypatch.undo()
    assert _snapshot(out) == before
    assert os.listdir(tmp_path) == ["out"]


def test_out_dir_that_is_a_file_is_an_error(tmp_path):
    target = tmp_path / "out"
    target.write_text("not a directory")
    with pytest.raises(PipelineError, match="not a directory"):
        write_outputs(target, _data())
    assert target.read_text() == "not a directory"


def test_unwritable_parent_stages_inside_existing_out_dir(tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    real_mkdir = os.mkdir

    def no_mkdir_beside(path, mode=0o777):
        if Path(path).parent == tmp_path:
            raise PermissionError(13, "Permission denied")
        return real_mkdir(path, mode)

    monkeypatch.setattr(writers.os, "mkdir", no_mkdir_beside)
    write_outputs(out, _data())
    assert sorted(os.listdir(out)) == sorted(OUTPUT_FILES)


def test_write_error_names_the_output_file_not_the_staging_copy(tmp_path, monkeypatch):
    def cannot_write(data, path):
        writers.write_text_atomic(Path(path).parent / "missing" / "report.html", "x")

    monkeypatch.setitem(writers.WRITERS, "report.html", cannot_write)
    with pytest.raises(PipelineError) as err:
        write_outputs(tmp_path / "out", _data())
    assert err.value.path == str(tmp_path / "out" / "report.html")
    assert os.listdir(tmp_path) == []
