"""Golden cases, the offset invariant, linear time and the other modes of pipeline.segment."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.errors import UnsupportedLanguageError
from pipeline.models import Version
from pipeline.segment import (paragraph_spans, presegmented, segment_text, segment_version,
                              split_spans)
from pipeline.segmentation.evaluate import join_segments, read_gold, score


def texts(text: str, lang: str) -> list[str]:
    return [text[s:e] for s, e in split_spans(text, lang)]


GOLDEN_EN = [
    # abbreviations that do not end a sentence
    ("Peer roles (e.g. coaching) vary. Results differ.",
     ["Peer roles (e.g. coaching) vary.", "Results differ."]),
    ("Several outcomes, i.e. relapse and housing, were measured. We found gains.",
     ["Several outcomes, i.e. relapse and housing, were measured.", "We found gains."]),
    ("Smith et al. reported gains. Tanaka et al. found none.",
     ["Smith et al. reported gains.", "Tanaka et al. found none."]),
    ("As shown by Smith et al. The effect was small.",
     ["As shown by Smith et al.", "The effect was small."]),
    ("Staff, clients, families etc. were asked. Most agreed.",
     ["Staff, clients, families etc. were asked.", "Most agreed."]),
    ("They used forms, logs, etc. The forms were short.",
     ["They used forms, logs, etc.", "The forms were short."]),
    ("Funding came from the U.S. Department of Health. It was renewed.",
     ["Funding came from the U.S. Department of Health.", "It was renewed."]),
    ("Peer work began in the U.S. The model then spread.",
     ["Peer work began in the U.S.", "The model then spread."]),
    ("Dr. Tanaka led the trial. Prof. Ito reviewed it.",
     ["Dr. Tanaka led the trial.", "Prof. Ito reviewed it."]),
    ("See Table No. 5 for details. It lists all sites.",
     ["See Table No. 5 for details.", "It lists all sites."]),
    ("Peer vs. clinician delivery was compared. Both worked.",
     ["Peer vs. clinician delivery was compared.", "Both worked."]),
    ("Uptake rose (Fig. 2). Costs fell (Fig. 3).", ["Uptake rose (Fig. 2).", "Costs fell (Fig. 3)."]),
    ("Each session lasted approx. 45 minutes. Attendance was high.",
     ["Each session lasted approx. 45 minutes.", "Attendance was high."]),
    ("Data were collected from Jan. 2018 to Mar. 2019. Analysis followed.",
     ["Data were collected from Jan. 2018 to Mar. 2019.", "Analysis followed."]),
    ("Samples contained E. coli and S. aureus. Both were resistant.",
     ["Samples contained E. coli and S. aureus.", "Both were resistant."]),
    ("The model was proposed by J. Smith in 2001. It is widely used.",
     ["The model was proposed by J. Smith in 2001.", "It is widely used."]),
    ("Levels of vitamin D. The latter were low.", ["Levels of vitamin D.", "The latter were low."]),
    # numbers, ellipses, URLs, e-mails, DOIs
    ("The mean score rose from 3.4 to 4.1 points. Effects persisted.",
     ["The mean score rose from 3.4 to 4.1 points.", "Effects persisted."]),
    ("Results were mixed... Further work is needed.",
     ["Results were mixed...", "Further work is needed."]),
    ("Results were mixed… and inconclusive. Further work is needed.",
     ["Results were mixed… and inconclusive.", "Further work is needed."]),
    ("Materials are at https://example.org/peer.v2/index.html. Contact info@peer-work.org. Thanks.",
     ["Materials are at https://example.org/peer.v2/index.html.", "Contact info@peer-work.org.",
      "Thanks."]),
    ("Data: doi: 10.1016/j.amepre.2018.03.010. Code is public.",
     ["Data: doi: 10.1016/j.amepre.2018.03.010.", "Code is public."]),
    # citation line kept whole
    ("Am J Prev Med. 2018 Jun;54(6 Suppl 3):S258-S266. doi: 10.1016/j.amepre.2018.03.010.\n"
     "The growth of the peer workforce is bringing opportunities.",
     ["Am J Prev Med. 2018 Jun;54(6 Suppl 3):S258-S266. doi: 10.1016/j.amepre.2018.03.010.",
      "The growth of the peer workforce is bringing opportunities."]),
    ("Psychiatr Serv. 2019;70(3):210-217. Peer support is common.",
     ["Psychiatr Serv. 2019;70(3):210-217.", "Peer support is common."]),
    # sentences starting with a digit or a lower-case word
    ("We enrolled 120 adults in 2018. 45 of them were women.",
     ["We enrolled 120 adults in 2018.", "45 of them were women."]),
    ("Apps were rated highly. mHealth tools may help.",
     ["Apps were rated highly.", "mHealth tools may help."]),
    ("Effects were significant (p < 0.05). iPads were used for all interviews.",
     ["Effects were significant (p < 0.05).", "iPads were used for all interviews."]),
    # list items
    ("Peers helped by (1) sharing experience, (2) modelling recovery and (3) linking to care. "
     "This was valued.",
     ["Peers helped by (1) sharing experience, (2) modelling recovery and (3) linking to care.",
      "This was valued."]),
    ("Three themes emerged. (1) Trust was central. (2) Roles were unclear.",
     ["Three themes emerged.", "(1) Trust was central.", "(2) Roles were unclear."]),
    # closing quotes and brackets stay with the sentence
    ('This broadens the concept of "health workforce." Peers are part of it.',
     ['This broadens the concept of "health workforce."', "Peers are part of it."]),
    ("This broadens the concept of “health workforce.” Peers are part of it.",
     ["This broadens the concept of “health workforce.”", "Peers are part of it."]),
    ("(Details are given below.) The trial ran for a year.",
     ["(Details are given below.)", "The trial ran for a year."]),
    ('They called it "peer work." which was new.', ['They called it "peer work." which was new.']),
    ('"Why?" she asked. "Because it works." Peers agreed.',
     ['"Why?" she asked.', '"Because it works."', "Peers agreed."]),
    ('"We need a deal. We want the best deal." Talks resumed.',
     ['"We need a deal.', 'We want the best deal."', "Talks resumed."]),
    ("He enlisted in Sept. He served a year. Recruits joined in Sept. and Oct. 2017.",
     ["He enlisted in Sept.", "He served a year.", "Recruits joined in Sept. and Oct. 2017."]),
    ("The rally starts at 7 p.m. ET on Saturday. Sen. Warren spoke.",
     ["The rally starts at 7 p.m. ET on Saturday.", "Sen. Warren spoke."]),
    ("Is peer support effective? We reviewed 12 trials! Most were small.",
     ["Is peer support effective?", "We reviewed 12 trials!", "Most were small."]),
    # a numbered reference list: "1." at a line start is a label, not a sentence
    ("1. Smith J. Peer work. Lancet.\n2. Ito K. Recovery.",
     ["1. Smith J. Peer work.", "Lancet.", "2. Ito K. Recovery."]),
]

GOLDEN_LINES = [
    # headings, titles, author and date lines are their own segments
    ("Peer Workers As the Health Workforce in Japan: Broadening the Concept\n\n"
     "Thursday, 19 July 2018: 10:44\nOral Presentation\n"
     "Takuya MATSUSHIGE, National Institute of Public Health, Japan\n"
     "In recent policies, peers are employed. Evidence is growing.",
     ["Peer Workers As the Health Workforce in Japan: Broadening the Concept",
      "Thursday, 19 July 2018: 10:44", "Oral Presentation",
      "Takuya MATSUSHIGE, National Institute of Public Health, Japan",
      "In recent policies, peers are employed.", "Evidence is growing."]),
    ("Background\nPeer work is growing.\nMethods\nWe interviewed 20 peers.",
     ["Background", "Peer work is growing.", "Methods", "We interviewed 20 peers."]),
    ("Methods:\nWe interviewed 20 peers.", ["Methods:", "We interviewed 20 peers."]),
    # a hard-wrapped sentence continues on the next line
    ("The present study analyzes various cases of the\nimplementation of peer workers in\n"
     "Japan and clarifies challenges.",
     ["The present study analyzes various cases of the\nimplementation of peer workers in\n"
      "Japan and clarifies challenges."]),
    ("Peer workers were recruited from community\nsettings. Most had lived experience.",
     ["Peer workers were recruited from community\nsettings.", "Most had lived experience."]),
    ("Examples include e.g.\nhousing support.", ["Examples include e.g.\nhousing support."]),
    # a blank line always ends a segment
    ("A sentence without a stop\n\nanother paragraph", ["A sentence without a stop",
                                                         "another paragraph"]),
    ("Aims were:\n- reduce stigma\n- improve access", ["Aims were:", "- reduce stigma",
                                                       "- improve access"]),
]

GOLDEN_ZH = [
    ("同伴支持已在广泛的行为健康服务中实施。本文描述了组织的经验！是否有效？",
     ["同伴支持已在广泛的行为健康服务中实施。", "本文描述了组织的经验！", "是否有效？"]),
    ("他说：“我们会继续。”随后会议结束。", ["他说：“我们会继续。”", "随后会议结束。"]),
    ("本研究纳入了120名参与者；其中45名为女性。结果显示差异显著。",
     ["本研究纳入了120名参与者；其中45名为女性。", "结果显示差异显著。"]),
    ("我们研究了同伴支持（peer support）的作用。差异显著（p < 0.05）。",
     ["我们研究了同伴支持（peer support）的作用。", "差异显著（p < 0.05）。"]),
    ("该项目由U.S. Department of Health资助。结果良好。",
     ["该项目由U.S. Department of Health资助。", "结果良好。"]),
    ("The study reports results.本研究报告了结果。",
     ["The study reports results.", "本研究报告了结果。"]),
    # an English sentence ending in a number or a bracket, glued to Chinese
    ("Recruitment remained low (11.4%).联邦培训资助可以扩大同伴工作者队伍。",
     ["Recruitment remained low (11.4%).", "联邦培训资助可以扩大同伴工作者队伍。"]),
    ("Recruitment remained low at 11.4%.联邦培训。", ["Recruitment remained low at 11.4%.", "联邦培训。"]),
    ("Retention was 87.5 percent in 2023.联邦培训。", ["Retention was 87.5 percent in 2023.", "联邦培训。"]),
    ("方法\n我们访谈了20名同伴工作者。\n结论\n同伴支持有效。",
     ["方法", "我们访谈了20名同伴工作者。", "结论", "同伴支持有效。"]),
    ("本文是题为“行为健康劳动力:规划、实践和准备”的补充材料的一部分。该补充材料由美国赞助。",
     ["本文是题为“行为健康劳动力:规划、实践和准备”的补充材料的一部分。", "该补充材料由美国赞助。"]),
    ("平均得分从3.4升至4.1。效果持续。", ["平均得分从3.4升至4.1。", "效果持续。"]),
    # an ASCII quote glued after a stop opens the next sentence unless a quote is open
    ('他说。"我们会继续。"随后离开。', ['他说。', '"我们会继续。"', "随后离开。"]),
    ("所谓“复元”，是指“带着症状过有意义的生活。”的过程。", ["所谓“复元”，是指“带着症状过有意义的生活。”的过程。"]),
    ("同行工作人员被定义为从精神疾病中康复的人员,他们具有特定的\n同行支持能力。类似的角色也被确定。",
     ["同行工作人员被定义为从精神疾病中康复的人员,他们具有特定的\n同行支持能力。", "类似的角色也被确定。"]),
]

GOLDEN_JA = [
    ("ピアサポートは広がっている。本研究は課題を明らかにする！有効か？",
     ["ピアサポートは広がっている。", "本研究は課題を明らかにする！", "有効か？"]),
    ("「支援は重要だ。」と述べた。その後、調査を行った。",
     ["「支援は重要だ。」と述べた。", "その後、調査を行った。"]),
    ("委員会は次のように述べた。「最終決定は議員に委ねられる。」名称は未定である。",
     ["委員会は次のように述べた。", "「最終決定は議員に委ねられる。」", "名称は未定である。"]),
    ("ピアサポート（peer support）の効果を検討した（p < 0.05）。効果は大きかった。",
     ["ピアサポート（peer support）の効果を検討した（p < 0.05）。", "効果は大きかった。"]),
    ("U.S.の制度を参照した。",
     ["U.S.の制度を参照した。"]),
    ("This study examines peer workers.本研究はピアワーカーを検討する。",
     ["This study examines peer workers.", "本研究はピアワーカーを検討する。"]),
    ("結論\nピアワーカーは有用である。", ["結論", "ピアワーカーは有用である。"]),
    ("平均値は３．５であった。差は小さかった．次に分析した．",
     ["平均値は３．５であった。", "差は小さかった．", "次に分析した．"]),
    ("対象者は、(1)当事者、(2)家族であった。", ["対象者は、(1)当事者、(2)家族であった。"]),
]


#: Error classes found by the held-out evaluation (our own wording): (lang, text, expected).
REGRESSIONS = [
    # 1. number + unit + "." before a lower-case-initial term
    ("en", "Cells were incubated for 48 h. pH was then adjusted to 7.4.",
     ["Cells were incubated for 48 h.", "pH was then adjusted to 7.4."]),
    ("en", "Samples were frozen within 12 h. mRNA was extracted later.",
     ["Samples were frozen within 12 h.", "mRNA was extracted later."]),
    ("en", "Readings were taken every 6 min. eGFR declined steadily.",
     ["Readings were taken every 6 min.", "eGFR declined steadily."]),
    ("en", "Doses were split over 3 wk. iPhones logged each one.",
     ["Doses were split over 3 wk.", "iPhones logged each one."]),
    # 2. reference abbreviations before a number
    ("en", "Sect. 3 reviews prior work and Sects. 4-5 give data. Sec. 6 concludes.",
     ["Sect. 3 reviews prior work and Sects. 4-5 give data.", "Sec. 6 concludes."]),
    ("en", "Values follow Eq. 2 and Tab. 3 (see Suppl. 1, Vol. 9, pp. 4-7). Ch. 2 has more.",
     ["Values follow Eq. 2 and Tab. 3 (see Suppl. 1, Vol. 9, pp. 4-7).", "Ch. 2 has more."]),
    # 3. a stop inside brackets closed on the same line does not end the sentence
    ("en", "Most families took part (three refused. Two moved away) in the end. Data follow.",
     ["Most families took part (three refused. Two moved away) in the end.", "Data follow."]),
    ("en", "Scores rose [see note. It was checked] overall. Costs fell.",
     ["Scores rose [see note. It was checked] overall.", "Costs fell."]),
    ("en", "Costs fell (see Fig. 3.) Staff stayed.", ["Costs fell (see Fig. 3.)", "Staff stayed."]),
    ("en", "It was open (never closed. Then new text.",
     ["It was open (never closed.", "Then new text."]),
    ("zh", "量表经过修订（专家审阅了条目。信度系数为0.91）。随后开展调查。",
     ["量表经过修订（专家审阅了条目。信度系数为0.91）。", "随后开展调查。"]),
    ("ja", "対象は二つの地域である（注：2019年の調査。自治体を含む）。結果を示す。",
     ["対象は二つの地域である（注：2019年の調査。自治体を含む）。", "結果を示す。"]),
    # 4. a quoted Chinese sentence followed by its attribution or a copula clause
    ("zh", "“能被理解，就足够了。”他说。这是关键。", ["“能被理解，就足够了。”他说。", "这是关键。"]),
    ("zh", "「排班太死板。」是最常见的意见。另一个问题是薪酬。",
     ["「排班太死板。」是最常见的意见。", "另一个问题是薪酬。"]),
    ("zh", "“我们需要更多时间。”一位护士这样回答。会议结束。",
     ["“我们需要更多时间。”一位护士这样回答。", "会议结束。"]),
    ("zh", "“我们需要更多时间。”随后会议继续进行并讨论了下一步计划。",
     ["“我们需要更多时间。”", "随后会议继续进行并讨论了下一步计划。"]),
    # 5. an ellipsis trailing off a list inside a CJK sentence
    ("zh", "参与者提到焦虑、失眠……等问题。研究结束。", ["参与者提到焦虑、失眠……等问题。", "研究结束。"]),
    ("ja", "疲労、不安……などが挙げられた。以上である。", ["疲労、不安……などが挙げられた。", "以上である。"]),
    ("zh", "我们等了很久……最后决定退出。", ["我们等了很久……", "最后决定退出。"]),
    # 6. a stop inside brackets, then the closer and the sentence's own stop
    ("zh", "随访时间平均为30天（最长达到90天！）。其余见表2。",
     ["随访时间平均为30天（最长达到90天！）。", "其余见表2。"]),
    ("ja", "回答率は高かった（約95％！）。次に結果を述べる。",
     ["回答率は高かった（約95％！）。", "次に結果を述べる。"]),
    # 7. citation lines: a Chinese one with DOI：, a heading after it, a link line after a reference
    ("zh", "中国公共卫生，2020，36（4）：512-518. DOI：10.11847/zgggws1123456\n目的\n探讨同伴支持的效果。",
     ["中国公共卫生，2020，36（4）：512-518. DOI：10.11847/zgggws1123456", "目的",
      "探讨同伴支持的效果。"]),
    ("en", "Lancet Psychiatry. 2020 Mar;7:220-229. doi: 10.1016/S2215-0366(19)30001-1\n"
     "https://doi.org/10.1016/S2215-0366(19)30001-1\nBackground",
     ["Lancet Psychiatry. 2020 Mar;7:220-229. doi: 10.1016/S2215-0366(19)30001-1",
      "https://doi.org/10.1016/S2215-0366(19)30001-1", "Background"]),
    # 8. a long CJK line broken mid-sentence joins; titles and author lines do not
    ("zh", "本研究旨在探讨新冠疫情期间社区一线工作人员的抑郁与\n焦虑问题。结果显示差异。",
     ["本研究旨在探讨新冠疫情期间社区一线工作人员的抑郁与\n焦虑问题。", "结果显示差异。"]),
    ("ja", "地域包括ケアの課題\n高橋健一（東京大学医学部）\n背景\n本研究は高齢者を対象とした。",
     ["地域包括ケアの課題", "高橋健一（東京大学医学部）", "背景", "本研究は高齢者を対象とした。"]),
    # a long title line is not a wrapped sentence: the first sentence after it stands alone
    ("zh", "日本3个县精神分裂症患者亲属的家庭同伴支持\n精神分裂症患者的家庭成员常常面临病耻感和孤立，"
     "但很少有人获得系统的支持。",
     ["日本3个县精神分裂症患者亲属的家庭同伴支持",
      "精神分裂症患者的家庭成员常常面临病耻感和孤立，但很少有人获得系统的支持。"]),
    ("ja", "日本の3県における統合失調症のある人の家族を対象とした家族ピアサポート\n"
     "統合失調症のある人の家族は、しばしばスティグマや孤立に直面している。",
     ["日本の3県における統合失調症のある人の家族を対象とした家族ピアサポート",
      "統合失調症のある人の家族は、しばしばスティグマや孤立に直面している。"]),
    ("ja", "本研究では地域で暮らす高齢者の社会的孤立と抑うつ症状の\n関連を検討した。次に結果を示す。",
     ["本研究では地域で暮らす高齢者の社会的孤立と抑うつ症状の\n関連を検討した。", "次に結果を示す。"]),
    ("zh", "社区老年人社会隔离与抑郁症状关系的纵向队列研究\n王芳（复旦大学公共卫生学院）\n"
     "摘要：本文分析了队列数据。",
     ["社区老年人社会隔离与抑郁症状关系的纵向队列研究", "王芳（复旦大学公共卫生学院）",
      "摘要：本文分析了队列数据。"]),
]


#: Error classes found by the second held-out set (our own sentences, not the set's): A quotes,
#: B citation lines, C unpunctuated metadata lines, D hard wraps, E sentence-final abbreviations,
#: F identifiers after "No.".
REGRESSIONS_2 = [
    # A (the part fixed; see QUOTED_SENTENCES below for the rest): a Latin quotation closed
    # before a Japanese particle or inside a Chinese clause
    ("ja", '多くの参加者が"It was worth the effort."と答えた。次に示す。',
     ['多くの参加者が"It was worth the effort."と答えた。', "次に示す。"]),
    ("ja", '自由記述では"We felt heard."という回答が最も多かった。',
     ['自由記述では"We felt heard."という回答が最も多かった。']),
    ("zh", '受访者常用"I was not alone."来描述这段经历。',
     ['受访者常用"I was not alone."来描述这段经历。']),
    ("zh", '他说："I was not alone."随后离开了。', ['他说："I was not alone."', "随后离开了。"]),
    ("zh", "这将是“最好的结局!”到目前为止无人反对。", ["这将是“最好的结局!”", "到目前为止无人反对。"]),
    # a Chinese slogan in quotes, then "这一 + noun" that names it: one sentence
    ("zh", "社区开展了健康宣传。“少吃盐，多运动！”这一倡议已推广三年。",
     ["社区开展了健康宣传。", "“少吃盐，多运动！”这一倡议已推广三年。"]),
    # a quotation standing alone still splits from what follows
    ("zh", "“我们需要帮助。”随后会议继续。", ["“我们需要帮助。”", "随后会议继续。"]),
    # B. citation lines with full-width stops, or ending in Epub/eCollection dates
    ("ja", "佐藤 花子，鈴木 一郎：訪問看護師の離職要因．日本看護科学会誌．2020；40：112-120．\n"
     "本研究は離職を検討した．",
     ["佐藤 花子，鈴木 一郎：訪問看護師の離職要因．日本看護科学会誌．2020；40：112-120．",
      "本研究は離職を検討した．"]),
    ("ja", "看護研究．2019；52（3）：210-219．doi：10.11477/mf.1681201234\n背景",
     ["看護研究．2019；52（3）：210-219．doi：10.11477/mf.1681201234", "背景"]),
    ("en", "J Adolesc Health. 2020 Nov;67(5):701-708. doi: 10.1016/j.jadohealth.2020.05.012. "
     "Epub 2020 Jul 2.\nScreen time and sleep in adolescents",
     ["J Adolesc Health. 2020 Nov;67(5):701-708. doi: 10.1016/j.jadohealth.2020.05.012. "
      "Epub 2020 Jul 2.", "Screen time and sleep in adolescents"]),
    ("en", "Front Psychol. 2022 Jan 10;12:771234. doi: 10.3389/fpsyg.2021.771234. "
     "eCollection 2021.\nLoneliness in older adults",
     ["Front Psychol. 2022 Jan 10;12:771234. doi: 10.3389/fpsyg.2021.771234. eCollection 2021.",
      "Loneliness in older adults"]),
    # C. a line without a final stop before an author line, an inline heading or another field
    ("en", "Social media use and sleep duration among adolescents in two U.K. cities\n"
     "Hannah J. Moreau, Kwame Osei, Li-Na Park\nSchool of Nursing, Eastbrook University.",
     ["Social media use and sleep duration among adolescents in two U.K. cities",
      "Hannah J. Moreau, Kwame Osei, Li-Na Park", "School of Nursing, Eastbrook University."]),
    ("zh", "（1. 复旦大学护理学院，上海 200032；2. 上海市精神卫生中心，上海 200030）\n"
     "目的：了解护士的职业倦怠。",
     ["（1. 复旦大学护理学院，上海 200032；2. 上海市精神卫生中心，上海 200030）",
      "目的：了解护士的职业倦怠。"]),
    ("zh", "作者简介：陈静，女，硕士，E-mail：chenj@example.org\n基金项目：省级课题（2021Y03）",
     ["作者简介：陈静，女，硕士，E-mail：chenj@example.org", "基金项目：省级课题（2021Y03）"]),
    ("ja", "1)東山大学医学部保健学科，2)西海医療大学保健学部\n【背景】高齢者の孤立が問題となっている。",
     ["1)東山大学医学部保健学科，2)西海医療大学保健学部", "【背景】高齢者の孤立が問題となっている。"]),
    # D. a hard wrap before a statistic in brackets, or after a Japanese particle
    ("en", "Relapse was less frequent with peer support\n"
     "(HR 0.72, 95% CI 0.58 to 0.89). Adverse events were rare.",
     ["Relapse was less frequent with peer support\n(HR 0.72, 95% CI 0.58 to 0.89).",
      "Adverse events were rare."]),
    # ... but a parenthesised sentence of its own after a title line stays apart
    ("en", "Peer Support in Rural Clinics\n(The full protocol is online.)\nWe enrolled 40 sites.",
     ["Peer Support in Rural Clinics", "(The full protocol is online.)", "We enrolled 40 sites."]),
    ("ja", "造影MRI検査および骨シンチグラフィで\n腰椎に多発する病変を認め，\n精査目的で入院となった。",
     ["造影MRI検査および骨シンチグラフィで\n腰椎に多発する病変を認め，\n精査目的で入院となった。"]),
    ("zh", "采用结构化问卷对社区居民的\n健康素养水平进行评估，\n并分析其影响因素。",
     ["采用结构化问卷对社区居民的\n健康素养水平进行评估，\n并分析其影响因素。"]),
    # E. a dotted abbreviation that ends a sentence before a capitalised first word
    ("en", "Most clinics were located in the U.S. Drawing on claims data, we estimated costs.",
     ["Most clinics were located in the U.S.", "Drawing on claims data, we estimated costs."]),
    ("en", "Similar rules apply in the U.K. Notably, none of the sites were rural.",
     ["Similar rules apply in the U.K.", "Notably, none of the sites were rural."]),
    ("en", "Half of the supervisors held an M.Sc. Salaries were lower than expected.",
     ["Half of the supervisors held an M.Sc.", "Salaries were lower than expected."]),
    ("en", "Funding came from the U.S. Preventive Services Task Force. It was renewed.",
     ["Funding came from the U.S. Preventive Services Task Force.", "It was renewed."]),
    ("en", "It was passed as the U.S. Housing Act in 1937. Rents fell.",
     ["It was passed as the U.S. Housing Act in 1937.", "Rents fell."]),
    ("en", "The study was led by J. Manning and K. Riley. It ran for a year.",
     ["The study was led by J. Manning and K. Riley.", "It ran for a year."]),
    # F. "No." and its kin before an identifier that holds digits
    ("en", "This work was funded by grant no. K23-MH-104512 from the agency. Data are open.",
     ["This work was funded by grant no. K23-MH-104512 from the agency.", "Data are open."]),
    ("en", "Travel was covered by Contract No. AB2291. Nothing else was paid.",
     ["Travel was covered by Contract No. AB2291.", "Nothing else was paid."]),
]


#: Class A proper: the held-out sets' gold keeps a quotation that belongs to a longer sentence in
#: one segment, stops inside included. NTREX-128 splits inside quotations, and keeping them whole
#: cost 2.7–4.3 points of NTREX boundary F1 (en, zh, zh-Hant), so the segmenter follows NTREX
#: here (pipeline/segmentation/stops.py). Strict xfails: a change of that decision shows up.
QUOTED_SENTENCES = [pytest.param(*case, marks=pytest.mark.xfail(
    strict=True, reason="NTREX splits inside quotations; the abstract gold does not"))
    for case in [
        ("en", 'Staff reported, "The night shift is lonely. Nobody answers the phone." Others '
         "disagreed.",
         ['Staff reported, "The night shift is lonely. Nobody answers the phone."',
          "Others disagreed."]),
        ("en", 'A mother wrote: "We waited six months! Then the letter came." Her case was '
         "typical.",
         ['A mother wrote: "We waited six months! Then the letter came."',
          "Her case was typical."]),
        ("en", "Nurses said “the ward is short-staffed. We cope.” and left. Managers agreed.",
         ["Nurses said “the ward is short-staffed. We cope.” and left.", "Managers agreed."]),
        ("en", '"It helps. It really does," one client said. Staff agreed.',
         ['"It helps. It really does," one client said.', "Staff agreed."]),
        ("ja", "「薬の管理が難しい。家族の助けが必要だ。」という声が多かった。次に示す。",
         ["「薬の管理が難しい。家族の助けが必要だ。」という声が多かった。", "次に示す。"]),
        ("ja", "ある看護師は「夜勤は不安だ。相談相手がほしい。」と話した。以上である。",
         ["ある看護師は「夜勤は不安だ。相談相手がほしい。」と話した。", "以上である。"]),
        ("zh", "一位家属说：“排队的时间太长。医生也没有时间解释。”这种情况在农村更常见。",
         ["一位家属说：“排队的时间太长。医生也没有时间解释。”", "这种情况在农村更常见。"]),
        ("zh-Hant", "受訪者表示：「交通很不方便。每次看病都要請假。」\n討論\n需改善交通。",
         ["受訪者表示：「交通很不方便。每次看病都要請假。」", "討論", "需改善交通。"]),
    ]]


@pytest.mark.parametrize(("lang", "text", "expected"), QUOTED_SENTENCES)
def test_stops_inside_a_quotation_that_belongs_to_a_longer_sentence(lang: str, text: str,
                                                                    expected: list[str]) -> None:
    assert texts(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), REGRESSIONS_2)
def test_heldout2_error_classes(lang: str, text: str, expected: list[str]) -> None:
    assert texts(text, lang) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), REGRESSIONS)
def test_heldout_error_classes(lang: str, text: str, expected: list[str]) -> None:
    assert texts(text, lang) == expected


@pytest.mark.parametrize(("text", "expected"), GOLDEN_EN + GOLDEN_LINES)
def test_golden_en(text: str, expected: list[str]) -> None:
    assert texts(text, "en") == expected


@pytest.mark.parametrize(("text", "expected"), GOLDEN_ZH)
def test_golden_zh(text: str, expected: list[str]) -> None:
    assert texts(text, "zh") == expected


@pytest.mark.parametrize(("text", "expected"), GOLDEN_JA)
def test_golden_ja(text: str, expected: list[str]) -> None:
    assert texts(text, "ja") == expected


ALPHABET = st.sampled_from(list("ab Ab.。!?？！」』）)\"“”\n\n e.g U.S 3.4 本研究は「と") +
                           ["e.g.", "U.S.", "etc.", " The", "\n\n", "。」と", "http://x.org/a.", "@"])


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join), st.sampled_from(["en", "zh", "ja", "zh-Hant"]),
       st.integers(min_value=0, max_value=10_000))
def test_offsets_point_into_the_text(text: str, lang: str, base: int) -> None:
    segments = segment_text(text, lang, doc_id="d", base=base)
    previous_end = base
    for i, seg in enumerate(segments):
        assert seg.index == i
        assert text[seg.start - base:seg.end - base] == seg.text
        assert seg.text and seg.text == seg.text.strip()
        assert seg.start >= previous_end
        previous_end = seg.end
    # nothing but whitespace is left out of the segments
    inside = {i for s in segments for i in range(s.start - base, s.end - base)}
    assert all(ch.isspace() for i, ch in enumerate(text) if i not in inside)


def test_repeated_sentences_keep_their_own_offsets() -> None:
    text = "Peer work helps. Peer work helps. Peer work helps."
    segments = segment_text(text, "en", base=100)
    assert [(s.start, s.end) for s in segments] == [(100, 116), (117, 133), (134, 150)]


def test_segment_version_uses_base_and_lang() -> None:
    source = "Title\n\n同伴支持有效。同伴支持有效。"
    version = Version(doc_id="x", lang="zh", text=source[7:], path="x.txt", base=7)
    segments = segment_version(version)
    assert [source[s.start:s.end] for s in segments] == ["同伴支持有效。", "同伴支持有效。"]
    assert {(s.doc_id, s.lang) for s in segments} == {("x", "zh")}


def test_tags_are_normalised_and_unknown_tags_raise() -> None:
    assert segment_text("ピア。", "ja-JP")[0].lang == "ja"
    assert segment_text("同伴。", "zh-TW")[0].lang == "zh-Hant"
    with pytest.raises(UnsupportedLanguageError):
        split_spans("text", "xx-klingon")
    version = Version(doc_id="x", lang="tlh", text="t", path="x.tlh.txt", line=3)
    with pytest.raises(UnsupportedLanguageError, match="tlh") as info:
        segment_version(version)
    assert (info.value.path, info.value.line) == ("x.tlh.txt", 3)


def test_empty_and_blank_text_have_no_segments() -> None:
    assert split_spans("", "en") == []
    assert split_spans(" \n\n\t\u3000", "ja") == []


LABELLED = Path(__file__).parent / "data" / "seg"


@pytest.mark.parametrize("lang", ["en", "zh", "ja"])
def test_labelled_set_is_segmented_as_gold(lang: str) -> None:
    docs = read_gold(LABELLED / f"{lang}.txt", lang)
    assert len(docs) >= 10
    for doc in docs:
        assert tuple(s for s, _ in split_spans(doc.text, lang)) == doc.starts, doc.text[:60]


def test_gold_reader_and_boundary_score() -> None:
    doc = join_segments(["Methods<br>", "We met.", "It went well."], " ")
    assert doc.text == "Methods\nWe met. It went well."
    assert doc.starts == (0, 8, 16)
    result = score([doc], lambda text: [(0, 7), (8, 30)])
    assert (result.true_pos, result.predicted, result.gold) == (1, 1, 2)
    assert (result.precision, result.recall) == (1.0, 0.5)


def _seconds(text: str, lang: str) -> float:
    started = time.perf_counter()
    split_spans(text, lang)
    return time.perf_counter() - started


@pytest.mark.parametrize("unit", ["peer support workforce ", "同伴支持工作人员", "e" * 50 + "@",
                                  "2018 Jun ", "http://x"])
def test_time_is_linear_on_long_lines_without_punctuation(unit: str) -> None:
    small = unit * (1_000_000 // len(unit))
    big = small * 4
    t_small, t_big = _seconds(small, "en"), _seconds(big, "en")
    assert t_big < 20
    assert t_big < 8 * t_small + 0.5  # quadratic would be 16x


def test_ten_megabyte_line_segments_in_seconds() -> None:
    text = "peer support workforce " * (10_000_000 // 23)
    assert _seconds(text, "en") < 20


PRESEGMENTED = "  First line. Still first.  \r\n\n同伴支持。 \n\t\nlast"


def test_presegmented_keeps_one_segment_per_non_blank_line() -> None:
    segments = presegmented(PRESEGMENTED, "en", doc_id="p", base=5)
    assert [s.text for s in segments] == ["First line. Still first.", "同伴支持。", "last"]
    for s in segments:
        assert PRESEGMENTED[s.start - 5:s.end - 5] == s.text
    assert [s.index for s in segments] == [0, 1, 2]


def test_paragraph_spans_split_on_blank_lines_only() -> None:
    text = "\n  Title line\n\nFirst para line one\nline two.  \n \t \nSecond。\n"
    spans = paragraph_spans(text)
    assert [text[s:e] for s, e in spans] == ["Title line", "First para line one\nline two.",
                                            "Second。"]


# Single-line CJK texts take the shortcuts (no line-break pass, the lone-stop fast path): each
# case pins one condition under which a lone 。！？ must NOT be decided by the fast path alone.
FAST_PATH_CASES = [
    ("研究（注：2017年の調査。病院を含む）を行った。結果は良好。", "ja",
     ["研究（注：2017年の調査。病院を含む）を行った。", "結果は良好。"]),  # inside brackets
    ("她说：“就够了。”她说。结果良好。", "zh",
     ["她说：“就够了。”她说。", "结果良好。"]),  # a closing quote follows
    ("结果。，下一句。", "zh", ["结果。，下一句。"]),  # clause punctuation follows
    ("成绩为3．5分。差异显著！是吗？", "zh", ["成绩为3．5分。", "差异显著！", "是吗？"]),
    ("Mail a@b.org. The rest.", "en", ["Mail a@b.org.", "The rest."]),
]


@pytest.mark.parametrize(("text", "lang", "expected"), FAST_PATH_CASES)
def test_single_line_shortcuts(text: str, lang: str, expected: list[str]) -> None:
    assert texts(text, lang) == expected
