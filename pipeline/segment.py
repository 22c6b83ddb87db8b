"""Sentence segmentation of English, Chinese and Japanese abstracts.

Rule-based and linear in the text length. Offsets are tracked while splitting (never recovered
by searching the text again), so ``text[s.start - base:s.end - base] == s.text`` for every
segment, repeated sentences included. The rules live in :mod:`pipeline.segmentation`.
"""
from __future__ import annotations

from .errors import UnsupportedLanguageError
from .languages import normalize_tag
from .models import Segment, Version
from .segmentation.lines import line_breaks
from .segmentation.lines import paragraph_spans as _paragraph_spans
from .segmentation.protect import Protected
from .segmentation.stops import stop_boundaries

__all__ = ["split_spans", "segment_text", "segment_version", "presegmented", "paragraph_spans",
           "SIGNATURE"]

#: Recorded in report signatures: changes whenever a rule change can move a boundary.
SIGNATURE = "seg:rules-4"


def _language(lang: str) -> str:
    # "und" (detection could not tell) still gets segmented, with the script-driven rules.
    if lang == "und":
        return lang
    return normalize_tag(lang)


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text``.

    Args:
        text: The text of one language version.
        lang: ``en``, ``zh``, ``ja`` or ``zh-Hant`` (any tag :func:`normalize_tag` accepts, or
            ``und``).

    Returns:
        ``(start, end)`` offsets in order, non-overlapping, each stripped of surrounding
        whitespace and never empty.

    Raises:
        UnsupportedLanguageError: ``lang`` is not a language tag we know.
    """
    code = _language(lang)
    cuts = set(stop_boundaries(text, code, Protected(text)))
    if "\n" in text:  # a single line has no line break to judge
        cuts.update(line_breaks(text))
    spans = []
    prev = 0
    for cut in sorted(cuts) + [len(text)]:
        # str.strip() removes exactly the characters str.isspace() accepts (as _stripped does)
        piece = text[prev:cut].lstrip()
        if piece:
            start = cut - len(piece)
            spans.append((start, start + len(piece.rstrip())))
        prev = cut
    return spans


def _segments(text: str, spans: list[tuple[int, int]], lang: str, doc_id: str,
              base: int) -> list[Segment]:
    return [Segment(doc_id=doc_id, lang=lang, index=i, text=text[s:e], start=base + s,
                    end=base + e) for i, (s, e) in enumerate(spans)]


def segment_text(text: str, lang: str, *, doc_id: str = "", base: int = 0) -> list[Segment]:
    """Split ``text`` into sentence segments.

    Args:
        text: The text of one language version.
        lang: Its language (see :func:`split_spans`).
        doc_id: Copied into every segment.
        base: Added to every offset, so offsets point into the file the text was cut from.

    Returns:
        Segments indexed from 0 with ``start``/``end`` equal to ``base`` plus the span offsets.
    """
    code = _language(lang)
    return _segments(text, split_spans(text, code), code, doc_id, base)


def segment_version(version: Version) -> list[Segment]:
    """Segment one language version; offsets point into the text it was read from.

    Raises:
        UnsupportedLanguageError: the version's language is unknown (names its path and line).
    """
    try:
        return segment_text(version.text, version.lang, doc_id=version.doc_id, base=version.base)
    except UnsupportedLanguageError as exc:
        raise UnsupportedLanguageError(exc.message, path=version.path,
                                       line=version.line) from exc


def presegmented(text: str, lang: str, *, doc_id: str = "", base: int = 0) -> list[Segment]:
    """One segment per non-blank line of ``text``, used as is (only stripped).

    Only ``\\n`` separates lines (a ``\\r`` before it is stripped with the other whitespace), so
    the segments match what ``wc -l`` and the ``--presegmented`` user count.
    """
    code = _language(lang)
    spans = []
    start = 0
    n = len(text)
    while start <= n:
        nl = text.find("\n", start)
        end = n if nl == -1 else nl
        s, e = _stripped(text, start, end)
        if s < e:
            spans.append((s, e))
        start = end + 1
    return _segments(text, spans, code, doc_id, base)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Blank-line separated paragraphs of ``text`` as stripped ``(start, end)`` spans."""
    return _paragraph_spans(text)
