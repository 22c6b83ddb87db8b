"""Numbers that differ between aligned segments."""
from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

import regex

from ..models import Finding
from ..quantities import SCALES, canonical, find
from .context import PairContext
from .registry import check

_MONTHS = {m: i for i, names in enumerate([
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for m in names}
_WORDS = {w: i for i, w in enumerate([
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty"])}
_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
               "eighty": 80, "ninety": 90, "hundred": 100})
_WORDS.update({w: v for w, v in SCALES.items() if w.isascii()})  # thousand … trillion
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
             "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
             "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"]
_WORDS.update({w: i for i, w in enumerate(_ORDINALS, start=1)})
# Words that stand for a number a translator often writes as digits ("a week" → 1週間,
# "a decade" → 10年, "teenage" → 10代, "half an inch" → 0.5インチ).
_WORDS.update({"a": 1, "an": 1, "single": 1, "once": 1, "both": 2, "twice": 2, "double": 2,
               "pair": 2, "couple": 2, "twin": 2, "trio": 3, "triple": 3, "quartet": 4,
               "dozen": 12, "decade": 10, "teen": 10, "teenage": 10, "teenager": 10,
               "century": 100, "half": 0.5, "quarter": 0.25, "noon": 12, "midnight": 0,
               "fortnight": 2})
_CJK_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
               "六": 6, "七": 7, "八": 8, "九": 9}
_CJK_UNITS = {"十": 10, "百": 100, "千": 1000}
_CJK_NUMERAL = regex.compile(r"[〇零一二两兩三四五六七八九十百千]+")
_LATIN_WORD = regex.compile(r"\p{Latin}+")


def hard_numbers(text: str) -> dict[str, str]:
    """Quantities written with digits: normalised value -> the surface first seen."""
    found: dict[str, str] = {}
    for q in find(text):
        # Digits glued to Latin letters (S258, COVID-19, H1N1) are identifiers, not
        # quantities: a translation may legitimately rename them.
        if not q.identifier:
            found.setdefault(q.value, q.surface)
    return found


def _cjk_value(numeral: str) -> int | None:
    total, digit = 0, None
    for ch in numeral:
        if ch in _CJK_DIGITS:
            digit = _CJK_DIGITS[ch]
        elif ch in _CJK_UNITS:
            total += (digit if digit is not None else 1) * _CJK_UNITS[ch]
            digit = None
    return total + (digit or 0)


def soft_numbers(text: str) -> set[str]:
    """Quantities written as words (English number words and months, CJK numerals). Too
    ambiguous to report on their own (一 in 统一), but they excuse a digit on the other side."""
    values: set[float] = set()
    words = _LATIN_WORD.findall(text.casefold())
    for w, scale in pairwise(words):  # "six million" → 6000000
        if w in _WORDS and scale in SCALES:
            values.add(_WORDS[w] * SCALES[scale])
    for w in words:
        for form in (w, w.removesuffix("s")):  # decades, teens, hundreds
            if form in _WORDS:
                values.add(_WORDS[form])
            elif form in _MONTHS:
                values.add(_MONTHS[form])
    for n in _CJK_NUMERAL.findall(text):
        v = _cjk_value(n)
        if v is not None:
            values.add(v)
    return {canonical(v) for v in values}


def compare(src: str, tgt: str) -> tuple[list[str], list[str]]:
    """(source numbers missing from the target, target numbers not in the source), as surfaces."""
    hs, ht = hard_numbers(src), hard_numbers(tgt)
    ss, st = soft_numbers(src), soft_numbers(tgt)
    missing = [surface for v, surface in hs.items() if v not in ht and v not in st]
    extra = [surface for v, surface in ht.items() if v not in hs and v not in ss]
    return missing, extra


@check("number-mismatch", severity="error")
def number_mismatch(ctx: PairContext) -> Iterable[Finding]:
    """Numbers, percentages, years, ranges or statistics differ between aligned segments."""
    for _, bead in ctx.beads_to_check():
        src, tgt = ctx.src_text(bead), ctx.tgt_text(bead)
        missing, extra = compare(src, tgt)
        if not missing and not extra:
            continue
        parts = []
        if missing:
            parts.append(f"source has {', '.join(missing)} that the target lacks")
        if extra:
            parts.append(f"target has {', '.join(extra)} that the source lacks")
        yield ctx.finding("number-mismatch", bead,
                          "Numbers differ: " + "; ".join(parts) + ".",
                          expected=", ".join(missing), found=", ".join(extra),
                          src_text=src, tgt_text=tgt)
