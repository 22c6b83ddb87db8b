"""Pinned TBX reading: the terms (line included) or the exact error of every document below, so
that a faster reader cannot change what a TBX file loads as or how a bad one is reported.

The documents cover the common shapes (TBX v3, TBX 2 with a DOCTYPE, prefixed names, inline
markup, comments/CDATA/character references, UTF-16), the odd ones the reader must still take as
it always did (elements outside their section, nested sections, a second <term>), and every error
(not well-formed, refused for safety, not TBX, bad entries, and which error wins when there are
several). The expected results live in ``data/tbx_pinned.json``; after a deliberate change of
reading, regenerate them with ``python tests/glossary/test_gloss_tbx_pinned.py`` and review the
diff. The same documents check that the streaming pass agrees with the tree reader whenever it
takes a document, and that it takes the common shapes (else loading silently slows down).
"""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from pipeline.errors import GlossaryError
from pipeline.glossary import Glossary, Term, canonical_order, convert, load_glossary
from pipeline.glossary.tbx import _read_tree
from pipeline.glossary.tbx_stream import stream_terms

DATA = Path(__file__).parent / "data"
PINNED = DATA / "tbx_pinned.json"

V3 = ('<?xml version="1.0" encoding="UTF-8"?>\n'
      '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">\n'
      "<text><body>\n{}\n</body></text></tbx>\n")
V2 = ('<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n'
      '<martif type="TBX" xml:lang="en"><text><body>\n{}\n</body></text></martif>\n')


def _entry(inner: str, cid: str = "c1", lang: str = "en") -> str:
    return f'<conceptEntry id="{cid}"><langSec xml:lang="{lang}">{inner}</langSec></conceptEntry>'


def _sec(term: str = "x", notes: str = "") -> str:
    return f"<termSec><term>{term}</term>{notes}</termSec>"


def _note(kind: str, value: str, tag: str = "termNote") -> str:
    return f'<{tag} type="{kind}">{value}</{tag}>'


