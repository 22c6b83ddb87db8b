"""Small word lists for one-to-three-word Latin lines (headings, titles, keywords).

n-gram statistics cannot tell a single word's language (langdetect's profiles call ``Methods``
Welsh and ``Keywords`` Afrikaans), so short lines are looked up here first: the languages a word
belongs to, English word forms by stripping common suffixes, and letters only some languages
write (``ã`` is Portuguese, ``ñ`` Spanish).
"""
from __future__ import annotations

#: Frequent content words of abstracts (with the function and heading words of ``latin``).
EN_CONTENT = frozenset("""
adult adolescent age aged analysis approach assessment association associated barrier behaviour
behavior benefit burden cancer care caregiver change child clinical cohort community condition
control cost country covid cross current data death depression design development diabetes
disease disorder effect effective effectiveness elderly evaluation evidence experience factor
family finding follow group growth health healthcare hospital impact improve improvement
income increase intervention issue life literature long low medical medicine mental model
mortality national need nurse nursing obesity older outcome pain patient people physical
policy population practice prevalence prevention primary program programme protocol quality
randomised randomized rate recovery related report research risk role rural school service
sectional setting social strategy stress student study support survey symptom system term
therapy training treatment trend trial urban use user vaccine vaccination women worker young
youth abstract acknowledgement acknowledgment appendix author affiliation correspondence
keyword introduction method result conclusion discussion background objective aim purpose
table figure title summary limitation implication significance highlight reference
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december session presentation oral poster
""".split())

#: Headings and frequent words of other Latin-script languages' abstracts, by language.
FOREIGN = {
    "fr": """résumé introduction contexte objectif objectifs méthode méthodes résultats résultat
        conclusion conclusions discussion mots clés santé mentale soins étude patients
        matériel matériels""",
    "de": """zusammenfassung einleitung einführung hintergrund ziel ziele methode methoden
        methodik ergebnisse ergebnis schlussfolgerung schlussfolgerungen fazit diskussion
        schlüsselwörter gesundheit psychische studie patienten""",
    "es": """resumen introducción antecedentes objetivo objetivos método métodos resultados
        conclusión conclusiones discusión palabras clave salud mental estudio pacientes
        materiales""",
    "pt": """resumo introdução objetivo objetivos método métodos resultados conclusão
        conclusões discussão palavras chave saúde mental estudo pacientes materiais""",
    "it": """riassunto sommario introduzione obiettivo obiettivi metodo metodi materiali
        risultati conclusione conclusioni discussione parole chiave salute mentale studio
        pazienti""",
    "nl": """samenvatting inleiding achtergrond doel methode methoden resultaten conclusie
        conclusies discussie trefwoorden gezondheid""",
}
FOREIGN_WORDS: dict[str, frozenset[str]] = {}
for _lang, _words in FOREIGN.items():
    for _w in _words.split():
        FOREIGN_WORDS[_w] = FOREIGN_WORDS.get(_w, frozenset()) | {_lang}

#: Letters that, among the languages we expect, only one writes.
DECISIVE_LETTERS = {
    "ã": "pt", "õ": "pt", "ñ": "es", "ß": "de", "ő": "hu", "ű": "hu", "ř": "cs", "ě": "cs",
    "ů": "cs", "ł": "pl", "ą": "pl", "ę": "pl", "ż": "pl", "ź": "pl", "ş": "tr", "ğ": "tr",
    "ı": "tr", "ơ": "vi", "ư": "vi", "đ": "vi",
}

_SUFFIXES = ("ies", "es", "s", "ed", "ing", "ly", "er", "est", "ness", "ment", "al", "ity")


def english_form(word: str, vocab: frozenset[str]) -> bool:
    """True when lower-case ``word`` or its stem (``adults``, ``older``, ``studies``) is known."""
    if word in vocab or word in EN_CONTENT:
        return True
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[:-len(suffix)]
            for cand in (stem, stem + "e", stem + "y"):
                if cand in vocab or cand in EN_CONTENT:
                    return True
    return False
