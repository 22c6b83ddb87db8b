"""Alignments that contradict each other."""
from __future__ import annotations

from typing import Iterable

from ..align import zh_ja_disagreements
from ..languages import join_texts
from ..models import Finding
from .context import DocumentContext
from .registry import check


@check("alignment-disagreement", severity="warning", scope="document")
def alignment_disagreement(ctx: DocumentContext) -> Iterable[Finding]:
    """The zh and ja sentences matched through English do not match each other directly."""
    if not {"en", "zh", "ja"} <= set(ctx.segments):
        return
    if ctx.reported:
        # A dropped, added or untranslated sentence is already reported, and it shifts the
        # direct zh–ja alignment too: every bead after it would "disagree".
        return
    for bead in zh_ja_disagreements(ctx.texts(), ctx.alignments):
        yield Finding(
            ctx.doc_id, "zh", "ja", "alignment-disagreement", ctx.severity,
            "Through English these zh and ja segments translate the same sentence, but they do "
            "not match each other: check that both translations say the same thing.",
            src_index=bead.src, tgt_index=bead.tgt,
            src_text=join_texts([ctx.segments["zh"][i].text for i in bead.src], "zh"),
            tgt_text=join_texts([ctx.segments["ja"][i].text for i in bead.tgt], "ja"))
