"""Citation, DOI and URL patterns, defined once for every stage that must recognise them.

The segmenter protects what they match from sentence splitting
(:mod:`pipeline.segmentation.protect`); the checks treat a line containing one as a reference
that translators legitimately keep as it is (:func:`pipeline.checks.segment_kinds.is_reference`).
One definition keeps the two from disagreeing about what a citation is.

Every pattern starts with a literal (``http``, ``www.``, ``10.``, a year) and uses bounded
repeats, so finding them stays linear on megabytes of text without punctuation.
"""
from __future__ import annotations

import regex

#: Characters that end a URL or DOI: spaces, quotes, and CJK punctuation written straight after
#: it with no space ("详见https://example.cn/a（附件）。").
_STOP = r"[^\s<>\"“”「」（）。，、；]"
URL = regex.compile(r"(?:https?://|ftp://|www\.)" + _STOP + "+", regex.IGNORECASE)
#: A DOI not glued to a word or number ("文献10.1234/…" and "2.10.1234/5" are not DOIs).
DOI = regex.compile(r"(?<![\w.])10\.\d{4,9}/" + _STOP + "+")
#: Markers that only a reference line carries: a DOI label, ISSN, PMID, an author-year citation
#: ("Smith et al. (2019)"). "doi" without a colon is prose ("we checked each doi").
REFERENCE_MARK = regex.compile(
    r"\bdoi\s*[:：]|\bISSN\b|\bPMID\b|\bet al\.,?\s*\(?(?:19|20)\d\d", regex.IGNORECASE)

#: Journal citation: "2018 Jun;54(6 Suppl 3):S258-S266" or "2019;7:e123", also with full-width
#: punctuation as Japanese journals write it ("2022；27（1）：45-54"). Volume *and* pages are
#: required: "In 2018; 45 (30%) workers…" is prose.
_CITATION = regex.compile(
    r"(?<!\d)(?:1[89]|20)\d\d(?!\d)[^\n;；.．]{0,25}[;；]\s{0,3}\d{1,5}"
    r"(?:\s{0,3}[(（][^()（）\n]{1,30}[)）])?"
    r"\s{0,3}[:：]\s{0,3}[A-Za-z]{0,2}\d{1,7}(?:\s{0,3}[-–]\s{0,3}[A-Za-z]{0,2}\d{1,7})?")
#: Chinese journal citation: "中华预防医学杂志，2021，55（3）：345-350" (commas, full-width
#: brackets and colon).
_CITATION_CJK = regex.compile(
    r"(?<!\d)(?:1[89]|20)\d\d(?!\d)\s{0,3}[，,]\s{0,3}\d{1,5}"
    r"(?:\s{0,3}[（(][^()（）\n]{1,30}[）)])?"
    r"\s{0,3}[:：]\s{0,3}[A-Za-z]{0,2}\d{1,7}(?:\s{0,3}[-–]\s{0,3}[A-Za-z]{0,2}\d{1,7})?")
#: A month name, abbreviated or not, in a PubMed date ("Epub 2020 Jul 2", "eCollection 2023 Oct").
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}"
#: What may follow the pages of a citation on the same line: "doi: …", "PMID: …", also with a
#: full-width colon ("DOI：10.3760/…"), and PubMed's publication dates ("Epub 2020 Jul 2.",
#: "eCollection 2023 Oct.", "[Epub ahead of print]").
CITATION_TAIL = regex.compile(
    r"(?:[.．]?\s{0,3}(?:(?:doi|pmid|pmcid)\s{0,3}[:：]?\s{0,3}\S{1,120}"
    r"|\[?(?:epub|ecollection)(?:\s{1,3}ahead\s{1,3}of\s{1,3}print\]?)?"
    r"(?:\s{1,3}(?:19|20)\d\d(?:\s{1,3}" + _MONTH + r"(?:\s{1,3}\d{1,2}(?!\d))?)?)?))+",
    regex.IGNORECASE)


def citation_matches(text: str) -> list[regex.Match]:
    """Journal citations (``2018 Jun;54(6):S258-S266``, ``2021，55（3）：345-350``) in ``text``."""
    # Each pattern needs literals that most texts lack (";" and ":", or a full-width comma or
    # colon): testing for them first spares the regex scan.
    semicolon = ";" in text or "；" in text
    found = list(_CITATION.finditer(text)) if semicolon and (":" in text or "：" in text) else []
    if "，" in text or "：" in text:
        found += _CITATION_CJK.finditer(text)
    return found

