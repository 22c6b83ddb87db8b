"""English inflection as (automaton key, allowed word tails): matched text is never rewritten.

A term is stored under its folded form and, where the inflected word changes its last letter
(``community`` → ``communities``, ``use`` → ``using``), under the shortened stem too. At match time
the letters following the key (the *tail*) must be one of the allowed endings, and the character
after the tail must not be a letter or digit; possessives need no rule because ``'`` ends a word.
"""
from __future__ import annotations

VERBAL = frozenset({"verb", "v", "adjective", "adj", "a", "participle"})
_VOWELS = frozenset("aeiou")
_NOUN = frozenset({"", "s", "es"})
# The tail sets most terms share, made once (a 50,000-concept glossary asks for each many times).
_BARE = frozenset({""})
_IES, _IES_IED = frozenset({"ies"}), frozenset({"ies", "ied"})


def variants(key: str, part_of_speech: str = "") -> list[tuple[str, frozenset[str]]]:
    """``(key, tails)`` pairs under which a folded English term is matched.

    Args:
        key: The folded term (``fold_en_term``).
        part_of_speech: Verbs and adjectives also take -ed/-ing (``deliver`` → ``delivered``).

    Returns:
        The term itself with its allowed tails, then any stems (shortened keys) with theirs.
    """
    last = key[-1:]
    if not last.isalpha():
        return [(key, _BARE)]  # "COVID-19", "C++": no inflection
    verbal = part_of_speech.lower() in VERBAL if part_of_speech else False
    consonant_y = last == "y" and len(key) > 1 and key[-2] not in _VOWELS
    if not verbal:
        return [(key, _NOUN), (key[:-1], _IES)] if consonant_y else [(key, _NOUN)]
    tails = set(_NOUN) | {"ed", "ing"}
    out: list[tuple[str, frozenset[str]]] = []
    if consonant_y:
        out.append((key[:-1], _IES_IED))
    if last == "e":
        tails.add("d")
        out.append((key[:-1], frozenset({"ing"})))
    elif last not in _VOWELS and last not in "wxy" and len(key) > 1 and key[-2] in _VOWELS:
        tails |= {last + "ed", last + "ing"}  # stop → stopped, stopping
    return [(key, frozenset(tails)), *out]
