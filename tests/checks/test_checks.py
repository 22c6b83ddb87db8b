"""Every check on small bilingual cases kept as data: (check, en, zh, expected check ids)."""
from __future__ import annotations

import pytest

from pipeline.batch import run_batch
from pipeline.checks.registry import all_checks
from pipeline.glossary import Glossary, Term, TermMatcher
from pipeline.checks.alignment import alignment_disagreement
from pipeline.checks.context import DocumentContext
from pipeline.models import Bead, Document, Segment, Version
from pipeline.process import Settings, process_document

GLOSSARY = Glossary.from_terms([
    Term("peer-worker", "en", "peer worker", "preferred"),
    Term("peer-worker", "zh", "同伴工作者", "preferred"),
    Term("peer-worker", "zh", "同伴工作人员", "admitted"),
    Term("peer-worker", "zh", "同行工作人员", "deprecated", note="同行 means colleague"),
    Term("peer-worker", "ja", "ピアワーカー", "preferred"),
    Term("recovery", "en", "recovery", "preferred"),
    Term("recovery", "zh", "康复", "preferred"),
    Term("recovery", "ja", "リカバリー", "preferred"),
    Term("oud", "en", "opioid use disorder", "preferred"),
    Term("oud", "en", "OUD", "admitted", case_sensitive=True),
    Term("oud", "zh", "阿片类物质使用障碍", "preferred"),
    Term("oud", "zh", "OUD", "admitted", case_sensitive=True),
    Term("schizophrenia", "en", "schizophrenia", "preferred"),
    Term("schizophrenia", "ja", "統合失調症", "preferred"),
    Term("schizophrenia", "ja", "精神分裂病", "forbidden"),
])
MATCHER = TermMatcher(GLOSSARY)


def doc(en: str, other: str, lang: str = "zh", doc_id: str = "d1") -> Document:
    return Document(doc_id, (Version(doc_id, "en", en, f"{doc_id}.en.txt"),
                             Version(doc_id, lang, other, f"{doc_id}.{lang}.txt")))


ALL_CHECKS = Settings(checks=frozenset(s.id for s in all_checks()))


def ids(document: Document, settings: Settings = Settings()) -> list[str]:
    found = process_document(document, GLOSSARY, MATCHER, settings).findings
    return sorted({f.check for f in found})


CASES = [
    # (check that must fire, English, target, target language)
    ("term-missing", "Peer workers support recovery.", "工作人员支持康复。", "zh"),
    ("term-forbidden", "Peer workers support recovery.", "同行工作人员支持康复。", "zh"),
    ("term-forbidden", "Peer workers help people with schizophrenia.",
     "ピアワーカーは精神分裂病の人を支援する。", "ja"),
    ("term-inconsistent", "Peer workers support recovery. Peer workers are also paid staff.",
     "同伴工作者支持康复。同伴工作人员也是有偿员工。", "zh"),
    ("number-mismatch", "We surveyed 120 peer workers in 2019.", "我们在2019年调查了210名同伴工作者。", "zh"),
    ("untranslated", "Peer workers support recovery. They are employed by local governments.",
     "同伴工作者支持康复。They are employed by local governments.", "zh"),
    ("omission", "Peer workers support recovery. They are employed by local governments in "
     "many prefectures across the country.", "同伴工作者支持康复。", "zh"),
    ("addition", "Peer workers support recovery.",
     "同伴工作者支持康复。这些工作人员在全国许多县由地方政府雇用，并且得到了广泛的认可。", "zh"),
    ("wrong-language", "Peer workers support recovery.", "ピアワーカーはリカバリーを支援する。", "zh"),
    ("term-unsourced", "They support recovery in many settings.", "同伴工作者在许多环境中支持康复。", "zh"),
    ("term-traditional", "Peer workers support recovery in many settings.",
     "同伴工作者在许多环境中支持康復。", "zh"),
]


@pytest.mark.parametrize("check_id,en,tgt,lang", CASES, ids=[f"{c[0]}-{c[3]}" for c in CASES])
def test_check_fires(check_id, en, tgt, lang):
    assert check_id in ids(doc(en, tgt, lang), ALL_CHECKS)


def test_optional_checks_run_only_when_selected():
    d = doc("They support people in many settings.", "同伴工作者在许多环境中支持人们。")
    assert ids(d) == []
    assert ids(d, ALL_CHECKS) == ["term-unsourced"]


