"""Every SPEC command and option, on small inputs."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pipeline import __version__
from pipeline.align import parse_vecalign

EN = ("Peer workers support recovery. In 2019, 45% of them were paid.\n\n"
      "They face stigma, e.g. at work.")
ZH = "同伴工作者支持康复。2019年，其中45%获得报酬。\n\n他们在工作中面临病耻感。"
JA = "ピアワーカーはリカバリーを支援する。2019年には45%が有給であった。\n\n彼らは職場でスティグマに直面する。"


@pytest.fixture
def doc(tmp_path):
    for lang, text in (("en", EN), ("zh", ZH), ("ja", JA)):
        (tmp_path / f"d.{lang}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "g.csv").write_text(
        "concept_id,lang,term,status\npeer-worker,en,peer worker,preferred\n"
        "peer-worker,zh,同伴工作者,preferred\npeer-worker,ja,ピアワーカー,preferred\n",
        encoding="utf-8")
    return tmp_path


def test_version(invoke):
    assert __version__ in invoke("--version").output


def test_python_dash_m_pipeline(doc):
    proc = subprocess.run([sys.executable, "-m", "pipeline", "segment", str(doc / "d.en.txt")],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and proc.stdout.splitlines()[0] == "Peer workers support recovery."


def test_segment_txt_one_segment_per_line(invoke, doc):
    result = invoke("segment", doc / "d.en.txt")
    assert result.stdout.splitlines() == ["Peer workers support recovery.",
                                          "In 2019, 45% of them were paid.",
                                          "They face stigma, e.g. at work."]


def test_segment_jsonl_offsets_point_into_the_original(invoke, doc):
    rows = [json.loads(x) for x in invoke("segment", doc / "d.zh.txt", "--format", "jsonl").stdout.splitlines()]
    assert [r["index"] for r in rows] == [0, 1, 2]
    assert set(rows[0]) == {"doc_id", "lang", "index", "text", "start", "end"}
    for r in rows:
        assert ZH[r["start"]:r["end"]] == r["text"] and r["lang"] == "zh" and r["doc_id"] == "d"


def test_segment_with_explicit_lang_reads_the_file_as_that_language(invoke, tmp_path):
    (tmp_path / "notes.txt").write_text("結論。本研究は有効であった。", encoding="utf-8")
    rows = [json.loads(x) for x in invoke("segment", tmp_path / "notes.txt", "--lang", "ja",
                                          "--format", "jsonl").stdout.splitlines()]
    assert [r["lang"] for r in rows] == ["ja", "ja"]


@pytest.mark.parametrize("level", ["document", "paragraph", "segment"])
def test_detect_levels(invoke, doc, level):
    lines = invoke("detect", doc / "d.en.txt", doc / "d.zh.txt", "--level", level).stdout.splitlines()
    assert lines[0].split("\t") == ["doc_id", "unit", "lang", "confidence", "text"]
    langs = [ln.split("\t")[2] for ln in lines[1:]]
    expected = {"document": 2, "paragraph": 4, "segment": 6}[level]
    assert len(langs) == expected and set(langs) == {"en", "zh"}


def test_detect_line_level_gives_exactly_one_row_per_input_line(invoke, tmp_path):
    text = "Methods\n\n方法\n結論\n本研究はピアサポートを評価した。\n10.1016/j.amepre.2018.03.010\n"
    (tmp_path / "m.txt").write_text(text, encoding="utf-8")
    result = invoke("detect", tmp_path / "m.txt", "--level", "line", "--format", "jsonl")
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    assert [r["text"] for r in rows] == text.splitlines()
    assert [r["lang"] for r in rows] == ["en", "und", "ja", "ja", "ja", "und"]


def test_align_pair_vecalign_covers_every_segment_in_order(invoke, doc):
    out = invoke("align", doc / "d.en.txt", doc / "d.zh.txt", "--format", "vecalign").stdout
    beads = parse_vecalign(out)
    assert [i for b in beads for i in b.src] == [0, 1, 2]
    assert [i for b in beads for i in b.tgt] == [0, 1, 2]
    assert out.splitlines()[0].startswith("[0]:[0]:")


def test_align_presegmented_uses_lines_as_is(invoke, tmp_path):
    (tmp_path / "s.en.txt").write_text("A. B.\nC.\n", encoding="utf-8")
    (tmp_path / "t.zh.txt").write_text("甲。乙。\n丙。\n", encoding="utf-8")
    beads = parse_vecalign(invoke("align", tmp_path / "s.en.txt", tmp_path / "t.zh.txt",
                                  "--presegmented", "--format", "vecalign").stdout)
    assert [(b.src, b.tgt) for b in beads] == [((0,), (0,)), ((1,), (1,))]


def test_align_tmx_and_jsonl(invoke, doc):
    tmx = invoke("align", doc / "d.en.txt", doc / "d.ja.txt", "--format", "tmx").stdout
    assert tmx.count("<tu ") == 3 and 'xml:lang="ja"' in tmx
    rows = [json.loads(x) for x in invoke("align", doc / "d.en.txt", doc / "d.ja.txt").stdout.splitlines()]
    assert rows[0]["src_lang"] == "en" and rows[0]["tgt_lang"] == "ja" and rows[0]["src"] == [0]


def test_align_batch_writes_alignments_and_tmx(invoke, doc, tmp_path_factory):
    out = tmp_path_factory.mktemp("o") / "aligned"
    result = invoke("align", doc / "d.en.txt", doc / "d.zh.txt", doc / "d.ja.txt", "--out", out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["aligned.tmx", "alignments.jsonl"]
    pairs = {(r["src_lang"], r["tgt_lang"]) for r in map(json.loads, (out / "alignments.jsonl").read_text(encoding="utf-8").splitlines())}
    assert pairs == {("en", "zh"), ("en", "ja"), ("zh", "ja")}


def test_check_without_out_prints_findings(invoke, doc):
    (doc / "d.zh.txt").write_text("同行工作人员支持康复。2019年，其中54%获得报酬。\n\n他们在工作中面临病耻感。",
                                  encoding="utf-8")
    result = invoke("check", doc / "d.en.txt", doc / "d.zh.txt", "--glossary", doc / "g.csv")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("doc_id\tsrc_lang\ttgt_lang\tcheck")
    checks = {ln.split("\t")[3] for ln in lines[1:]}
    assert {"term-missing", "number-mismatch"} <= checks


def test_check_selected_checks_and_ignore_list(invoke, doc, tmp_path_factory):
    (doc / "d.zh.txt").write_text("同伴工作者支持康复。2019年，其中54%获得报酬。\n\n他们在工作中面临病耻感。",
                                  encoding="utf-8")
    ignore = tmp_path_factory.mktemp("i") / "ignore.txt"
    first = invoke("check", doc / "d.en.txt", doc / "d.zh.txt", "--glossary", doc / "g.csv",
                   "--checks", "number-mismatch", "--write-ignore", ignore)
    assert first.exit_code == 1 and ignore.exists()
    again = invoke("check", doc / "d.en.txt", doc / "d.zh.txt", "--glossary", doc / "g.csv",
                   "--checks", "number-mismatch", "--ignore", ignore)
    assert again.exit_code == 0 and len(again.stdout.splitlines()) == 1


def test_checks_lists_every_spec_check_id(invoke):
    out = invoke("checks").stdout
    for check_id in ("term-missing", "term-forbidden", "term-inconsistent", "number-mismatch",
                     "untranslated", "omission", "addition", "wrong-language"):
        assert check_id in out


def test_glossary_commands(invoke, doc, tmp_path_factory):
    assert invoke("glossary", "validate", doc / "g.csv").exit_code == 0
    assert "zh" in invoke("glossary", "stats", doc / "g.csv").stdout
    out = tmp_path_factory.mktemp("g")
    for fmt in ("tbx", "xlsx", "csv"):
        assert invoke("glossary", "convert", doc / "g.csv", "--to", fmt, "-o", out / f"g.{fmt}").exit_code == 0
    assert invoke("glossary", "stats", out / "g.tbx").stdout == invoke("glossary", "stats", out / "g.xlsx").stdout
    assert "<tbx" in invoke("glossary", "convert", doc / "g.csv", "--to", "tbx").stdout


def test_stdout_closed_early_is_not_a_traceback(doc):
    proc = subprocess.run(f"{sys.executable} -m pipeline segment {doc / 'd.en.txt'} | head -1",
                          shell=True, capture_output=True, text=True, check=False)
    assert "Traceback" not in proc.stderr and proc.stdout.strip()


def test_options_from_the_environment(runner, doc):
    from pipeline.cli import cli
    result = runner.invoke(cli, ["segment", str(doc / "d.en.txt")],
                           env={"ABSTRACT_QA_SEGMENT_FORMAT": "jsonl"})
    assert json.loads(result.stdout.splitlines()[0])["index"] == 0
