"""Ignore lists: finding ids an editor has reviewed and accepted, kept across re-runs."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import regex

from .errors import InputError

_ID = regex.compile(r"^[0-9a-f]{16}$")


def read_ignore(path: Path) -> frozenset[str]:
    """Ids from an ignore file: one per line, first field; ``#`` starts a comment."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read ignore file: {exc}", path=str(path)) from None
    ids = set()
    for n, line in enumerate(text.splitlines(), 1):
        field = line.split("#", 1)[0].strip().split("\t")[0].strip()
        if not field:
            continue
        if not _ID.match(field):
            raise InputError(f"not a finding id: {field!r}", path=str(path), line=n)
        ids.add(field)
    return frozenset(ids)


def write_ignore(path: Path, findings: pd.DataFrame) -> None:
    """Write every finding's id with a readable comment, as a starting ignore list."""
    from .io.writers import write_text_atomic
    lines = ["# abstract-qa ignore list: one finding id per line; delete the lines you want "
             "reported again."]
    for rec in findings.itertuples(index=False):
        note = " ".join(f"{rec.doc_id} {rec.check} {rec.found} {rec.message}".split())
        lines.append(f"{rec.finding_id}\t# {note[:160]}")
    write_text_atomic(path, "\n".join(lines) + "\n")
