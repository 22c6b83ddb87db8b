"""Make untrusted text safe for the files we write.

Two hazards are shared by several writers:

* **Spreadsheet formulas** (CSV injection, OWASP guidance). A text cell beginning with ``=``,
  ``+``, ``-``, ``@``, a tab or a carriage return may be evaluated as a formula when a CSV file is
  opened in Excel or LibreOffice. In CSV output (``findings.csv``, ``summary.csv``) such a cell gets
  a leading apostrophe ``'``, which spreadsheets read as "this is text" and hide. Only text is
  touched: numbers (``int``/``float`` values) stay numbers, so ``-3`` in a numeric column is left
  alone while the *text* ``-3`` is written ``'-3``. In xlsx output the cell is instead stored with
  the string data type (and the quote-prefix style), so the text is kept exactly and never
  evaluated. JSONL is data, not a spreadsheet, and is written verbatim.
* **Characters XML 1.0 forbids** (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE and
  U+FFFF). TMX, xlsx (which is XML inside a zip) and the HTML report drop them, since no parser
  could read the file otherwise.
"""
from __future__ import annotations

import math
import re
from typing import Any

import pandas as pd

#: First characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

# XML 1.0 Char production, inverted: everything outside #x9 | #xA | #xD | [#x20-#xD7FF] |
# [#xE000-#xFFFD] | [#x10000-#x10FFFF]. Surrogates only appear here as lone code points (a str
# built from broken input), since valid pairs are single astral characters in Python.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula."""
    return text.startswith(FORMULA_PREFIXES)


def neutralize_formula(value: Any) -> Any:
    """Return ``value`` with a leading ``'`` when it is text a spreadsheet would evaluate.

    Non-text values (numbers, None) are returned unchanged.

    Args:
        value: A cell value.

    Returns:
        The value, prefixed with ``'`` if it is a formula-like string.
    """
    if isinstance(value, str) and is_formula_like(value):
        return "'" + value
    return value


def strip_xml_invalid(text: str) -> str:
    """Remove the characters that XML 1.0 does not allow anywhere in a document.

    Args:
        text: Any string.

    Returns:
        ``text`` without C0 controls (except tab, LF, CR), lone surrogates, U+FFFE and U+FFFF.
    """
    return _XML_INVALID.sub("", text)


def replace_surrogates(text: str) -> str:
    """Replace lone surrogates (which cannot be encoded as UTF-8) with U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


def is_missing(value: Any) -> bool:
    """True for the values a table uses for "no value": None, NaN, pandas NA/NaT."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    # numpy floats are float subclasses, so this also covers np.nan read back from a DataFrame.
    return isinstance(value, float) and math.isnan(value)
