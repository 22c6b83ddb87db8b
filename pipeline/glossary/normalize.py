"""Text folding for term matching, with a map from every folded character back to the original.

Matching runs on folded text; ``Folded.span`` turns a folded span back into original offsets, so
``text[start:end]`` is always the surface the reader sees. Folding works on grapheme clusters:
``e`` + combining acute folds as one ``é`` and both characters map to it.

- English (spaced languages): NFKC, casefold (optional), dashes and slashes become spaces,
  typographic apostrophes become ``'``, whitespace runs become one space.
- Chinese and Japanese: NFKC (full/half width), casefold, whitespace removed. Chinese: traditional
  characters folded to simplified with OpenCC's character table. Japanese: middle dots removed,
  small katakana made full size, a word-final long-vowel mark ``ー`` dropped (コンピュータ =
  コンピューター), a dash after katakana read as ``ー``, half-width voiced marks recomposed.
"""
from __future__ import annotations

import importlib.util
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

_CLUSTER = regex.compile(r"\X")
_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212/\u2044\u2215\\")
_JA_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212")
_APOSTROPHES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'"}
_JA_DROP = frozenset("\u30fb\u00b7")  # ・ and · between the parts of a katakana compound
_SMALL_KANA = str.maketrans("ァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ",
                            "アイウエオツヤユヨワカケクシストヌハヒフヘホムラリルレロ")
_VOICING = frozenset("\u3099\u309a")
CHOON = "\u30fc"


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text plus, for each folded character, the original span it came from."""

    text: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the folded span ``[start, end)`` (``end > start``)."""
        if self.starts is None:  # nothing was removed or expanded: offsets are unchanged
            return start, end
        return self.starts[start], self.ends[end - 1]


def _clusters(text: str):
    if text.isascii():
        return text  # ASCII has no multi-character clusters; iterating the str is much faster
    return _CLUSTER.findall(text)


@lru_cache(maxsize=65536)
def _en_piece(cluster: str, casefold: bool) -> str:
    out = unicodedata.normalize("NFKC", cluster)
    if casefold:
        out = out.casefold()
    return "".join(" " if ch in _DASHES or ch.isspace() else _APOSTROPHES.get(ch, ch) for ch in out)


def _fold_en_slow(text: str, casefold: bool = True) -> Folded:
    """Per-cluster folding for texts with characters that expand or combine under NFKC."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for cluster in _clusters(text):
        end = pos + len(cluster)
        for ch in _en_piece(cluster, casefold):
            if ch == " " and chars and chars[-1] == " ":
                ends[-1] = end  # the kept space now covers the whole run
                continue
            chars.append(ch)
            starts.append(pos)
            ends.append(end)
        pos = end
    return Folded("".join(chars), tuple(starts), tuple(ends))


def fold_en(text: str, casefold: bool = True) -> Folded:
    """Fold text of a spaced language (see module docstring)."""
    table, slow = _tables("en" if casefold else "en-case")
    if slow.search(text):
        return _fold_en_slow(text, casefold)
    folded = text.translate(table)
    if "  " not in folded:
        return Folded(folded)
    drop = {i for m in _SPACE_RUN.finditer(folded) for i in range(m.start() + 1, m.end())}
    return _without(folded, drop, ())


def fold_en_term(term: str, casefold: bool = True) -> str:
    """The folded form of an English glossary term (no offsets, no surrounding space).

    Same as ``fold_en(term, casefold).text.strip()``, without building the offset map (the
    matcher folds every term of a 50,000-concept glossary).
    """
    table, slow = _tables("en" if casefold else "en-case")
    if slow.search(term):
        return _fold_en_slow(term, casefold).text.strip()
    folded = term.translate(table)
    if "  " in folded:
        folded = _SPACE_RUN.sub(" ", folded)
    return folded.strip()


def fold_en_terms(terms: Sequence[str], casefold: bool = True) -> list[str]:
    """``fold_en_term`` of every term, folded as one string: building a matcher folds all the
    terms of a glossary, and one ``translate`` over all of them is much cheaper than one each."""
    folded = _fold_all(terms, "en" if casefold else "en-case",
                       lambda text: _SPACE_RUN.sub(" ", text), lambda t: fold_en_term(t, casefold))
    return [f.strip() for f in folded]


@lru_cache(maxsize=1)
def traditional_table() -> dict[int, str]:
    """Traditional → simplified for characters that are never simplified themselves.

    Read from OpenCC's ``TSCharacters.txt`` (package ``opencc-python-reimplemented``); empty when
    the package is missing, which only turns off traditional-form detection.
    """
    spec = importlib.util.find_spec("opencc")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "dictionary" / "TSCharacters.txt"
    if not path.exists():
        return {}
    table: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        trad, _, simp = line.partition("\t")
        candidates = simp.split()
        # 乾 → 干 乾: a character that is also a valid simplified form is left alone.
        if len(trad) == 1 and candidates and trad not in candidates:
            table[ord(trad)] = candidates[0]
    return table


def _is_katakana_letter(ch: str) -> bool:
    return "\u30a1" <= ch <= "\u30fa" or "\u31f0" <= ch <= "\u31ff"


@lru_cache(maxsize=65536)
def _cjk_piece(cluster: str, lang: str, traditional: bool) -> str:
    out = unicodedata.normalize("NFKC", cluster).casefold()
    out = "".join(ch for ch in out if not ch.isspace())
    if lang == "ja":
        out = "".join(ch for ch in out if ch not in _JA_DROP).translate(_SMALL_KANA)
    elif lang.startswith("zh") and traditional:
        out = out.translate(traditional_table())
    return out


def _fold_cjk_slow(text: str, lang: str, traditional: bool = True) -> Folded:
    """Per-cluster folding for texts with characters that expand or combine under NFKC."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    ja = lang == "ja"
    for cluster in _clusters(text):
        end = pos + len(cluster)
        for ch in _cjk_piece(cluster, lang, traditional):
            if chars and ch in _VOICING:
                # Half-width ｶﾞ arrives as カ + combining mark; recompose to ガ.
                composed = unicodedata.normalize("NFC", chars[-1] + ch)
                if len(composed) == 1:
                    chars[-1] = composed
                    ends[-1] = end
                    continue
            if ja and chars and ch in _JA_DASHES and _is_katakana_letter(chars[-1]):
                ch = CHOON  # サポ－ター typed with a dash
            chars.append(ch)
            starts.append(pos)
            ends.append(end)
        pos = end
    if ja and CHOON in chars:
        kept_chars: list[str] = []
        kept_starts: list[int] = []
        kept_ends: list[int] = []
        for i, ch in enumerate(chars):
            if ch == CHOON and not (i + 1 < len(chars) and _is_katakana_letter(chars[i + 1])):
                if kept_ends:
                    kept_ends[-1] = ends[i]  # the surface of サポーター keeps its ー
                continue
            kept_chars.append(ch)
            kept_starts.append(starts[i])
            kept_ends.append(ends[i])
        chars, starts, ends = kept_chars, kept_starts, kept_ends
    return Folded("".join(chars), tuple(starts), tuple(ends))


