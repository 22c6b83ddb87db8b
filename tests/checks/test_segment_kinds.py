"""Which segments the checks treat as reference lines (kept as they are by translators)."""
import pytest

from pipeline.checks.segment_kinds import is_reference

REFERENCES = [
    "doi: 10.1016/j.jpsychires.2021.01.001",
    "DOI：10.3760/cma.j.cn112150-20200101-00001",
    "https://doi.org/10.1176/appi.ps.201800123",
    "Available at www.samhsa.gov/brss-tacs.",
    "see 10.1234/abc.",
    ("Cite this article: Smith J, Lee K. Peer support in emergency care. "
     "J Psychiatr Res. 2021;12(3):45-67."),
    "J Psychiatr Res. 2021;12(3):45-67.",
    "Am J Prev Med. 2018 Jun;54(6 Suppl 3):S258-S266.",
    "引用：山田太郎，他．ピアサポートの効果．日本公衆衛生雑誌．2020;67(5):321-330.",
    "山田太郎, 他. 日本公衆衛生雑誌 2020; 67(5): 321-330.",
    "ISSN 1234-5678",
    "PMID: 31234567",
    "as shown by Smith et al. (2019), peer workers help.",
    "Smith et al., 2019 reported similar findings.",
]

NOT_REFERENCES = [
    "The doi of each article was checked by hand.",
    "We resolved every DOI and found none missing.",
    "Correspondence: jane.doe@example.org",
    "通讯作者：张三，E-mail：zhangsan@example.cn",
    "連絡先：yamada@example.ac.jp",
    "Peer workers were employed in 2019 and 2020.",
    "This was 2021: the year of the pandemic.",
    "A total of 1,234 (45.0%) peer workers responded.",
    "文献10.1234/abc",  # digits glued to a word are not a DOI
]

# is_reference reads the segmenter's patterns (pipeline.citations) since both recognised
# citations on their own; these lines changed side, each for the better:
CHANGED = [
    # Now references: an ftp URL, an e-locator instead of pages, Chinese citations.
    ("ftp://ftp.example.org/pub/data.csv", True),
    ("BMJ Open. 2019;7:e123.", True),
    ("引用本文：张三，李四．同伴支持工作者的就业状况［J］．中华预防医学杂志，2021，55（3）：345-350．",
     True),
    ("引用本文：张三, 李四. 同伴支持工作者的就业状况[J]. 中华预防医学杂志, 2021, 55(3): 345-350.",
     True),
    ("中华预防医学杂志，2021，55（3）：345-350", True),
    # Full-width semicolon and colon after the year, as Japanese journals print them (the
    # segmenter keeps such a line whole since heldout2).
    ("引用：山田太郎，他．ピアサポートの効果．日本公衆衛生雑誌．2020；67（5）：321-330．", True),
    # No longer references: prose that only looked like "year;volume(" and a version number.
    ("In 2018: 45 (30%) of the workers were certified.", False),
    ("In 2018; 45 (30%) workers were certified.", False),
    ("version 2.10.1234/5 of the tool", False),
    # The price: without pages, "year;volume(issue)" cannot be told from the prose above.
    ("J Psychiatr Res. 2021;12(3).", False),
    ("Psychiatr Serv 2019: 70 (4): 300-305.", False),
]


@pytest.mark.parametrize("text", REFERENCES)
def test_reference_lines(text):
    assert is_reference(text)


@pytest.mark.parametrize("text", NOT_REFERENCES)
def test_not_reference_lines(text):
    assert not is_reference(text)


@pytest.mark.parametrize("text,expected", CHANGED)
def test_changed_lines(text, expected):
    assert is_reference(text) is expected
