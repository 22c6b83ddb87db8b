"""``convert``: write a glossary as a long csv/tsv table, an xlsx workbook or TBX v3."""
from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from ..errors import GlossaryError
from .model import Glossary, Term
from .tables import write_text_table, write_xlsx
from .tbx import write_tbx

FORMATS = ("csv", "tsv", "tbx", "xlsx")


def convert(glossary: Glossary, to: str, out: Path) -> None:
    """Write ``glossary`` to ``out`` in format ``to``; reading the result back gives the same terms.

    Tables are long tables in term order. TBX groups terms by concept and then language, so a
    table that interleaves concepts comes back grouped (same terms, see ``canonical_order``).
    The file appears atomically: a failed conversion leaves no half-written ``out``.

    Args:
        glossary: What to write.
        to: ``csv``, ``tsv``, ``tbx`` or ``xlsx`` (case-insensitive).
        out: Destination file; its directory must exist.

    Raises:
        GlossaryError: unknown format, or a term that the format cannot hold (e.g. a control
            character in xlsx).
    """
    fmt = to.lower().lstrip(".")
    if fmt not in FORMATS:
        raise GlossaryError(f"cannot convert to {to!r} (expected one of {', '.join(FORMATS)})",
                            path=str(out))
    out = Path(out)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent or ".")
    os.close(fd)
    try:
        if fmt in ("csv", "tsv"):
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                write_text_table(glossary.terms, fh, "," if fmt == "csv" else "\t")
        elif fmt == "tbx":
            source = glossary.languages()[0] if glossary.terms else "en"
            with open(tmp, "wb") as fh:
                write_tbx(glossary.terms, fh, source_lang=source)
        else:
            try:
                write_xlsx(glossary.terms, Path(tmp))
            except GlossaryError as exc:
                exc.path = str(out)
                raise
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def canonical_order(terms: tuple[Term, ...] | list[Term]) -> list[Term]:
    """Terms grouped by concept, then language (both first-seen), file order within: the order
    TBX preserves."""
    concepts: dict[str, int] = {}
    langs: dict[tuple[str, str], int] = {}
    for t in terms:
        concepts.setdefault(t.concept_id, len(concepts))
        langs.setdefault((t.concept_id, t.lang), len(langs))
    return sorted(terms, key=lambda t: (concepts[t.concept_id], langs[(t.concept_id, t.lang)]))


def dumps(glossary: Glossary, to: str = "csv") -> str:
    """The csv or tsv text of ``glossary`` (for printing to stdout)."""
    buf = io.StringIO()
    write_text_table(glossary.terms, buf, "\t" if to == "tsv" else ",")
    return buf.getvalue()