def fold_cjk(text: str, lang: str, traditional: bool = True) -> Folded:
    """Fold Chinese or Japanese text (see module docstring).

    Args:
        text: The original text.
        lang: ``zh``, ``zh-Hant`` or ``ja``.
        traditional: For ``zh``, fold traditional characters to simplified.
    """
    ja = lang == "ja"
    mode = "ja" if ja else ("zh" if traditional else "zh-keep")
    table, slow = _tables(mode)
    if slow.search(text):
        return _fold_cjk_slow(text, lang, traditional)
    folded = text.translate(table)
    if ja and _KATA_DASH.search(folded):
        folded = _KATA_DASH.sub(CHOON, folded)  # サポ－ター typed with a dash; same length
    drop = {m.start() for m in _DELETE.finditer(folded)} if _DELETED in folded else set()
    extend: tuple[int, ...] = ()
    if ja and CHOON in folded:
        # A ー not followed by a katakana letter (ignoring removed characters) is dropped.
        compact = [(i, ch) for i, ch in enumerate(folded) if i not in drop]
        final = [i for k, (i, ch) in enumerate(compact) if ch == CHOON and
                 not (k + 1 < len(compact) and _is_katakana_letter(compact[k + 1][1]))]
        drop.update(final)
        extend = tuple(final)
    if not drop:
        return Folded(folded)
    return _without(folded, drop, extend)


def _without(folded: str, drop: set[int], extend: tuple[int, ...]) -> Folded:
    """``folded`` minus the positions in ``drop``; each position in ``extend`` is added to the
    span of the kept character before it (so the surface of サポーター keeps its ー)."""
    keep = [i for i in range(len(folded)) if i not in drop]
    starts = keep
    ends = [i + 1 for i in keep]
    if extend:
        where = {i: k for k, i in enumerate(keep)}
        for i in extend:
            j = i - 1
            while j >= 0 and j not in where:
                j -= 1
            if j >= 0:
                ends[where[j]] = i + 1
    return Folded("".join(folded[i] for i in keep), tuple(starts), tuple(ends))


_DELETED = "￿"  # what the translation tables map removed characters to (a noncharacter)
_DELETE = re.compile(_DELETED)
_SPACE_RUN = re.compile(" {2,}")
_KATA_DASH = re.compile(r"(?<=[\u30a1-\u30fa])[-\u2010-\u2015\u2212]")
_FINAL_CHOON = re.compile(CHOON + r"(?![\u30a1-\u30fa\u31f0-\u31ff])")  # see _is_katakana_letter


