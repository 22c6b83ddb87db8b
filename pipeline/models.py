"""Plain frozen records passed between the stages."""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}

FINDING_COLUMNS = [
    "doc_id", "src_lang", "tgt_lang", "check", "severity", "src_index", "tgt_index",
    "concept_id", "expected", "found", "src_text", "tgt_text", "message",
    # extensions (SPEC allows more columns at the end)
    "finding_id",
]


@dataclass(frozen=True, slots=True)
class Version:
    """One language version of a document, as read from its source.

    ``text`` is this version's own text; ``base`` is where it starts inside ``source_text`` (the
    whole file it was read from), so that segment offsets can point into the original file.
    """

    doc_id: str
    lang: str
    text: str
    path: str
    base: int = 0
    line: int = 1


@dataclass(frozen=True, slots=True)
class Document:
    """One abstract in up to three language versions (ordered en, zh, ja)."""

    doc_id: str
    versions: tuple[Version, ...]
    path: str = ""

    def get(self, lang: str) -> Version | None:
        for v in self.versions:
            if v.lang == lang:
                return v
        return None

    @property
    def langs(self) -> tuple[str, ...]:
        return tuple(v.lang for v in self.versions)


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence-like unit. ``original[start:end] == text`` where ``original`` is the text the
    offsets refer to (a version's text, shifted by ``Version.base``)."""

    doc_id: str
    lang: str
    index: int
    text: str
    start: int
    end: int
    detected_lang: str = ""
    confidence: float = 0.0

    def to_dict(self, with_detection: bool = True) -> dict:
        d = {"doc_id": self.doc_id, "lang": self.lang, "index": self.index, "text": self.text,
             "start": self.start, "end": self.end}
        if with_detection:
            d["detected_lang"] = self.detected_lang
            d["confidence"] = round(self.confidence, 4)
        return d


@dataclass(frozen=True, slots=True)
class Detection:
    """A language decision. ``lang`` is ``und`` when the evidence is too weak."""

    lang: str
    confidence: float
    method: str = ""


@dataclass(frozen=True, slots=True)
class Bead:
    """An alignment unit: source segment indices ↔ target segment indices (either may be empty)."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Alignment:
    """All beads of one document and language pair, covering both sides in order."""

    doc_id: str
    src_lang: str
    tgt_lang: str
    beads: tuple[Bead, ...]

    def to_records(self) -> list[dict]:
        return [{"doc_id": self.doc_id, "src_lang": self.src_lang, "tgt_lang": self.tgt_lang,
                 "src": list(b.src), "tgt": list(b.tgt), "score": round(b.score, 4)}
                for b in self.beads]


def normalize_for_compare(text: str) -> str:
    """Width, case and spacing folded: two texts that read the same compare equal."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found by a check."""

    doc_id: str
    src_lang: str
    tgt_lang: str
    check: str
    severity: str
    message: str
    src_index: tuple[int, ...] = ()
    tgt_index: tuple[int, ...] = ()
    concept_id: str = ""
    expected: str = ""
    found: str = ""
    src_text: str = ""
    tgt_text: str = ""

    @property
    def finding_id(self) -> str:
        """Stable id for ignore lists: survives re-runs and index shifts, not text edits."""
        key = "\x1f".join([self.doc_id, self.src_lang, self.tgt_lang, self.check, self.concept_id,
                           normalize_for_compare(self.found), normalize_for_compare(self.src_text),
                           normalize_for_compare(self.tgt_text)])
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict:
        return {
            "doc_id": self.doc_id, "src_lang": self.src_lang, "tgt_lang": self.tgt_lang,
            "check": self.check, "severity": self.severity,
            "src_index": ";".join(map(str, self.src_index)),
            "tgt_index": ";".join(map(str, self.tgt_index)),
            "concept_id": self.concept_id, "expected": self.expected, "found": self.found,
            "src_text": self.src_text, "tgt_text": self.tgt_text, "message": self.message,
            "finding_id": self.finding_id,
        }


@dataclass(frozen=True, slots=True)
class DocumentError:
    """A document of a batch that could not be processed (the rest of the batch still runs)."""

    path: str
    message: str
    doc_id: str = ""


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """Everything the per-document stage produces for one document."""

    doc_id: str
    segments: tuple[Segment, ...]
    alignments: tuple[Alignment, ...]
    findings: tuple[Finding, ...]
    #: per language: the concepts its segments use, and term renderings seen (for batch reductions)
    #: glossary terms seen in target versions: (lang, concept_id, term, status)
    term_uses: tuple[tuple[str, str, str, str], ...] = field(default=())
    #: per checked pair: (src_lang, tgt_lang, concepts needing a term, concepts rendered correctly)
    pair_stats: tuple[tuple[str, str, int, int], ...] = field(default=())
    #: translation units for TMX: {"doc_id": …, "texts": {lang: text}}
    tmx_units: tuple[dict, ...] = field(default=())
