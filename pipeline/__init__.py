"""abstract-qa: segment, language-check, align and terminology-check trilingual abstracts.

Public API (each returns pandas DataFrames or a Report of them)::

    from pipeline import load_documents, segment_documents, detect_languages, align_pair, check, run

Names are imported on first use, so ``import pipeline.models`` stays cheap.
"""
from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "align_pair": "api", "check": "api", "detect_languages": "api", "detect_lines": "api",
    "load_glossary": "api", "run": "api", "segment_documents": "api",
    "load_documents": "io.readers", "process_document": "process", "Settings": "process",
    "Report": "report",
}
__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
