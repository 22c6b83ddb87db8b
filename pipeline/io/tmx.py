"""TMX 1.4b export of aligned units (``aligned.tmx``).

The tree is built with ``xml.etree`` so escaping is the serialiser's job, never ours; characters
that XML 1.0 forbids are dropped first (see :mod:`pipeline.io.safety`) and line ends are written
as LF. The output carries no creation date, so the same units always give the same bytes.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from .. import __version__
from ..languages import SUPPORTED, tmx_tag
from .safety import strip_xml_invalid

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'


def _lang_order(lang: str) -> tuple[int, str]:
    """en, zh, ja first (the pipeline's order), anything else after them alphabetically."""
    return (SUPPORTED.index(lang) if lang in SUPPORTED else len(SUPPORTED), lang)


def _clean(text: str) -> str:
    """Text an XML parser will give back unchanged.

    Beyond the forbidden characters, a parser turns every CR and CRLF into LF; doing it here makes
    the file say what readers will get.
    """
    return strip_xml_invalid(text).replace("\r\n", "\n").replace("\r", "\n")


def _prop(parent: ET.Element, kind: str, value: str) -> None:
    prop = ET.SubElement(parent, "prop", {"type": kind})
    prop.text = _clean(value)


def tmx_tree(units: list[dict], *, srclang: str = "en", signature: str = "") -> ET.Element:
    """The ``<tmx>`` element for ``units``.

    Args:
        units: ``{"doc_id": str, "texts": {lang: str}}`` per aligned unit, in output order. A
            language whose text is empty or missing gets no ``<tuv>``; a unit with no text at all
            gets no ``<tu>``.
        srclang: Pipeline code of the source language (written as its TMX tag).
        signature: Settings signature, kept as ``<prop type="x-signature">`` in the header.

    Returns:
        The root element.
    """
    root = ET.Element("tmx", {"version": "1.4"})
    header = ET.SubElement(root, "header", {
        "creationtool": "abstract-qa", "creationtoolversion": __version__,
        "segtype": "sentence", "o-tmf": "abstract-qa", "adminlang": "en",
        "srclang": tmx_tag(srclang), "datatype": "plaintext"})
    if signature:
        _prop(header, "x-signature", signature)
    body = ET.SubElement(root, "body")
    tuid = 0
    for unit in units:
        texts = {lang: _clean(text or "")
                 for lang, text in (unit.get("texts") or {}).items()}
        langs = sorted((lang for lang, text in texts.items() if text.strip()), key=_lang_order)
        if not langs:
            continue
        tuid += 1
        tu = ET.SubElement(body, "tu", {"tuid": str(tuid)})
        _prop(tu, "x-doc-id", str(unit.get("doc_id", "")))
        for lang in langs:
            tuv = ET.SubElement(tu, "tuv", {_XML_LANG: tmx_tag(lang)})
            ET.SubElement(tuv, "seg").text = texts[lang]
    return root


def tmx_bytes(units: list[dict], *, srclang: str = "en", signature: str = "") -> bytes:
    """Serialise ``units`` as a TMX 1.4b document (UTF-8, deterministic bytes).

    Args:
        units: ``{"doc_id": str, "texts": {lang: str}}`` per aligned unit, in output order
            (languages ``en``, ``zh``, ``ja``; written as ``en``, ``zh-CN``, ``ja``).
        srclang: Pipeline code of the source language.
        signature: Settings signature recorded in the header.

    Returns:
        The file content.
    """
    root = tmx_tree(units, srclang=srclang, signature=signature)
    # Indent the structure only; <seg> has no children, so segment text is never re-spaced.
    ET.indent(root, space="  ")
    return _DECLARATION.encode("utf-8") + ET.tostring(root, encoding="unicode").encode("utf-8") \
        + b"\n"