@lru_cache(maxsize=1)
def _changing_characters() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """BMP characters that NFKC changes, those that NFKC + casefold changes, and the combining
    marks. Computed once: every table below only has to look at these (a few thousand) instead
    of calling its fold function on all 65,536 characters, which made the first match of a
    process take seconds."""
    nfkc, folded, marks = set(), set(), []
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        if unicodedata.category(ch).startswith("M"):
            marks.append(ch)
            continue
        n = unicodedata.normalize("NFKC", ch)
        if n != ch:
            nfkc.add(ch)
        if n.casefold() != ch:
            folded.add(ch)
    return frozenset(nfkc), frozenset(folded), tuple(marks)


@lru_cache(maxsize=1)
def _identity() -> tuple[str, ...]:
    """Every BMP character, indexed by code point: the base of the translation tables."""
    return tuple(map(chr, range(0x10000)))


@lru_cache(maxsize=1)
def _spaces() -> tuple[str, ...]:
    """Every BMP whitespace character (each table folds them)."""
    return tuple(filter(str.isspace, _identity()))


@lru_cache(maxsize=8)
def _tables(mode: str) -> tuple[list[str], re.Pattern]:
    """A ``str.translate`` table for every BMP character whose fold is one character (or none),
    and a pattern matching the characters that need per-cluster folding: those that expand
    (``…`` → ``...``), combine (marks, half-width voicing, jamo), or lie outside the BMP.

    The table is a list indexed by code point (unchanged characters map to themselves), not a
    dict: ``translate`` looks every character up, and a dict miss raises and clears a KeyError
    each time, which made folding CJK text about twice as slow. Code points past the BMP fall
    off the end of the list and stay unchanged, as a dict miss would leave them.
    """
    nfkc, folded, marks = _changing_characters()
    table: dict[int, str] = {}
    slow = ["\U00010000-\U0010ffff", "\u1100-\u11ff", "\uff9e\uff9f", _DELETED]
    slow += [re.escape(ch) for ch in marks]
    candidates = set(nfkc if mode == "en-case" else folded)
    candidates.update(_spaces())
    if mode.startswith("en"):
        candidates.update(_DASHES, _APOSTROPHES)
    else:
        candidates.update(_JA_DROP, "ァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ")
        if mode == "zh":
            candidates.update(map(chr, traditional_table()))
    for ch in sorted(candidates):
        if 0xD800 <= ord(ch) <= 0xDFFF or ord(ch) > 0xFFFF:
            continue
        if mode.startswith("en"):
            out = _en_piece(ch, mode == "en")
        else:
            out = _cjk_piece(ch, "ja" if mode == "ja" else "zh", mode != "zh-keep")
        if len(out) > 1:
            slow.append(re.escape(ch))
        elif out != ch:
            table[ord(ch)] = out or _DELETED
    sequence = list(_identity())
    for code, out in table.items():
        sequence[code] = out
    return sequence, re.compile("[" + "".join(slow) + "]")


def fold_cjk_terms(terms: Sequence[str], lang: str, traditional: bool = True) -> list[str]:
    """``fold_cjk_term`` of every term, folded as one string (see ``fold_en_terms``)."""
    ja = lang == "ja"

    def rules(text: str) -> str:  # fold_cjk_term's steps after translate; none looks across _SEP
        if ja:
            text = _KATA_DASH.sub(CHOON, text)
        text = text.replace(_DELETED, "")
        return _FINAL_CHOON.sub("", text) if ja else text

    return _fold_all(terms, "ja" if ja else ("zh" if traditional else "zh-keep"), rules,
                     lambda t: fold_cjk_term(t, lang, traditional))


_SEP = "\x00"  # joins terms for batch folding: no table changes it, no rule looks across it


def _fold_all(terms: Sequence[str], mode: str, rules, fold_one) -> list[str]:
    """``fold_one`` of every term, computed on the terms joined by _SEP: translated with ``mode``'s
    table, ``rules`` applied, split again. A term that needs per-cluster folding (combining
    marks, characters that expand: rare) is folded alone, and so are all of them if a term holds
    _SEP itself."""
    table, slow = _tables(mode)
    joined = _SEP.join(terms)
    parts = rules(joined.translate(table)).split(_SEP) if joined.count(_SEP) == len(terms) - 1 \
        else []
    if len(parts) != len(terms):
        return [fold_one(t) for t in terms]
    if slow.search(joined):
        for i, term in enumerate(terms):
            if slow.search(term):
                parts[i] = fold_one(term)
    return parts


def fold_cjk_term(term: str, lang: str, traditional: bool = True) -> str:
    """The folded form of a Chinese or Japanese glossary term.

    Same as ``fold_cjk(term, lang, traditional).text``, without building the offset map: the
    steps of ``fold_cjk`` done as string operations.
    """
    ja = lang == "ja"
    table, slow = _tables("ja" if ja else ("zh" if traditional else "zh-keep"))
    if slow.search(term):
        return _fold_cjk_slow(term, lang, traditional).text
    folded = term.translate(table)
    if ja and _KATA_DASH.search(folded):
        folded = _KATA_DASH.sub(CHOON, folded)
    if _DELETED in folded:
        folded = folded.replace(_DELETED, "")
    if ja and CHOON in folded:
        folded = _FINAL_CHOON.sub("", folded)
    return folded
