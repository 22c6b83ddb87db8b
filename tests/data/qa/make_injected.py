"""Build ``injected/`` and ``gold.csv`` from ``clean/`` and the error list below.

Run from the repository root after editing a clean text or an injection::

    python tests/data/qa/make_injected.py

Every injection is one known translation error: a literal replacement in the target text
(``old`` must occur exactly once in the clean version). The gold target index is where the
pipeline's own segmenter puts the changed text, so gold.csv stays true to what the scorer compares;
the script refuses to write anything when an injection does not apply cleanly.
"""
from __future__ import annotations

import csv
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLEAN, INJECTED, GOLD = HERE / "clean", HERE / "injected", HERE / "gold.csv"
GOLD_COLUMNS = ["doc_id", "tgt_lang", "check", "concept_id", "tgt_index", "note", "src_index"]


@dataclass(frozen=True)
class Injection:
    """One error: replace ``old`` by ``new`` in the ``lang`` version of ``doc``.

    ``checks`` lists every (check, concept) the error must raise: a deprecated term for a concept
    used elsewhere in the version is both forbidden and an inconsistent rendering. ``kind`` is
    ``term`` / ``number`` (segment found by ``new``), ``english`` (``new`` is the English sentence
    pasted in) or ``drop`` (``new`` is empty; ``src`` is a phrase of the English sentence left
    without a translation, whose index is the gold ``src_index``).
    """

    doc: str
    lang: str
    kind: str
    old: str
    new: str
    checks: tuple[tuple[str, str], ...]
    note: str
    src: str = ""


def term(doc, lang, old, new, *checks, note):
    return Injection(doc, lang, "term", old, new, tuple(checks), note)


def number(doc, lang, old, new, note):
    return Injection(doc, lang, "number", old, new, (("number-mismatch", ""),), note)


def english(doc, lang, old, new, note):
    return Injection(doc, lang, "english", old, new, (("untranslated", ""),), note)


def drop(doc, lang, old, src, note):
    return Injection(doc, lang, "drop", old, "", (("omission", ""),), note, src)


MISSING, FORBIDDEN, INCONSISTENT = "term-missing", "term-forbidden", "term-inconsistent"

