"""Long and wide tables (csv, tsv, xlsx): loading and every error that names file and line."""
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.errors import GlossaryError
from pipeline.glossary import load_glossary
from pipeline.glossary.rows import rows_to_terms, table_to_terms

DATA = Path(__file__).parent / "data"
HEADER = "concept_id,lang,term,status\n"


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_long_csv_fixture():
    g = load_glossary(DATA / "long.csv")
    assert g.languages() == ["en", "zh", "ja"]
    forbidden = g.terms_for("peer-worker", "zh")[1]
    assert (forbidden.term, forbidden.status, forbidden.line) == ("同行工作人员", "forbidden", 4)
    assert g.terms_for("aids", "en")[0].case_sensitive
    assert g.terms_for("peer-worker", "en")[0].note.startswith("A worker with lived experience,")
    assert len(g.sha1) == 40


def test_wide_tsv_fixture():
    g = load_glossary(DATA / "wide.tsv")
    assert [(t.term, t.status) for t in g.terms_for("peer-worker", "en")] == [
        ("peer worker", "preferred"), ("peer staff", "admitted")]
    assert [(t.term, t.status) for t in g.terms_for("peer-worker", "ja")] == [
        ("ピアワーカー", "preferred"), ("ピア・スタッフ", "admitted")]
    assert g.terms_for("peer-worker", "zh")[-1].status == "deprecated"
    assert g.terms_for("recovery", "zh")[0].line == 3


@pytest.mark.parametrize("encoding,prefix", [("utf-8", ""), ("utf-8", "\ufeff"), ("utf-16", "")])
def test_encodings(tmp_path, encoding, prefix):
    path = _write(tmp_path, "g.csv", prefix + HEADER + "c1,en,recovery,preferred\n", encoding)
    assert load_glossary(path).terms[0].term == "recovery"


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_csv_saved_with_other_delimiters(tmp_path, delimiter):
    text = HEADER.replace(",", delimiter) + delimiter.join(["c1", "en", "x, y", "preferred"]) + "\n"
    assert load_glossary(_write(tmp_path, "g.csv", text)).terms[0].term == "x, y"


def test_header_case_blank_rows_and_quoted_newlines(tmp_path):
    text = ("Concept_ID , LANG,Term,Status,Note\n\n"
            'c1,EN-us,peer worker,Preferred,"two\nlines"\n'
            "c1,jpn,ピアワーカー,admitted,\n")
    g = load_glossary(_write(tmp_path, "g.csv", text))
    assert [(t.lang, t.line) for t in g.terms] == [("en", 3), ("ja", 5)]
    assert g.terms[0].note == "two\nlines"


@pytest.mark.parametrize("flag,expected", [
    ("true", True), ("1", True), ("yes", True), ("false", False), ("0", False), ("no", False),
    ("", False)])
def test_case_sensitive_values(tmp_path, flag, expected):
    text = "concept_id,lang,term,status,case_sensitive\nc,en,AIDS,preferred," + flag + "\n"
    assert load_glossary(_write(tmp_path, "g.csv", text)).terms[0].case_sensitive is expected


@pytest.mark.parametrize("body,line,fragment", [
    ("c1,en,x,preferred\nc2,en,y,\n", 3, "empty status"),
    ("c1,en,x,preferred\nc2,en,y,approved\n", 3, "unknown status 'approved'"),
    ("c1,xx,x,preferred\n", 2, "unknown language tag 'xx'"),
    ("c1,,x,preferred\n", 2, "empty language"),
    ("c1,en, ,preferred\n", 2, "empty term"),
    (",en,x,preferred\n", 2, "empty concept_id"),
])
def test_long_row_errors(tmp_path, body, line, fragment):
    path = _write(tmp_path, "g.csv", HEADER + body)
    with pytest.raises(GlossaryError) as err:
        load_glossary(path)
    assert err.value.path == str(path) and err.value.line == line
    assert fragment in str(err.value) and str(path) in str(err.value)


def test_bad_flag(tmp_path):
    text = "concept_id,lang,term,status,case_sensitive\nc,en,x,preferred,maybe\n"
    with pytest.raises(GlossaryError, match="case_sensitive") as err:
        load_glossary(_write(tmp_path, "g.csv", text))
    assert err.value.line == 2


