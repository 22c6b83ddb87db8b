"""Numbers written with digits, found and valued once for every stage that compares them.

The number check reports values that differ across an aligned pair
(:mod:`pipeline.checks.numbers`); the aligner ties segments that share a value
(:mod:`pipeline.align.anchors`). Both must agree that ``1,234`` is ``1234``, ``.05`` is
``0.05`` and ``2.4 million`` is ``240万``, or one stage pairs what the other flags.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal

import regex

#: Scale words and CJK myriads that multiply the number before them.
SCALES = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000,
          "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000}

# A comma groups thousands only before exactly three digits ("1,234"); otherwise it separates
# two numbers ("[1,2]", "12,5"): en/zh/ja text never writes a decimal comma. A number never
# starts inside another ("1.234.567" is 1.234), except after a Latin label ("Fig.2").
_NUMBER = regex.compile(
    r"(?P<num>(?:(?<![\d.])|(?<=\p{Latin}\.))(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"|(?<![\p{Latin}\d.])\.\d+)"
    r"(?!\d)(?P<scale>\s*[万萬亿億]|\s+(?:thousand|million|billion|trillion)\b)?",
    regex.IGNORECASE)
_GLUED = regex.compile(r"\p{Latin}[-.]?$")
_CJK_COMMA = regex.compile(r"(?<![０-９])，|，(?![０-９])")


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number found in a text.

    Attributes:
        value: Canonical decimal, scale applied: ``"2400000"`` for ``2.4 million``.
        surface: As written (after :func:`fold`), scale word included.
        identifier: The digits are glued to Latin letters (S258, COVID-19, H1N1, Fig.2): part
            of a name, which a translation may legitimately rename, rather than a quantity.
    """

    value: str
    surface: str
    identifier: bool


def fold(text: str) -> str:
    """NFKC (full-width digits to ASCII), keeping a Chinese comma from becoming a digit group."""
    # NFKC alone would turn "0.67，95%" into "0.67,95%": a number glued to the next. Between
    # full-width digits the comma is a Japanese digit group ("ｎ＝８，４２１世帯") and stays.
    if "，" in text:
        text = _CJK_COMMA.sub("、", text)
    return unicodedata.normalize("NFKC", text)


def canonical(value: Decimal | float | str) -> str:
    """``Decimal("12.50")`` → ``"12.5"``, ``2.4e6`` → ``"2400000"``: one spelling per value."""
    return format(Decimal(str(value)).normalize(), "f")


def _quantity(m: regex.Match, text: str) -> Quantity:
    value = Decimal(m["num"].replace(",", ""))
    if m["scale"]:
        value *= SCALES[m["scale"].strip().lower()]
    start = m.start("num")
    glued = _GLUED.search(text, max(0, start - 2), start) is not None
    return Quantity(canonical(value), m[0].strip(), glued)


def find(text: str) -> list[Quantity]:
    """The numbers written with digits in ``text``, in order, repetitions included."""
    folded = fold(text)
    return [_quantity(m, folded) for m in _NUMBER.finditer(folded)]


def normalize(token: str) -> str:
    """The canonical value of one number: ``1,234`` → ``1234``, ``０.５0`` → ``0.5``,
    ``.05`` → ``0.05``, ``240万`` → ``2400000``. A token that is not one number comes back
    folded but otherwise as it is (``12,5`` is two numbers)."""
    folded = fold(token).strip()
    m = _NUMBER.fullmatch(folded)
    return _quantity(m, folded).value if m else folded
