"""convert: csv ⇄ tsv ⇄ tbx ⇄ xlsx without loss (hypothesis), atomic output, bad targets."""
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import GlossaryError
from pipeline.glossary import (
    STATUSES,
    Glossary,
    Term,
    canonical_order,
    convert,
    load_glossary,
)

DATA = Path(__file__).parent / "data"
EXT = {"csv": ".csv", "tsv": ".tsv", "tbx": ".tbx", "xlsx": ".xlsx"}

# Printable text as glossaries hold it: letters (Latin, CJK, kana), digits, punctuation, inner
# spaces and ;|,"'<>& — surrounding whitespace is not kept by any reader, so none is generated.
_chars = st.characters(categories=("L", "N", "P", "S", "Zs"), exclude_characters="\x85\xa0")
_text = st.text(_chars, min_size=1, max_size=12).map(str.strip).filter(bool)
_terms = st.builds(
    Term,
    concept_id=st.text(st.characters(categories=("L", "N")), min_size=1, max_size=6),
    lang=st.sampled_from(["en", "zh", "ja", "zh-Hant"]),
    term=_text,
    status=st.sampled_from(STATUSES),
    note=st.one_of(st.just(""), _text, st.builds(lambda a, b: f"{a}\n{b}", _text, _text)),
    case_sensitive=st.booleans(),
    part_of_speech=st.sampled_from(["", "noun", "verb", "adjective"]),
)


def _content(terms):
    return [t.key() for t in canonical_order(terms)]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(terms=st.lists(_terms, min_size=1, max_size=8))
def test_round_trip_through_every_format(tmp_path, terms):
    original = Glossary.from_terms(terms)
    current = original
    for fmt in ("csv", "tbx", "xlsx", "tsv", "tbx", "csv"):
        out = tmp_path / f"g{EXT[fmt]}"
        convert(current, fmt, out)
        current = load_glossary(out)
        assert _content(current.terms) == _content(original.terms), fmt


@pytest.mark.parametrize("fmt", ["csv", "tsv", "xlsx"])
def test_tables_keep_term_order(tmp_path, fmt):
    g = load_glossary(DATA / "long.csv")
    out = tmp_path / f"g{EXT[fmt]}"
    convert(g, fmt, out)
    assert [t.key() for t in load_glossary(out).terms] == [t.key() for t in g.terms]


def test_tbx_output_is_tbx_v3_with_forbidden_still_deprecated(tmp_path):
    out = tmp_path / "g.tbx"
    convert(load_glossary(DATA / "long.csv"), "tbx", out)
    text = out.read_text(encoding="utf-8")
    assert 'xmlns="urn:iso:std:iso:30042:ed-2"' in text and "<conceptEntry" in text
    assert "deprecatedTerm-admn-sts" in text  # what other tools see for "forbidden"
    assert load_glossary(out).terms_for("peer-worker", "zh")[1].status == "forbidden"


def test_formula_looking_text_stays_text_in_xlsx(tmp_path):
    g = Glossary.from_terms([Term("c", "en", "=SUM(A1)", "preferred", note="+1")])
    convert(g, "xlsx", tmp_path / "g.xlsx")
    assert load_glossary(tmp_path / "g.xlsx").terms[0].term == "=SUM(A1)"


def test_unknown_format_and_no_partial_file(tmp_path):
    g = load_glossary(DATA / "long.csv")
    with pytest.raises(GlossaryError, match="cannot convert to 'pdf'"):
        convert(g, "pdf", tmp_path / "g.pdf")
    bad = Glossary.from_terms([Term("c", "en", "bell\x07", "preferred")])
    with pytest.raises(GlossaryError, match="cannot write xlsx"):
        convert(bad, "xlsx", tmp_path / "g.xlsx")
    assert list(tmp_path.iterdir()) == []
