"""Lines with no natural-language words (formulas, units, statistics, codes) are ``und``.

Held-out error class (heldout2): such lines inside a document took the document's language.
Our own examples: every word-like token is a symbol, a unit, a statistic's name or a code, so the
line supports no language and context has nothing to choose between.
"""
from __future__ import annotations

import pytest

from pipeline.detect import detect, detect_units
from pipeline.langid.notation import is_notation

EN_DOC = ["Results", "Crack growth followed the Paris law in every specimen.",
          "The welded joints failed earlier than the base metal."]
FR_DOC = ["Résultats", "La fissure a progressé selon la loi de Paris dans chaque éprouvette.",
          "Les assemblages soudés ont rompu plus tôt que le métal de base."]
JA_DOC = ["結果", "き裂進展はすべての試験片でParis則に従った。", "溶接継手は母材より早く破断した。"]
ZH_DOC = ["结果", "所有试样的裂纹扩展均符合Paris公式。", "焊接接头比母材更早断裂。"]
DOCS = {"en": EN_DOC, "fr": FR_DOC, "ja": JA_DOC, "zh": ZH_DOC}

NOTATION = [
    "k = 0.045 W/(m·K), ρ = 1200 kg/m³",       # symbols, Greek, SI units
    "Q = 12.5 L/min, ΔP = 3.2 kPa",
    "λ = 532 nm, P = 20 mW",
    "Eₐ = 52 kJ/mol",                           # subscript letters
    "Ea/RT = 14.2",                             # short names glued to an operator
    "dT/dx = −q/k",                             # a derivative
    "y = 0.82x + 1.4 (R² = 0.97)",              # letters glued to digits
    "Kmax = 12 MPa·m^0.5, Kmin = 1.2 MPa·m^0.5",  # a symbol with a max/min subscript
    "log N = 12.6 − 3.0 log S",                 # function names
    "pH 7.4, 37 °C",
    "τ = 12 ms",
    "M = 24.3, SD = 5.1",                       # statistics abbreviations
    "F(2, 315) = 7.84, η² = 0.05",
    "t(48) = 2.61, p = 0.012",
    "Hedges' g = 0.31 (95% CI 0.12–0.50)",     # an eponym names the statistic
    "Cronbach's α = 0.87",
    "Kendall's W = 0.62",
    "ОШ 1,74; 95% ДИ 1,31–2,30",                # Cyrillic abbreviations
    "Ｅ＝７０ ＧＰａ，ν＝０．３３",               # full-width forms
    "ｆ＝１５ Ｈｚ，Ｒ＝０．１",
    "Kmax＝12 MPa√m，R＝0.1",
    "2019;7(4):e1123",                          # a citation's volume, issue and article id
    "38(2):S112–S119",
]


@pytest.mark.parametrize("line", NOTATION)
def test_notation_alone_is_und(line: str) -> None:
    assert detect(line).lang == "und"


@pytest.mark.parametrize("doc", list(DOCS), ids=list(DOCS))
@pytest.mark.parametrize("line", NOTATION)
def test_notation_ignores_document_context(line: str, doc: str) -> None:
    units = DOCS[doc][:2] + [line] + DOCS[doc][2:]
    assert detect_units(units)[2].lang == "und"
    assert detect(line, context="\n".join(units)).lang == "und"


# Sentences that contain statistics, formulas or units keep their language.
WITH_WORDS = [
    ("en", "The OR was 1.2 (95% CI 1.1–1.4)."),
    ("en", "Mean age was 54 years (SD 9)."),
    ("en", "Cohen's d was 0.48 for the primary outcome."),
    ("en", "Stiffness rose to E = 210 GPa after annealing."),
    ("en", "Yield stress σy = 355 MPa was assumed for all members."),
    ("en", "Values are mean ± SD."),
    ("en", "p < 0.05 was considered significant."),
    ("en", "The effect was small (d = 0.2)."),
    ("fr", "La rigidité atteint E = 210 GPa après un recuit de deux heures."),
    ("zh", "其中E = 206 GPa，ν = 0.30。"),
    ("ja", "ここではE = 206 GPa，ν = 0.30とした。"),
]


@pytest.mark.parametrize(("lang", "line"), WITH_WORDS)
def test_lines_with_words_keep_their_language(lang: str, line: str) -> None:
    assert detect(line).lang == lang
    units = DOCS[lang][:2] + [line] + DOCS[lang][2:]
    assert detect_units(units)[2].lang == lang


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Dose (mg/kg)"), ("en", "Reynolds number"), ("en", "Vitamin D"),
    ("en", "Takuya Matsushige, Hiroko Sato")])
def test_labels_with_a_word_follow_their_document(lang: str, line: str) -> None:
    units = DOCS[lang][:2] + [line] + DOCS[lang][2:]
    assert detect_units(units)[2].lang == lang


# Short words of real languages are words, not symbols: they keep whatever the line says.
@pytest.mark.parametrize("line", [
    "Ja", "Yu", "Xu Li", "Ma", "Da", "Tỷ lệ = 25%", "και", "Ναι", "Да", "pp. 12–18",
    "Sample size = 120", "Men = 45%, Women = 55%", "Mann–Whitney U test", "Student's t-test",
    "Cohen's d was 0.48", "He/she", "Vitamin D", "Dose (mg/kg)", "IL-6 and TNF-α"])
def test_words_are_not_notation(line: str) -> None:
    assert not is_notation(line)


@pytest.mark.parametrize("line", ["SARS-CoV-2", "HbA1c", "n (%)", "OR (95% CI)", "Pearson's r",
                                  "Age = 45", "A. B."])
def test_labels_without_words_are_notation(line: str) -> None:
    assert is_notation(line)
