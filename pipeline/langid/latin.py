"""Latin-script text: clear English by its function words, anything else by a seeded langdetect."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

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

#: Function words of other Latin-script languages that English does not have.
_FOREIGN_FUNCTION = frozenset("""
le la les des du une et est sont dans pour avec sur pas qui que ce cette ces au aux leur ou où
der die das und ist nicht mit von zu den dem ein eine einer sich auf für wird werden sind auch
el los las y es del por una para con se su sus como más pero lo al
o os e é da do das dos em não uma com na no ao pelo pela seu sua
il di che della delle gli è sono non per alla nel
het een en van zijn niet met voor op ook wordt aan bij
và của là có được những các cho với không trong người này
""".split()) - _EN_FUNCTION

#: langdetect profiles we never load: CJK is decided by script analysis, not by n-grams.
_SKIP_PROFILES = {"zh-cn", "zh-tw", "ja", "ko"}
#: Prior weight of English among the loaded profiles (abstracts are mostly English here).
_EN_PRIOR = 0.3


@dataclass(frozen=True, slots=True)
class LatinVerdict:
    """What Latin-script text looks like: ``lang`` with ``confidence``, ``sure`` when decisive."""

    lang: str
    confidence: float
    method: str
    sure: bool


class _Detectors:
    """A langdetect factory of our own: seeded, no global state, CJK profiles left out."""

    def __init__(self) -> None:
        from langdetect.detector_factory import DetectorFactory

        factory = DetectorFactory()
        profiles = resources.files("langdetect") / "profiles"
        texts = [p.read_text(encoding="utf-8") for p in sorted(profiles.iterdir(), key=str)
                 if p.name not in _SKIP_PROFILES and not p.name.startswith(".")]
        factory.load_json_profile(texts)
        # An instance attribute: the class attribute DetectorFactory.seed stays untouched.
        factory.seed = 0
        self.factory = factory
        langs = factory.get_lang_list()
        rest = (1.0 - _EN_PRIOR) / (len(langs) - 1)
        self.prior = {lang: (_EN_PRIOR if lang == "en" else rest) for lang in langs}

    def probabilities(self, text: str) -> list[tuple[str, float]]:
        """langdetect's ranked (lang, probability) for ``text``; empty when it has no features."""
        from langdetect.lang_detect_exception import LangDetectException

        detector = self.factory.create()
        detector.set_prior_map(self.prior)
        detector.append(text)
        try:
            return [(p.lang, p.prob) for p in detector.get_probabilities()]
        except LangDetectException:
            return []


@lru_cache(maxsize=1)
def detectors() -> _Detectors:
    """The shared, seeded langdetect factory (profiles load once, about 0.5 s)."""
    return _Detectors()


def _fast_english(words: list[str], foreign_letters: int) -> LatinVerdict | None:
    n = len(words)
    lower = [w.lower() for w in words]
    function = sum(w in _EN_FUNCTION for w in lower)
    foreign = sum(w in _FOREIGN_FUNCTION or w in _FOREIGN_VOCAB for w in lower)
    if foreign_letters * 50 > sum(map(len, words)) or foreign * 3 > function:
        return None
    if n >= 4 and function >= max(1, 0.12 * n):
        return LatinVerdict("en", round(min(0.99, 0.8 + function / n), 4), "function-words", True)
    known = sum(w in _EN_VOCAB for w in lower)
    if n <= 6 and foreign == 0 and known * 2 >= n:
        return LatinVerdict("en", round(0.6 + 0.3 * known / n, 4), "function-words", True)
    return None


def latin_verdict(text: str) -> LatinVerdict:
    """Language of Latin-script ``text`` (other scripts may be present but are not weighed)."""
    words = WORD.findall(text)
    if not words:
        return LatinVerdict("und", 0.0, "none", False)
    foreign_letters = sum(1 for w in words for ch in w if ord(ch) > 0x7F)
    fast = _fast_english(words, foreign_letters)
    if fast is not None:
        return fast
    ranked = detectors().probabilities(" ".join(words))
    if not ranked:
        return LatinVerdict("und", 0.0, "langdetect", False)
    lang, prob = ranked[0]
    letters = sum(map(len, words))
    dense = letters >= 0.6 * sum(not ch.isspace() for ch in text)
    # langdetect is sure of anything on a few words ("Remember?" is Indonesian to it): short
    # text and text mostly of digits and punctuation (a citation, a DOI) stay undecided.
    if dense and letters >= 25 and prob >= 0.9:
        return LatinVerdict(lang, round(prob, 4), "langdetect", True)
    en_prob = dict(ranked).get("en", 0.0)
    lower = [w.lower() for w in words]
    english = any(w in _EN_VOCAB for w in lower)
    foreign = any(w in _FOREIGN_FUNCTION or w in _FOREIGN_VOCAB for w in lower)
    if foreign_letters == 0 and not foreign and (english or lang == "en" or en_prob >= 0.2):
        # Plain ASCII with an English word and no foreign one: English, as far as it goes.
        return LatinVerdict("en", 0.5, "langdetect", False)
    if foreign_letters and prob >= 0.9:
        return LatinVerdict(lang, round(prob * 0.7, 4), "langdetect", False)
    return LatinVerdict("und", round(prob * 0.5, 4), "langdetect", False)


def function_word_count(words: list[str]) -> int:
    """How many of ``words`` are function words of English or another Latin-script language."""
    return sum(w.lower() in _EN_FUNCTION or w.lower() in _FOREIGN_FUNCTION for w in words)
