"""Which sentence-final punctuation marks end a sentence.

Each run of stops (``.``, ``?!``, ``…``, ``。``, ``！？``) is judged from a bounded window around it:
the token before it and the first word after it. Nothing here rescans the text, so the cost is
linear in its length.
"""
from __future__ import annotations

from collections.abc import Iterator

import regex

from ..scripts import CJK_CHAR
from .lexicon import BEFORE_NUMBER, MAY_END, MONTHS, NEVER_END, SENTENCE_STARTERS
from .protect import Protected

_STOP_RUN = regex.compile(r"[.!?。！？．｡…]+")
_CJK_STOPS = frozenset("。！？．｡")
#: Closing quotes and brackets that stay with the sentence they close.
CLOSERS = frozenset("\"'”’)]}»」』）》】〕〉")
_OPENERS = frozenset("\"'“‘([{«「『（《【〔〈")
_ACRONYM = regex.compile(r"(?:[A-Za-z]{1,3}\.)+[A-Za-z]{1,3}")
_LIST_LABEL = regex.compile(r"(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})")
_WORD = regex.compile(r"[A-Za-z]{1,20}")
#: After a stop and a closing quote, these continue the sentence: 「…。」と述べた。
_CONTINUES = {
    "ja": frozenset("とっのがをにへではもやか"),
    "zh": frozenset("的地得等和与與及或说說道"),
}
_CLAUSE_PUNCT = frozenset("，、,：:；;")
_TOKEN_WINDOW = 64


def is_cjk(ch: str) -> bool:
    """True for a Han, kana or Hangul character."""
    return CJK_CHAR.match(ch) is not None


def _next_class(text: str, end: int) -> tuple[str, int]:
    """Classify what follows a stop: ``upper``, ``lower``, ``digit``, ``cjk``, ``glued`` (a CJK
    character right after the stop), ``other``, ``none`` (not a boundary candidate) or ``end``.
    Also returns where the next word starts."""
    n = len(text)
    if end >= n:
        return "end", n
    c = text[end]
    if is_cjk(c):
        return "glued", end
    if not c.isspace():
        return "none", end
    k = end
    while k < n and text[k].isspace():
        k += 1
    if k >= n:
        return "end", n
    j = k
    while j < n and j - k < 3 and text[j] in _OPENERS:
        j += 1
    if j >= n:
        return "other", j
    c2 = text[j]
    if c2.isupper() or c2.istitle():
        return "upper", j
    if c2.islower():
        return "lower", j
    if c2.isdigit():
        return "digit", j
    if is_cjk(c2):
        return "cjk", j
    if c2 in "•▪●◦■・":
        return "upper", j  # an inline bullet starts an item
    return "other", j


def _token_before(text: str, start: int) -> tuple[str, int]:
    """The whitespace-delimited token before ``start`` (leading openers removed) and its start."""
    i = start
    limit = max(0, start - _TOKEN_WINDOW)
    while i > limit:
        ch = text[i - 1]
        # CJK text has no spaces: its characters and punctuation delimit a Latin token too
        if ch.isspace() or is_cjk(ch) or (not ch.isascii() and not ch.isalnum()):
            break
        i -= 1
    while i < start and text[i] in _OPENERS:
        i += 1
    return text[i:start], i


def _at_line_start(text: str, pos: int) -> bool:
    i = pos
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i == 0 or text[i - 1] == "\n"


def _starter(text: str, pos: int) -> bool:
    m = _WORD.match(text, pos)
    return bool(m) and m.group().lower() in SENTENCE_STARTERS


def _period_ends(text: str, start: int, cls: str, nxt: int, closed: bool) -> bool:
    """Decide a single ``.`` (or ``..``) from the token before it and the class of what follows."""
    token, tstart = _token_before(text, start)
    if closed and cls == "lower":
        return False  # "health workforce." which… — a quoted sentence inside a longer one
    if not token:
        return cls in ("upper", "cjk", "glued")
    low = token.lower()
    if low in NEVER_END:
        return False
    if low in MONTHS or low in ("a.m", "p.m"):
        return cls == "upper" and _starter(text, nxt)  # "enlisting on Sept. He was…"
    if low in BEFORE_NUMBER and cls == "digit":
        return False
    if low in MAY_END:
        return cls in ("upper", "cjk")
    if "." in token and _ACRONYM.fullmatch(token):
        if token.islower():
            return cls in ("upper", "cjk")
        return cls == "upper" and _starter(text, nxt)
    if len(token) == 1 and token.isalpha():
        if token.isupper():
            return cls == "upper" and _starter(text, nxt)
        return cls == "upper"
    if _LIST_LABEL.fullmatch(token) and _at_line_start(text, tstart):
        return False  # "1. Smith J…" in a numbered list
    if cls == "glued":
        # "…results.本研究", "…low (11.4%).联邦" but not "U.S.政府" (handled above)
        return token[-1].isalnum() or (token[-1] in "%)]" and any(c.isalnum() for c in token))
    return cls in ("upper", "lower", "digit", "cjk")


def _decide(text: str, start: int, end: int, lang: str, protected: Protected,
            quote_open: bool) -> int | None:
    """Where the sentence ending with the stop run ``text[start:end]`` ends, or None.

    ``quote_open`` says whether an ASCII ``"`` is open on the current line. A ``"`` glued to the
    next word (``。"我们``) closes a quote only if one is open; followed by a space it always does.
    """
    if end - 1 in protected:
        return None
    stop_end = end
    while end < len(text) and end - stop_end < 8 and text[end] in CLOSERS:
        if text[end] == '"':
            glued = end + 1 < len(text) and not text[end + 1].isspace()
            if glued and not quote_open:
                break
            quote_open = False
        end += 1
    closed = end > stop_end
    run = text[start:stop_end]
    if not _CJK_STOPS.isdisjoint(run):
        if run == "．" and 0 < start and text[start - 1].isdigit() and end < len(text) \
                and text[end].isdigit():
            return None  # full-width decimal point
        if end < len(text):
            nxt = text[end]
            if nxt in _CLAUSE_PUNCT:
                return None
            if closed and (nxt in _CONTINUES.get(lang[:2], ())
                           or (lang == "en" and nxt in _CONTINUES["ja"])):
                return None
        return end
    cls, nxt = _next_class(text, end)
    if cls in ("none", "end", "other"):
        return None
    if "!" in run or "?" in run:
        return end if cls != "lower" else None  # "Why? she asked." continues
    if "…" in run or len(run) > 2:
        return end if cls in ("upper", "cjk", "glued") else None
    return end if _period_ends(text, start, cls, nxt, closed) else None


def stop_boundaries(text: str, lang: str, protected: Protected) -> Iterator[int]:
    """Offsets just after every sentence end marked by punctuation (closers included)."""
    # Parity of ASCII quotes since the start of the line, counted incrementally (linear time);
    # quotes often span several sentences, so it is not reset at sentence ends.
    counted = 0
    quote_open = False
    for m in _STOP_RUN.finditer(text):
        line_start = text.rfind("\n", counted, m.start())
        if line_start != -1:
            counted, quote_open = line_start, False
        quote_open ^= bool(text.count('"', counted, m.start()) & 1)
        counted = m.start()
        cut = _decide(text, m.start(), m.end(), lang, protected, quote_open)
        if cut is not None:
            yield cut
