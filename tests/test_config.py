"""Project profiles: abstract-qa.toml / .cfg in the working directory or given with --config."""
from __future__ import annotations

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.config import load_config
from pipeline.errors import PipelineError

GLOSSARY = ("concept_id,lang,term,status\npeer-worker,en,peer worker,preferred\n"
            "peer-worker,zh,同伴工作者,preferred\npeer-worker,zh,同行工作人员,deprecated\n"
            "peer-worker,ja,ピアワーカー,preferred\n")


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "d.en.txt").write_text("Peer workers were 45% of staff.", encoding="utf-8")
    (tmp_path / "in" / "d.zh.txt").write_text("同行工作人员占员工的54%。", encoding="utf-8")
    (tmp_path / "in" / "d.ja.txt").write_text("ピアワーカーは職員の54%であった。", encoding="utf-8")
    (tmp_path / "terms.csv").write_text(GLOSSARY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(*args):
    return CliRunner().invoke(cli, ["check", "in", "--out", "out", *args], catch_exceptions=False)


def _checks(project):
    df = pd.read_csv(project / "out" / "findings.csv", dtype=str, keep_default_na=False)
    return sorted(zip(df["tgt_lang"], df["check"], df["severity"]))


def test_toml_profile_in_working_dir_sets_glossary_checks_severity_and_pairs(project):
    (project / "abstract-qa.toml").write_text(
        '[abstract-qa]\nglossary = "terms.csv"\nchecks = ["number-mismatch", "term-forbidden"]\n'
        'pairs = ["en-zh"]\nfail_on = "never"\n[abstract-qa.severity]\nnumber-mismatch = "warning"\n',
        encoding="utf-8")
    result = _run()
    assert result.exit_code == 0, result.output
    assert _checks(project) == [("zh", "number-mismatch", "warning"), ("zh", "term-forbidden", "warning")]


def test_command_line_beats_the_profile(project):
    (project / "abstract-qa.toml").write_text(
        '[abstract-qa]\nglossary = "terms.csv"\nchecks = ["term-forbidden"]\nfail_on = "never"\n',
        encoding="utf-8")
    result = _run("--checks", "number-mismatch", "--fail-on", "error")
    assert result.exit_code == 1
    assert {c for _, c, _ in _checks(project)} == {"number-mismatch"}


def test_cfg_profile_given_with_config(project):
    (project / "team.cfg").write_text(
        "[abstract-qa]\nglossary = terms.csv\nchecks = term-forbidden\n", encoding="utf-8")
    assert _run("--config", "team.cfg").exit_code == 0  # a deprecated term is a warning
    assert _checks(project) == [("zh", "term-forbidden", "warning")]


@pytest.mark.parametrize("text,needle", [
    ('[abstract-qa]\nglosary = "x.csv"\n', "unknown setting glosary"),
    ('[abstract-qa]\nfail_on = "sometimes"\n', "fail_on"),
    ('[abstract-qa]\npairs = ["en-xx"]\n', "xx"),
    ("[abstract-qa\n", "TOML"),
])
def test_bad_profile_is_an_error_naming_the_file(tmp_path, text, needle):
    path = tmp_path / "abstract-qa.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PipelineError) as err:
        load_config(path)
    assert needle in str(err.value) and "abstract-qa.toml" in str(err.value)


def test_bad_profile_on_the_command_line_exits_2(project):
    (project / "abstract-qa.toml").write_text('[abstract-qa]\n[abstract-qa.severity]\nspelling = "error"\n',
                                              encoding="utf-8")
    result = _run("--glossary", "terms.csv")
    assert result.exit_code == 2 and "spelling" in result.output
