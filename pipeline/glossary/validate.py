"""``validate``: problems that do not stop a glossary from loading but will mislead the checks."""
from __future__ import annotations

from ..languages import profile
from .audit import clashes, match_key
from .model import Glossary, Issue
from .normalize import fold_cjk_term

_SEVERITY = {"duplicate": "warning", "ambiguous": "warning", "contradictory": "error"}
_RANK = {"error": 0, "warning": 1, "info": 2}


def validate(glossary: Glossary) -> list[Issue]:
    """Check a loaded glossary.

    Errors: a term that can never match, a term approved in one place and deprecated in another.
    Warnings: duplicates, a term approved for two concepts, a concept with several preferred terms
    or none approved in a language, a zh term written in traditional characters.
    Info: a concept with admitted but no preferred term, or missing a language of the glossary.

    Returns:
        Issues sorted by severity (errors first), then line.
    """
    issues: list[Issue] = []
    for t in glossary.terms:
        if not match_key(t):
            issues.append(Issue("error", f"term {t.term!r} ({t.lang}) has no letters to match",
                                t.line, t.concept_id))
        elif t.lang == "zh" and not profile("zh").spaced and \
                fold_cjk_term(t.term, "zh") != fold_cjk_term(t.term, "zh", traditional=False):
            issues.append(Issue("warning", f"zh term {t.term!r} is written in traditional "
                                "characters; write it in simplified (or tag it zh-Hant)",
                                t.line, t.concept_id))
    for clash in clashes(glossary):
        shown = clash.terms[0].term
        lines = ", ".join(map(str, clash.lines))
        if clash.kind == "duplicate":
            msg = f"{clash.lang} term {shown!r} is listed {len(clash.terms)} times for concept " \
                  f"{clash.terms[0].concept_id!r} (lines {lines})"
        elif clash.kind == "ambiguous":
            msg = f"{clash.lang} term {shown!r} is approved for concepts " \
                  f"{', '.join(clash.concept_ids)} (lines {lines}); matches use the first"
        else:
            states = ", ".join(f"{t.status} for {t.concept_id}" for t in clash.terms)
            msg = f"{clash.lang} term {shown!r} is both approved and deprecated ({states}; " \
                  f"lines {lines})"
        issues.append(Issue(_SEVERITY[clash.kind], msg, clash.terms[-1].line,
                            clash.terms[0].concept_id))
    langs = glossary.languages()
    for concept in glossary.concept_ids():
        first = None
        for lang in langs:
            terms = glossary.terms_for(concept, lang)
            first = first or (terms[0].line if terms else None)
            if not terms:
                continue
            preferred = [t for t in terms if t.status == "preferred"]
            if len(preferred) > 1:
                issues.append(Issue("warning", f"concept {concept!r} has {len(preferred)} preferred "
                                    f"{lang} terms; the first one is suggested", preferred[1].line,
                                    concept))
            if not any(t.approved for t in terms):
                issues.append(Issue("warning", f"concept {concept!r} has no approved {lang} term, so "
                                    "findings cannot suggest one", terms[0].line, concept))
            elif not preferred:
                issues.append(Issue("info", f"concept {concept!r} has no preferred {lang} term; the "
                                    "first admitted one is suggested", terms[0].line, concept))
        missing = [lang for lang in langs if not glossary.terms_for(concept, lang)]
        if missing:
            issues.append(Issue("info", f"concept {concept!r} has no {', '.join(missing)} term",
                                first, concept))
    issues.sort(key=lambda i: (_RANK[i.severity], i.line if i.line is not None else 0))
    return issues
