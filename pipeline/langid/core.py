"""Script analysis of one unit, and resolving undecided units from their neighbours."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..models import Detection
from ..scripts import HAN, HANGUL
from .hanzi import han_evidence
from .latin import LATIN_LANGS, SHORT, WORD, detectors, function_word_count, latin_verdict
from .notation import is_notation

# Without ー (also a dash in Chinese text), unlike scripts.KANA: only real kana count here.
KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
LETTER = regex.compile(r"\p{L}")
#: URLs, DOIs and e-mail addresses: letters, but no language. ASCII only, so that in
#: 通信作者：刘洋，Email：liuyang@bjmu.edu.cn the Chinese before the address survives.
NON_LANGUAGE = regex.compile(
    r"(?i)\b(?:https?://|www\.)[!-~]+|\bdoi\s*[:：]?\s*10\.\d{4,9}/[!-~]+|\b10\.\d{4,9}/[!-~]+"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
#: Full-width sentence punctuation: only a CJK sentence is punctuated with it.
CJK_PUNCT = regex.compile(r"[。，、「」《》！？]")
CJK_END = regex.compile(r"[。！？][」』）》】”’\"')]*\s*$")
OTHER_WORD = regex.compile(
    r"[^\P{L}\p{Latin}\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+")

__all__ = ["Verdict", "analyse", "from_neighbours", "outward", "LATIN_LANGS"]
#: A CJK character carries about as much as two thirds of a Latin word (a Chinese word is
#: 1.5 characters long on average), so 同伴支持（peer support） is Chinese.
_CJK_PER_WORD = 1.5
#: A short line in another script: a language n-grams give at least _OTHER_PLAUSIBLE is one its
#: document may choose, and without a document the likeliest is named only from _OTHER_SURE.
#: Naive Bayes is overconfident on one word: Введение (Russian only) scores 0.60 Bulgarian and
#: 0.36 Russian, مقدمه (Persian) 0.9997 Arabic and 0.0003 Persian.
_OTHER_PLAUSIBLE = 1e-4
_OTHER_SURE = 0.99
#: Evidence margin (hanzi scores) that decides Han-only text without context.
_MARGIN = 2.0


@dataclass(frozen=True, slots=True)
class Verdict:
    """Analysis of one unit. ``candidates`` is empty when the unit is decided on its own; else
    the languages its context may choose from (``lang`` is the fallback)."""

    lang: str
    confidence: float
    method: str
    candidates: tuple[str, ...] = ()
    has_letters: bool = True

    @property
    def decided(self) -> bool:
        return not self.candidates

    def detection(self) -> Detection:
        return Detection(self.lang, self.confidence, self.method)


NO_LETTERS = Verdict("und", 0.0, "no-letters", (), False)
STATISTICS = Verdict("und", 0.0, "statistics", (), False)
#: Han runs this long between punctuation make a clause, not an item of a name list.
_CLAUSE_HAN = 7
_CLAUSE_SPLIT = regex.compile(r"[^\p{Han}]+")


def _is_sentence(text: str) -> bool:
    """A CJK sentence (which Japanese never writes without kana), not a list of names or terms:
    it ends in a full stop, or has a clause of several Han characters between its punctuation."""
    if regex.search(r"[。！？]", text):
        return True
    if CJK_PUNCT.search(text) is None:
        return False
    return any(len(run) >= _CLAUSE_HAN for run in _CLAUSE_SPLIT.split(text))


def _cjk_verdict(han: str, kana: int, hangul: int, sentence: bool) -> Verdict:
    cjk = len(han) + kana + hangul
    if hangul * 10 >= cjk * 3:
        return Verdict("ko", 0.99 if hangul >= 2 else 0.7, "script")
    ev = han_evidence(han)
    if kana:
        # A stray の in a brand name does not make a long Chinese sentence Japanese.
        if ev.zh >= 6 and ev.zh > 2 * ev.ja and kana * 20 < cjk:
            return Verdict("zh", 0.8, "script+han")
        return Verdict("ja", 0.99 if kana >= 2 else 0.85, "script")
    ranked = ev.ranked()
    if sentence and not ev.ja_only:
        # A Japanese sentence is never written without kana: this one is Chinese.
        ranked = [kv for kv in ranked if kv[0] != "ja"] + [("ja", -1.0)]
    (top, best), (_, second) = ranked[0], ranked[1]
    if best - second >= _MARGIN:
        return Verdict(top, round(min(0.99, 0.6 + 0.05 * (best - second)), 4), "script+han")
    tied = tuple(lang for lang, score in ranked if best - score < _MARGIN)
    return Verdict(tied[0], 0.4 if best == 0 else 0.5, "script+han", tied)


def _cjk_hosts(text: str, cjk: int, words: list[str], other_words: int) -> bool:
    """Whether CJK is the host language of a line that also has Latin or other words.

    Names and acronyms (capitalised words) count half a word; a line whose Latin words include no
    function word is a CJK sentence quoting names and terms; a full-width full stop at the end
    tips the balance towards CJK.
    """
    if other_words * _CJK_PER_WORD > cjk:
        return False
    # Codes and acronyms (JEL, D12, I13, RCT) are no language's words.
    words = [w for w in words if len(w) >= 2 and not w.isupper()]
    if not words:
        return True
    if cjk >= 2 and function_word_count(words) == 0:
        return True
    latin = sum(0.5 if w[:1].isupper() else 1.0 for w in words)
    # A full-width full stop ending the line is the host's: 势在必行（Il faut bien le faire）。
    if cjk >= 4 and CJK_END.search(text) is not None:
        latin /= 4
    return cjk / _CJK_PER_WORD >= latin


def _other_script_verdict(text: str, words: int) -> Verdict:
    """Cyrillic, Arabic, Devanagari... by n-grams. A word or three that n-grams find plausible in
    several languages (Заключение ru/bg, مقدمه fa/ar) is left to its document to choose among them;
    alone it is the likeliest only when that is nearly certain."""
    ranked = [(lang, p) for lang, p in detectors().probabilities(text)
              if lang not in LATIN_LANGS]
    if not ranked or ranked[0][1] < 0.5:
        return Verdict("und", 0.0, "langdetect")
    (top, prob), plausible = ranked[0], tuple(lang for lang, p in ranked if p >= _OTHER_PLAUSIBLE)
    if words > SHORT or len(plausible) == 1:
        return Verdict(top, round(prob, 4), "langdetect")
    if prob >= _OTHER_SURE:
        return Verdict(top, round(prob * 0.7, 4), "langdetect", plausible)
    return Verdict("und", round(prob * 0.5, 4), "langdetect", plausible)


@lru_cache(maxsize=8192)
def analyse(text: str) -> Verdict:
    """Decide ``text`` on its own, or say which languages its context may choose from."""
    text = NON_LANGUAGE.sub(" ", text)
    if LETTER.search(text) is None:
        return NO_LETTERS
    if is_notation(text):
        return STATISTICS  # formulas, units, statistics, codes: no language
    han = "".join(HAN.findall(text))
    kana = len(KANA.findall(text))
    hangul = len(HANGUL.findall(text))
    cjk = len(han) + kana + hangul
    words = WORD.findall(text)
    other_words = len(OTHER_WORD.findall(text))
    if cjk and _cjk_hosts(text, cjk, words, other_words):
        return _cjk_verdict(han, kana, hangul, _is_sentence(text))
    latin_words = len(words)
    if latin_words >= other_words:
        lv = latin_verdict(text)
        if lv.sure:
            return Verdict(lv.lang, lv.confidence, lv.method)
        return Verdict(lv.lang, lv.confidence, lv.method, lv.candidates or LATIN_LANGS)
    return _other_script_verdict(text, other_words)


def from_neighbours(verdict: Verdict, neighbours: Iterable[Verdict]) -> Detection:
    """The first decided neighbour whose language ``verdict`` allows decides it."""
    for other in neighbours:
        if other.decided and other.lang in verdict.candidates:
            return Detection(other.lang, round(max(0.5, min(0.9, other.confidence)), 4),
                             "context")
    return verdict.detection()


def outward(items: list, i: int) -> Iterable:
    """``items`` by distance from position ``i``, the following one first at each distance
    (a heading belongs to what follows it)."""
    for d in range(1, len(items)):
        if i + d < len(items):
            yield items[i + d]
        if i - d >= 0:
            yield items[i - d]
