"""read_text: which bytes are accepted without options, and how failures name the file and byte."""
from __future__ import annotations

import codecs
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.errors import InputError
from pipeline.io.encoding import read_text

TEXT = "Deep learning.\r\n深度学习。\n深層学習。\n"


@pytest.mark.parametrize("raw", [
    pytest.param(TEXT.encode("utf-8"), id="utf-8"),
    pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), id="utf-8-bom"),
    pytest.param(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), id="utf-16-le-bom"),
    pytest.param(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), id="utf-16-be-bom"),
    pytest.param(codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), id="utf-32-le-bom"),
])
def test_unicode_files_read_without_options_bom_dropped_newlines_kept(tmp_path, raw):
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    assert read_text(path) == TEXT


@pytest.mark.parametrize("text, encoding", [
    ("深層学習は、機械学習の一分野である。\n", "shift_jis"),
    ("深层学习是机器学习的一个分支。\n", "gb18030"),
    ("深层学习是机器学习的一个分支。\n", "GB18030"),
    ("Deep learning.\n", "utf-16-le"),
])
def test_other_encodings_read_with_encoding(tmp_path, text, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    assert read_text(path, encoding) == text


@pytest.mark.parametrize("raw, encoding", [
    (codecs.BOM_UTF8 + "文".encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF16_LE + "文".encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF16_BE + "文".encode("utf-16-be"), "utf-16-be"),
])
def test_bom_dropped_when_encoding_is_named(tmp_path, raw, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    assert read_text(path, encoding) == "文"


def test_legacy_encoding_without_option_names_file_byte_and_line(tmp_path):
    path = tmp_path / "ja.txt"
    path.write_bytes(b"Title\nabc" + "深層学習".encode("shift_jis"))
    with pytest.raises(InputError) as info:
        read_text(path)
    err = info.value
    assert err.path == str(path)
    assert err.line == 2
    assert "cannot decode as utf-8 at byte 9; pass --encoding" in str(err)
    assert str(err).startswith(str(path))


def test_byte_offset_counts_the_bom(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF8 + b"ab\xff")
    with pytest.raises(InputError, match="at byte 5"):
        read_text(path)


def test_wrong_named_encoding_reports_that_encoding(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"ab\xff\xff")
    with pytest.raises(InputError, match=r"cannot decode as shift_jis at byte 2$"):
        read_text(path, "shift_jis")


@pytest.mark.parametrize("raw, hint", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("Deep learning".encode("utf-16-le"), "utf-16-le"),
    ("Deep learning".encode("utf-16-be"), "utf-16-be"),
])
def test_binary_file(tmp_path, raw, hint):
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    with pytest.raises(InputError, match="binary file") as info:
        read_text(path)
    assert hint in str(info.value)
    assert info.value.path == str(path)


def test_nul_bytes_are_binary_even_with_a_narrow_encoding(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"abc\x00def")
    with pytest.raises(InputError, match="binary file"):
        read_text(path, "gb18030")


@pytest.mark.parametrize("encoding", ["no-such-codec", "base64", "rot13"])
def test_unknown_or_non_text_encoding(tmp_path, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes(b"abc")
    with pytest.raises(InputError, match="unknown encoding"):
        read_text(path, encoding)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file") as info:
        read_text(tmp_path / "nope.txt")
    assert info.value.path == str(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_text(tmp_path)


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text("x", encoding="utf-8")

    def denied(self):
        raise PermissionError(13, "Permission denied", str(self))

    # Tests may run as root, where chmod 000 does not stop reading: simulate the OS refusal.
    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(InputError, match="permission denied") as info:
        read_text(path)
    assert info.value.path == str(path)


def test_empty_file_is_empty_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"")
    assert read_text(path) == ""


_texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                 max_size=40).filter(lambda t: not t.startswith("\ufeff"))


@settings(max_examples=60, deadline=None)
@given(text=_texts, form=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_round_trip_exact(text, form):
    # Python's utf-16/utf-32 codecs write a BOM, utf-8-sig writes the UTF-8 BOM.
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "a.txt")
        path.write_bytes(text.encode(form))
        assert read_text(path) == text
