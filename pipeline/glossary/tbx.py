"""TBX glossaries: read TBX v3 (``conceptEntry/langSec/termSec``) and TBX 2
(``martif/termEntry/langSet/tig|ntig``); write TBX v3.

Parsing goes through defusedxml's SAX driver: entity declarations and external references are
refused (a GlossaryError, never a fetch), and SAX gives every element its line for messages. A bare
``<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">`` as TBX 2 tools write it is accepted, its DTD
never loaded: refusing it would reject most real TBX 2 files.

A document is first read in one streaming pass (``tbx_stream``, ~4x faster on a large glossary);
the tree reader here reads whatever that pass does not take, and so alone decides what odd
documents mean and words every error.
"""
from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from xml.sax import SAXParseException
from xml.sax.handler import ContentHandler, ErrorHandler

from defusedxml import DefusedXmlException
from defusedxml.expatreader import DefusedExpatParser

from ..errors import GlossaryError
from .model import Term
from .rows import parse_bool, parse_lang, parse_status

TBX_NS = "urn:iso:std:iso:30042:ed-2"
_ENTRY = {"conceptEntry", "termEntry"}
_LANG = {"langSec", "langSet"}
_HOLDER = {"termSec", "tig", "ntig"}
_NOTES = {"termNote", "admin", "descrip"}  # typed notes; <note> is free text
_STATUS_NOTES = {"administrativeStatus", "normativeAuthorization"}
# normativeAuthorization (TBX 2) spells statuses without the -admn-sts suffix.
_NORMATIVE = {"preferredTerm": "preferred", "admittedTerm": "admitted",
              "deprecatedTerm": "deprecated", "supersededTerm": "deprecated",
              "standardizedTerm": "preferred", "legalTerm": "preferred",
              "regulatedTerm": "preferred"}
#: Our own data categories, written only when the value cannot be said in standard TBX.
X_STATUS, X_CASE = "x-abstractQA-status", "x-abstractQA-caseSensitive"


@dataclass(slots=True)
class _Node:
    tag: str
    attrs: dict[str, str]
    line: int
    children: list[_Node] = field(default_factory=list)
    parts: list = field(default_factory=list)  # text pieces and child nodes, in document order

    def text(self) -> str:
        """All text inside, children included (``<term>a<hi>b</hi>c</term>`` is ``abc``)."""
        return "".join(p if isinstance(p, str) else p.text() for p in self.parts)

    def find_all(self, tags: set[str]):
        for c in self.children:
            if c.tag in tags:
                yield c
            yield from c.find_all(tags)


