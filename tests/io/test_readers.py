"""load_documents / load_version_file: the three input forms, merging, batch errors."""
from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.errors import InputError, UnsupportedLanguageError
from pipeline.io.mixed import read_mixed
from pipeline.io.readers import (LoadResult, iter_input_files, load_documents, load_version_file,
                                   read_table_texts)
from pipeline.io.siblings import name_parts
from pipeline.io.tables import read_table

DATA = Path(__file__).parent / "data"

_PARAGRAPH = re.compile(r"(?:^[^\S\n]*\S[^\n]*(?:\n|\Z))+", re.MULTILINE)


def fake_split(text: str) -> list[tuple[str, int, int, int]]:
    """Stand-in for pipeline.detect.split_versions: paragraphs by script, same-language merged."""
    runs: list[list] = []
    for m in _PARAGRAPH.finditer(text):
        start, end = m.start(), m.end() - (1 if m.group().endswith("\n") else 0)
        para = text[start:end]
        if re.search(r"[\u3040-\u30ff]", para):
            lang = "ja"
        elif re.search(r"[\uac00-\ud7af]", para):
            lang = "ko"
        elif re.search(r"[\u4e00-\u9fff]", para):
            lang = "zh"
        elif re.search(r"[A-Za-z]{4,}", para) and not para.startswith("DOI"):
            lang = "en"
        else:
            lang = "und"
        if runs and runs[-1][0] == lang:
            runs[-1][2] = end
        else:
            runs.append([lang, start, end, text.count("\n", 0, start) + 1])
    return [tuple(r) for r in runs]


def load(inputs, **kwargs) -> LoadResult:
    return load_documents(inputs, split=fake_split, **kwargs)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")
    return path


def summary(result: LoadResult) -> list[tuple[str, tuple[str, ...]]]:
    return [(d.doc_id, d.langs) for d in result.documents]


# --- file names -------------------------------------------------------------------------------

@pytest.mark.parametrize("name, expected", [
    ("d1.en.txt", ("d1", "en")),
    ("d1.EN-us.txt", ("d1", "EN-us")),
    ("d1.zh_cn.md", ("d1", "zh_cn")),
    ("d1.zh-Hans-CN.txt", ("d1", "zh-Hans-CN")),
    ("d1.zho.txt", ("d1", "zho")),
    ("d1.ja-JP.txt", ("d1", "ja-JP")),
    ("my.paper.english.txt", ("my.paper", "english")),
    ("x.fr.txt", ("x", "fr")),                   # language-like: an error later, not a mixed file
    ("report.v2.txt", ("report.v2", None)),
    ("paper.final.txt", ("paper.final", None)),
    ("en.txt", ("en", None)),
    ("d1.txt", ("d1", None)),
])
def test_name_parts(name, expected):
    assert name_parts(Path(name)) == expected


# --- sibling files ----------------------------------------------------------------------------

@pytest.mark.parametrize("names", [
    ("d.en.txt", "d.zh.txt", "d.ja.txt"),
    ("d.JA-jp.md", "d.EN-us.txt", "d.zh_CN.txt"),
    ("d.jpn.txt", "d.zho.txt", "d.eng.txt"),
])
def test_siblings_make_one_document_ordered_en_zh_ja(tmp_path, names):
    texts = {"en": "Deep learning.\r\n", "zh": "深度学习。\n", "ja": "深層学習。"}
    for name in names:
        lang = {"e": "en", "z": "zh", "j": "ja"}[name.split(".")[1][0].lower()]
        write(tmp_path / name, texts[lang])
    result = load([tmp_path])
    assert summary(result) == [("d", ("en", "zh", "ja"))]
    assert result.errors == []
    for v in result.documents[0].versions:
        assert v.text == texts[v.lang]  # exact, \r\n kept
        assert (v.base, v.line) == (0, 1)


