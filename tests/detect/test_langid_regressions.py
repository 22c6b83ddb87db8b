"""Error classes found by the held-out evaluation, with our own examples (different wording)."""
from __future__ import annotations

import time

import pytest

from pipeline.detect import detect, detect_units

EN_DOC = ["Results", "Mortality fell by a third in the treated group.", "We found no harms."]
FR_DOC = ["Résultats", "La mortalité a diminué d'un tiers dans le groupe traité.",
          "Aucun effet indésirable n'a été observé."]
JA_DOC = ["背景と目的", "本研究は地域在住高齢者の社会的孤立を調べた。", "結果は表に示す。"]


def _in(doc: list[str], line: str) -> str:
    """The line's language placed second in ``doc``, by both context mechanisms (must agree)."""
    units = doc[:1] + [line] + doc[1:]
    by_units = detect_units(units)[1].lang
    assert detect(line, context="\n".join(units)).lang == by_units
    return by_units


# 9. statistics and identifier lines have no language, with or without context
@pytest.mark.parametrize("line", [
    "p = 0.003", "HR = 0.84 (95% CI 0.77–0.92)", "n = 2,418,905", "r = 0.42", "g = 0.35",
    "(aOR=2.11, 95%CI: 1.40–3.18)", "OR=1.35，95%CI：1.10–1.66", "HR 0,91 (95%-KI 0,85–0,97)",
    "χ2 = 12.4, df = 3, p = 0.006", "β = −0.21 (SE 0.05)", "1.2 ± 0.3 vs 2.4 ± 0.5",
    "PMID: 33456789", "NCT04567890"])
def test_statistics_lines_are_und(line: str) -> None:
    assert detect(line).lang == "und"
    assert _in(EN_DOC, line) == "und"


# 10. an e-mail address does not swallow the CJK text before it
@pytest.mark.parametrize(("lang", "line"), [
    ("zh", "通讯作者：王敏，电子邮箱：wangmin@fudan.edu.cn"),
    ("ja", "連絡先：田中一郎，E-mail：tanaka@u-tokyo.ac.jp"),
    ("zh", "项目主页：https://example.org/peer，欢迎访问")])
def test_cjk_host_with_address(lang: str, line: str) -> None:
    assert detect(line).lang == lang


# 11, 12. a Han-only name list or code line in a Japanese document is Japanese
@pytest.mark.parametrize("line", ["山田花子，佐藤健，鈴木一郎", "JEL分類：D12，I18"])
def test_han_lists_follow_japanese_context(line: str) -> None:
    assert _in(JA_DOC, line) == "ja"


def test_han_sentence_without_kana_is_still_chinese() -> None:
    assert detect("我们对社区老年人进行了为期两年的随访，结果良好").lang == "zh"


# 13. a one-word heading is never guessed English when it is not an English word
@pytest.mark.parametrize(("line", "allowed"), [
    ("Conclusioni", {"it", "und"}), ("Conclusiones", {"es", "und"}), ("Ergebnisse", {"de", "und"}),
    ("Risultati", {"it", "und"})])
def test_foreign_heading_is_not_english(line: str, allowed: set[str]) -> None:
    assert detect(line).lang in allowed
    assert _in(EN_DOC, line) in allowed


@pytest.mark.parametrize("line", ["Conclusion", "Introduction", "Discussion"])
def test_shared_heading_follows_a_french_document(line: str) -> None:
    assert _in(FR_DOC, line) == "fr"
    assert _in(EN_DOC, line) == "en"


# 14. short lines of common English words are English without context
@pytest.mark.parametrize("line", ["Older adults", "Depressive symptoms", "Quality of life",
                                  "Vaccine hesitancy", "Thursday, 19 July 2018: 10:44"])
def test_short_english_lines(line: str) -> None:
    assert detect(line).lang == "en"


@pytest.mark.parametrize("line", ["Telemedicine", "Takuya Matsushige, Hiroko Sato", "BMJ Open"])
def test_unknown_short_lines_follow_an_english_document(line: str) -> None:
    assert _in(EN_DOC, line) == "en"


