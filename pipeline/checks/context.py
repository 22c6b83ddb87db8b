"""What a check sees: one version pair, one version, or the whole batch."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping, Sequence

from ..languages import join_texts
from ..models import Bead, Finding, Segment


@dataclass(frozen=True)
class VersionContext:
    """One language version of a document with its segments and glossary matches."""

    doc_id: str
    lang: str
    segments: Sequence[Segment]
    terms: Sequence[Sequence[Any]]  # per segment: list[TermMatch]
    glossary: Any = None            # pipeline.glossary.Glossary or None
    #: languages this version is translated from (a segment in one of them is "untranslated",
    #: which the pair checks report, so version checks leave it alone)
    source_langs: tuple[str, ...] = ()
    severity: str = "warning"

    def finding(self, check: str, message: str, **kw: Any) -> Finding:
        """A finding about this version: reported in its primary pair when it is a translation,
        as ``(lang, "")`` when it is the source."""
        if self.source_langs:
            src_lang, tgt_lang = self.source_langs[0], self.lang
        else:
            src_lang, tgt_lang = self.lang, ""
        return Finding(self.doc_id, src_lang, tgt_lang, check, kw.pop("severity", self.severity),
                       message, **kw)


@dataclass(frozen=True)
class PairContext:
    """A source and a target version aligned bead by bead."""

    doc_id: str
    src_lang: str
    tgt_lang: str
    src: Sequence[Segment]
    tgt: Sequence[Segment]
    beads: Sequence[Bead]
    src_terms: Sequence[Sequence[Any]]
    tgt_terms: Sequence[Sequence[Any]]
    glossary: Any = None
    severity: str = "warning"
    #: indices of beads already reported by a gate check
    blocked: frozenset[int] = field(default=frozenset())

    def beads_to_check(self) -> Iterator[tuple[int, Bead]]:
        """Beads with both sides present that no gate check has reported."""
        for k, bead in enumerate(self.beads):
            if bead.src and bead.tgt and k not in self.blocked:
                yield k, bead

    def src_text(self, bead: Bead) -> str:
        return join_texts([self.src[i].text for i in bead.src], self.src_lang)

    def tgt_text(self, bead: Bead) -> str:
        return join_texts([self.tgt[i].text for i in bead.tgt], self.tgt_lang)

    def finding(self, check: str, bead: Bead, message: str, **kw: Any) -> Finding:
        return Finding(self.doc_id, self.src_lang, self.tgt_lang, check,
                       kw.pop("severity", self.severity), message,
                       src_index=bead.src, tgt_index=bead.tgt,
                       src_text=kw.pop("src_text", self.src_text(bead)),
                       tgt_text=kw.pop("tgt_text", self.tgt_text(bead)), **kw)


@dataclass(frozen=True)
class DocumentContext:
    """Every version of one document with its pairwise alignments."""

    doc_id: str
    segments: Mapping[str, Sequence[Segment]]
    alignments: Mapping[tuple[str, str], Sequence[Bead]]
    severity: str = "warning"
    #: (lang, segment index) already reported by a gate check (untranslated, omission…)
    reported: frozenset[tuple[str, int]] = field(default=frozenset())

    def texts(self) -> dict[str, list[str]]:
        return {lang: [s.text for s in segs] for lang, segs in self.segments.items()}


@dataclass(frozen=True)
class BatchContext:
    """Per-document results of the whole batch, for reductions across documents."""

    term_uses: Sequence[tuple[str, str, str, str, str]]  # (doc_id, lang, concept, term, status)
    glossary: Any = None
    severity: str = "info"