@pytest.mark.parametrize("name, message", [
    ("x.fr.txt", "'fr'"),
    ("x.ko-KR.txt", "'ko-KR'"),
    ("x.zh-TW.txt", "Traditional Chinese"),
])
def test_unsupported_tag_is_reported_for_that_doc_and_batch_continues(tmp_path, name, message):
    bad = write(tmp_path / name, "Bonjour.\n")
    write(tmp_path / "x.en.txt", "Hello there.\n")
    write(tmp_path / "y.en.txt", "Other document.\n")
    result = load([tmp_path])
    assert summary(result) == [("x", ("en",)), ("y", ("en",))]
    [error] = result.errors
    assert (error.path, error.doc_id) == (str(bad), "x")
    assert message in error.message


def test_unsupported_tag_alone_raises_unsupported_language(tmp_path):
    bad = write(tmp_path / "x.fr.txt", "Bonjour.\n")
    with pytest.raises(UnsupportedLanguageError) as info:
        load([bad])
    assert info.value.path == str(bad)


@pytest.mark.parametrize("content", ["", "   \n\t\n", "\ufeff\n"])
def test_empty_or_blank_file(tmp_path, content):
    bad = write(tmp_path / "e.en.txt", content)
    write(tmp_path / "ok.en.txt", "Fine.\n")
    result = load([tmp_path])
    assert summary(result) == [("ok", ("en",))]
    assert [(e.path, e.message) for e in result.errors] == [(str(bad), "empty file")]


def test_encoding_option_applies_to_every_text_file(tmp_path):
    (tmp_path / "d.ja.txt").write_bytes("深層学習。\n".encode("shift_jis"))
    result = load([tmp_path], encoding="shift_jis")
    assert result.documents[0].versions[0].text == "深層学習。\n"
    with pytest.raises(InputError, match="cannot decode as utf-8 at byte 0; pass --encoding"):
        load([tmp_path])


# --- mixed files ------------------------------------------------------------------------------

MIXED = ("Deep learning is studied.\nIt works.\n"
         "\n"
         "深度学习得到了研究。\n它有效。\n"
         "\n"
         "深層学習が研究された。\n")


def test_mixed_file_versions_keep_offsets_and_lines(tmp_path):
    path = write(tmp_path / "m1.txt", MIXED)
    [doc] = load([path]).documents
    assert doc.doc_id == "m1" and doc.langs == ("en", "zh", "ja")
    for version in doc.versions:
        assert MIXED[version.base:version.base + len(version.text)] == version.text
        assert version.path == str(path)
    assert [v.line for v in doc.versions] == [1, 4, 7]
    assert doc.get("zh").text == "深度学习得到了研究。\n它有效。"


def test_mixed_file_und_gap_joins_one_language(tmp_path):
    text = "English part one here.\n\n12345 67\n\nEnglish part two here.\n\n深度学习。\n"
    [doc] = load([write(tmp_path / "m.txt", text)]).documents
    assert doc.langs == ("en", "zh")
    assert doc.get("en").text == "English part one here.\n\n12345 67\n\nEnglish part two here."


def test_mixed_file_leading_und_is_left_out(tmp_path):
    text = "DOI: 10.1000/182\n\nEnglish abstract here.\n"
    [doc] = load([write(tmp_path / "m.txt", text)]).documents
    assert doc.get("en").text == "English abstract here."
    assert (doc.get("en").base, doc.get("en").line) == (18, 3)


@pytest.mark.parametrize("text, error, message", [
    ("English one here.\n\n深度学习。\n\nEnglish two here.\n", InputError,
     "two English versions at lines 1 and 5"),
    ("12345\n\n67 89\n", InputError, "no English, Chinese or Japanese text"),
    ("English abstract.\n\n딥러닝 연구.\n", UnsupportedLanguageError, "line 3"),
])
def test_mixed_file_errors_name_file_and_line(tmp_path, text, error, message):
    bad = write(tmp_path / "m.txt", text)
    write(tmp_path / "ok.en.txt", "Fine.\n")
    result = load([tmp_path])
    assert summary(result) == [("ok", ("en",))]
    [err] = result.errors
    assert (err.path, err.doc_id) == (str(bad), "m")
    assert message in err.message
    with pytest.raises(error, match=message):
        load([bad])