@pytest.mark.parametrize("text,fragment", [
    ("concept_id,lang,term\nc,en,x\n", "missing required column(s) status"),
    ("id,english\n1,x\n", "missing required column(s) concept_id, lang, term, status"),
    ("", "empty glossary"),
    ("concept_id,lang,lang,term,status\n", "appears twice"),
])
def test_header_errors(tmp_path, text, fragment):
    with pytest.raises(GlossaryError) as err:
        load_glossary(_write(tmp_path, "g.csv", text))
    assert fragment in err.value.message and err.value.line == 1


def test_undecodable_bytes_name_the_line(tmp_path):
    path = tmp_path / "g.csv"
    path.write_bytes(HEADER.encode() + b"c1,en,ok,preferred\nc2,zh,\xb9\xa4,preferred\n")
    with pytest.raises(GlossaryError, match="cannot decode") as err:
        load_glossary(path)
    assert err.value.line == 3


def test_wide_table_errors(tmp_path):
    path = _write(tmp_path, "w.csv", "concept_id,en,zh\nc1,peer worker;;peer staff,同伴工作者\n")
    with pytest.raises(GlossaryError, match="empty term in column 'en'") as err:
        load_glossary(path)
    assert err.value.line == 2


@pytest.mark.parametrize("name,fragment", [
    ("missing.csv", "not found"), ("g.json", "unknown glossary format")])
def test_file_errors(tmp_path, name, fragment):
    with pytest.raises(GlossaryError, match=fragment):
        load_glossary(tmp_path / name)


