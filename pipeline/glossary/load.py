"""``load_glossary``: pick the reader by file extension."""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import GlossaryError
from .bulk import paused_gc
from .model import Glossary
from .tables import read_text_table, read_xlsx
from .tbx import read_tbx

EXTENSIONS = (".csv", ".tsv", ".xlsx", ".tbx", ".xml")


def load_glossary(path: str | Path) -> Glossary:
    """Read a glossary file: long or wide ``.csv``/``.tsv``/``.xlsx``, or TBX (``.tbx``/``.xml``).

    Args:
        path: The glossary file; the extension (case-insensitive) chooses the reader.

    Returns:
        The glossary with its terms in file order and the SHA-1 of the file bytes.

    Raises:
        GlossaryError: missing or unreadable file, unknown extension, or a row/element that
            cannot be read (the error names the file and line, and for TBX the element).
    """
    path = Path(path)
    where = str(path)
    suffix = path.suffix.lower()
    if suffix not in EXTENSIONS:
        raise GlossaryError(f"unknown glossary format {suffix or '(no extension)'!r} "
                            f"(expected {', '.join(EXTENSIONS)})", path=where)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise GlossaryError("glossary file not found", path=where) from None
    except OSError as exc:
        raise GlossaryError(f"cannot read glossary: {exc.strerror or exc}", path=where) from None
    with paused_gc():
        if suffix == ".xlsx":
            terms = read_xlsx(path)
        elif suffix in (".tbx", ".xml"):
            terms = read_tbx(data, where)
        else:
            terms = read_text_table(data, where, tsv=suffix == ".tsv")
    return Glossary(path=where, sha1=hashlib.sha1(data).hexdigest(), terms=tuple(terms))