def test_mixed_traditional_run_becomes_the_zh_version():
    # Reported later by the language checks, not refused by the reader.
    text = "English.\n\n深度學習。"
    versions = read_mixed(Path("m.txt"), "m", text,
                          split=lambda t: [("en", 0, 8, 1), ("zh-Hant", 10, 15, 3)])
    assert [(v.lang, v.text) for v in versions] == [("en", "English."), ("zh", "深度學習。")]


_PARAS = {"en": "Deep learning works well.", "zh": "深度学习效果很好。", "ja": "深層学習はうまくいく。"}


@settings(max_examples=40, deadline=None)
@given(order=st.permutations(["en", "zh", "ja"]), k=st.integers(1, 3),
       gap=st.sampled_from(["\n\n", "\n\n\n", "\r\n\r\n"]))
def test_mixed_versions_are_slices_of_the_file(order, k, gap):
    langs = order[:k]
    text = gap.join(_PARAS[lang] for lang in langs) + "\n"
    versions = read_mixed(Path("m.txt"), "m", text, split=fake_split)
    assert [v.lang for v in versions] == list(langs)
    for v in versions:
        assert text[v.base:v.base + len(v.text)] == v.text
        assert v.text.strip() == _PARAS[v.lang]


def test_real_detector_splits_a_mixed_file(tmp_path):
    detect = pytest.importorskip("pipeline.detect")
    if not hasattr(detect, "split_versions"):
        pytest.skip("pipeline.detect.split_versions not written yet")
    path = write(tmp_path / "m.txt", (
        "Deep learning has been studied extensively in recent years. "
        "We report results on three benchmarks.\n\n"
        "近年来，深度学习得到了广泛研究。我们报告了三个基准上的结果。\n\n"
        "近年、深層学習は広く研究されている。三つのベンチマークでの結果を報告する。\n"))
    [doc] = load_documents([path]).documents
    assert doc.langs == ("en", "zh", "ja")


# --- tables -----------------------------------------------------------------------------------

HEADER = ["doc_id", "title", "EN-us", "zh_cn", "jpn", "zh-TW"]
ROWS = [
    ["d2", "NA", "NA", "null", "", "圖"],        # "NA"/"null" are text, not missing values
    ["d1", "x", "Deep learning.", "深度学习。", "深層学習。", ""],
]


def write_table(path: Path, header: list, rows: list[list]) -> Path:
    suffix = path.suffix
    if suffix in (".csv", ".tsv"):
        with path.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh, delimiter="\t" if suffix == ".tsv" else ",").writerows([header, *rows])
    elif suffix == ".jsonl":
        path.write_text("".join(json.dumps(dict(zip(header, r)), ensure_ascii=False) + "\n"
                                for r in rows), encoding="utf-8")
    else:
        book = openpyxl.Workbook()
        for row in [header, *rows]:
            book.active.append(row)
        book.save(path)
    return path


FORMATS = [".csv", ".tsv", ".jsonl", ".xlsx"]
FIRST_ROW_LINE = {".csv": 2, ".tsv": 2, ".jsonl": 1, ".xlsx": 2}


@pytest.mark.parametrize("suffix", FORMATS)
def test_table_rows_are_documents(tmp_path, suffix):
    path = write_table(tmp_path / f"t{suffix}", HEADER, ROWS)
    result = load([path])
    assert result.errors == []
    assert summary(result) == [("d1", ("en", "zh", "ja")), ("d2", ("en", "zh"))]
    d1, d2 = result.documents
    assert (d2.get("en").text, d2.get("zh").text) == ("NA", "null")
    first = FIRST_ROW_LINE[suffix]
    assert [(v.path, v.line, v.base) for v in d2.versions] == [(str(path), first, 0)] * 2
    assert d1.get("ja").line == first + 1 and d1.path == str(path)


