"""The library API: every function returns pandas DataFrames (or a Report of them).

The CLI is a thin layer over these functions; so are users' notebooks and scripts.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

import pandas as pd

from .align import align as align_segments
from .batch import make_matcher, run_batch
from .detect import detect as detect_one
from .detect import detect_units
from .errors import GlossaryError, InputError
from .models import Alignment, Document, DocumentError, Segment, Version
from .process import Settings, segment_document
from .report import ALIGNMENT_COLUMNS, SEGMENT_COLUMNS, Report
from .segment import paragraph_spans, presegmented, segment_version

DETECT_COLUMNS = ["doc_id", "unit", "lang", "confidence", "text"]


def segment_documents(documents: Sequence[Document], *, presegment: bool = False) -> pd.DataFrame:
    """Segments of every version of every document (offsets into the original text)."""
    rows = []
    for doc in documents:
        for version in doc.versions:
            segs = (presegmented(version.text, version.lang, doc_id=doc.doc_id, base=version.base)
                    if presegment else segment_version(version))
            rows += [s.to_dict(with_detection=False) for s in segs]
    return pd.DataFrame.from_records(rows, columns=SEGMENT_COLUMNS[:6])


def detect_languages(documents: Sequence[Document], *, level: str = "segment") -> pd.DataFrame:
    """Language of each unit: ``document`` (one row per version), ``paragraph`` or ``segment``."""
    rows = []
    for doc in documents:
        unit = 0
        for version in doc.versions:
            if level == "document":
                texts = [version.text.strip()]
                found = [detect_one(texts[0])]
            elif level == "paragraph":
                texts = [version.text[a:b] for a, b in paragraph_spans(version.text)]
                found = detect_units(texts)
            else:
                texts = [s.text for s in segment_version(version)]
                found = detect_units(texts)
            for text, d in zip(texts, found):
                rows.append({"doc_id": doc.doc_id, "unit": unit, "lang": d.lang,
                             "confidence": round(d.confidence, 4), "text": text})
                unit += 1
    return pd.DataFrame.from_records(rows, columns=DETECT_COLUMNS)


def detect_lines(doc_id: str, text: str) -> pd.DataFrame:
    """One row per input line, in order (an empty line is ``und``), the file as context."""
    lines = text.splitlines()
    found = detect_units(lines)
    return pd.DataFrame.from_records(
        [{"doc_id": doc_id, "unit": k, "lang": d.lang, "confidence": round(d.confidence, 4),
          "text": line} for k, (line, d) in enumerate(zip(lines, found))], columns=DETECT_COLUMNS)


def align_pair(src: Version, tgt: Version, *, presegment: bool = False, glossary: Any = None,
               embedder: Any = None) -> tuple[Alignment, list[Segment], list[Segment]]:
    """Align two versions; returns the alignment and both sides' segments."""
    doc_id = src.doc_id if src.doc_id == tgt.doc_id else f"{src.doc_id}|{tgt.doc_id}"
    settings = Settings(presegmented=presegment)
    sides = []
    for v in (src, tgt):
        doc = Document(doc_id, (v,), v.path)
        sides.append(segment_document(doc, settings)[v.lang])
    concepts = [None, None]
    if glossary is not None:
        matcher = make_matcher(glossary)
        concepts = [[frozenset(m.concept_id for m in matcher.find(s.text, s.lang)) for s in side]
                    for side in sides]
    beads = align_segments([s.text for s in sides[0]], [s.text for s in sides[1]], src.lang,
                           tgt.lang, src_concepts=concepts[0], tgt_concepts=concepts[1],
                           embedder=embedder)
    return Alignment(doc_id, src.lang, tgt.lang, tuple(beads)), sides[0], sides[1]


def alignments_frame(alignments: Sequence[Alignment]) -> pd.DataFrame:
    return pd.DataFrame.from_records([r for a in alignments for r in a.to_records()],
                                     columns=ALIGNMENT_COLUMNS)


def find_glossary(path: str | Path) -> Path:
    """A glossary file, or the one glossary inside a directory."""
    from .glossary.load import EXTENSIONS
    path = Path(path)
    if path.is_dir():
        found = sorted(p for p in path.iterdir()
                       if p.suffix.lower() in EXTENSIONS and not p.name.startswith("."))
        if len(found) != 1:
            what = "no glossary" if not found else f"{len(found)} glossaries"
            raise GlossaryError(f"{what} in this directory; name one with --glossary", path=str(path))
        return found[0]
    return path  # load_glossary names a missing file


def load_glossary(path: str | Path) -> Any:
    from .glossary import load_glossary as load
    return load(find_glossary(path))


def check(documents: Sequence[Document], glossary: Any = None, settings: Settings = Settings(),
          *, load_errors: Sequence[DocumentError] = (), jobs: int = 1, progress=None) -> Report:
    """Segment, detect, align and run every selected check; one Report for the batch."""
    return run_batch(documents, glossary, settings, load_errors=load_errors, jobs=jobs,
                     progress=progress)


def run(inputs: Sequence[str | Path] = ("inputs",), glossary: str | Path = "glossaries",
        settings: Settings = Settings(), *, recursive: bool = False, encoding: str | None = None,
        jobs: int = 1) -> Report:
    """The main job: load inputs, load the glossary, check everything."""
    from .io.readers import load_documents
    gloss = load_glossary(glossary)
    loaded = load_documents(list(inputs), recursive=recursive, encoding=encoding)
    if not loaded.documents and loaded.errors:
        first = loaded.errors[0]
        raise InputError(first.message, path=first.path)
    return check(loaded.documents, gloss, settings, load_errors=loaded.errors, jobs=jobs)
