"""Sentence alignment of the language versions of an abstract.

``align`` aligns two versions; ``align_versions`` aligns en, zh and ja consistently;
``trilingual_units`` merges pairwise beads into translation units for TMX; ``load_embedder``
loads an optional neural sentence embedder (extra ``neural``).
"""
from .core import align
from .embed import Embedder, load_embedder
from .trilingual import align_versions, trilingual_units, zh_ja_disagreements
from .vecalign import format_vecalign, parse_vecalign

#: Recorded in report signatures: length model, anchors, lexical second pass.
SIGNATURE = "len+anchors+lex-3"

__all__ = ["SIGNATURE", "Embedder", "align", "align_versions", "format_vecalign", "load_embedder",
           "parse_vecalign", "trilingual_units", "zh_ja_disagreements"]
