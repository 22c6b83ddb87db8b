"""Glossary lookups that the checks rely on, and terms built in bulk."""
import dataclasses

import pytest

from pipeline.glossary import Glossary, Term
from pipeline.glossary.model import terms_from_columns


def _g() -> Glossary:
    return Glossary.from_terms([
        Term("pw", "en", "peer staff", "admitted"),
        Term("pw", "en", "peer worker", "preferred"),
        Term("pw", "zh", "同行工作人员", "forbidden"),
        Term("ps", "en", "peer support", "preferred"),
        Term("pw", "zh", "同伴工作者", "preferred"),
        Term("only-admitted", "ja", "ピアスタッフ", "admitted"),
        Term("only-deprecated", "ja", "回復", "deprecated"),
    ])


def test_orders_and_lookups():
    g = _g()
    assert g.concept_ids() == ["pw", "ps", "only-admitted", "only-deprecated"]
    assert g.languages() == ["en", "zh", "ja"]
    assert [t.term for t in g.terms_for("pw", "en")] == ["peer staff", "peer worker"]
    assert [t.term for t in g.approved("pw", "en")] == ["peer worker", "peer staff"]
    assert g.preferred("pw", "en").term == "peer worker"
    assert g.preferred("only-admitted", "ja").term == "ピアスタッフ"
    assert g.preferred("only-deprecated", "ja") is None
    assert g.preferred("nope", "en") is None
    assert [t.term for t in g.deprecated("pw", "zh")] == ["同行工作人员"]


def test_lookup_accepts_language_tags():
    g = _g()
    assert g.preferred("pw", "zh-CN").term == "同伴工作者"
    assert g.terms_for("pw", "zh_Hans") == g.terms_for("pw", "zh")


def test_approved_property():
    assert [s for s in ("preferred", "admitted", "deprecated", "forbidden")
            if Term("c", "en", "x", s).approved] == ["preferred", "admitted"]


def test_sha1_depends_on_content():
    a = Glossary.from_terms([Term("c", "en", "x", "preferred")])
    b = Glossary.from_terms([Term("c", "en", "x", "admitted")])
    assert a.sha1 != b.sha1 and len(a.sha1) == 40


def test_terms_from_columns_equal_terms_built_one_by_one():
    rows = [("c1", "en", "AIDS", "preferred", "note", True, "noun", 2),
            ("c2", "ja", "ピア", "admitted", "", False, "", None)]
    built = terms_from_columns(*map(list, zip(*rows)))
    expected = [Term(*row) for row in rows]
    assert built == expected
    assert [hash(t) for t in built] == [hash(t) for t in expected]
    assert [repr(t) for t in built] == [repr(t) for t in expected]
    with pytest.raises(dataclasses.FrozenInstanceError):
        built[0].term = "aids"
    assert terms_from_columns(*[[] for _ in range(8)]) == []


def test_terms_from_columns_refuses_ragged_columns():
    with pytest.raises(ValueError, match="expected 8 columns"):
        terms_from_columns(["c"], ["en"])
    with pytest.raises(ValueError, match="differ in length"):
        terms_from_columns(["c"], ["en"], ["x"], ["preferred"], [""], [False], [""], [])
