"""Segments with no counterpart on the other side."""
from __future__ import annotations

from typing import Iterable

from ..models import Finding
from .context import PairContext
from .registry import check
from .segment_kinds import is_reference, is_sentence


def _severity(text: str, default: str) -> str:
    if is_reference(text):
        return "info"
    return default if is_sentence(text) else "warning"


@check("omission", severity="error", gate=True)
def omission(ctx: PairContext) -> Iterable[Finding]:
    """A source segment with no counterpart in the target."""
    for bead in ctx.beads:
        if bead.src and not bead.tgt:
            text = ctx.src_text(bead)
            yield ctx.finding("omission", bead,
                              f"This {ctx.src_lang} segment has no {ctx.tgt_lang} translation: "
                              f"translate it or confirm it was left out on purpose.",
                              severity=_severity(text, ctx.severity))


@check("addition", severity="warning", gate=True)
def addition(ctx: PairContext) -> Iterable[Finding]:
    """A target segment with no counterpart in the source."""
    for bead in ctx.beads:
        if bead.tgt and not bead.src:
            text = ctx.tgt_text(bead)
            yield ctx.finding("addition", bead,
                              f"This {ctx.tgt_lang} segment has no {ctx.src_lang} source: "
                              f"check it is not added or misplaced.",
                              severity=_severity(text, ctx.severity))