class _Builder(ContentHandler):
    """Builds a light tree of _Node with lines; tracks the open elements for error messages."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[_Node] = []
        self.root: _Node | None = None
        self.locator = None

    def setDocumentLocator(self, locator) -> None:  # SAX API names (camelCase)
        self.locator = locator

    def line(self) -> int | None:
        return self.locator.getLineNumber() if self.locator else None

    def where(self) -> str:
        return "/".join(n.tag for n in self.stack) or None

    def startElement(self, name, attrs) -> None:
        node = _Node(name.rpartition(":")[2], dict(attrs), self.line() or 0)
        if self.stack:
            self.stack[-1].children.append(node)
            self.stack[-1].parts.append(node)
        else:
            self.root = node
        self.stack.append(node)

    def endElement(self, name) -> None:
        self.stack.pop()

    def characters(self, content) -> None:
        if self.stack:
            self.stack[-1].parts.append(content)


class _Parser(DefusedExpatParser):
    """defusedxml's expat driver, except that the external DTD subset of a DOCTYPE is skipped
    (expat asks for it with ``context=None``); every other external reference is refused."""

    def defused_external_entity_ref_handler(self, context, base, sysid, pubid):
        if context is None:
            return 1  # not fetched, not needed: TBX is read without DTD validation
        return super().defused_external_entity_ref_handler(context, base, sysid, pubid)


def _parse(data: bytes, path: str) -> _Node:
    builder = _Builder()
    parser = _Parser(forbid_dtd=False, forbid_entities=True, forbid_external=True)
    parser.setContentHandler(builder)
    parser.setErrorHandler(ErrorHandler())
    try:
        parser.parse(io.BytesIO(data))
    except SAXParseException as exc:
        raise GlossaryError(f"not well-formed XML: {exc.getMessage()}", path=path,
                            line=exc.getLineNumber(), element=builder.where()) from None
    except DefusedXmlException as exc:
        raise GlossaryError(f"refused for safety: {exc} (glossaries may not declare entities or "
                            "reference external files)", path=path, line=builder.line(),
                            element=builder.where()) from None
    if builder.root is None:  # pragma: no cover - expat reports an empty document itself
        raise GlossaryError("empty XML document", path=path, line=1)
    return builder.root


def _lang_of(node: _Node) -> str:
    return node.attrs.get("xml:lang") or node.attrs.get("lang") or ""


def read_tbx(data: bytes, path: str) -> list[Term]:
    """Terms of a TBX v3 or TBX 2 document, in document order.

    A term without ``administrativeStatus`` is ``admitted`` (TBX-Basic does not require one).

    Raises:
        GlossaryError: not well-formed, unsafe, not TBX, or an entry without id, language or term.
    """
    # Imported here, not at the top: tbx_stream builds on this module's vocabulary and parser.
    from .tbx_stream import stream_terms

    terms = stream_terms(data, path)
    return _read_tree(data, path) if terms is None else terms


def _read_tree(data: bytes, path: str) -> list[Term]:
    """``read_tbx`` through a light tree: any document, and every error with its line."""
    root = _parse(data, path)
    if root.tag not in ("tbx", "martif"):
        raise GlossaryError(f"not a TBX file: root element is <{root.tag}>, expected <tbx> "
                            "(TBX v3) or <martif> (TBX 2)", path=path, line=root.line,
                            element=root.tag)
    terms: list[Term] = []
    for n, entry in enumerate(root.find_all(_ENTRY), start=1):
        concept = (entry.attrs.get("id") or entry.attrs.get("xml:id") or "").strip()
        where = f"{entry.tag} #{n}"
        if not concept:
            raise GlossaryError("entry without an id attribute", path=path, line=entry.line,
                                element=where)
        for sec in entry.find_all(_LANG):
            lang_where = f"{entry.tag}[@id={concept!r}]/{sec.tag}"
            if not _lang_of(sec):
                raise GlossaryError("language section without xml:lang", path=path,
                                    line=sec.line, element=lang_where)
            try:
                lang = parse_lang(_lang_of(sec), path, sec.line)
            except GlossaryError as exc:
                exc.element = lang_where
                raise
            for holder in sec.find_all(_HOLDER):
                terms.append(_term(holder, concept, lang, path, f"{lang_where}/{holder.tag}"))
    return terms


def _term(holder: _Node, concept: str, lang: str, path: str, where: str) -> Term:
    term_node = next(holder.find_all({"term"}), None)
    text = term_node.text().strip() if term_node else ""
    if not text:
        raise GlossaryError(f"empty or missing <term> in concept {concept!r}", path=path,
                            line=holder.line, element=where)
    status, pos, case, override = "admitted", "", False, ""
    for note in holder.find_all(_NOTES):
        kind, value = note.attrs.get("type", ""), note.text().strip()
        try:
            if kind in _STATUS_NOTES:
                status = _NORMATIVE.get(value) or parse_status(value, path, note.line)
            elif kind == "partOfSpeech":
                pos = value.lower()
            elif kind == X_STATUS:
                override = parse_status(value, path, note.line)
            elif kind == X_CASE:
                case = parse_bool(value, path, note.line, X_CASE)
        except GlossaryError as exc:
            exc.element = f"{where}/{note.tag}[@type={kind!r}]"
            raise
    notes = [n.text().strip() for n in holder.find_all({"note"})]
    return Term(concept, lang, text, override or status, note="\n".join(n for n in notes if n),
                case_sensitive=case, part_of_speech=pos, line=term_node.line)


_ADMN = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts",
         "deprecated": "deprecatedTerm-admn-sts", "forbidden": "deprecatedTerm-admn-sts"}


def write_tbx(terms: tuple[Term, ...], out, source_lang: str = "en") -> None:
    """Write TBX v3 (TBX-Basic style) to the binary stream ``out``.

    Terms are grouped by concept (first-seen order), then language (first-seen within the
    concept); order within a language is kept. ``forbidden`` is written as
    ``deprecatedTerm-admn-sts`` plus an ``x-abstractQA-status`` note, so reading it back is
    lossless while other tools still see a deprecated term.
    """
    ET.register_namespace("", TBX_NS)
    q = lambda tag: f"{{{TBX_NS}}}{tag}"
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    root = ET.Element(q("tbx"), {"type": "TBX-Basic", "style": "dca", xml_lang: source_lang})
    header = ET.SubElement(ET.SubElement(ET.SubElement(root, q("tbxHeader")), q("fileDesc")),
                           q("sourceDesc"))
    ET.SubElement(header, q("p")).text = "written by abstract-qa"
    body = ET.SubElement(ET.SubElement(root, q("text")), q("body"))
    grouped: dict[str, dict[str, list[Term]]] = {}
    for t in terms:
        grouped.setdefault(t.concept_id, {}).setdefault(t.lang, []).append(t)
    for concept, langs in grouped.items():
        entry = ET.SubElement(body, q("conceptEntry"), {"id": concept})
        for lang, lang_terms in langs.items():
            sec = ET.SubElement(entry, q("langSec"), {xml_lang: lang})
            for t in lang_terms:
                ts = ET.SubElement(sec, q("termSec"))
                ET.SubElement(ts, q("term")).text = t.term
                note = ET.SubElement(ts, q("termNote"), {"type": "administrativeStatus"})
                note.text = _ADMN[t.status]
                if t.status == "forbidden":
                    ET.SubElement(ts, q("termNote"), {"type": X_STATUS}).text = t.status
                if t.part_of_speech:
                    ET.SubElement(ts, q("termNote"), {"type": "partOfSpeech"}).text = t.part_of_speech
                if t.case_sensitive:
                    ET.SubElement(ts, q("termNote"), {"type": X_CASE}).text = "true"
                if t.note:
                    ET.SubElement(ts, q("note")).text = t.note
    ET.indent(root)
    ET.ElementTree(root).write(out, encoding="UTF-8", xml_declaration=True)
