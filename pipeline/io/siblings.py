"""Sibling files ``<doc_id>.<lang>.txt``: language tags in file names and column headers.

A name's last dotted part is read as a language tag only when it *looks like* one (``en``,
``EN-us``, ``zh_cn``, ``zho-Hans``, ``english``), so ``report.v2.txt`` is the mixed file
``report.v2`` rather than an error. A tag that looks like a language we do not handle
(``x.fr.txt``) is an error: silently reading a French file as a mixed file would hide it.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError, UnsupportedLanguageError
from ..languages import SUPPORTED, is_language_tag, normalize_tag
from ..models import Version
from .encoding import read_text

TEXT_SUFFIXES = (".txt", ".md")

#: English names of the version languages, for messages.
LANGUAGE_NAMES = {"en": "English", "zh": "Chinese", "ja": "Japanese"}

# BCP 47 shape, the parts people use: language (2-3 letters), optional script (4 letters),
# optional region (2 letters or 3 digits). ``_`` counts as ``-`` (zh_cn).
_TAG_SHAPE = re.compile(r"[a-z]{2,3}(?:-[a-z]{4})?(?:-(?:[a-z]{2}|[0-9]{3}))?", re.IGNORECASE)


def looks_like_tag(tag: str) -> bool:
    """True when ``tag`` is shaped like a language tag or is a language name we know.

    >>> looks_like_tag("EN-us"), looks_like_tag("fr"), looks_like_tag("v2"), looks_like_tag("title")
    (True, True, False, False)
    """
    if _TAG_SHAPE.fullmatch(tag.replace("_", "-")):
        return True
    return tag.isalpha() and is_language_tag(tag)


def supported_language(tag: str, *, path: str | None = None, line: int | None = None) -> str:
    """The version language (``en``, ``zh`` or ``ja``) a tag declares.

    Raises:
        UnsupportedLanguageError: any other language, Traditional Chinese included (versions are
            Simplified; a Traditional text declared ``zh`` is reported by the language checks).
    """
    lang = normalize_tag(tag, path=path, line=line)
    if lang not in SUPPORTED:
        raise UnsupportedLanguageError(
            f"{tag!r} is Traditional Chinese; versions must be en, zh (Simplified) or ja",
            path=path, line=line)
    return lang


def name_parts(path: Path) -> tuple[str, str | None]:
    """Split a text file name into ``(doc_id, language tag)``; the tag is None for a mixed file.

    >>> name_parts(Path("d1.zh_CN.txt")), name_parts(Path("report.v2.md"))
    (('d1', 'zh_CN'), ('report.v2', None))
    """
    name = Path(path).name
    stem = name[: len(name) - len(Path(name).suffix)]
    head, dot, tag = stem.rpartition(".")
    if dot and head and looks_like_tag(tag):
        return head, tag
    return stem, None


def require_text(text: str, path: Path | str, line: int | None = None) -> None:
    """Raise InputError "empty file" when ``text`` has nothing but whitespace."""
    if not text.strip():
        raise InputError("empty file", path=str(path), line=line)


def read_sibling(path: Path, doc_id: str, lang: str, encoding: str | None = None) -> Version:
    """Read ``path`` as the whole ``lang`` version of ``doc_id`` (text kept exactly)."""
    text = read_text(path, encoding)
    require_text(text, path)
    return Version(doc_id=doc_id, lang=lang, text=text, path=str(path), base=0, line=1)
