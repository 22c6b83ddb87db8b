"""Which line breaks end a segment, and blank-line paragraphs.

A blank line always ends a segment. A single line break ends one when the line before it is a
title, heading, author, date or citation line, or when the next line starts a list item, an
inline heading (``目的：…``, ``【方法】…``), another metadata field after one (``E-mail：…`` then
``收稿日期：…``) or is an author line. A line that ends in a stop is left to the punctuation rules
(so a wrapped ``e.g.`` does not split), unless it is a citation line. Otherwise the break is a
hard wrap and the sentence continues on the next line.
"""
from __future__ import annotations

from collections.abc import Iterator

import regex

from ..scripts import CJK_CHAR
from .lexicon import CONTINUATION_WORDS, HEADINGS
from .protect import citation_matches, is_citation_line
from .stops import CLOSERS, is_cjk

_STOP_CHARS = frozenset(".!?。！？．｡…")
_CLOSER_CHARS = "".join(CLOSERS)
_ASCII_LETTER = regex.compile(r"[A-Za-z]")
_LIST_ITEM = regex.compile(
    r"\s*(?:[-•*・▪●◦–]\s|\(?\d{1,2}\)|\d{1,2}\.\s|（\d{1,2}）|[①-⑳]|[a-z]\)\s)")
_HEADING_STRIP = " \t\r【】[]（）()：:#*．.■●◆"
_LATIN_CONT = frozenset(",;:-–—(/&")
_CJK_CONT = frozenset("，、,：:；;（(「『“‘—-")
#: Lines this short (in characters) without a comma are titles/headings in CJK text.
_CJK_TITLE_MAX = 60
_CJK_SHORT = 25
_SHORT_WORDS = 8
#: A CJK line at least this long (in CJK characters) and not ending in punctuation was broken
#: mid-sentence (PDF extraction) when the next line finishes a sentence: …的焦虑与\n睡眠问题。
_CJK_WRAPPED = 20
#: A shorter line (from this many CJK characters) is a wrap when it ends on a particle that ends
#: no title (…シンチグラフィで / …社区居民的) and the next line finishes the sentence in a few
#: characters or is a clause cut at a comma. Not …理由, …とは, …研究所, …について (titles).
_CJK_WRAPPED_SHORT = 8
_WRAP_PARTICLES = frozenset("をがでやも的")
#: A sentence stop in the next line: 。！？, or a full-width ．that is not a decimal point (３．５).
_CJK_SENTENCE_STOP = regex.compile(r"[。！？]|(?<!\d)．|．(?!\d)")
#: Characters a Chinese or Japanese phrase does not end on (conjunctions, particles, 的…).
_CJK_PHRASE_OPEN = frozenset("与和及或的在对将把被并而以于从向跟同之其为因由所及のをにがはとでへやもて")
_CJK_CLAUSE_END = frozenset("，、,")
#: How titles end (a study, an analysis…): such a line is a title even when long.
_TITLE_ENDINGS = ("研究", "分析", "调查", "調查", "调研", "探讨", "探討", "效果", "影响", "影響",
                  "因素", "评价", "評價", "評価", "検討", "検証", "関連", "報告", "报告", "综述",
                  "綜述", "实践", "實踐", "展望", "現状", "现状", "対策", "对策", "考察", "試み",
                  "事例", "课题", "課題", "启示", "啟示", "应用", "應用", "作用", "比较", "比較")
#: A line opening with a URL or DOI is a line of its own (a reference's link).
_LINK_LINE = regex.compile(r"\s*(?:https?://|www\.|doi\s*[:：]|10\.\d{4,9}/)", regex.IGNORECASE)
#: A heading followed by a colon and text on the same line: 目的：探讨… / Methods: We…
_HEADING_LEAD = regex.compile(r"\s*[【\[(（]?(\w[\w ]{0,39}?)[】\])）]?\s*[:：]")
#: A heading in brackets followed by text on the same line: 【目的】探讨… / [Methods] We…
_BRACKET_LEAD = regex.compile(r"\s*[【\[〔［]\s*(\w[\w ]{0,19}?)\s*[】\]〕］]")
#: Inline headings and field labels sit within this many characters of the line start, and
#: hold a colon or a bracket (checked before the patterns are tried).
_LEAD_MAX = 48
_LEAD_MARK = regex.compile(r"[:：】\]〕］]")
_COLON = regex.compile(r"[:：]")
#: A metadata field: a short label and a colon (通信作者：…, E-mail：…, Funding: …).
_FIELD = regex.compile(r"\s*(?:[\p{Han}\p{Hiragana}\p{Katakana}ー]{2,8}"
                       r"|\p{Lu}[\p{L}-]{1,20}(?: [\p{L}-]{1,20}){0,2})\s*[:：]")