@pytest.mark.parametrize("suffix", FORMATS)
def test_id_column_and_plain_language_names(tmp_path, suffix):
    path = write_table(tmp_path / f"t{suffix}", ["ID", "English", "Chinese", "doi"],
                       [["7", "Soil.", "土壤。", "10.1/2"]])
    assert summary(load([path])) == [("7", ("en", "zh"))]


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("header, message", [
    (["key", "en", "zh"], r"no doc_id \(or id\) column"),
    (["doc_id", "title", "fr"], "no language column"),
    (["doc_id", "en", "en-GB"], "both hold English"),
])
def test_table_structure_errors_name_the_file(tmp_path, suffix, header, message):
    path = write_table(tmp_path / f"t{suffix}", header, [["a", "b", "c"]])
    with pytest.raises(InputError, match=message) as info:
        load([path])
    assert info.value.path == str(path)


@pytest.mark.parametrize("suffix", FORMATS)
def test_bad_rows_reported_with_line_others_load(tmp_path, suffix):
    rows = [["d1", "One."], ["", "No id."], ["d1", "Again."], ["d3", "   "], ["d4", "Four."]]
    path = write_table(tmp_path / f"t{suffix}", ["doc_id", "en"], rows)
    result = load([path])
    assert summary(result) == [("d1", ("en",)), ("d4", ("en",))]
    first = FIRST_ROW_LINE[suffix]
    assert [(e.path, e.doc_id, e.message) for e in result.errors] == [
        (str(path), "", f"line {first + 1}: empty doc_id"),
        (str(path), "d1", f"line {first + 2}: duplicate doc_id 'd1' (first at line {first})"),
        (str(path), "d3", f"line {first + 3}: document 'd3' has no text in any language column"),
    ]


def test_jsonl_bad_line_reported_others_load(tmp_path):
    path = write(tmp_path / "t.jsonl", '{"id": "a", "en": "One."}\n'
                                      '{"id": "b", "en": "Two.",\n'
                                      '\n'
                                      '["not", "an object"]\n'
                                      '{"id": "c", "zh": "三。\u2028仍是三。", "en": null}\n')
    result = load([path])
    assert summary(result) == [("a", ("en",)), ("c", ("zh",))]
    assert result.documents[1].versions[0].line == 5
    assert "\u2028" in result.documents[1].versions[0].text
    assert [e.message for e in result.errors] == [
        "line 2: invalid JSON: Expecting property name enclosed in double quotes (column 26)",
        "line 4: expected a JSON object"]


def test_jsonl_numbers_are_text_and_objects_are_errors(tmp_path):
    path = write(tmp_path / "t.jsonl", '{"doc_id": 17, "en": "x"}\n{"doc_id": 18, "en": ["x"]}\n')
    result = load([path])
    assert summary(result) == [("17", ("en",))]
    assert result.errors[0].message == "line 2: column 'en' holds a list, expected text"


def test_csv_line_numbers_follow_multiline_cells(tmp_path):
    path = write(tmp_path / "t.csv", 'doc_id,en\na,"Line one.\nLine two."\nb,Two.\nc,x,extra\n')
    result = load([path])
    assert [(d.doc_id, d.versions[0].line) for d in result.documents] == [("a", 2), ("b", 4)]
    assert result.documents[0].versions[0].text == "Line one.\nLine two."
    assert [e.message for e in result.errors] == ["line 5: 3 fields but the header has 2"]


def test_csv_semicolon_hint(tmp_path):
    path = write(tmp_path / "t.csv", "doc_id;en\na;One.\n")
    with pytest.raises(InputError, match="is the delimiter right"):
        read_table(path)