INJECTIONS = [
    # peer-bridger-readmission-2023
    term("peer-bridger-readmission-2023", "zh", "过渡到社区精神卫生服务", "过渡到社区心理服务",
         (MISSING, "community-mental-health"), note="社区精神卫生 paraphrased as 社区心理"),
    number("peer-bridger-readmission-2023", "ja", "対照群の33.5%", "対照群の35.5%",
           note="33.5% -> 35.5%"),
    term("peer-bridger-readmission-2023", "ja", "精神科病院を退院した人", "精神病院を退院した人",
         (FORBIDDEN, "psychiatric-hospital"), (INCONSISTENT, "psychiatric-hospital"),
         note="deprecated 精神病院; 精神科病院 elsewhere"),
    # peer-workforce-burnout-survey-2022
    term("peer-workforce-burnout-survey-2022", "zh", "行为健康人力中", "行为健康劳动力中",
         (FORBIDDEN, "behavioral-health-workforce"), note="deprecated 行为健康劳动力"),
    term("peer-workforce-burnout-survey-2022", "zh", "与较低的职业倦怠相关", "与较低的工作倦怠相关",
         (INCONSISTENT, "burnout"), note="admitted 工作倦怠 beside 职业倦怠"),
    english("peer-workforce-burnout-survey-2022", "ja",
            "全体で、回答者の38.2%が仕事関連のバーンアウトが高いと報告した。",
            "Overall, 38.2% of respondents reported high work-related burnout.",
            note="sentence left in English"),
    # medicaid-certified-peer-specialists-2021
    drop("medicaid-certified-peer-specialists-2021", "zh",
         "低费率和文书负担被认为是扩大同伴工作者队伍的障碍。", "Low rates and documentation burden",
         note="sentence dropped"),
    term("medicaid-certified-peer-specialists-2021", "ja", "免許を持つ保健医療専門職",
         "免許を持つ医療の専門家", (MISSING, "health-professional"),
         note="保健医療専門職 paraphrased as 医療の専門家"),
    number("medicaid-certified-peer-specialists-2021", "ja", "62.40ドル", "64.20ドル",
           note="$62.40 -> 64.20"),
    # family-peer-support-early-psychosis-2024
    term("family-peer-support-early-psychosis-2024", "zh", "感到孤立并承受病耻感", "感到孤立并承受耻辱",
         (FORBIDDEN, "stigma"), (INCONSISTENT, "stigma"),
         note="deprecated 耻辱; 病耻感 elsewhere"),
    term("family-peer-support-early-psychosis-2024", "ja", "30時間の研修を修了した当事者経験のある親",
         "30時間の研修を修了した経験豊かな親", (MISSING, "lived-experience"),
         note="当事者経験 replaced by 経験豊かな (experienced)"),
    number("family-peer-support-early-psychosis-2024", "ja", "127人（80.4%）", "127人（84.0%）",
           note="80.4% -> 84.0%"),
    # peer-run-organizations-empowerment-2020
    term("peer-run-organizations-empowerment-2020", "zh", "赋权平均得分", "增能平均得分",
         (INCONSISTENT, "empowerment"), note="admitted 增能 beside 赋权"),
    term("peer-run-organizations-empowerment-2020", "ja", "アドボカシー、セルフヘルプグループ",
         "アドボカシー、自助グループ", (INCONSISTENT, "self-help-group"),
         note="admitted 自助グループ beside セルフヘルプグループ"),
    english("peer-run-organizations-empowerment-2020", "ja",
            "ピア運営組織が受け取っていたのは、州の精神保健予算の1%未満であった。",
            "Peer-run organizations received less than 1% of the state mental health budget.",
            note="sentence left in English"),
    # peer-support-homelessness-sud-pilot-2023
    number("peer-support-homelessness-sud-pilot-2023", "zh", "减少了5.8天", "减少了8.5天",
           note="5.8 -> 8.5 days"),
    term("peer-support-homelessness-sud-pilot-2023", "ja", "16週時点で物質使用の治療",
         "16週時点で薬物の治療", (MISSING, "substance-use"), note="物質使用 replaced by 薬物"),
    drop("peer-support-homelessness-sud-pilot-2023", "zh", "随访保留率为87.5%。",
         "Retention at follow-up", note="sentence dropped"),
    # local-government-peer-workers-japan-2022
    term("local-government-peer-workers-japan-2022", "ja", "ピアワーカーの71.9%", "ピア労働者の71.9%",
         (FORBIDDEN, "peer-worker"), (INCONSISTENT, "peer-worker"),
         note="deprecated ピア労働者; ピアワーカー elsewhere"),
    english("local-government-peer-workers-japan-2022", "zh",
            "每小时工资中位数为1050日元，71.9%的同伴工作者每周工作不足20小时。",
            "The median hourly wage was 1,050 yen, and 71.9% of peer workers worked fewer than "
            "20 hours per week.", note="sentence left in English"),
    term("local-government-peer-workers-japan-2022", "zh", "关于招聘和培训的国家指南",
         "关于人员聘用和培训的国家指南", (MISSING, "recruitment"), note="招聘 paraphrased as 人员聘用"),
    # community-peer-support-schizophrenia-2023
    term("community-peer-support-schizophrenia-2023", "zh", "内化病耻感更低", "内化耻辱感更低",
         (FORBIDDEN, "stigma"), note="deprecated 耻辱(感)"),
    number("community-peer-support-schizophrenia-2023", "ja", "（14.7%対16.1%", "（17.4%対16.1%",
           note="14.7% -> 17.4%"),
    term("community-peer-support-schizophrenia-2023", "ja", "退院後に精神科リハビリテーション",
         "退院後にリハビリテーション", (MISSING, "psychiatric-rehabilitation"),
         note="精神科 dropped from 精神科リハビリテーション"),
    # ed-peer-suicide-prevention-2024
    drop("ed-peer-suicide-prevention-2024", "ja", "3か月時点で、絶望感の得点はピア群でより大きく低下した（p=0.004）。",
         "Hopelessness scores fell", note="sentence dropped"),
    term("ed-peer-suicide-prevention-2024", "zh", "诊疗后自杀预防的有益补充", "诊疗后防止自杀的有益补充",
         (MISSING, "suicide-prevention"), note="自杀预防 paraphrased as 防止自杀"),
    term("ed-peer-suicide-prevention-2024", "zh", "在常规治疗组为10.4%", "在常规照护组为10.4%",
         (INCONSISTENT, "treatment-as-usual"), note="admitted 常规照护 beside 常规治疗"),
    # peer-recovery-coaches-jail-oud-2022
    number("peer-recovery-coaches-jail-oud-2022", "zh", "获释的918名", "获释的981名",
           note="918 -> 981"),
    term("peer-recovery-coaches-jail-oud-2022", "ja", "刑事司法の場", "犯罪司法の場",
         (FORBIDDEN, "criminal-justice"), note="deprecated 犯罪司法"),
    term("peer-recovery-coaches-jail-oud-2022", "ja", "致死的および非致死的な過量服薬",
         "致死的および非致死的な薬物中毒", (MISSING, "overdose"),
         note="過量服薬 replaced by 薬物中毒 (poisoning)"),
    # integrated-primary-care-peer-workers-2021
    term("integrated-primary-care-peer-workers-2021", "zh", "将服务使用者与社区资源", "将服务用户与社区资源",
         (FORBIDDEN, "service-user"), note="deprecated 服务用户"),
    number("integrated-primary-care-peer-workers-2021", "ja", "最初の6か月間", "最初の3か月間",
           note="6 -> 3 months"),
    english("integrated-primary-care-peer-workers-2021", "ja",
            "役割を明確に定義し、他のチームメンバーに専門職教育を行うことで、統合ケアを強化できる可能性がある。",
            "Clear role definitions and professional education for other team members could "
            "strengthen integrated care.", note="sentence left in English"),
    drop("integrated-primary-care-peer-workers-2021", "zh",
         "同伴工作者报告，加入团队后的前6个月内，来自工作人员的病耻感有所减少。",
         "stigma from staff decreased", note="sentence dropped"),
    # federal-peer-training-grants-2023
    term("federal-peer-training-grants-2023", "zh", "行为健康人力短缺", "行为健康劳动力短缺",
         (FORBIDDEN, "behavioral-health-workforce"), (INCONSISTENT, "behavioral-health-workforce"),
         note="deprecated 行为健康劳动力; 行为健康人力 in the title"),
    term("federal-peer-training-grants-2023", "ja", "保健資源サービス局は", "保健資源局は",
         (MISSING, "hrsa"), note="agency name shortened to 保健資源局"),
    number("federal-peer-training-grants-2023", "ja", "修了者の68.3%", "修了者の63.8%",
           note="68.3% -> 63.8%"),
    english("federal-peer-training-grants-2023", "zh", "来自农村地区的学员招聘比例仍然较低（11.4%）。",
            "Recruitment of trainees from rural areas remained low (11.4%).",
            note="sentence left in English"),
]


