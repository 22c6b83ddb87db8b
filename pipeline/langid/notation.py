"""Lines with letters but no natural-language words: formulas, units, statistics and codes.

``E = 70 GPa, ν = 0.33``, ``dT/dx = −q/k``, ``Hedges' g = 0.31 (95% CI 0.12–0.50)``,
``OR=0.62，95%CI：0.48–0.80``, ``2019;7(4):e1123``: every word-like token is a symbol, a unit, a
statistic's name or a code. Such a line has no language (``und``) wherever it stands: a document's
context may only choose among languages a line itself supports, and this one supports none.
"""
from __future__ import annotations

import unicodedata

import regex

__all__ = ["is_notation"]

#: Word-like tokens: runs of letters, marks and digits (after NFKC, R² is R2 and ＧＰａ is GPa).
_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)?(?:(?<=s)['’])?")
#: Letters of scripts that write no symbols (CJK, Arabic, Devanagari...): a line with one is
#: never notation, and their one-letter words (Hindi के) are words.
_WORD_SCRIPT = regex.compile(r"[^\P{L}\p{Latin}\p{Greek}\p{Cyrillic}]")
_GREEK = regex.compile(r"\p{Greek}")
_CAMEL = regex.compile(r"\p{Ll}\p{Lu}")  # dN, dT, mL, pH, kWh: not how words are written
_DIGIT = regex.compile(r"\d")
#: A token directly before a relation is the name of a variable: Re = 2300, Ea = 52.
_RELATION_AFTER = regex.compile(r"\s*[=<>≤≥≈≠~]")
#: Operators that glue short names into a formula: da/dN, Ea/RT, x^2, k_B.
_GLUE = "/^_*·×"

#: Names and abbreviations of statistics, in any case (p, CI, SD, OR, HR, R², and the French,
#: Spanish, German and Russian forms IC, KI, ДИ, ОШ).
_STAT_WORDS = frozenset("""
    p n d r t f z x k b g q w u h m or rr hr ci ki ic sd se sem iqr vs df aor ahr irr smd wmd md
    mse rmse auc roc icc i nnt nnh arr rrr pr cv ns mdn ll ul χ β α δ κ η ω ρ σ μ λ τ
    eta kappa beta alpha chi tau rho ди ош ор
    """.split())
#: Mathematical function names.
_FUNCTIONS = frozenset("ln log exp sin cos tan tanh sinh cosh lim max min arg det sqrt".split())
#: Unit symbols (case-sensitive: ``min`` is a unit, ``Min`` a word), with SI prefixes below.
_UNITS = frozenset("""
    m g s A K mol cd Hz N Pa J W V C F Ω S T H L l Gy Sv Bq eV B Wh cal hPa
    h min d wk mo yr yrs bpm rpm ppm ppb ppt mmHg cmH IU kDa bp kb Mb nt mEq mOsm psi
    ft lb oz Å
    """.split())
_PREFIXES = ("p", "n", "μ", "m", "c", "d", "k", "M", "G", "T")
_PREFIXED = frozenset(p + u for p in _PREFIXES
                      for u in ("m", "g", "s", "A", "K", "mol", "Hz", "N", "Pa", "J", "W", "V",
                                "L", "l", "Gy", "eV", "B", "Wh", "cal", "bar", "b"))
#: A one-letter symbol with a subscript written out: Kmax, Cmin, Teff, Ttot, Keq, Kth.
_SUBSCRIPTED = regex.compile(r"^\p{L}(?:max|min|eff|crit|th|ref|tot|avg|eq|opt)$")
#: The possessive of a name before a statistic: Cohen's d, Hedges' g, Cronbach's α.
_EPONYM = regex.compile(r"^\p{Lu}\p{Ll}+(?:['’]s|s['’])$")


def _letters(token: str) -> str:
    return "".join(ch for ch in token if ch.isalpha())


def _symbol(token: str, before: str, after: str, *, has_digits: bool) -> bool:
    """Whether ``token`` is no natural-language word; ``before`` and ``after`` are the characters
    around it (one before, a few after)."""
    core = _letters(token)
    if not core or _DIGIT.search(token):
        return True  # a number, or letters glued to digits: R2, S258, e0245123, 0.82x, mm2
    if len(core) == 1 or core in _UNITS or core in _PREFIXED:
        return True
    if core.lower() in _STAT_WORDS or core in _FUNCTIONS or _SUBSCRIPTED.match(core):
        return True
    greek = len(_GREEK.findall(core))
    if len(core) <= 3 and (0 < greek < len(core) or _CAMEL.search(core)):
        return True  # σy, ΔK (Greek with Latin); dN, mL
    if len(core) <= 2 and greek:
        return True  # Δσ (a Greek word has vowels and length: και, Ναι, Σκοπός)
    if len(core) >= 2 and core.isupper() and has_digits:
        return True  # acronyms among numbers: BMI, RMSEA, ОШ
    if len(core) <= 3 and _RELATION_AFTER.match(after):
        return True  # Re = 2300
    glued = any(ch and ch in _GLUE for ch in (before[-1:], after[:1]))
    return len(core) <= 2 and glued  # da/dN, Ea/RT


def is_notation(text: str) -> bool:
    """True when ``text`` has letters but no natural-language word (see the module docstring).

    Args:
        text: One unit, addresses and DOIs already removed.

    Returns:
        Whether every word-like token is a symbol, unit, statistic name, function name or code.
    """
    if _WORD_SCRIPT.search(text):
        return False
    text = unicodedata.normalize("NFKC", text)
    has_digits = _DIGIT.search(text) is not None
    letters = False
    pending = None  # a name that is a symbol only if a statistic follows it: Cohen's (d)
    for m in _TOKEN.finditer(text):
        token, start, end = m.group(), m.start(), m.end()
        if pending is not None:
            if not (text[pending:start].isspace() and _letters(token).lower() in _STAT_WORDS):
                return False
            pending = None
        letters = letters or bool(_letters(token))
        if _symbol(token, text[start - 1:start], text[end:end + 8], has_digits=has_digits):
            continue
        if not _EPONYM.match(token):
            return False  # a word: the first one settles it
        pending = end
    return letters and pending is None
