"""``stats``: what a glossary holds, per language, as a DataFrame (``glossary stats``)."""
from __future__ import annotations

import pandas as pd

from .audit import clashes
from .model import STATUSES, Glossary

STATS_COLUMNS = ["lang", "concepts", "terms", *STATUSES, "no_preferred", "no_approved",
                 "duplicates", "ambiguous", "contradictory"]
CLASH_COLUMNS = ["kind", "lang", "term", "concept_ids", "statuses", "lines"]


def stats(glossary: Glossary) -> pd.DataFrame:
    """One row per language plus a final ``all`` row.

    Columns: ``lang``, ``concepts`` (with at least one term in the language), ``terms``, one count
    per status, ``no_preferred`` / ``no_approved`` (concepts lacking one), ``duplicates`` (same
    term listed twice for a concept), ``ambiguous`` (one term approved for several concepts) and
    ``contradictory`` (one term both approved and deprecated). ``concepts`` in the ``all`` row
    counts distinct concepts.
    """
    found = clashes(glossary)
    records = []
    for lang in glossary.languages():
        terms = [t for t in glossary.terms if t.lang == lang]
        concepts = list(dict.fromkeys(t.concept_id for t in terms))
        row = {"lang": lang, "concepts": len(concepts), "terms": len(terms)}
        for status in STATUSES:
            row[status] = sum(t.status == status for t in terms)
        row["no_preferred"] = sum(glossary.preferred(c, lang) is None or
                                  glossary.preferred(c, lang).status != "preferred"
                                  for c in concepts)
        row["no_approved"] = sum(not glossary.approved(c, lang) for c in concepts)
        for kind, column in (("duplicate", "duplicates"), ("ambiguous", "ambiguous"),
                             ("contradictory", "contradictory")):
            row[column] = sum(c.kind == kind and c.lang == lang for c in found)
        records.append(row)
    total = {"lang": "all", "concepts": len(glossary.concept_ids()), "terms": len(glossary.terms)}
    for column in STATS_COLUMNS[3:]:
        total[column] = sum(r[column] for r in records)
    records.append(total)
    return pd.DataFrame.from_records(records, columns=STATS_COLUMNS)


def clash_table(glossary: Glossary) -> pd.DataFrame:
    """Every duplicate and conflict, one row each (the detail behind the ``stats`` counts)."""
    records = [{"kind": c.kind, "lang": c.lang, "term": c.terms[0].term,
                "concept_ids": ";".join(c.concept_ids),
                "statuses": ";".join(t.status for t in c.terms),
                "lines": ";".join(map(str, c.lines))} for c in clashes(glossary)]
    return pd.DataFrame.from_records(records, columns=CLASH_COLUMNS)
