"""Vecalign's alignment file format: ``[0, 1]:[0]:0.912``, one bead per line."""
from __future__ import annotations

from collections.abc import Sequence

import regex

from ..errors import InputError
from ..models import Bead

_LINE = regex.compile(r"\[([0-9,\s]*)\]:\[([0-9,\s]*)\](?::(-?[0-9.eE+-]+))?")


def format_vecalign(beads: Sequence[Bead]) -> str:
    """One line per bead: Python-list indices of each side and the score with 3 decimals."""
    return "".join(f"{list(b.src)}:{list(b.tgt)}:{b.score:.3f}\n" for b in beads)


def _indices(text: str, lineno: int) -> tuple[int, ...]:
    parts = [p.strip() for p in text.split(",")]
    if parts == [""]:
        return ()
    if "" in parts:
        raise InputError(f"empty index in {text!r}", line=lineno)
    return tuple(int(p) for p in parts)


def parse_vecalign(text: str) -> list[Bead]:
    """Read beads written by ``format_vecalign`` (or by vecalign itself; a missing score is 0).

    Raises:
        InputError: naming the line that is not a bead.
    """
    beads = []
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        m = _LINE.fullmatch(line)
        if m is None:
            raise InputError(f"not a vecalign bead: {line!r}", line=lineno)
        try:
            score = float(m.group(3)) if m.group(3) is not None else 0.0
        except ValueError:
            raise InputError(f"bad score in {line!r}", line=lineno) from None
        beads.append(Bead(_indices(m.group(1), lineno), _indices(m.group(2), lineno), score))
    return beads
