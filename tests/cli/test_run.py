"""The main job on the bundled default, as a newcomer runs it."""
from __future__ import annotations

import json

import pandas as pd

from pipeline.io.writers import OUTPUT_FILES

SEED_ZH = "003_f4d6772a92a32558"
TERM_CHECKS = {"term-missing", "term-forbidden", "term-inconsistent"}


def _findings(out):
    return pd.read_csv(out / "findings.csv", dtype=str, keep_default_na=False)


def test_run_with_no_arguments_processes_the_bundled_default(invoke, project, monkeypatch):
    monkeypatch.chdir(project)
    result = invoke("run")
    assert result.exit_code in (0, 1), result.output
    out = project / "outputs"
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUT_FILES)
    assert "doc_id" in result.stdout and SEED_ZH in result.stdout  # the summary table
    findings = _findings(out)
    seed = findings[(findings["doc_id"] == SEED_ZH) & (findings["tgt_lang"] == "zh")]
    forbidden = seed[seed["check"] == "term-forbidden"]
    assert "同行工作人员" in set(forbidden["found"])
    assert any("同伴" in m for m in forbidden["message"])
    inconsistent = seed[(seed["check"] == "term-inconsistent") & (seed["concept_id"] == "peer-worker")]
    assert len(inconsistent) == 1 and "同伴工作人员" in inconsistent["found"].iloc[0]


def test_translations_written_correctly_have_no_term_findings(invoke, project, monkeypatch):
    monkeypatch.chdir(project)
    invoke("run")
    findings = _findings(project / "outputs")
    ours = findings[(findings["doc_id"] != SEED_ZH) & (findings["doc_id"] != "*")
                    & ~((findings["doc_id"] == SEED_ZH) & (findings["tgt_lang"] == "zh"))]
    assert set(ours["check"]) & TERM_CHECKS == set(), ours[["doc_id", "check", "message"]]


def test_same_input_gives_byte_identical_outputs(invoke, project, monkeypatch):
    monkeypatch.chdir(project)
    invoke("run", "--out", "a")
    invoke("run", "--out", "b")
    for name in OUTPUT_FILES:
        assert (project / "a" / name).read_bytes() == (project / "b" / name).read_bytes(), name


def test_outputs_follow_spec_columns(invoke, project, monkeypatch):
    monkeypatch.chdir(project)
    invoke("run")
    out = project / "outputs"
    cols = list(_findings(out).columns)
    assert cols[:13] == ["doc_id", "src_lang", "tgt_lang", "check", "severity", "src_index",
                         "tgt_index", "concept_id", "expected", "found", "src_text", "tgt_text",
                         "message"]
    seg = json.loads((out / "segments.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert list(seg)[:8] == ["doc_id", "lang", "index", "text", "start", "end",
                             "detected_lang", "confidence"]
    bead = json.loads((out / "alignments.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert list(bead) == ["doc_id", "src_lang", "tgt_lang", "src", "tgt", "score"]
    tmx = (out / "aligned.tmx").read_text(encoding="utf-8")
    assert 'xml:lang="zh-CN"' in tmx and 'xml:lang="ja"' in tmx and 'xml:lang="en"' in tmx


def test_fail_on_controls_the_exit_code(invoke, project, monkeypatch):
    monkeypatch.chdir(project)
    assert invoke("run", "--fail-on", "never").exit_code == 0
    assert invoke("run", "--fail-on", "warning").exit_code == 1


def test_run_outside_a_project_is_a_clear_error(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("run")
    assert result.exit_code == 2 and "inputs" in result.stderr
