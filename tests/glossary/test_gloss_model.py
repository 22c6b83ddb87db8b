"""Glossary lookups that the checks rely on."""
from pipeline.glossary import Glossary, Term


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
