"""TMX export: structure, escaping, forbidden characters, determinism."""
from __future__ import annotations

import defusedxml.ElementTree as DET
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.io.tmx import tmx_bytes

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

UNITS = [
    {"doc_id": "abs-001", "texts": {"en": "We train a network.", "zh": "我们训练了一个网络。",
                                    "ja": "ネットワークを訓練した。"}},
    # Languages given out of order: the file still lists en, zh-CN, ja.
    {"doc_id": "abs-001", "texts": {"ja": "結果を示す。", "en": "We show results."}},
]


def _segs(root) -> list[dict[str, str]]:
    return [{tuv.get(XML_LANG): tuv.find("seg").text for tuv in tu.findall("tuv")}
            for tu in root.find("body").findall("tu")]


def test_header_follows_tmx_14b():
    root = DET.fromstring(tmx_bytes(UNITS, signature="abstract-qa 0.1.0|seg:rules"))
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    assert {k: header.get(k) for k in ("creationtool", "segtype", "o-tmf", "adminlang", "srclang",
                                       "datatype")} == {
        "creationtool": "abstract-qa", "segtype": "sentence", "o-tmf": "abstract-qa",
        "adminlang": "en", "srclang": "en", "datatype": "plaintext"}
    assert header.get("creationtoolversion")
    assert header.get("creationdate") is None  # a date would break byte-identical reruns
    assert header.find("prop[@type='x-signature']").text == "abstract-qa 0.1.0|seg:rules"


def test_units_languages_and_doc_ids():
    root = DET.fromstring(tmx_bytes(UNITS))
    tus = root.find("body").findall("tu")
    assert [tu.get("tuid") for tu in tus] == ["1", "2"]
    assert [tu.find("prop[@type='x-doc-id']").text for tu in tus] == ["abs-001", "abs-001"]
    assert [[tuv.get(XML_LANG) for tuv in tu.findall("tuv")] for tu in tus] == [
        ["en", "zh-CN", "ja"], ["en", "ja"]]
    assert _segs(root)[0]["zh-CN"] == "我们训练了一个网络。"


def test_srclang_uses_tmx_tag():
    root = DET.fromstring(tmx_bytes(UNITS, srclang="zh"))
    assert root.find("header").get("srclang") == "zh-CN"


def test_empty_texts_get_no_tuv_and_empty_units_no_tu():
    units = [{"doc_id": "d", "texts": {"en": "Only English.", "zh": "", "ja": None}},
             {"doc_id": "d", "texts": {"en": "  ", "zh": ""}},
             {"doc_id": "d", "texts": {}}]
    root = DET.fromstring(tmx_bytes(units))
    assert _segs(root) == [{"en": "Only English."}]


@pytest.mark.parametrize("text, expected", [
    ("a ]]> b", "a ]]> b"),
    ("<script>alert('x')</script> & co", "<script>alert('x')</script> & co"),
    ("bell\x07 nul\x00 esc\x1b vt\x0b ok", "bell nul esc vt ok"),
    ("non-char \ufffe\uffff end", "non-char  end"),
    ("tab\tand\nnewline", "tab\tand\nnewline"),
    ("crlf\r\nand cr\r", "crlf\nand cr\n"),
    ("astral 𠀀 kept", "astral 𠀀 kept"),
])
def test_hostile_text_round_trips(text, expected):
    data = tmx_bytes([{"doc_id": "x]]>\x01", "texts": {"en": text, "ja": "日本語"}}])
    root = DET.fromstring(data)
    assert _segs(root)[0]["en"] == expected
    assert root.find("body/tu/prop").text == "x]]>"


def test_bytes_are_deterministic_and_utf8():
    first = tmx_bytes(UNITS, signature="s")
    assert first == tmx_bytes(UNITS, signature="s")
    assert first.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    assert "我们训练了一个网络。".encode() in first  # real characters, not numeric references


@given(st.text())
def test_any_text_gives_parseable_tmx(text):
    # Whatever a segment holds, the file stays well-formed and the visible text survives.
    root = DET.fromstring(tmx_bytes([{"doc_id": "d", "texts": {"en": text, "zh": "中"}}]))
    segs = _segs(root)[0]
    if "en" in segs:
        assert segs["en"].strip()
        assert set(segs["en"]) <= set(text) | {"\n"}
