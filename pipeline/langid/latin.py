"""Latin-script text: clear English by its function words, anything else by a seeded langdetect."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from .vocab import DECISIVE_LETTERS, FOREIGN_WORDS, english_form

WORD = regex.compile(r"\p{Latin}+(?:['’]\p{Latin}+)?")

_EN_FUNCTION = frozenset("""
a an the and or but nor of to in on at by for with from into onto upon about as than that this
these those there their they them it its is are was were be been being has have had do does did
not no which who whom whose what when where why how while whether if then so such both either
each all any some many most more less other our we us you your he she his her him i my me can
could may might must shall should will would also only very however therefore thus although
because since after before during between among within without through over under across per
via vs versus including
""".split())

#: Words of abstracts' headings, titles and keyword lines that carry no function word.
_EN_VOCAB = _EN_FUNCTION | frozenset("""
abstract background introduction objective objectives aim aims purpose methods method design
setting settings participants results result conclusion conclusions discussion keywords keyword
limitations implications summary study studies review systematic analysis data patients patient
health care clinical trial trials outcome outcomes measures measure main interventions
intervention findings significance context evidence synthesis peer support workers worker
workforce public policy research article case report randomized randomised controlled cohort
references acknowledgements funding trial registration ethics approval
am i'm it's don't didn't doesn't isn't can't won't got get go goes went come came make made
take took give gave know knew think say said see saw want like love try tried remember look
tell told ask find found work need feel let keep put call use used just now here still even
again never always yes okay well good bad new old great little big long high last first next
people man woman men women child children time year years day days week today way world life
home family friend country city state government police school news war death killed dead
up down out off above below back away over more most much
""".split())

#: Headings and frequent words of other Latin-script languages (not English words).
_FOREIGN_VOCAB = frozenset("""
résumé resumen resumo zusammenfassung einleitung einführung methoden ergebnisse
schlussfolgerung schlussfolgerungen diskussion hintergrund ziel introducción introdução
métodos métodos resultados conclusiones conclusão conclusões discusión discussão objetivo
objetivos antecedentes méthodes résultats contexte objectif
""".split()) - _EN_VOCAB

#: Function words of other Latin-script languages, English look-alikes included (Dutch in, is,
#: was, of; German in, an, was; Romance a, no): those are no evidence for English on their own.
_FUNCTION_WORDS = {
    "fr": """le la les des du de un une et est sont dans pour avec sur pas qui que ce cette ces au
        aux leur leurs ou où en par ne se il elle ils nous ont été sa ses chez entre sans selon
        lors afin a on""",
    "de": """der die das und ist nicht mit von zu den dem des ein eine einer eines einem einen sich
        auf für wird werden wurde wurden sind auch im zum zur bei nach durch über oder wie aus
        dass zwischen sowie nur kann können haben waren in an was also so will""",
    "es": """el los las y es del por una para con se su sus como más pero lo al de en un que la
        entre sobre fue han ha este esta estos estas también muy a no me""",
    "pt": """o os e é da do das dos em não uma com na nas nos no ao pelo pela seu sua de um que
        para por foi são entre mais se a as""",
    "it": """il di che della delle gli è sono non per alla nel la le un una del dei degli nella
        nei con da sul tra fra questo questi questa anche più stato stati ha hanno in a i no""",
    "nl": """het een en van zijn niet met voor op ook wordt aan bij de deze dit dat die er te om
        naar uit tot als maar nog geen meer dan hun zich werd werden worden heeft hebben kunnen
        tussen onder waarbij in is was of over had""",
    "vi": "và của là có được những các cho với không trong người này",
    "id": "yang dan ini untuk dengan dari pada dalam adalah tidak akan",
}
_FUNCTION_SETS = {lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()}
_ANY_FUNCTION = frozenset().union(*_FUNCTION_SETS.values())
#: Function words of other languages that English does not have.
_FOREIGN_FUNCTION = _ANY_FUNCTION - _EN_FUNCTION
#: English function words that other languages write too: half a word of evidence.
_SHARED_FUNCTION = _ANY_FUNCTION & _EN_FUNCTION

#: langdetect profiles we never load: CJK is decided by script analysis, not by n-grams.
_SKIP_PROFILES = {"zh-cn", "zh-tw", "ja", "ko"}
#: Prior weight of English among the loaded profiles (abstracts are mostly English here).
_EN_PRIOR = 0.3
#: Languages written in Latin script among langdetect's profiles: what an undecided Latin line
#: may turn out to be.
LATIN_LANGS = ("en", "fr", "de", "es", "pt", "it", "nl", "vi", "id", "tr", "pl", "cs", "sv",
               "da", "no", "fi", "ro", "hu", "ca", "hr", "sk", "sl", "lt", "lv", "et", "sq",
               "tl", "sw", "so", "af", "cy")
#: Lines of at most this many words are headings, titles or keywords: decided by word lists.
SHORT = 3
#: Letters from which n-grams alone decide a Latin line's language.
_LONG = 60
#: A language n-grams find at least this likely on a short line is one its context may choose.
_PLAUSIBLE = 0.05
#: Below this n-gram probability English is ruled out (a Dutch sentence scores 1e-12 or less, an
#: English title full of Latin names 1e-3): shared function words then do not make it English.
_EN_POSSIBLE = 1e-6


@dataclass(frozen=True, slots=True)
class LatinVerdict:
    """What Latin-script text looks like: ``lang`` with ``confidence``, ``sure`` when decisive."""

    lang: str
    confidence: float
    method: str
    sure: bool
    #: When not sure: the languages context may choose from (empty: any Latin-script language).
    candidates: tuple[str, ...] = ()


#: langdetect's smoothing: an n-gram a language never showed counts as this probability
#: (its ALPHA_DEFAULT / BASE_FREQ).
_SMOOTHING = 0.5 / 10000


class _Detectors:
    """Naive Bayes over langdetect's n-gram profiles: deterministic, no global state, CJK
    profiles left out.

    langdetect samples n-grams at random over seven trials (slow, and random unless seeded);
    summing the log-probabilities of every n-gram instead gives the same ranking, is
    deterministic by construction and is an order of magnitude faster.
    """

    def __init__(self) -> None:
        import numpy as np
        from langdetect.detector_factory import DetectorFactory
        from langdetect.utils.ngram import NGram

        factory = DetectorFactory()
        profiles = resources.files("langdetect") / "profiles"
        texts = [p.read_text(encoding="utf-8") for p in sorted(profiles.iterdir(), key=str)
                 if p.name not in _SKIP_PROFILES and not p.name.startswith(".")]
        factory.load_json_profile(texts)
        self._np = np
        self._ngram = NGram
        self._probs = factory.word_lang_prob_map
        self._logs: dict[str, object] = {}
        self.langs: list[str] = list(factory.get_lang_list())
        rest = (1.0 - _EN_PRIOR) / (len(self.langs) - 1)
        self._prior = np.log(np.array([_EN_PRIOR if lang == "en" else rest
                                       for lang in self.langs]))

    def _log_row(self, gram: str):  # noqa: ANN202 - a numpy row
        row = self._logs.get(gram)
        if row is None:
            row = self._np.log(self._np.asarray(self._probs[gram]) + _SMOOTHING)
            self._logs[gram] = row
        return row

    def ngrams(self, text: str) -> list[str]:
        """The 1- to 3-grams of ``text`` that some profile knows (langdetect's extraction)."""
        gram = self._ngram()
        probs = self._probs
        out = []
        for ch in text:
            gram.add_char(ch)
            if gram.capitalword:
                continue  # acronyms (all capitals) say nothing about the language
            grams = gram.grams
            for n in (1, 2, 3):
                if len(grams) < n:
                    break
                w = grams[-1] if n == 1 else grams[-n:]
                if w != " " and w in probs:
                    out.append(w)
        return out

    def probabilities(self, text: str, *, prior: bool = True) -> list[tuple[str, float]]:
        """Ranked (lang, posterior probability) for ``text``, the eight best; empty when it has
        no features. ``prior=False`` drops the English prior (for a word or two, where it would
        outweigh the evidence)."""
        np = self._np
        grams = self.ngrams(text)
        if not grams:
            return []
        scores = np.sum([self._log_row(g) for g in grams], axis=0)
        if prior:
            scores = scores + self._prior
        post = np.exp(scores - scores.max())
        post /= post.sum()
        order = np.argsort(-post, kind="stable")[:8]
        return [(self.langs[i], float(post[i])) for i in order]


@lru_cache(maxsize=1)
def detectors() -> _Detectors:
    """The shared detector over langdetect's profiles (they load once, about 0.5 s)."""
    return _Detectors()


def _fast_english(words: list[str], foreign_letters: int, *,
                  shared: float = 0.5) -> LatinVerdict | None:
    """English by its function words, or None. Function words other languages write too (in, is,
    was, a) count ``shared`` of a word: alone they do not make Dutch or Italian English."""
    n = len(words)
    lower = [w.lower() for w in words]
    weight = {w: shared if w in _SHARED_FUNCTION else 1.0 for w in lower}
    function = sum(weight[w] for w in lower if w in _EN_FUNCTION)
    foreign = sum(w in _FOREIGN_FUNCTION or w in _FOREIGN_VOCAB for w in lower)
    if foreign_letters * 50 > sum(map(len, words)) or foreign * 3 > function:
        return None
    if n >= 4 and function >= max(1, 0.12 * n):
        return LatinVerdict("en", round(min(0.99, 0.8 + function / n), 4), "function-words", True)
    known = sum(weight[w] for w in lower if w in _EN_VOCAB)
    if n <= 6 and foreign == 0 and known * 2 >= n:
        return LatinVerdict("en", round(0.6 + 0.3 * known / n, 4), "function-words", True)
    return None


def _short_verdict(words: list[str]) -> LatinVerdict:
    """One to three words: word lists first, n-grams only as weak evidence, never a guess of
    English for a word that is not an English word form."""
    # Acronyms (ISRCTN, WHO) are any language's: they neither help nor hurt.
    content = [w for w in words if not (len(w) >= 2 and w.isupper())]
    if not content:
        return LatinVerdict("und", 0.3, "acronyms", False, LATIN_LANGS)
    words = content
    lower = [w.lower() for w in words]
    decisive = {DECISIVE_LETTERS[ch] for w in lower for ch in w if ch in DECISIVE_LETTERS}
    if len(decisive) == 1:
        lang = decisive.pop()
        return LatinVerdict(lang, 0.8, "letters", True)
    ascii_only = all(w.isascii() for w in lower)
    sets = []
    for w in lower:
        langs = set(FOREIGN_WORDS.get(w, ()))
        # Conclusiones is Spanish, not an English plural: stems only for words no list claims.
        if ascii_only and (w in _EN_VOCAB or (not langs and english_form(w, _EN_VOCAB))):
            langs.add("en")
        sets.append(langs)
    if all(sets):
        common = set.intersection(*sets)
        if common == {"en"}:
            return LatinVerdict("en", 0.8, "wordlist", True)
        if len(common) == 1:
            return LatinVerdict(common.pop(), 0.8, "wordlist", True)
        if common:
            ordered = tuple(lang for lang in LATIN_LANGS if lang in common)
            fallback = "en" if "en" in common else "und"
            return LatinVerdict(fallback, 0.5, "wordlist", False, ordered)
    known = set().union(*sets)
    if ascii_only and known <= {"en"}:
        # Plain ASCII and no foreign word: English if a word is an English form or n-grams say
        # so; otherwise (Telemedicine, a name, a journal) the document decides.
        english = "en" in known
        if not english:
            ranked = detectors().probabilities(" ".join(words))
            english = bool(ranked) and ranked[0][0] == "en"
        if english:
            return LatinVerdict("en", 0.6, "wordlist", False, LATIN_LANGS)
        return LatinVerdict("und", 0.3, "wordlist", False, LATIN_LANGS)
    ranked = detectors().probabilities(" ".join(words), prior=False)
    # Not an English word form: English only if the document is English and n-grams allow it.
    plausible = {lang for lang, p in ranked if p >= _PLAUSIBLE} | known
    ordered = tuple(lang for lang in LATIN_LANGS if lang in plausible)
    if not ordered:
        return LatinVerdict("und", 0.0, "n-grams", True)
    prob = ranked[0][1] if ranked else 0.0
    return LatinVerdict("und", round(prob * 0.5, 4), "n-grams", False, ordered)


def latin_verdict(text: str) -> LatinVerdict:
    """Language of Latin-script ``text`` (other scripts may be present but are not weighed)."""
    words = WORD.findall(text)
    if not words:
        return LatinVerdict("und", 0.0, "none", False)
    if len(words) <= SHORT:
        return _short_verdict(words)
    foreign_letters = sum(1 for w in words for ch in w if ord(ch) > 0x7F)
    fast = _fast_english(words, foreign_letters)
    if fast is not None:
        return fast
    ranked = detectors().probabilities(" ".join(words))
    if not ranked:
        return LatinVerdict("und", 0.0, "n-grams", False)
    lang, prob = ranked[0]
    en_prob = dict(ranked).get("en", 0.0)
    lower = [w.lower() for w in words]
    if en_prob >= _EN_POSSIBLE and any(w in _SHARED_FUNCTION for w in lower):
        # Shared function words are English's unless n-grams rule English out: Escherichia
        # coli makes a title look Italian, not impossible English.
        weak = _fast_english(words, foreign_letters, shared=1.0)
        if weak is not None:
            return weak
    letters = sum(map(len, words))
    dense = letters >= 0.6 * sum(not ch.isspace() for ch in text)
    # n-grams are sure of anything on a few words: short text and text mostly of digits and
    # punctuation (a citation, a DOI) stay undecided.
    english = any(w in _EN_VOCAB and w not in _SHARED_FUNCTION for w in lower)
    foreign = any(w in _FOREIGN_FUNCTION or w in _FOREIGN_VOCAB for w in lower)
    # Naive Bayes is overconfident: another language needs evidence of its own (its function
    # words, its letters) or a long line; a list of names is nobody's language.
    own = lang in _FUNCTION_SETS and any(w in _FUNCTION_SETS[lang] for w in lower)
    evidence = lang == "en" or foreign or own or foreign_letters > 0 or letters >= _LONG
    if dense and letters >= 25 and prob >= 0.9 and evidence:
        return LatinVerdict(lang, round(prob, 4), "n-grams", True)
    if foreign_letters == 0 and not foreign and (english or lang == "en" or en_prob >= 0.2):
        # Plain ASCII with an English word and no foreign one: English, as far as it goes.
        return LatinVerdict("en", 0.5, "n-grams", False)
    if foreign_letters and prob >= 0.9:
        return LatinVerdict(lang, round(prob * 0.7, 4), "n-grams", False)
    return LatinVerdict("und", round(prob * 0.5, 4), "n-grams", False)


def function_word_count(words: list[str]) -> int:
    """How many of ``words`` are function words of English or another Latin-script language."""
    return sum(w.lower() in _EN_FUNCTION or w.lower() in _FOREIGN_FUNCTION for w in words)
