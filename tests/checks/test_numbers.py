import pytest

from pipeline.checks.numbers import compare, hard_numbers, soft_numbers


@pytest.mark.parametrize("src,tgt", [
    ("Thursday, 19 July 2018: 10:44", "2018年7月19日（星期四）10:44"),
    ("1,234 workers (45.0%)", "1234名工作者（45%）"),
    ("12,000 people", "1.2万人"),
    ("three studies", "三项研究"),
    ("p < .05", "p＜0.05"),
    ("COVID-19 and H1N1", "新冠肺炎和甲流"),          # identifiers, not quantities
    ("in 2019–2021", "2019〜2021年"),
])
def test_same_numbers(src, tgt):
    assert compare(src, tgt) == ([], [])


@pytest.mark.parametrize("src,tgt,missing,extra", [
    ("120 workers", "210名工作者", ["120"], ["210"]),
    ("in 2018", "2019年", ["2018"], ["2019"]),
    ("45% were paid", "54%获得报酬", ["45"], ["54"]),
])
def test_different_numbers(src, tgt, missing, extra):
    assert compare(src, tgt) == (missing, extra)


def test_full_width_digits_are_numbers():
    assert set(hard_numbers("２０１８年")) == {"2018"}


def test_number_after_a_chinese_comma_is_read():
    # NFKC turns ， into , : the number after it is still a number.
    assert compare("(95% CI 1.2-3.4)", "，95% CI 1.2-3.4") == ([], [])


def test_chinese_comma_between_numbers_is_not_a_thousands_separator():
    assert compare("odds ratio 0.67, 95% CI 0.57–0.79", "比值比0.67，95% CI 0.57–0.79") == ([], [])


@pytest.mark.parametrize("src,tgt", [
    ("It has been a decade since the last case.", "前回から10年になる。"),
    ("They had known each other for a week.", "知り合ったのは1週間前だった。"),
    ("Rainfall of over half an inch.", "0.5インチを超える雨。"),
    ("his eighth album", "彼の8番目のアルバム"),
    ("A hip hop trio", "ヒップホップの3人組"),
    ("Three teenage boys were arrested.", "10代の少年3人が逮捕された。"),
])
def test_numbers_written_as_words_in_the_source(src, tgt):
    assert compare(src, tgt) == ([], [])


@pytest.mark.parametrize("src,tgt", [
    ("an area with 2.4 million people", "这个有 240 万人口的地区"),
    ("more than 19 million actions", "1,900万を超える行動"),
    ("tariffs on $60 billion of goods", "600億ドルの製品"),
    ("Another six million people", "还有600万人"),
])
def test_scale_words_and_cjk_myriads_compare_by_value(src, tgt):
    assert compare(src, tgt) == ([], [])


def test_scale_word_still_catches_a_wrong_value():
    assert compare("2.4 million people", "420万人口") == (["2.4 million"], ["420万"])


@pytest.mark.parametrize("text,expected", [
    ("1,234 workers", {"1234": "1,234"}),
    ("1,234.5", {"1234.5": "1,234.5"}),
    ("12,5", {"12": "12", "5": "5"}),
    ("[1,2]", {"1": "1", "2": "2"}),
    ("45.0%", {"45": "45.0"}),
    ("12–15", {"12": "12", "15": "15"}),
    ("p < .05", {"0.05": ".05"}),
    ("p＜0.05", {"0.05": "0.05"}),
    ("007", {"7": "007"}),
    ("240 万", {"2400000": "240 万"}),
    ("1.2亿", {"120000000": "1.2亿"}),
    ("3 thousand", {"3000": "3 thousand"}),
    ("比值比0.67，95% CI", {"0.67": "0.67", "95": "95"}),
    ("2019，2020年", {"2019": "2019", "2020": "2020"}),
    ("1.234.567", {"1.234": "1.234"}),
    ("2021.01.05", {"2021.01": "2021.01"}),
    ("图2", {"2": "2"}),
    ("5mg", {"5": "5"}),
    ("COVID-19, H1N1, S258-S266, Fig.2, SF-36, m²", {}),
    ("...5 patients", {}),
    ("（ｎ＝８，４２１世帯）", {"8421": "8,421"}),  # was {8, 421}: a full-width digit group
    ("N4,335", {}),  # was {335}: the tail of an identifier is not a quantity
])
def test_hard_numbers(text, expected):
    assert hard_numbers(text) == expected


def test_soft_numbers():
    assert soft_numbers("six million people in March, twice a decade; 三十五人") == {
        "6000000", "6", "1000000", "3", "2", "1", "10", "35"}
