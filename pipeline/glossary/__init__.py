"""Glossaries: load (csv/tsv/xlsx long or wide tables, TBX v3 and 2), validate, describe,
convert, and find their terms in segment texts."""
from __future__ import annotations

from .convert import FORMATS, canonical_order, convert
from .load import EXTENSIONS, load_glossary
from .matcher import TermMatch, TermMatcher
from .model import APPROVED, STATUSES, Glossary, Issue, Term
from .stats import clash_table, stats
from .validate import validate

__all__ = [
    "APPROVED", "EXTENSIONS", "FORMATS", "STATUSES", "Glossary", "Issue", "Term", "TermMatch",
    "TermMatcher", "canonical_order", "clash_table", "convert", "load_glossary", "stats",
    "validate",
]