def test_xlsx_header_below_a_gap_and_row_numbers(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["B2"], sheet["C2"] = "doc_id", "en"
    sheet["B5"], sheet["C5"] = "a", "Text."
    book.save(tmp_path / "t.xlsx")
    [doc] = load([tmp_path / "t.xlsx"]).documents
    assert (doc.doc_id, doc.versions[0].line) == ("a", 5)


def test_xlsx_numbers_and_corrupt_workbook(tmp_path):
    path = write_table(tmp_path / "t.xlsx", ["doc_id", "en"], [[17, "x"], [2.5, "y"]])
    assert summary(load([path])) == [("17", ("en",)), ("2.5", ("en",))]
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"this is not a zip file")
    with pytest.raises(InputError, match="not a readable xlsx workbook") as info:
        load([bad])
    assert info.value.path == str(bad)


# --- merging and batches ----------------------------------------------------------------------

def test_golden_batch_directory():
    root = DATA / "batch"
    result = load([root])
    assert summary(result) == [
        ("kim2018", ("en", "ja")),
        ("lee2019", ("en", "zh")),
        ("smith2021", ("en", "zh")),
        ("tanaka2020", ("en", "zh", "ja")),   # mixed tanaka2020.txt (en, ja) + tanaka2020.zh.md
    ]
    assert result.errors == []
    tanaka = result.documents[3]
    assert [Path(v.path).name for v in tanaka.versions] == [
        "tanaka2020.txt", "tanaka2020.zh.md", "tanaka2020.txt"]
    assert tanaka.get("ja").line == 6
    assert result.documents[0].get("en").text == "Soil carbon was measured.\nTwice."


def test_recursive_descends_hidden_files_skipped():
    root = DATA / "batch"
    assert "deep" not in [d.doc_id for d in load([root]).documents]
    ids = [d.doc_id for d in load([root], recursive=True).documents]
    assert "deep" in ids and "hidden" not in ids and ".hidden" not in ids


def test_merge_conflict_fails_that_document_only(tmp_path):
    write(tmp_path / "d.txt", "English text here.\n\n深度学习。\n")
    write(tmp_path / "d.en.txt", "Another English text.\n")
    write(tmp_path / "e.en.txt", "Fine.\n")
    write_table(tmp_path / "t.csv", ["doc_id", "ja"], [["d", "深層学習。"], ["e", "別。"]])
    result = load([tmp_path])
    assert summary(result) == [("e", ("en", "ja"))]
    [err] = result.errors
    assert err.doc_id == "d"
    assert err.message == (f"document 'd' has two English versions: {tmp_path / 'd.en.txt'} "
                           f"and {tmp_path / 'd.txt'}")


def test_same_file_twice_is_read_once(tmp_path):
    path = write(tmp_path / "d.en.txt", "Text.\n")
    result = load([path, tmp_path, str(path)])
    assert summary(result) == [("d", ("en",))] and result.errors == []


def test_skipped_names_and_explicit_unsupported_type(tmp_path):
    write(tmp_path / "d.en.txt", "Text.\n")
    write(tmp_path / "~$book.xlsx", "lock")
    write(tmp_path / "notes.docx", "x")
    write(tmp_path / ".d.zh.txt", "隐藏。")
    assert load([tmp_path]).errors == []
    result = load([tmp_path, tmp_path / "notes.docx"])
    assert summary(result) == [("d", ("en",))]
    assert "unsupported file type '.docx'" in result.errors[0].message


def test_files_are_processed_in_sorted_order(tmp_path):
    for name in ["b.fr.txt", "a.fr.txt", "c.de.txt"]:
        write(tmp_path / name, "x")
    write(tmp_path / "z.en.txt", "Text.\n")
    assert [Path(e.path).name for e in load([tmp_path]).errors] == [
        "a.fr.txt", "b.fr.txt", "c.de.txt"]