def _xlsx(path: Path, rows: list[list]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.create_sheet("ignored").append(["concept_id"])  # only the first sheet is read
    book.save(path)
    return path


def test_xlsx_long_with_typed_cells(tmp_path):
    path = _xlsx(tmp_path / "g.xlsx", [
        ["concept_id", "lang", "term", "status", "case_sensitive"],
        ["c1", "en", "AIDS", "preferred", True],
        [None, None, None, None, None],
        [42, "ja", "ピアワーカー", "admitted", False],
    ])
    g = load_glossary(path)
    assert [(t.concept_id, t.term, t.case_sensitive, t.line) for t in g.terms] == [
        ("c1", "AIDS", True, 2), ("42", "ピアワーカー", False, 4)]


def test_xlsx_wide_and_error_line(tmp_path):
    g = load_glossary(_xlsx(tmp_path / "w.xlsx", [["concept_id", "en", "ja"],
                                                  ["c1", "peer worker|peer staff", "ピアワーカー"]]))
    assert [t.status for t in g.terms] == ["preferred", "admitted", "preferred"]
    bad = _xlsx(tmp_path / "b.xlsx", [["concept_id", "lang", "term", "status"],
                                      ["c1", "en", "x", "preferred"], ["c2", "en", "y", "bogus"]])
    with pytest.raises(GlossaryError) as err:
        load_glossary(bad)
    assert err.value.line == 3 and err.value.path == str(bad)


def test_not_a_workbook(tmp_path):
    path = _write(tmp_path, "g.xlsx", "concept_id,lang\n")
    with pytest.raises(GlossaryError, match="cannot read xlsx"):
        load_glossary(path)


_H7 = "concept_id,lang,term,status,note,case_sensitive,part_of_speech\n"
_OK = "".join(f"c{i},en,term {i},preferred\n" for i in range(30))
_EXPECTED_STATUS = "(expected one of preferred, admitted, deprecated, forbidden)"


@pytest.mark.parametrize("text,line,message", [
    (HEADER + _OK + "c9,en,x,approved\n", 32, f"unknown status 'approved' {_EXPECTED_STATUS}"),
    (HEADER + _OK + "c9,EN,x,preferred\nc9,klingon,y,preferred\n", 33,
     "unknown language tag 'klingon' (expected en, zh or ja)"),
    (_H7 + 'c1,en,a,preferred,"one\ntwo\nthree",,\nc2,en, ,preferred,,,\n', 5,
     "empty term for concept 'c2'"),
    (HEADER + "c1,en,a,preferred\n\n\n,en,b,preferred\n", 5, "empty concept_id"),
    (HEADER + "c1,en\n", 2, "empty term for concept 'c1'"),
    (HEADER + "c1,en,x\n", 2, f"empty status {_EXPECTED_STATUS}"),
    (HEADER + "c1,en,a,  \n", 2, f"empty status {_EXPECTED_STATUS}"),
    (_H7 + _OK.replace("preferred", "preferred,,no,") + "c9,en,x,preferred,,perhaps,\n", 32,
     "case_sensitive must be true/false/1/0/yes/no, not 'perhaps'"),
    (HEADER + "c1,en,ok,preferred\n" + 'c2,en,"' + "x" * 140_000 + '",preferred\n', 3,
     "malformed csv: field larger than field limit (131072)"),
    (HEADER.replace(",", "\t") + "c1\ten\tx\tsoon\n", 2, f"unknown status 'soon' {_EXPECTED_STATUS}"),
    (HEADER + "c1,en,a,preferred\n , , , \nc2,zz,b,preferred\n", 4,
     "unknown language tag 'zz' (expected en, zh or ja)"),
    ((HEADER + "c1,en,a,preferred\nc2,en,b,nope\n").replace("\n", "\r\n"), 3,
     f"unknown status 'nope' {_EXPECTED_STATUS}"),
    ((HEADER + "c1,en,a,preferred\nc2,en,b,nope\n").replace("\n", "\r"), 3,
     f"unknown status 'nope' {_EXPECTED_STATUS}"),
    ("concept_id,en,zh\n,peer,同伴\n", 2, "empty concept_id"),
    ("concept_id,en,en_deprecated\nc1,a,b|\n", 2,
     "empty term in column 'en_deprecated' of concept 'c1'"),
])
def test_error_messages_and_lines_are_exact(tmp_path, text, line, message):
    path = tmp_path / "g.csv"
    path.write_text(text, encoding="utf-8", newline="")
    with pytest.raises(GlossaryError) as err:
        load_glossary(path)
    assert (err.value.message, err.value.line, err.value.path) == (message, line, str(path))


# Cells from small pools: good values, and bad ones for every way a row can fail. Half of the
# tables draw only good cells and full rows (the column reader's case), half anything.
_GOOD = {
    "concept_id": ["c1", "c2", " c3 "], "lang": ["en", "EN-us", "zh", "ja", "zh-TW"],
    "term": ["peer", " Peer worker ", "同伴", "ピア"],
    "status": ["preferred", "Admitted", "deprecated", "prohibited"],
    "note": ["", " a note ", "two\nlines"], "case_sensitive": ["", "yes", "0", "TRUE"],
    "part_of_speech": ["", "Verb", " noun "], "": ["", "x"],
}
_BAD = {"concept_id": ["", " "], "lang": ["xx", ""], "term": ["", " "], "status": ["bogus", ""],
        "case_sensitive": ["maybe"]}


@st.composite
def _tables(draw):
    names = draw(st.sampled_from([
        ["concept_id", "lang", "term", "status"],
        ["Term", "concept_id", "status", "lang", "note"],
        ["concept_id", "lang", "term", "status", "note", "case_sensitive", "part_of_speech"],
        ["concept_id", "lang", "term", "status", "", "part_of_speech"]]))
    good = draw(st.booleans())
    body = []
    for _ in range(draw(st.integers(0, 6))):
        pools = [_GOOD[n.lower()] + ([] if good else _BAD.get(n.lower(), [])) for n in names]
        row = [draw(st.sampled_from(pool)) for pool in pools]
        body.append(row if good else draw(st.sampled_from([row, row, row[:2], [], row + ["x"]])))
    return [names, *body]


def _outcome(read):
    try:
        return [(t.key(), t.line) for t in read()]
    except GlossaryError as exc:
        return (exc.message, exc.line)


@settings(max_examples=200, deadline=None)
@given(_tables(), st.booleans())
def test_column_reader_agrees_with_row_reader(records, spaced_lines):
    # table_to_terms reads a long table column by column when it can; rows_to_terms row by row.
    lines = [1 + 2 * i for i in range(len(records))] if spaced_lines else None
    numbered = list(zip(lines or range(1, len(records) + 1), records))
    assert _outcome(lambda: table_to_terms(records, "g.csv", lines)) == \
        _outcome(lambda: rows_to_terms(iter(numbered), "g.csv"))
