"""Language identification: script analysis first, word lists and n-gram statistics for Latin text.

Kana means Japanese and Hangul Korean; Han-only text is decided between Simplified Chinese,
Traditional Chinese and Japanese on character evidence (OpenCC tables), and when that is too thin
(結論, 方法) by the document around it. Latin text is English when its function words say so
(words other languages write too, such as ``in`` and ``is``, count half), short lines go by word
lists, the rest by a deterministic naive Bayes over langdetect's n-gram profiles; a heading in
another script that n-grams find plausible in several languages (Заключение) is left to its
document. Text with no letters, or no natural-language words (formulas, units, statistics,
identifiers), is ``und`` whatever its context.
"""
from __future__ import annotations

from collections.abc import Sequence

from .langid.core import Verdict, analyse, from_neighbours, outward
from .langid.split import split_versions
from .models import Detection

__all__ = ["detect", "detect_units", "split_versions", "SIGNATURE"]

#: Recorded in report signatures: what decided the languages.
SIGNATURE = "script+opencc+notation+wordlists+ngram-nb-2"


def detect(text: str, *, context: str | None = None) -> Detection:
    """Language of one unit.

    Args:
        text: The unit (a line, paragraph, segment or whole version).
        context: Text around it, e.g. the whole document; used only when ``text`` alone cannot
            decide (a kanji-only heading between zh, ja and zh-Hant, a two-word Latin line).

    Returns:
        A Detection whose ``lang`` is ``en``, ``zh``, ``ja``, ``zh-Hant``, another ISO 639-1
        code, or ``und`` (no letters, or too unsure).
    """
    verdict = analyse(text)
    if verdict.decided or not context:
        return verdict.detection()
    lines = [line.strip() for line in context.splitlines() if line.strip()]
    needle = text.strip()
    here = next((i for i, line in enumerate(lines) if needle and needle in line), None)
    if here is not None and lines[here] != needle:
        # The unit is part of a longer line: that line is its best context.
        found = from_neighbours(verdict, [analyse(lines[here])])
        if found.method == "context":
            return found
    if here is not None:
        return from_neighbours(verdict, (analyse(line) for line in outward(lines, here)))
    return _by_weight(verdict, lines)


def _by_weight(verdict: Verdict, lines: list[str]) -> Detection:
    """The candidate language that most of ``lines`` (by length) are written in."""
    weight: dict[str, int] = {}
    for line in lines:
        other = analyse(line)
        if other.decided and other.lang in verdict.candidates:
            weight[other.lang] = weight.get(other.lang, 0) + len(line)
    if not weight:
        return verdict.detection()
    best = max(weight, key=lambda lang: (weight[lang], -verdict.candidates.index(lang)))
    return Detection(best, 0.7, "context")


def detect_units(texts: Sequence[str]) -> list[Detection]:
    """Detect each unit, using the other units of the same document as context.

    A unit that cannot decide alone takes the language of the nearest unit that could and that it
    is compatible with, looking at the following unit first (a heading such as 結論 or 方法
    introduces what follows it).

    Args:
        texts: The units of one document, in document order.

    Returns:
        One Detection per unit, in order.
    """
    verdicts = [analyse(text) for text in texts]
    return [v.detection() if v.decided else from_neighbours(v, outward(verdicts, i))
            for i, v in enumerate(verdicts)]