# 15. letters only one language writes decide a short line
@pytest.mark.parametrize(("lang", "line"), [
    ("pt", "Saúde mental"), ("pt", "Avaliação"), ("es", "Niños y adolescentes"),
    ("de", "Größe und Gewicht"), ("pl", "Zdrowie psychiczne młodzieży")])
def test_decisive_letters(lang: str, line: str) -> None:
    assert detect(line).lang == lang


# 16. Latin lines are decided without langdetect's sampling: fast and deterministic
def test_latin_lines_are_fast() -> None:
    lines = [f"Los resultados del grupo {i} mostraron una mejora clara." for i in range(300)]
    lines += [f"We followed cohort {i} for six years and found fewer falls." for i in range(300)]
    detect("warm up")
    started = time.perf_counter()
    found = detect_units(lines)
    elapsed = time.perf_counter() - started
    assert [d.lang for d in found] == ["es"] * 300 + ["en"] * 300
    assert elapsed < 1.5  # langdetect needs about 4 s for these 600 lines


# 17. a short line in another script that n-grams cannot pin to one language (Введение is
# Russian, Заключение Russian and Bulgarian, yet both score Bulgarian) is left to its document
RU_DOC = ["Аннотация", "Физическая активность подростков снизилась во время пандемии.",
          "Школьные программы должны поощрять ежедневную активность."]
BG_DOC = ["Резултати", "Физическата активност на учениците намаля по време на пандемията.",
          "Училищните програми трябва да насърчават ежедневното движение."]
FA_DOC = ["چکیده", "فعالیت بدنی نوجوانان در دوران همه‌گیری کاهش یافت.",
          "برنامه‌های مدرسه باید فعالیت روزانه را تشویق کنند."]


@pytest.mark.parametrize("line", ["Введение", "Заключение", "Аннотация", "Обсуждение"])
def test_shared_cyrillic_heading_follows_a_russian_document(line: str) -> None:
    assert detect(line).lang in ("ru", "und")
    assert _in(RU_DOC, line) == "ru"


def test_shared_cyrillic_heading_follows_a_bulgarian_document() -> None:
    assert _in(BG_DOC, "Заключение") == "bg"


def test_shared_arabic_script_heading_follows_a_persian_document() -> None:
    assert _in(FA_DOC, "مقدمه") == "fa"


@pytest.mark.parametrize(("lang", "line"), [("ru", "Выводы"), ("ru", "Ключевые слова"),
                                            ("bg", "Въведение"), ("fa", "نتایج")])
def test_unambiguous_other_script_heading_decides_alone(lang: str, line: str) -> None:
    assert detect(line).lang == lang


# 18. English function words other languages also write (in, is, was, of, a) are no evidence of
# English on their own: Dutch, German and Italian sentences that have only those are not English
@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Deze aanpak is haalbaar in de huisartsenpraktijk."),
    ("nl", "Dit verschil was klein maar klinisch relevant."),
    ("nl", "Deelnemers in de interventiegroep rapporteerden minder klachten."),
    ("nl", "Zorgverleners in de regio waren positief over de nieuwe werkwijze."),
    ("nl", "Kinderen in armoede hebben vaker astma."),
    ("nl", "Vrijwilligers in buurthuizen verminderen eenzaamheid aanzienlijk."),
    ("de", "Trainingsprogramme in Pflegeheimen reduzieren Stürze deutlich."),
    ("it", "Programmi in ambito scolastico riducono il fumo tra gli adolescenti.")])
def test_shared_function_words_do_not_make_a_sentence_english(lang: str, line: str) -> None:
    assert detect(line).lang == lang
    assert _in(EN_DOC, line) == lang


@pytest.mark.parametrize(("lang", "line"), [("nl", "Interventies in de wijk"),
                                            ("it", "Pazienti in terapia intensiva")])
def test_short_foreign_line_with_in_is_not_english(lang: str, line: str) -> None:
    assert detect(line).lang in (lang, "und")


@pytest.mark.parametrize("line", [
    "Depression is common in older adults.", "A total of 412 patients in 12 wards.",
    "Loneliness was more common in rural areas.", "Quality of life in dementia care",
    "We identified 12 de novo variants in the cohort.", "Telemedicine in rural Scotland"])
def test_english_with_shared_function_words_stays_english(line: str) -> None:
    assert detect(line).lang == "en"
