"""Numbers written with digits, shared by the number check and the aligner's anchors."""
from decimal import Decimal

import pytest

from pipeline.quantities import Quantity, canonical, find, fold, normalize


@pytest.mark.parametrize("text,values", [
    ("1,234 (45.0%) of 12,000", ["1234", "45", "12000"]),
    ("１２３４名、０．５", ["1234", "0.5"]),
    ("95% CI 1.2–3.4, p < .05", ["95", "1.2", "3.4", "0.05"]),
    ("12,5 and 1,2345", ["12", "5", "1", "2345"]),
    ("0.67，95%", ["0.67", "95"]),
    ("８，４２１世帯", ["8421"]),
    ("2.4 million, 240 万, 1.2亿, 3 thousand", ["2400000", "2400000", "120000000", "3000"]),
])
def test_values(text, values):
    assert [q.value for q in find(text)] == values


@pytest.mark.parametrize("text,identifiers", [
    ("COVID-19", [True]),
    ("H1N1", [True, True]),
    ("S258-S266", [True, True]),
    ("Fig.2", [True]),
    ("12-15 and 图2 and 5mg", [False, False, False, False]),
])
def test_digits_glued_to_latin_letters_are_identifiers(text, identifiers):
    assert [q.identifier for q in find(text)] == identifiers


def test_surface_keeps_the_scale_word():
    assert find("about 2.4 million people") == [Quantity("2400000", "2.4 million", False)]


def test_fold_keeps_a_chinese_comma_from_grouping_digits():
    assert fold("0.67，95%") == "0.67、95%"
    assert fold("１，２３４") == "1,234"


@pytest.mark.parametrize("value,expected", [
    (Decimal("12.50"), "12.5"), (Decimal("2.4") * 1_000_000, "2400000"), (100, "100"),
    (0.25, "0.25"), ("007", "7"),
])
def test_canonical(value, expected):
    assert canonical(value) == expected


@pytest.mark.parametrize("token,expected", [
    ("1,234", "1234"), ("０.５0", "0.5"), (".05", "0.05"), ("240万", "2400000"),
    ("12,5", "12,5"), ("abc", "abc"),
])
def test_normalize(token, expected):
    assert normalize(token) == expected
