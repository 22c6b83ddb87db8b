"""Which line breaks end a segment (pairs of adjacent lines)."""
import pytest

from pipeline.segmentation.lines import breaks_after

#: A line that is neither a title nor finished: only a rule about the next line can end it.
SENTENCE = "We compared outcomes between the two groups of older adults living alone"

CASES = [
    # author lines after a sentence-case title; not after a line that is still going
    ("Sleep and screen use among adolescents in two U.K. cities", "Hannah J. Moreau, Kwame Osei",
     True),
    (SENTENCE, "Sarah Lee, MD, PhD¹; Tom R. Aguilar, MSW²", True),
    (SENTENCE, "Department of Epidemiology, School of Public Health", False),  # not names
    ("The survey was designed by", "John Smith, Mary Jones and Ann Lee", False),
    ("The panel met the players in the top match, with Paul", "Casey, Justin Rose and Ian", False),
    # an inline heading or a second metadata field starts a segment
    ("（1. 复旦大学护理学院，上海 200032；2. 上海市精神卫生中心，上海 200030）", "目的：了解护士的职业倦怠。",
     True),
    ("1)東山大学大学院医学研究科公衆衛生学分野，2)西海医療大学保健学部看護学科", "【背景】高齢者の孤立が問題である。",
     True),
    ("作者简介：陈静，女，硕士，主要研究方向为社区护理，E-mail：chenj@example.org", "基金项目：省级课题",
     True),
    ("她说：“我们已经研究过这些数据。”随后她在没有提供证据的", "情况下补充：“结论很清楚。”", False),
    ("Outcomes were assessed with three", "measures: a, b and c.", False),
    ("We report the effects of the programme on", "Results: none", False),
    # citation lines end their segment, with or without a final abbreviation
    ("Prev Med. 2023 Aug 1;35:102. doi: 10.1/x. eCollection 2023 Oct.", "Neighbourhood effects",
     True),
    # a bracket the sentence goes on after continues the line; a bracketed sentence does not
    ("Relapse was less frequent with peer support", "(HR 0.72, 95% CI 0.58 to 0.89).", False),
    ("Peer Support in Rural Clinics", "(The full protocol is online.)", True),
    # CJK lines ending on a particle that no title ends on are wraps
    ("造影MRI検査および骨シンチグラフィで", "腰椎に多発する病変を認め，", False),
    ("采用结构化问卷对社区居民的", "健康素养水平进行评估，", False),
    ("高齢者の社会的孤立について", "本研究は孤立を検討した。", True),
    ("地域包括ケアの課題", "本研究は孤立を検討した。", True),
]


@pytest.mark.parametrize(("prev", "nxt", "expected"), CASES)
def test_breaks_after(prev: str, nxt: str, expected: bool) -> None:
    assert breaks_after(prev, nxt) is expected
