"""Numbers that differ between aligned segments."""
from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Iterable

import regex

from ..models import Finding
from .context import PairContext
from .registry import check

# Digits glued to Latin letters (S258, COVID-19, H1N1) are identifiers, not quantities: a
# translation may legitimately rename them.
_NUMBER = regex.compile(
    r"(?<![\p{Latin}\d.]|[\p{Latin}]-)"
    r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?!\d)(\s*[万萬亿億]|\s+(?:thousand|million|billion|trillion)\b)?", regex.IGNORECASE)
_MULTIPLIER = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000,
               "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
               "trillion": 1_000_000_000_000}
_MONTHS = {m: i for i, names in enumerate([
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for m in names}
_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
               "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
               "million": 1_000_000, "billion": 1_000_000_000})
_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
             "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
             "twentieth").split()
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


def _value(text: str) -> str | None:
    try:
        return format(Decimal(text).normalize(), "f")
    except InvalidOperation:
        return None


def hard_numbers(text: str) -> dict[str, str]:
    """Quantities written with digits: normalised value -> the surface first seen."""
    # NFKC would turn the Chinese comma into a thousands separator ("0.67，95%" → "0.67,95%").
    text = unicodedata.normalize("NFKC", text.replace("，", "、"))
    found: dict[str, str] = {}
    for m in _NUMBER.finditer(text):
        raw = m.group(1).replace(",", "")
        value = Decimal(raw)
        if m.group(2):
            value *= _MULTIPLIER[m.group(2).strip().lower()]
        key = _value(str(value))
        if key is not None:
            found.setdefault(key, m.group(0).strip())
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
    for w, scale in zip(words, words[1:]):  # "six million" → 6000000
        if w in _WORDS and scale in ("thousand", "million", "billion"):
            values.add(_WORDS[w] * _WORDS[scale])
    for w in words:
        for form in (w, w[:-1] if w.endswith("s") else w):  # decades, teens, hundreds
            if form in _WORDS:
                values.add(_WORDS[form])
            elif form in _MONTHS:
                values.add(_MONTHS[form])
    for n in _CJK_NUMERAL.findall(text):
        v = _cjk_value(n)
        if v is not None:
            values.add(v)
    return {_value(str(v)) for v in values} - {None}


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
