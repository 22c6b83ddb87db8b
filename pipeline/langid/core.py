"""Script analysis of one unit, and resolving undecided units from their neighbours."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..models import Detection
from ..scripts import HAN, HANGUL
from .hanzi import han_evidence
from .latin import LATIN_LANGS, WORD, detectors, function_word_count, latin_verdict

# Without ー (also a dash in Chinese text), unlike scripts.KANA: only real kana count here.
KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
LETTER = regex.compile(r"\p{L}")
#: URLs, DOIs and e-mail addresses: letters, but no language. ASCII only, so that in
#: 通信作者：刘洋，Email：liuyang@bjmu.edu.cn the Chinese before the address survives.
NON_LANGUAGE = regex.compile(
    r"(?i)\b(?:https?://|www\.)[!-~]+|\bdoi\s*[:：]?\s*10\.\d{4,9}/[!-~]+|\b10\.\d{4,9}/[!-~]+"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
#: Letter runs of statistics (p < 0.001, RR = 1.21 (95% CI 1.15–1.28), OR=0.62，95%CI：…):
#: a line with no other letters has no language.
STAT_LETTERS = regex.compile(r"\p{L}+")
_STAT_WORDS = frozenset("""
    p n d r t f z x k b g q or rr hr ci ki ic sd se sem iqr vs df aor ahr irr smd wmd md mse
    rmse auc roc icc i χ β α δ κ η ω ρ σ μ λ r² χ² eta kappa beta alpha chi
    """.split())
#: Full-width sentence punctuation: only a CJK sentence is punctuated with it.
CJK_PUNCT = regex.compile(r"[。，、「」《》！？]")
CJK_END = regex.compile(r"[。！？][」』）》】”’\"')]*\s*$")
OTHER_WORD = regex.compile(
    r"[^\P{L}\p{Latin}\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+")

__all__ = ["Verdict", "analyse", "from_neighbours", "outward", "LATIN_LANGS"]
#: A CJK character carries about as much as two thirds of a Latin word (a Chinese word is
#: 1.5 characters long on average), so 同伴支持（peer support） is Chinese.
_CJK_PER_WORD = 1.5
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


def _statistics_only(text: str) -> bool:
    """Statistics (p < 0.001, OR=0.62，95%CI：…) or identifiers (PMID: 33456789, NCT04567890):
    letters, but no language."""
    runs = STAT_LETTERS.findall(text)
    if not runs:
        return False
    if all(r.lower() in _STAT_WORDS for r in runs):
        return True
    return all(len(r) >= 2 and r.isupper() and r.isascii() for r in runs) \
        and any(ch.isdigit() for ch in text)


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


def _other_script_verdict(text: str) -> Verdict:
    ranked = detectors().probabilities(text)
    if ranked and ranked[0][1] >= 0.5 and ranked[0][0] not in LATIN_LANGS:
        return Verdict(ranked[0][0], round(ranked[0][1], 4), "langdetect")
    return Verdict("und", 0.0, "langdetect")


@lru_cache(maxsize=8192)
def analyse(text: str) -> Verdict:
    """Decide ``text`` on its own, or say which languages its context may choose from."""
    text = NON_LANGUAGE.sub(" ", text)
    if LETTER.search(text) is None:
        return NO_LETTERS
    if _statistics_only(text):
        return STATISTICS
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
    return _other_script_verdict(text)


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