def apply(injections: list[Injection]) -> dict[tuple[str, str], str]:
    """The modified texts by (doc_id, lang); raises when an ``old`` is not found exactly once."""
    texts: dict[tuple[str, str], str] = {}
    for inj in injections:
        key = (inj.doc, inj.lang)
        if key not in texts:
            texts[key] = (CLEAN / f"{inj.doc}.{inj.lang}.txt").read_text(encoding="utf-8")
        n = texts[key].count(inj.old)
        if n != 1:
            raise SystemExit(f"{inj.doc}.{inj.lang}: {inj.old!r} occurs {n} times")
        texts[key] = texts[key].replace(inj.old, inj.new)
    return texts


def segment_index(segments, doc: str, lang: str, needle: str) -> int:
    hits = [int(s["index"]) for s in segments if s["doc_id"] == doc and s["lang"] == lang
            and needle in s["text"]]
    if len(hits) != 1:
        raise SystemExit(f"{doc}.{lang}: {needle!r} is in segments {hits}, expected exactly one")
    return hits[0]


def main() -> None:
    from pipeline import load_documents, segment_documents

    texts = apply(INJECTIONS)
    if INJECTED.exists():
        shutil.rmtree(INJECTED)
    INJECTED.mkdir()
    for path in sorted(CLEAN.glob("*.txt")):
        shutil.copyfile(path, INJECTED / path.name)
    for (doc, lang), text in texts.items():
        (INJECTED / f"{doc}.{lang}.txt").write_text(text, encoding="utf-8")
    segments = segment_documents(load_documents([INJECTED]).documents).to_dict("records")
    rows = []
    for inj in INJECTIONS:
        if inj.kind == "drop":
            tgt, src = "", str(segment_index(segments, inj.doc, "en", inj.src))
        else:
            tgt, src = str(segment_index(segments, inj.doc, inj.lang, inj.new)), ""
        for check, concept in inj.checks:
            rows.append({"doc_id": inj.doc, "tgt_lang": inj.lang, "check": check,
                         "concept_id": concept, "tgt_index": tgt, "note": inj.note,
                         "src_index": src})
    with GOLD.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, GOLD_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(INJECTIONS)} injections, {len(rows)} gold rows -> {GOLD}", file=sys.stderr)


if __name__ == "__main__":
    main()
