"""Bad input: one line on stderr naming the file, exit code 2, no output files, no traceback."""
from __future__ import annotations

from pathlib import Path

import pytest

GLOSSARY_OK = "concept_id,lang,term,status\npeer-worker,en,peer worker,preferred\npeer-worker,zh,同伴工作者,preferred\n"

# (case, file name, content bytes, where the glossary comes from, text the message must hold)
BAD_INPUTS = [
    ("undecodable", "d.en.txt", b"Peer workers \xff\xfe support.", "byte"),
    ("empty", "d.en.txt", b"", "empty"),
    ("binary", "d.en.txt", b"\x00\x01\x02\x03PK\x00\x00binary", "binary"),
    ("table-without-doc-id", "t.csv", "name,en,zh\nx,Peer workers.,同伴工作者。\n".encode(), "doc_id"),
    ("unknown-language-tag", "d.xx.txt", b"Peer workers support recovery.", "language"),
]
BAD_GLOSSARIES = [
    ("tbx-not-well-formed", "g.tbx", b"<tbx><text><body><conceptEntry id='c1'></body></tbx>", "g.tbx"),
    ("tbx-external-entity", "g.tbx",
     b'<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
     b"<tbx><text><body><conceptEntry id='c1'><langSec xml:lang='en'><termSec><term>&xxe;</term>"
     b"</termSec></langSec></conceptEntry></body></text></tbx>", "g.tbx"),
    ("unknown-status", "g.csv",
     "concept_id,lang,term,status\npeer-worker,en,peer worker,favourite\n".encode(), "g.csv:2"),
]


def _assert_clean_failure(result, name: str, needle: str, out: Path) -> None:
    assert result.exit_code == 2, result.output
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, result.stderr
    assert name in lines[0] and needle.lower() in lines[0].lower(), lines[0]
    assert "Traceback" not in result.output + result.stderr
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize("case,name,content,needle", BAD_INPUTS, ids=[c[0] for c in BAD_INPUTS])
def test_bad_input_file(invoke, tmp_path, case, name, content, needle):
    src = tmp_path / "in"
    src.mkdir()
    (src / name).write_bytes(content)
    (tmp_path / "g.csv").write_text(GLOSSARY_OK, encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("check", src / name, "--glossary", tmp_path / "g.csv", "--out", out)
    _assert_clean_failure(result, name, needle, out)
    assert (src / name).read_bytes() == content  # the input is never modified


@pytest.mark.parametrize("case,name,content,needle", BAD_GLOSSARIES, ids=[c[0] for c in BAD_GLOSSARIES])
def test_bad_glossary(invoke, tmp_path, case, name, content, needle):
    (tmp_path / "d.en.txt").write_text("Peer workers support recovery.", encoding="utf-8")
    (tmp_path / name).write_bytes(content)
    out = tmp_path / "out"
    result = invoke("check", tmp_path / "d.en.txt", "--glossary", tmp_path / name, "--out", out)
    _assert_clean_failure(result, name, needle, out)


def test_batch_goes_on_after_a_bad_document(invoke, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.en.txt").write_text("Peer workers support recovery.", encoding="utf-8")
    (src / "good.zh.txt").write_text("同伴工作者支持康复。", encoding="utf-8")
    (src / "bad.en.txt").write_bytes(b"Peer \xc0\xff workers.")
    (tmp_path / "g.csv").write_text(GLOSSARY_OK, encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("check", src, "--glossary", tmp_path / "g.csv", "--out", out)
    assert result.exit_code == 2
    assert "bad.en.txt" in result.stderr and "Traceback" not in result.stderr
    summary = (out / "summary.csv").read_text(encoding="utf-8")
    assert "good" in summary and "failed" in summary and "bad" in summary


def test_missing_input_path(invoke, tmp_path):
    result = invoke("segment", tmp_path / "nope.txt")
    assert result.exit_code == 2 and "nope.txt" in result.stderr


def test_unknown_check_id_is_a_usage_error(invoke, tmp_path):
    (tmp_path / "d.en.txt").write_text("Peer workers.", encoding="utf-8")
    (tmp_path / "g.csv").write_text(GLOSSARY_OK, encoding="utf-8")
    result = invoke("check", tmp_path / "d.en.txt", "--glossary", tmp_path / "g.csv",
                    "--checks", "term-missing,spelling")
    assert result.exit_code == 2 and "spelling" in result.stderr


def test_outputs_are_never_written_into_an_input_folder(invoke, tmp_path):
    (tmp_path / "d.en.txt").write_text("Peer workers.", encoding="utf-8")
    (tmp_path / "g.csv").write_text(GLOSSARY_OK, encoding="utf-8")
    result = invoke("check", tmp_path, "--glossary", tmp_path / "g.csv", "--out", tmp_path / "o")
    assert result.exit_code == 2 and not (tmp_path / "o").exists()
