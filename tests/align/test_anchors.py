"""Anchors: the numbers and Latin tokens that tie segments across languages."""
import pytest

from pipeline.align.anchors import extract, number_weight
from pipeline.quantities import normalize as normalize_number

NUMBERS = [
    ("1,234 workers", ("1234",)),
    ("1,234,567", ("1234567",)),
    ("12.50", ("12.5",)),
    ("12, 5", ("12", "5")),
    ("１２３４", ("1234",)),
    ("２０１８年", ("2018",)),
    ("45.0%", ("45",)),
    ("12–15", ("12", "15")),
    ("12-15", ("12", "15")),
    ("2019〜2021年", ("2019", "2021")),
    ("007", ("7",)),
    ("0", ("0",)),
    ("10:44", ("10", "44")),
    ("OR=1.2", ("1.2",)),
    ("-5", ("5",)),
    ("5mg", ("5",)),
    # Digits inside identifiers tie segments too (the aligner is not the number check).
    ("COVID-19", ("19",)),
    ("H1N1", ("1", "1")),
    ("S258-S266", ("258", "266")),
    ("Fig.2", ("2",)),
    ("SF-36", ("36",)),
    ("８，４２１世帯", ("8421",)),  # a full-width digit group
    # Read as the number check reads them since both share pipeline.quantities (the values
    # before, in comments, came from the aligner's own regex):
    ("12,5", ("12", "5")),  # 12.5: en/zh/ja never write a decimal comma
    ("[1,2]", ("1", "2")),  # 1.2: citation numbers
    ("1,234.5", ("1234.5",)),  # 1.234.5
    ("p < .05", ("0.05",)),  # 5
    ("p＜0.05", ("0.05",)),  # .05
    ("0.5", ("0.5",)),  # .5
    ("0.67，95%", ("0.67", "95")),  # .67.95: a Chinese comma joined two numbers
    ("2019，2020年", ("2019", "2020")),  # 2019.202
    ("1.234.567", ("1.234",)),  # 1.234.567
    ("2021.01.05", ("2021.01",)),  # 2021.01.05
    ("...5 patients", ()),  # 5
    ("2.4 million", ("2400000",)),  # 2.4: now ties with 240万
    ("240万人", ("2400000",)),  # 240
    ("1,900万", ("19000000",)),  # 1900
    ("600億ドル", ("60000000000",)),  # 600
]


@pytest.mark.parametrize("text,numbers", NUMBERS)
def test_numbers(text, numbers):
    assert extract(text).numbers == numbers


@pytest.mark.parametrize("token,expected", [
    ("1,234", "1234"), ("12.50", "12.5"), ("007", "7"), ("0", "0"),
    ("１，２３４", "1234"), ("0.5", "0.5"), (".05", "0.05"), ("240万", "2400000"),
    ("12,5", "12,5"),  # two numbers, not one: returned as it is (was 12.5)
])
def test_normalize_number(token, expected):
    assert normalize_number(token) == expected


def test_scale_words_tie_segments_across_languages():
    assert set(extract("2.4 million people").numbers) & set(extract("240万人口").numbers)


def test_latin_tokens_are_casefolded_and_single_letters_dropped_unless_capitals():
    a = extract("Peer workers (PWs) in a COVID-19 ward, see Fig. B")
    assert a.latin == {"peer", "workers", "pws", "in", "covid-19", "ward", "see", "fig", "b"}


def test_full_width_latin_is_folded():
    assert extract("ＰＴＳＤ患者").latin == {"ptsd"}


def test_concepts_are_kept():
    assert extract("x", concepts=["c1", "c2"]).concepts == {"c1", "c2"}


def test_number_weight_discounts_single_digits():
    assert number_weight("2") == 0.5
    assert number_weight("12") == 1.0