#: Author lines: names separated by commas, semicolons, "&" or "and", with affiliation marks.
_AUTHOR_SEP = regex.compile(r"\s*(?:[,;&]|\band\b)\s*")
_AUTHOR_MARKS = " 0123456789¹²³⁴⁵⁶⁷⁸⁹⁰*†‡§#"
#: A word of a name (Okafor, Li-Na, O'Neil, MD), initials (M., J.-P.), a dotted degree (Ph.D.)
#: or a lower-case particle (van, de).
_NAME_PART = regex.compile(r"\p{Lu}[\p{L}'’-]*|\p{Lu}\.(?:-?\p{Lu}\.)*"
                           r"|\p{Lu}\p{L}{0,3}\.(?:\p{Lu}\p{L}{0,3}\.)+"
                           r"|van|von|de|der|den|da|del|di|du|dos|le|la|bin")
_AUTHOR_LINE_MAX = 300


def _is_heading(line: str) -> bool:
    key = line.strip(_HEADING_STRIP).lower().replace(" ", "_")
    return key in HEADINGS


def _starts_with_heading(line: str) -> bool:
    m = _HEADING_LEAD.match(line)
    return m is not None and m.group(1).lower() in HEADINGS


def _opens_section(line: str) -> bool:
    """An inline heading starts the line: ``目的：…``, ``【方法】…``, ``Results: …`` (capitalised:
    ``measures: a, b`` is the rest of a wrapped sentence)."""
    if _LEAD_MARK.search(line, 0, _LEAD_MAX) is None:
        return False  # no colon or closing bracket near the start: no pattern can match
    for pattern in (_HEADING_LEAD, _BRACKET_LEAD):
        m = pattern.match(line)
        if m and not m.group(1)[0].islower() \
                and m.group(1).strip().lower().replace(" ", "_") in HEADINGS:
            return True
    return False


def _is_field(line: str) -> bool:
    """A metadata field line: ``通信作者：…``, ``E-mail：…``, ``Funding: …``; no sentence in it
    (``她说：“…。”`` is speech, not a field)."""
    return _COLON.search(line, 0, _LEAD_MAX) is not None and _FIELD.match(line) is not None \
        and _CJK_SENTENCE_STOP.search(line) is None


def _is_author_line(line: str) -> bool:
    """Two or more personal names and nothing else (degrees and affiliation marks aside):
    ``Rachel M. Okafor, Daniel J. Whitcombe, Lian Zhou`` or ``A. Ito¹; K. Sato, PhD²``."""
    if len(line) > _AUTHOR_LINE_MAX:
        return False
    names = 0
    for i, item in enumerate(_AUTHOR_SEP.split(line.strip())):
        parts = item.strip(_AUTHOR_MARKS).split()
        if len(parts) > 5 or not all(_NAME_PART.fullmatch(w) for w in parts):
            return False
        if i == 0 and len(parts) < 2:
            return False  # "Casey, Justin Rose, …": the rest of a name list wrapped mid-name
        names += len(parts) >= 2
    return names >= 2


def _continues_in_brackets(line: str) -> bool:
    """The line opens with a bracket that the sentence goes on after (``(SMD −0.47; …).``,
    ``(n = 40), and…``): it continues the line before. A bracketed sentence of its own
    (``(Data are online.)``) or a bracket ending the line does not."""
    stripped = line.lstrip()
    if stripped[:1] not in "(（":
        return False
    depth = 0
    for i, ch in enumerate(stripped):
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth -= 1
            if depth == 0:
                rest = stripped[i + 1:]
                return stripped[i - 1] not in _STOP_CHARS and bool(rest) \
                    and (rest[0] in ".,;:。，；：" or rest.lstrip()[:1].islower())
    return False


def _open_ended(p: str) -> bool:
    """The line ends on a comma, a conjunction, a preposition…: its sentence goes on."""
    if p[-1] in _CJK_CONT or p[-1] in _LATIN_CONT:
        return True
    words = p.split()
    return bool(words) and words[-1].lower() in CONTINUATION_WORDS


def _cjk_count(line: str) -> int:
    return len(CJK_CHAR.findall(line))


