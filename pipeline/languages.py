"""Language tags and per-language profiles consulted by every stage."""
from __future__ import annotations

from dataclasses import dataclass

from .errors import UnsupportedLanguageError

#: The languages a document version may be declared as, in output order.
SUPPORTED = ("en", "zh", "ja")

_ALIASES = {
    "en": "en", "eng": "en", "english": "en",
    "zh": "zh", "chi": "zh", "zho": "zh", "cmn": "zh", "chinese": "zh",
    "zh-cn": "zh", "zh-hans": "zh", "zh-hans-cn": "zh", "zh-sg": "zh", "zh-hans-sg": "zh",
    "zho-hans": "zh", "zho_hans": "zh",
    "zh-hant": "zh-Hant", "zh-tw": "zh-Hant", "zh-hk": "zh-Hant", "zh-mo": "zh-Hant",
    "zh-hant-tw": "zh-Hant", "zh-hant-hk": "zh-Hant", "zho-hant": "zh-Hant",
    "ja": "ja", "jpn": "ja", "ja-jp": "ja", "japanese": "ja",
}


def normalize_tag(tag: str, *, path: str | None = None, line: int | None = None) -> str:
    """Map a user-written language tag to ``en``, ``zh``, ``ja`` or ``zh-Hant``.

    Tags are case-insensitive and ``_`` is read as ``-``; ``en-US``, ``ja-JP`` and the like map to
    their language. Raises UnsupportedLanguageError for anything else.
    """
    key = tag.strip().lower().replace("_", "-")
    if key in _ALIASES:
        return _ALIASES[key]
    base = key.split("-", 1)[0]
    if base in ("en", "eng", "ja", "jpn"):
        return _ALIASES[base]
    raise UnsupportedLanguageError(f"unknown language tag {tag!r} (expected en, zh or ja)",
                                   path=path, line=line)


def is_language_tag(tag: str) -> bool:
    """True when ``tag`` names a supported language (used to tell table columns apart)."""
    try:
        normalize_tag(tag)
    except UnsupportedLanguageError:
        return False
    return True


def tmx_tag(lang: str) -> str:
    """The xml:lang written in TMX for a pipeline language code."""
    return {"zh": "zh-CN", "zh-Hant": "zh-TW"}.get(lang, lang)


@dataclass(frozen=True, slots=True)
class LanguageProfile:
    """What the stages need to know about one language (sentence ends, closers and length ratios
    live with the segmenter and the aligner, which fit them to data)."""

    code: str
    #: Words separated by spaces (word-boundary term matching, joining segments).
    spaced: bool


PROFILES: dict[str, LanguageProfile] = {
    "en": LanguageProfile("en", True),
    "zh": LanguageProfile("zh", False),
    "ja": LanguageProfile("ja", False),
}


def profile(lang: str) -> LanguageProfile:
    """The profile of ``lang`` (``zh-Hant`` uses the Chinese profile)."""
    return PROFILES["zh" if lang == "zh-Hant" else lang]


def join_texts(texts: list[str], lang: str) -> str:
    """Join segments the way the language writes them: spaces between English sentences, none in
    Chinese or Japanese."""
    known = lang in PROFILES or lang == "zh-Hant"
    return (" " if not known or profile(lang).spaced else "").join(texts)
