"""Mixed files: several language versions one after another in one file, as journals print them.

The language runs come from ``pipeline.detect.split_versions(text)``, which returns
``(lang, start, end, first_line)`` tuples with character offsets into ``text``. This module only
decides what the runs mean for the document: which runs are versions, which are noise (``und``)
and which make the file ambiguous (two English versions).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from ..errors import InputError, UnsupportedLanguageError
from ..languages import SUPPORTED
from ..models import Version
from .siblings import LANGUAGE_NAMES

#: ``split_versions``' signature: text -> [(lang, start, end, first_line)].
SplitFn = Callable[[str], Sequence[tuple[str, int, int, int]]]


def default_split(text: str) -> Sequence[tuple[str, int, int, int]]:
    """Call the detector's splitter (imported late: detection is a heavier, separate stage)."""
    from ..detect import split_versions

    return split_versions(text)


def read_mixed(path: Path, doc_id: str, text: str, split: SplitFn | None = None) -> list[Version]:
    """Cut a mixed file's text into one Version per language.

    ``und`` runs (a DOI line, a formula) are left out; runs of one language separated only by
    ``und`` runs are one version spanning them. A run detected as Traditional Chinese is kept as
    the ``zh`` version so that the language checks, not the reader, report it.

    Args:
        path: The file, for messages and ``Version.path``.
        doc_id: The document id (the file name without extension).
        text: The whole decoded file.
        split: Stand-in for ``pipeline.detect.split_versions`` (tests); None uses the real one.

    Returns:
        Versions in file order, each with ``text == whole_text[base:base + len(text)]``.

    Raises:
        InputError: two versions of one language, or no en/zh/ja text at all.
        UnsupportedLanguageError: a run in another language (ko, fr…).
    """
    runs = (split or default_split)(text)
    kept: list[list] = []  # [lang, start, end, first_line], merged across und gaps
    for lang, start, end, first_line in runs:
        if lang == "und" or not text[start:end].strip():
            continue
        if lang == "zh-Hant":
            lang = "zh"
        if lang not in SUPPORTED:
            raise UnsupportedLanguageError(
                f"the paragraph at line {first_line} is in {lang!r}; "
                "only en, zh and ja versions are supported", path=str(path), line=first_line)
        if kept and kept[-1][0] == lang:
            kept[-1][2] = end
        else:
            kept.append([lang, start, end, first_line])
    if not kept:
        raise InputError("no English, Chinese or Japanese text found", path=str(path))
    first_seen: dict[str, int] = {}
    for lang, _start, _end, first_line in kept:
        if lang in first_seen:
            raise InputError(f"two {LANGUAGE_NAMES[lang]} versions at lines "
                             f"{first_seen[lang]} and {first_line}", path=str(path),
                             line=first_line)
        first_seen[lang] = first_line
    return [Version(doc_id=doc_id, lang=lang, text=text[start:end], path=str(path), base=start,
                    line=first_line)
            for lang, start, end, first_line in kept]


def dominant_language(text: str, split: SplitFn | None = None) -> str | None:
    """The version language with the most characters in ``text``, or None when there is none."""
    totals: dict[str, int] = {}
    for lang, start, end, _line in (split or default_split)(text):
        lang = "zh" if lang == "zh-Hant" else lang
        if lang in SUPPORTED:
            totals[lang] = totals.get(lang, 0) + (end - start)
    if not totals:
        return None
    return max(totals, key=lambda lang: (totals[lang], -SUPPORTED.index(lang)))