CASES: dict[str, str | bytes] = {
    # ---- common shapes
    "fixture-v3": (DATA / "v3.tbx").read_bytes(),
    "fixture-v2": (DATA / "v2.tbx").read_bytes(),
    "v3-every-field": V3.format(
        '<conceptEntry id=" peer worker ">\n <langSec xml:lang="EN">\n  <termSec>\n'
        "   <term>\n    peer  worker\n   </term>\n"
        '   <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>\n'
        '   <termNote type="partOfSpeech">Noun</termNote>\n'
        '   <termNote type="x-abstractQA-caseSensitive">yes</termNote>\n'
        "   <note>first</note><note> </note><note>second\nline</note>\n"
        "  </termSec>\n"
        "  <termSec><term>PW</term>"
        '<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>'
        '<termNote type="x-abstractQA-status">forbidden</termNote></termSec>\n'
        ' </langSec>\n <langSec xml:lang="zh-TW"><termSec><term>同儕工作者</term></termSec>'
        '</langSec>\n <langSec xml:lang="ja-JP"><termSec><term>ピア</term>'
        '<termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>'
        '<termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec>'
        "</langSec>\n</conceptEntry>"),
    "v2-normative-and-langset-lang": V2.format(
        '<termEntry id="c1"><langSet xml:lang="" lang="ja"><tig><term>回復</term>'
        '<termNote type="normativeAuthorization">standardizedTerm</termNote></tig>'
        '<ntig><termGrp><term>リカバリー</term><termNote type="normativeAuthorization">'
        "admitted</termNote></termGrp><admin type=\"partOfSpeech\">noun</admin></ntig>"
        '<tig><term>恢復</term><descrip type="administrativeStatus">prohibited</descrip></tig>'
        "</langSet></termEntry>"),
    "xml-id-and-lang-only": V3.format(
        '<conceptEntry xml:id="c9"><langSec lang="zh-CN"><termSec><term>康复</term></termSec>'
        "</langSec></conceptEntry>"),
    "prefixed-names": (
        '<?xml version="1.0"?>\n<t:tbx xmlns:t="urn:iso:std:iso:30042:ed-2"><t:text><t:body>\n'
        '<t:conceptEntry id="c1"><t:langSec xml:lang="en"><t:termSec><t:term>x</t:term>'
        '<t:termNote type="partOfSpeech">verb</t:termNote></t:termSec></t:langSec>'
        "</t:conceptEntry></t:body></t:text></t:tbx>\n"),
    "inline-markup-and-escapes": V3.format(_entry(
        _sec("ピア<hi>サポ<hi>ー</hi></hi>ト", _note("partOfSpeech", "<hi>no</hi>un")
             + "<note>a<hi>b</hi>c</note>"), lang="ja")
        + _entry(_sec("a<!-- c -->b<![CDATA[<c> & d]]>&amp;&#x4E2D;&lt;<?pi x?>e"), cid="c2")),
    "long-term": V3.format(_entry(_sec("word " * 4000))),
    "internal-subset-attribute-default": (
        '<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ATTLIST langSec xml:lang CDATA "ja">]>\n'
        "<tbx><text><body>\n" + _entry(_sec("x")).replace(' xml:lang="en"', "")
        + "</body></text></tbx>\n"),
    "skipped-entity-with-external-dtd": V2.format(
        '<termEntry id="c1"><langSet lang="en"><tig><term>a&undeclared;b</term></tig></langSet>'
        "</termEntry>"),
    "other-namespace-and-unknown-notes": V3.format(_entry(
        '<termSec><x:term xmlns:x="urn:other">y</x:term>'
        + _note("termType", "fullForm") + _note("definition", "d", "descrip")
        + _note("context", "c", "descrip") + "</termSec>")),
    "utf16": ('<?xml version="1.0" encoding="UTF-16"?>\n<tbx><text><body>\n'
              + _entry(_sec("リカバリー"), lang="ja") + "</body></text></tbx>").encode("utf-16"),
    "empty-body": V3.format(""),
    "header-only": '<?xml version="1.0"?>\n<martif><martifHeader/></martif>',
    # ---- odd shapes: read as the tree reader always read them
    "holder-outside-langsec": V3.format(
        '<conceptEntry id="c1"><termSec><term>ignored</term></termSec>'
        '<langSec xml:lang="en"><termSec><term>kept</term></termSec></langSec></conceptEntry>'),
    "langsec-outside-entry": V3.format(
        '<langSec xml:lang="fr"><termSec><term>ignored</term></termSec></langSec>'
        + _entry(_sec("kept"))),
    "term-and-notes-outside-holder": V3.format(_entry(
        "<term>ignored</term>" + _note("administrativeStatus", "bogus") + _sec("kept"))),
    "second-term-in-holder": V3.format(_entry("<termSec><term>first</term><term>second</term>"
                                              "</termSec>")),
    "note-inside-term": V3.format(_entry(
        '<termSec><term>a<termNote type="partOfSpeech">verb</termNote></term></termSec>')),
    "note-inside-note": V3.format(_entry(
        '<termSec><term>a</term><note>outer <note>inner</note></note></termSec>')),
    "tig-inside-ntig": V2.format(
        '<termEntry id="c1"><langSet lang="en"><ntig><termGrp><term>outer</term></termGrp>'
        "<tig><term>inner</term></tig></ntig></langSet></termEntry>"),
    "langsec-inside-langsec": V3.format(
        '<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>a</term></termSec>'
        '<langSec xml:lang="ja"><termSec><term>b</term></termSec></langSec></langSec>'
        "</conceptEntry>"),
    "entry-inside-entry": V3.format(
        '<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>a</term></termSec>'
        "</langSec>" + _entry(_sec("b"), cid="c2") + "</conceptEntry>"),
    "entry-inside-langsec-outside-entry": V3.format(
        '<langSec xml:lang="en">' + _entry(_sec("b"), cid="c2") + "</langSec>"),
    "holder-inside-term": V3.format(_entry("<term><termSec><term>a</term></termSec></term>")),
    "bad-lang-outside-entry-is-not-read": V3.format(
        '<langSec xml:lang="xx"><termSec><term>t</term></termSec></langSec>' + _entry(_sec())),
    # ---- errors
    "empty-file": b"",
    "not-xml": b"concept_id,lang,term,status\n",
    "mismatched-tag": V3.format(_entry("<termSec><term>x</term>\n</langSec>")),
    "unclosed-at-end": V3.format(_entry(_sec())).replace("</tbx>", ""),
    "bad-byte": V3.format(_entry(_sec("caf\xe9"))).encode("latin-1"),
    "junk-after-root": V3.format(_entry(_sec())) + "<more/>",
    "undefined-entity": V3.format(_entry(_sec("a&nbsp;b"))),
    "external-entity": V3.replace("<tbx ", '<!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                                  "\n<tbx ", 1).format(_entry(_sec("&x;"))),
    "internal-entity": V3.replace("<tbx ", '<!DOCTYPE tbx [<!ENTITY x "y">]>\n<tbx ', 1).format(
        _entry(_sec())),
    "unparsed-entity": V3.replace(
        "<tbx ", '<!DOCTYPE tbx [<!NOTATION n SYSTEM "n"><!ENTITY x SYSTEM "x" NDATA n>]>\n<tbx ',
        1).format(_entry(_sec())),
    "parameter-entity": V3.replace(
        "<tbx ", '<!DOCTYPE tbx [<!ENTITY % p SYSTEM "http://example.invalid/p.dtd"> %p;]>\n<tbx ',
        1).format(_entry(_sec())),
    "dtd-without-entities-is-accepted": V3.replace(
        "<tbx ", "<!DOCTYPE tbx [<!ELEMENT tbx ANY>]>\n<tbx ", 1).format(_entry(_sec())),
    "not-tbx-root": '<?xml version="1.0"?>\n<tmx><body/></tmx>',
    "not-tbx-root-with-entries": "<glossary>\n" + _entry(_sec()) + "</glossary>",
    "entry-without-id": V3.format('<conceptEntry id=" ">' + '<langSec xml:lang="en">'
                                  + _sec() + "</langSec></conceptEntry>"),
    "langsec-without-lang": V3.format(_entry(_sec()).replace(' xml:lang="en"', ' xml:lang=""')),
    "unknown-lang": V3.format(_entry(_sec(), lang="fr")),
    "missing-term": V3.format(_entry("<termSec><note>n</note></termSec>")),
    "whitespace-term": V3.format(_entry(_sec("\n  <hi> </hi>\n"))),
    "unknown-status": V3.format(_entry(_sec("x", "\n" + _note("administrativeStatus", "popular")))),
    "empty-status": V3.format(_entry(_sec("x", _note("administrativeStatus", "")))),
    "unknown-normative": V2.format('<termEntry id="c1"><langSet lang="en"><tig><term>x</term>\n'
                                   + _note("normativeAuthorization", "nice") + "</tig></langSet>"
                                   "</termEntry>"),
    "bad-x-status": V3.format(_entry(_sec("x", _note("x-abstractQA-status", "never")))),
    "bad-case-flag": V3.format(_entry(_sec("x", _note("x-abstractQA-caseSensitive", "maybe")))),
    "bad-note-in-second-holder": V3.format(_entry(
        _sec("a") + "\n" + _sec("b", _note("administrativeStatus", "odd")))),
    "term-error-before-note-error": V3.format(_entry(
        "<termSec>" + _note("administrativeStatus", "odd") + "<term> </term></termSec>")),
    "first-error-in-document-order": V3.format(
        _entry(_sec(), lang="xx") + "\n" + _entry(_sec()).replace('id="c1"', 'id=""')),
    "entry-error-before-its-sections": V3.format(
        '<conceptEntry><langSec xml:lang="xx">' + _sec() + "</langSec></conceptEntry>"),
    "xml-error-wins-over-earlier-entry-error": V3.format(
        _entry(_sec(), lang="xx") + "\n" * 5 + "<broken>"),
    "refusal-wins-over-root-error": '<!DOCTYPE glossary [<!ENTITY x "y">]>\n<glossary/>',
    "root-error-wins-over-entry-error": '<martif-ish>\n' + _entry(_sec(), lang="xx") + "</martif-ish>",
}


def _bytes(name: str) -> bytes:
    content = CASES[name]
    return content if isinstance(content, bytes) else content.encode("utf-8")


def _read(tmp_path: Path, name: str):
    path = tmp_path / "g.tbx"
    path.write_bytes(_bytes(name))
    try:
        terms = load_glossary(path).terms
    except GlossaryError as exc:
        assert exc.path == str(path)
        return {"error": [exc.message, exc.line, exc.element]}
    return {"terms": [[*t.key(), t.line] for t in terms]}


@pytest.mark.parametrize("name", sorted(CASES))
def test_pinned(tmp_path, name):
    expected = json.loads(PINNED.read_text(encoding="utf-8"))
    assert _read(tmp_path, name) == expected[name]


def test_every_case_is_pinned():
    assert set(json.loads(PINNED.read_text(encoding="utf-8"))) == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_stream_agrees_with_the_tree_reader(name):
    streamed = stream_terms(_bytes(name), "g.tbx")
    if streamed is not None:  # Term equality takes in the line
        assert streamed == _read_tree(_bytes(name), "g.tbx")


TAKEN = ["fixture-v2", "fixture-v3", "v3-every-field", "v2-normative-and-langset-lang",
         "xml-id-and-lang-only", "prefixed-names", "inline-markup-and-escapes", "long-term",
         "internal-subset-attribute-default", "skipped-entity-with-external-dtd",
         "other-namespace-and-unknown-notes", "utf16", "empty-body", "header-only",
         "holder-outside-langsec", "langsec-outside-entry", "term-and-notes-outside-holder"]


@pytest.mark.parametrize("name", TAKEN)
def test_common_shapes_take_the_stream(name):
    assert stream_terms(_bytes(name), "g.tbx") is not None


def _glossary(n: int, seed: int = 5) -> Glossary:
    """``n`` concepts with every field in use: statuses, notes (some on two lines), flags, parts of
    speech, zh-Hant, and characters that XML must escape."""
    rng = random.Random(seed)
    terms = []
    for i in range(n):
        cid = f"c{i:05d}" if i % 7 else f"c {i} & <{i}>"
        for lang in ("en", "zh", "ja", "zh-Hant")[: rng.randint(1, 4)]:
            for k in range(rng.randint(1, 3)):
                note = rng.choice(["", "", "see <ISO 704>", "line one\nline two", "A & B"])
                terms.append(Term(cid, lang, f"{lang} term {i}.{k} \"q\" 'a'", rng.choice(
                    ["preferred", "admitted", "deprecated", "forbidden"]), note=note,
                    case_sensitive=rng.random() < 0.2,
                    part_of_speech=rng.choice(["", "", "noun", "verb", "adjective"])))
    return Glossary.from_terms(terms)


def test_csv_to_tbx_round_trip_keeps_every_term_and_names_each_term_line(tmp_path):
    original = _glossary(600)
    convert(original, "csv", tmp_path / "g.csv")
    from_csv = load_glossary(tmp_path / "g.csv")
    convert(from_csv, "tbx", tmp_path / "g.tbx")
    loaded = load_glossary(tmp_path / "g.tbx")
    assert [t.key() for t in loaded.terms] == [t.key() for t in canonical_order(from_csv.terms)]
    text = (tmp_path / "g.tbx").read_text(encoding="utf-8")
    term_lines = [n for n, line in enumerate(text.splitlines(), 1) if "<term>" in line]
    assert [t.line for t in loaded.terms] == term_lines
    assert stream_terms((tmp_path / "g.tbx").read_bytes(), "g.tbx") == list(loaded.terms)


if __name__ == "__main__":  # regenerate the pinned results
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        results = {name: _read(Path(tmp), name) for name in sorted(CASES)}
    with open(PINNED, "w", encoding="utf-8") as fh:
        fh.write("{\n" + ",\n".join(f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}"
                                    for k, v in results.items()) + "\n}\n")
    print(f"wrote {len(results)} cases to {PINNED}")
