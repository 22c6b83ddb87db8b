import pytest

from pipeline.checks.numbers import compare, hard_numbers


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
