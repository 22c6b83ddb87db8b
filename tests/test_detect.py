"""Language identification: golden cases, the labelled set, context, determinism."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.detect import detect, detect_units
from pipeline.scripts import has_cjk

DATA = Path(__file__).parent / "data" / "langid"

GOLDEN = {
    "en": [
        "The growth of the peer workforce is bringing opportunities to organizations.",
        "Peer support",
        "Methods",
        "Keywords: peer support; mental health; workforce",
        "Takuya MATSUSHIGE, National Institute of Public Health, Japan",
        "The Chinese term 同伴支持 means peer support and is widely used.",
        "In Chinese the phrase 同伴支持，康复 is used in many of the policy documents we reviewed.",
        "Thursday, 19 July 2018: 10:44",
    ],
    "zh": [
        "同行工作人员在行为健康服务中的增长为服务于患有精神和物质使用障碍的组织带来了机会。",
        "结论",
        "关键词：同伴支持；精神卫生",
        "同伴支持（peer support）",
        "本研究采用 Patient Health Questionnaire-9（PHQ-9）评估抑郁症状。",
        "这是一个问题",
        "势在必行（Il faut bien le faire）。",
        "BBC Scotland 的 Alasdair Lamont 在 Tony Macaroni 球场",
    ],
    "ja": [
        "ピアサポートワーカーは自らの回復経験を活かして他者を支援する。",
        "方法と対象",
        "図表",
        "COVID-19と公衆衛生",
        "キーワード",
    ],
    "zh-Hant": [
        "同儕支持工作者運用自身的復原經驗來幫助他人。",
        "這項研究說明了明確職務說明的重要性。",
        "國際學術會議",
        "情況非常糟糕。",  # a sentence without kana is not Japanese
    ],
    "und": ["10:44", "2018", "", "   ", "https://doi.org/10.1016/j.amepre.2018.03.010",
            "doi: 10.1016/j.amepre.2018.03.010", "(12) 3.2% — 95%"],
}


@pytest.mark.parametrize("lang,text", [(lang, t) for lang, ts in GOLDEN.items() for t in ts])
def test_golden(lang: str, text: str) -> None:
    assert detect(text).lang == lang


OTHER = [
    ("fr", "Les travailleurs pairs jouent un rôle croissant dans les services de santé mentale."),
    ("de", "Die Ergebnisse zeigen, dass die Integration von Peer-Mitarbeitern verbessert werden muss."),
    ("es", "Los trabajadores de apoyo entre pares ayudan a otras personas en su recuperación."),
    ("pt", "Os resultados mostram que a maioria das equipes valoriza o trabalho dos pares."),
    ("ru", "Результаты показывают, что большинство команд ценят работу равных консультантов."),
    ("ko", "동료 지원 인력은 자신의 회복 경험을 활용하여 다른 사람을 돕는다."),
    ("vi", "Kết quả cho thấy phần lớn các nhóm đánh giá cao vai trò của nhân viên hỗ trợ."),
    ("de", "Zusammenfassung"),
    ("es", "Resumen"),
    ("fr", "Méthodes"),
    ("ko", "결론"),
]


@pytest.mark.parametrize("lang,text", OTHER)
def test_other_languages_are_themselves_or_und(lang: str, text: str) -> None:
    found = detect(text).lang
    assert found not in ("en", "zh", "ja", "zh-Hant")
    assert found in (lang, "und")
    if len(text) > 40:  # a full sentence is named, not just left undecided
        assert found == lang


def test_seed_chinese_lines_are_all_zh() -> None:
    # Raw langdetect calls several of these Korean.
    lines = (DATA / "seed_003.txt").read_text(encoding="utf-8").splitlines()
    chinese = [line for line in lines if has_cjk(line)]
    assert chinese
    assert [detect(line).lang for line in chinese] == ["zh"] * len(chinese)
    assert {detect(line).lang for line in lines if not has_cjk(line) and "doi" not in line} == {"en"}


@pytest.mark.parametrize("heading", ["結論", "方法", "目的", "背景"])
def test_kanji_only_heading_decided_by_context(heading: str) -> None:
    ja_doc = f"{heading}\n本研究では65歳以上の2,450人を6年間追跡した。"
    zh_doc = f"{heading}\n这项队列研究对2450名65岁及以上的人进行了六年的随访。"
    hant_doc = f"{heading}\n這項研究說明了明確職務說明的重要性。"
    assert detect(heading, context=ja_doc).lang == "ja"
    assert detect(heading, context=hant_doc).lang == "zh-Hant"
    if heading != "結論":  # 結 is not a Simplified character: 結論 cannot be zh
        assert detect(heading, context=zh_doc).lang == "zh"
    assert detect_units(ja_doc.splitlines())[0].lang == "ja"
    assert detect_units(hant_doc.splitlines())[0].lang == "zh-Hant"


def test_heading_takes_the_language_of_what_follows() -> None:
    units = ["孤独感在独居老年人中很常见。", "結論", "孤立を減らす取り組みは役立つ可能性がある。"]
    assert [d.lang for d in detect_units(units)] == ["zh", "ja", "ja"]
    assert detect("結論", context="\n".join(units)).lang == "ja"


def test_context_not_containing_the_text_votes_by_weight() -> None:
    context = "本コホート研究では65歳以上の2,450人を6年間追跡した。\n孤独感はよく見られる。"
    assert detect("方法", context=context).lang == "ja"


def test_decided_text_ignores_context() -> None:
    assert detect("结论", context="本研究では追跡した。").lang == "zh"


def _labelled_docs() -> list[tuple[str, list[tuple[str, str]], bool]]:
    docs = []
    for path in sorted((DATA / "docs").glob("*.tsv")):
        lines = path.read_text(encoding="utf-8").splitlines()
        independent = any(line.startswith("# units: independent") for line in lines)
        rows = [tuple(line.split("\t", 1)) for line in lines if line and not line.startswith("#")]
        docs.append((path.stem, rows, independent))
    return docs


@pytest.mark.parametrize("name,rows,independent", _labelled_docs(),
                         ids=[d[0] for d in _labelled_docs()])
def test_labelled_set(name: str, rows: list[tuple[str, str]], independent: bool) -> None:
    texts = [text for _, text in rows]
    found = [detect(t) for t in texts] if independent else detect_units(texts)
    for (lang, text), det in zip(rows, found):
        if lang in ("en", "zh", "ja", "zh-Hant", "und"):
            assert det.lang == lang, text
        else:
            assert det.lang in (lang, "und"), text


def test_labelled_set_is_large_enough() -> None:
    rows = [r for _, rs, _ in _labelled_docs() for r in rs]
    counts = {lang: sum(1 for r in rows if r[0] == lang) for lang in ("en", "zh", "ja")}
    assert min(counts.values()) >= 60


@given(st.text(max_size=80))
@settings(max_examples=150, deadline=None)
def test_confidence_in_unit_interval(text: str) -> None:
    det = detect(text)
    assert 0.0 <= det.confidence <= 1.0
    assert det.lang


def test_deterministic_in_fresh_process() -> None:
    # Latin lines that langdetect has to decide, plus script decisions.
    texts = ["Die Ergebnisse zeigen, dass", "Resumen", "Oral Presentation", "I got bit!",
             "Am J Prev Med. 2018 Jun;54(6 Suppl 3):S258-S266.", "結論", "这是"]
    code = ("import sys; from pipeline.detect import detect\n"
            f"for t in {texts!r}:\n"
            "    d = detect(t); print(d.lang, d.confidence)\n")
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True).stdout for _ in range(2)]
    here = "".join(f"{d.lang} {d.confidence}\n" for d in map(detect, texts))
    assert runs[0] == runs[1] == here


def test_global_langdetect_state_untouched() -> None:
    from langdetect import DetectorFactory

    detect("Die Ergebnisse zeigen, dass die Integration verbessert werden muss.")
    assert DetectorFactory.seed is None
