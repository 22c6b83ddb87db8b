"""The bundled abstracts as a regression set: our translations keep one sentence per English
sentence, so every version must segment into the same number of segments (a title glued to the
first sentence, or a sentence split in two, shows up here first)."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.io.readers import load_documents
from pipeline.segment import segment_version

REPO = Path(__file__).resolve().parents[1]
PUBLISHED = "003_f4d6772a92a32558"  # its Chinese is kept exactly as published
DOCUMENTS = [d for d in load_documents([REPO / "inputs"]).documents if d.doc_id != PUBLISHED]


@pytest.mark.parametrize("doc", DOCUMENTS, ids=[d.doc_id for d in DOCUMENTS])
def test_versions_segment_alike(doc):
    counts = {v.lang: len(segment_version(v)) for v in doc.versions}
    assert set(doc.langs) == {"en", "zh", "ja"}
    assert len(set(counts.values())) == 1, counts
