"""Spans where no sentence may end: URLs, DOIs, e-mail addresses and citation lines."""
import pytest

from pipeline.segmentation.protect import Protected, citation_matches, is_citation_line


def spans(text: str) -> list[str]:
    """The protected substrings of ``text``, read back through ``in`` one offset at a time."""
    p = Protected(text)
    out: list[str] = []
    for i, ch in enumerate(text):
        if i in p:
            if i and i - 1 in p:
                out[-1] += ch
            else:
                out.append(ch)
    return out


GOLDEN = [
    ("doi: 10.1016/j.jpsychires.2021.01.001", ["10.1016/j.jpsychires.2021.01.001"]),
    ("DOI：10.3760/cma.j.cn112150-20200101-00001。", ["10.3760/cma.j.cn112150-20200101-00001"]),
    ("See https://doi.org/10.1176/appi.ps.201800123.", ["https://doi.org/10.1176/appi.ps.201800123"]),
    ("Available at www.samhsa.gov/brss-tacs. Next.", ["www.samhsa.gov/brss-tacs"]),
    ("ftp://ftp.example.org/pub/data.csv", ["ftp://ftp.example.org/pub/data.csv"]),
    ("详见https://example.cn/a（附件）。", ["https://example.cn/a"]),
    ("Correspondence: jane.doe@example.org.", ["jane.doe@example.org"]),
    ("通讯作者：张三，E-mail：zhangsan@example.cn", ["zhangsan@example.cn"]),
    ("連絡先：yamada@example.ac.jp", ["yamada@example.ac.jp"]),
    ("Cite this article: Smith J, Lee K. Peer support. J Psychiatr Res. 2021;12(3):45-67.",
     ["Cite this article: Smith J, Lee K. Peer support. J Psychiatr Res. 2021;12(3):45-67"]),
    ("Am J Prev Med. 2018 Jun;54(6 Suppl 3):S258-S266. doi: 10.1016/j.amepre.2018.01.001. Next.",
     ["Am J Prev Med. 2018 Jun;54(6 Suppl 3):S258-S266. doi: 10.1016/j.amepre.2018.01.001"]),
    ("BMJ Open. 2019;7:e123.", ["BMJ Open. 2019;7:e123"]),
    ("中华预防医学杂志，2021，55（3）：345-350．", ["中华预防医学杂志，2021，55（3）：345-350"]),
    ("引用本文：张三, 李四. 标题[J]. 中华预防医学杂志, 2021, 55(3): 345-350. DOI：10.3760/x.",
     ["引用本文：张三, 李四. 标题[J]. 中华预防医学杂志, 2021, 55(3): 345-350. DOI：10.3760/x"]),
    ("山田太郎, 他. 日本公衆衛生雑誌 2020; 67(5): 321-330.",
     ["山田太郎, 他. 日本公衆衛生雑誌 2020; 67(5): 321-330"]),
    # full-width semicolon and colon, as Japanese journals print them (heldout2 class B)
    ("引用：山田太郎，他．日本公衆衛生雑誌．2020；67（5）：321-330．",
     ["引用：山田太郎，他．日本公衆衛生雑誌．2020；67（5）：321-330"]),
    ("看護研究．2019；52（3）：210-219．doi：10.11477/mf.1681201234",
     ["看護研究．2019；52（3）：210-219．doi：10.11477/mf.1681201234"]),
    # PubMed's publication dates after the DOI
    ("Front Psychol. 2022 Jan 10;12:771234. doi: 10.3389/fpsyg.2021.771234. eCollection 2021.",
     ["Front Psychol. 2022 Jan 10;12:771234. doi: 10.3389/fpsyg.2021.771234. eCollection 2021"]),
    ("Soc Sci Med. 2021 Sep;284:114231. Epub 2021 Jul 20. Next.",
     ["Soc Sci Med. 2021 Sep;284:114231. Epub 2021 Jul 20"]),
    # Not protected: no pages, prose years, prose "doi".
    ("2019年12月；126例（男70例）：随访6个月。", []),
    ("J Psychiatr Res. 2021;12(3).", []),
    ("In 2018; 45 (30%) workers were certified.", []),
    ("The doi of each article was checked by hand.", []),
    ("as shown by Smith et al. (2019), peer workers help.", []),
    ("文献10.1234/abc", []),
]


@pytest.mark.parametrize("text,expected", GOLDEN)
def test_protected_spans(text, expected):
    assert spans(text) == expected


def test_a_citation_far_into_its_line_does_not_take_the_line_start():
    text = "x" * 200 + " Lancet. 2020;395:912-920."
    assert spans(text) == ["2020;395:912-920"]


def test_citation_lines_end_after_their_tail_only():
    assert is_citation_line("Prev Med. 2023 Aug 1;35:102. doi: 10.1/x. eCollection 2023 Oct.")
    assert is_citation_line("看護研究．2019；52（3）：210-219．")
    assert not is_citation_line("Psychiatr Serv. 2019;70(3):210-217. Peer support is common")
    assert not is_citation_line("x" * 200 + " Lancet. 2020;395:912-920.")


def test_nothing_protected_is_false():
    assert not Protected("Peer workers were employed in 2019 and 2020.")
    assert Protected("see www.example.org")


def test_citation_matches_need_volume_and_pages():
    assert [m.group(0) for m in citation_matches("Lancet 2020;395:912-920")] == [
        "2020;395:912-920"]
    assert citation_matches("In 2018; 45 (30%) workers") == []