def test_missing_path_raises_naming_it(tmp_path):
    write(tmp_path / "d.en.txt", "Text.\n")
    with pytest.raises(InputError, match="no such file or directory") as info:
        load([tmp_path, tmp_path / "nope"])
    assert info.value.path == str(tmp_path / "nope")


def test_nothing_to_load_raises(tmp_path):
    with pytest.raises(InputError, match="no input files found"):
        load([tmp_path])
    write(tmp_path / "a.en.txt", "")
    write(tmp_path / "b.en.txt", " ")
    with pytest.raises(InputError, match=r"no document could be loaded \(2 errors; first: .*a"):
        load([tmp_path])


def test_inputs_are_never_modified(tmp_path):
    root = tmp_path / "in"
    shutil.copytree(DATA / "batch", root)
    write_table(root / "t.xlsx", ["doc_id", "en"], [["x1", "Text."]])
    before = {p: p.read_bytes() for p in root.rglob("*")if p.is_file()}
    load([root], recursive=True)
    after = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    assert after == before


# --- one file as one version ------------------------------------------------------------------

def test_load_version_file_language_sources(tmp_path):
    tagged = write(tmp_path / "src.zh-CN.txt", "深度学习。\n")
    assert load_version_file(tagged).lang == "zh"
    assert load_version_file(tagged, "ja").lang == "ja"  # an explicit language wins
    assert load_version_file(tagged, "auto").lang == "zh"
    plain = write(tmp_path / "tgt.txt", "深層学習は研究された。\n")
    version = load_version_file(plain, split=fake_split)
    assert (version.doc_id, version.lang, version.text) == ("tgt", "ja", "深層学習は研究された。\n")


@pytest.mark.parametrize("name, content, kwargs, error, message", [
    ("a.txt", "12345\n", {}, InputError, "cannot tell the language"),
    ("a.txt", "Text.\n", {"lang": "fr"}, UnsupportedLanguageError, "'fr'"),
    ("a.de.txt", "Text.\n", {}, UnsupportedLanguageError, "'de'"),
    ("a.en.txt", "\n", {}, InputError, "empty file"),
    ("a.csv", "doc_id,en\n", {}, InputError, "a table holds many documents"),
])
def test_load_version_file_errors(tmp_path, name, content, kwargs, error, message):
    path = write(tmp_path / name, content)
    with pytest.raises(error, match=message) as info:
        load_version_file(path, split=fake_split, **kwargs)
    assert info.value.path == str(path)


# --- helpers for per-text commands (detect --level line) --------------------------------------

def test_iter_input_files_matches_the_loader_order():
    root = DATA / "batch"
    names = [p.name for p in iter_input_files([root], recursive=True)]
    # Sorted by relative path: sub/deep.en.txt sorts as ("sub", "deep.en.txt").
    assert names == ["smith2021.en.txt", "smith2021.zh-CN.txt", "deep.en.txt", "table.csv",
                     "tanaka2020.txt", "tanaka2020.zh.md"]


def test_read_table_texts_yields_good_cells_then_raises_bad_row(tmp_path):
    path = write_table(tmp_path / "t.csv", ["doc_id", "en", "zh"],
                       [["a", "One.", "一。"], ["", "x", ""], ["b", "", "二。"]])
    texts = []
    with pytest.raises(InputError, match="empty doc_id") as info:
        for item in read_table_texts(path):
            texts.append(item)
    assert texts == [("a", "One."), ("a", "一。"), ("b", "二。")]
    assert info.value.line == 3


def test_directory_scan_skips_readme_and_licence(tmp_path):
    (tmp_path / "d.en.txt").write_text("Peer workers support recovery.", encoding="utf-8")
    (tmp_path / "README.md").write_text("How this folder is organised.", encoding="utf-8")
    (tmp_path / "LICENSE.txt").write_text("CC BY 4.0", encoding="utf-8")
    result = load_documents([tmp_path])
    assert [d.doc_id for d in result.documents] == ["d"] and result.errors == []