def _cjk_wrapped(p: str, nxt: str) -> bool:
    """A long CJK line broken mid-sentence, continued by the next line.

    A title line is long and unpunctuated too, and the sentence after it has a stop: the break
    is read as a wrap only when the line ends on a word that cannot end a phrase (…的焦虑与 /
    睡眠问题。) or the next line finishes the sentence in a few characters. A shorter line needs
    a particle that ends no title and a next line that ends the sentence soon or is a clause.
    """
    count = _cjk_count(p)
    if count < _CJK_WRAPPED_SHORT or p.endswith(_TITLE_ENDINGS):
        return False
    if _is_heading(nxt) or _starts_with_heading(nxt):
        return False
    stop = _CJK_SENTENCE_STOP.search(nxt)
    early = stop is not None and 2 * stop.start() < len(p)
    clause = stop is None and nxt[-1] in _CJK_CLAUSE_END and len(nxt) <= len(p)
    if p[-1] in _WRAP_PARTICLES and (early or clause):
        return True
    return count >= _CJK_WRAPPED and stop is not None and (p[-1] in _CJK_PHRASE_OPEN or early)


def _cjk_dominant(line: str) -> bool:
    cjk = _cjk_count(line)
    latin = len(_ASCII_LETTER.findall(line))  # CJK characters are never ASCII: no overlap
    return cjk > 0 and cjk * 4 >= latin  # one CJK character carries about a short word's worth


def _title_like(line: str) -> bool:
    words = line.split()
    if len(words) <= _SHORT_WORDS:
        return True
    long_words = [w.strip("\"'“”‘’()[],:;") for w in words]
    long_words = [w for w in long_words if len(w) >= 4 and w[:1].isalpha()]
    if not long_words:
        return True
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return capitalised * 2 >= len(long_words)


def breaks_after(prev: str, nxt: str) -> bool:
    """True when the line break between two non-blank lines ends a segment."""
    p = prev.rstrip()
    q = p.rstrip(_CLOSER_CHARS)
    if q and q[-1] in _STOP_CHARS:
        # the punctuation rules decide, with the break read as a space; but a reference line
        # ends where its line does, "… eCollection 2023 Oct." too
        return is_citation_line(p)
    if _LIST_ITEM.match(nxt):
        return True
    if _is_heading(p) or (_is_heading(nxt) and nxt.rstrip()[-1:] not in _STOP_CHARS):
        return True
    if citation_matches(p):
        return True  # a line holding a reference ends where its line does
    if not _open_ended(p) and (_opens_section(nxt) or (_is_field(p) and _is_field(nxt))):
        return True  # …北京 100094）⏎目的：… / E-mail：…⏎收稿日期：…
    first = nxt.lstrip().lstrip("\"'“‘([「『（")[:1]
    if _cjk_dominant(p):
        if p[-1] in _CJK_CONT:
            return False
        if _cjk_wrapped(p.strip(), nxt.strip()):
            return False
        if len(p.strip()) <= _CJK_SHORT:
            return True
        return len(p.strip()) <= _CJK_TITLE_MAX and not any(c in p for c in "，,、")
    if p[-1] in _LATIN_CONT:
        return False
    if _LINK_LINE.match(nxt):
        return True
    last = p.split()[-1].lower() if p.split() else ""
    if last in CONTINUATION_WORDS:
        return False
    if first.islower() or _continues_in_brackets(nxt):
        return False
    if (first and is_cjk(first)) or _is_author_line(nxt):
        return True
    return _title_like(p)


def _lines(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    while True:
        nl = text.find("\n", start)
        if nl == -1:
            yield start, len(text)
            return
        yield start, nl
        start = nl + 1


def line_breaks(text: str) -> Iterator[int]:
    """Offsets of the newlines that end a segment."""
    prev: tuple[int, int] | None = None
    for start, end in _lines(text):
        if prev is not None:
            p, n = text[prev[0]:prev[1]], text[start:end]
            if not p.strip() or not n.strip() or breaks_after(p, n):
                yield prev[1]
        prev = (start, end)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Blank-line separated paragraphs of ``text`` as stripped ``(start, end)`` spans."""
    spans: list[tuple[int, int]] = []
    para: tuple[int, int] | None = None
    for start, end in _lines(text):
        line = text[start:end]
        if not line.strip():
            para = None
            continue
        s = start + (len(line) - len(line.lstrip()))
        e = start + len(line.rstrip())
        if para is None:
            spans.append((s, e))
        else:
            spans[-1] = (spans[-1][0], e)
        para = (s, e)
    return spans
