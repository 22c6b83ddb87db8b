"""What kind of segment a check is looking at: a full sentence, a heading, or a reference line.

Translators legitimately leave citation and DOI lines in English and drop affiliations; a
check that treats them like sentences raises the false alarms editors learn to ignore.
"""
from __future__ import annotations

import regex

from ..citations import DOI, REFERENCE_MARK, URL, citation_matches
from ..scripts import CJK_CHAR

_LETTER = regex.compile(r"\p{L}")
_WORD = regex.compile(r"\p{Latin}+")


def is_reference(text: str) -> bool:
    """A citation, DOI or URL line."""
    # The segmenter's patterns: a line it keeps whole as a citation is a citation here too.
    return bool(URL.search(text) or DOI.search(text) or REFERENCE_MARK.search(text)
                or citation_matches(text))


def content_size(text: str) -> int:
    """Words in Latin text, characters in CJK text: a rough measure of how much a segment says."""
    cjk = len(CJK_CHAR.findall(text))
    return cjk // 2 + len(_WORD.findall(text))


def is_sentence(text: str) -> bool:
    """A full sentence (as opposed to a heading, author line or keyword list)."""
    stripped = text.rstrip("\"'”’」』）)】》 ")
    return content_size(text) >= 6 and stripped[-1:] in ".!?。！？"


def has_letters(text: str, minimum: int = 1) -> bool:
    return len(_LETTER.findall(text)) >= minimum
