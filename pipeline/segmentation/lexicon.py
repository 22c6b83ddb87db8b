"""Word lists the boundary rules consult: abbreviations, headings, sentence starters.

Kept apart from the rules so that a missed abbreviation is fixed by adding a word, not code.
All entries are lower-case and without the final period.
"""
from __future__ import annotations

#: Abbreviations that never end a sentence, whatever follows (titles, "e.g.", "Fig.", months…).
NEVER_END = frozenset("""
    e.g i.e cf viz vs v approx appr ca fig figs eq eqs ref refs tab suppl
    mr mrs ms dr prof st mt ft gen col capt lt sgt rev hon messrs mme mlle
    rep reps sen sens gov det supt atty pres insp cmdr adm
    dept univ assoc est resp incl excl esp
    sp spp ssp subsp var cv
    """.split())

#: Month abbreviations: "Jan. 2018" never splits; a sentence may end on one only before a word
#: that typically starts a sentence.
MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())

#: Abbreviations that only stand for something before a number ("No. 5", "p. 12", "vol. 3");
#: before anything else they are ordinary words ("the answer was no.").
BEFORE_NUMBER = frozenset("""
    no nos p pp vol vols ch chs chap art para n nr op sect sects eqn eqns tbl tbls
    """.split())

#: Abbreviations that may also end a sentence: they end it only before a capitalised word.
MAY_END = frozenset("""
    etc al inc ltd co corp llc plc jr sr bros min max hr hrs yr yrs wk wks mo mos sec secs
    et.al
    """.split())

#: Capitalised words that almost always begin a sentence. After an ambiguous period (``U.S.``, a
#: single initial such as ``D.``) only these make the period a sentence end: ``the U.S. Department``
#: stays whole, ``in the U.S. The study…`` splits.
SENTENCE_STARTERS = frozenset("""
    the this these that those there their they it its we our us i he she his her you your
    a an in on at of for to from by with as among after before during although though while
    when where whereas however moreover furthermore thus therefore hence also additionally
    finally first second third overall conversely nevertheless nonetheless similarly such
    most many some all both each every no not only one two three several few
    participants patients results methods findings data further future implications
    objective objectives background conclusion conclusions
    """.split())

#: Words after which a line break is a hard wrap, not the end of a title or heading.
CONTINUATION_WORDS = frozenset("""
    a an the and or nor but of in on at to for from by with as into onto than that which who
    whom whose is are was were be been being has have had not between among including such
    both either neither via per versus vs its their our this these those within without
    """.split())

#: Section headings of structured abstracts, in the three languages (compared after stripping
#: brackets, colons and surrounding space).
HEADINGS = frozenset("""
    abstract summary background backgrounds introduction context objective objectives aim aims
    purpose purposes goal goals methods method design setting settings participants subjects
    interventions intervention measurements measures outcomes results result findings
    discussion conclusion conclusions implications limitations significance keywords
    trial_registration funding main_outcome_measures materials_and_methods
    methods_and_materials patients_and_methods study_design data_sources key_words
    摘要 背景 目的 方法 结果 結果 结论 結論 讨论 討論 考察 关键词 關鍵詞 关键字 キーワード 引言 前言 意义 意義
    局限性 要旨 抄録 はじめに 緒言 対象と方法 対象 方法と対象 研究方法 研究目的 研究背景 結語 总结 總結
    """.split())