CLEAN = [
    ("Peer workers support recovery.", "同伴工作者支持康复。", "zh"),
    ("Peer workers support recovery.", "ピアワーカーはリカバリーを支援する。", "ja"),
    ("In 2019, 45% of 1,234 peer workers were paid (p < .05).",
     "2019年，1234名同伴工作者中有45%获得报酬（p<0.05）。", "zh"),
    ("Thursday, 19 July 2018: 10:44", "2018年7月19日（星期四）10:44", "zh"),
    # an acronym defined in parentheses and reused is one rendering, not two
    ("People with opioid use disorder (OUD) face a high risk. We studied 918 adults with OUD.",
     "阿片类物质使用障碍（OUD）患者面临较高风险。我们研究了918名OUD成人患者。", "zh"),
]


@pytest.mark.parametrize("en,tgt,lang", CLEAN)
def test_correct_translation_has_no_findings(en, tgt, lang):
    assert ids(doc(en, tgt, lang), ALL_CHECKS) == []


def test_forbidden_term_is_not_also_reported_missing():
    found = process_document(doc("Peer workers support recovery.", "同行工作人员支持康复。"),
                             GLOSSARY, MATCHER).findings
    assert [f.check for f in found] == ["term-forbidden"]
    assert found[0].expected.startswith("同伴工作者") and found[0].found == "同行工作人员"
    assert "同伴工作者" in found[0].message and "同行工作人员" in found[0].message


def test_untranslated_segment_raises_one_finding_not_a_cascade():
    found = process_document(doc("Peer workers support recovery in 2019.",
                                 "Peer workers support recovery in 2019."), GLOSSARY, MATCHER).findings
    assert [f.check for f in found] == ["untranslated"]


def test_inconsistency_across_batch_is_info_with_counts():
    docs = [doc("Peer workers support recovery.", "同伴工作者支持康复。", doc_id="a"),
            doc("Peer workers support recovery.", "同伴工作人员支持康复。", doc_id="b")]
    report = run_batch(docs, GLOSSARY)
    batch = report.findings[report.findings["doc_id"] == "*"]
    assert list(batch["check"]) == ["term-inconsistent"]
    assert list(batch["severity"]) == ["info"]
    assert "同伴工作者 ×1" in batch["message"].iloc[0]


def test_check_selection_and_severity_override():
    d = doc("Peer workers support recovery.", "同行工作人员支持康复。")
    only = process_document(d, GLOSSARY, MATCHER, Settings(checks=frozenset({"term-missing"})))
    assert only.findings == ()
    raised = process_document(d, GLOSSARY, MATCHER, Settings(severities={"term-forbidden": "info"}))
    assert [f.severity for f in raised.findings] == ["info"]


def test_ignore_list_drops_findings_by_stable_id():
    d = doc("Peer workers support recovery.", "同行工作人员支持康复。")
    first = process_document(d, GLOSSARY, MATCHER).findings
    again = process_document(d, GLOSSARY, MATCHER,
                             Settings(ignore=frozenset(f.finding_id for f in first)))
    assert first and again.findings == ()


def _segments(lang, texts):
    return [Segment("d", lang, i, t, 0, len(t)) for i, t in enumerate(texts)]


def alignment_disagreement_findings(reported=frozenset()):
    """zh–ja composed through a wrong en–ja alignment (the ja sentences crossed)."""
    zh = ["同伴工作者在全国许多环境中支持康复。", "2019年，其中45%由地方政府支付报酬。"]
    ja = ["ピアワーカーは全国の多くの場でリカバリーを支援する。", "2019年には45%が地方自治体から報酬を受けていた。"]
    en = ["Peer workers support recovery in many settings.", "In 2019, 45% of them were paid."]
    crossed = [Bead((0,), (1,)), Bead((1,), (0,))]
    ctx = DocumentContext("d", {"en": _segments("en", en), "zh": _segments("zh", zh),
                                "ja": _segments("ja", ja)},
                          {("en", "zh"): [Bead((0,), (0,)), Bead((1,), (1,))],
                           ("en", "ja"): crossed, ("zh", "ja"): crossed}, reported=reported)
    return list(alignment_disagreement(ctx))


def test_alignment_disagreement_between_pairs_is_reported():
    found = alignment_disagreement_findings()
    assert [(f.check, f.src_lang, f.tgt_lang, f.src_index, f.tgt_index) for f in found] == [
        ("alignment-disagreement", "zh", "ja", (0,), (1,)),
        ("alignment-disagreement", "zh", "ja", (1,), (0,))]


def test_alignment_disagreement_is_quiet_when_a_sentence_is_already_reported_missing():
    assert alignment_disagreement_findings(reported=frozenset({("en", 1)})) == []


def test_every_registered_check_has_title_severity_and_a_failing_case():
    fired = {c[0] for c in CASES} | {f.check for f in alignment_disagreement_findings()}
    for spec in all_checks():
        assert spec.title, spec.id
        assert spec.severity in ("error", "warning", "info")
        assert spec.id in fired, f"no failing case for {spec.id}"
