"""Read a TBX document in one streaming pass, its terms collected column by column.

The tree reader in ``tbx.py`` builds a node per element and walks the tree again for every entry,
section and term: about 12 s for a 50,000-concept glossary. This pass sees each element once, in
expat callbacks that keep no tree and do as little as they can (character data is collected only
inside terms and notes), and builds the terms in one batch (``terms_from_columns``): about 3 s.
Most of what remains is expat and pyexpat's delivery of each element to Python.

It takes documents of the common shape only: entries holding language sections holding term
holders (``termSec``, ``tig``, ``ntig``) holding one ``<term>`` and their notes, every value
readable. For anything else — a parse error or a refused entity, a bad id, tag, status or flag, an
empty term, nested sections or holders, a term or note inside a term or note — it returns None
and the tree reader reads the document again: the tree reader alone decides what odd documents
mean and words every error, so both stay exactly as they were. The parser is the same defused
expat driver, so the same documents are refused for safety.
"""
from __future__ import annotations

import io
from xml.sax import SAXParseException
from xml.sax.handler import ErrorHandler

from defusedxml import DefusedXmlException

from ..errors import GlossaryError
from .model import Term, terms_from_columns
from .rows import parse_bool, parse_lang, parse_status
from .tbx import (
    _ENTRY,
    _HOLDER,
    _LANG,
    _NORMATIVE,
    _NOTES,
    _STATUS_NOTES,
    X_CASE,
    X_STATUS,
    _Parser,
)

# Element kinds. Text kinds (term and notes) come last: ``kind >= _TERM`` tests for them.
_OTHER, _ENTRY_KIND, _LANG_KIND, _HOLDER_KIND, _TERM, _NOTE, _PLAIN_NOTE = range(7)
_KINDS = {**dict.fromkeys(_ENTRY, _ENTRY_KIND), **dict.fromkeys(_LANG, _LANG_KIND),
          **dict.fromkeys(_HOLDER, _HOLDER_KIND), "term": _TERM,
          **dict.fromkeys(_NOTES, _NOTE), "note": _PLAIN_NOTE}


class _Unusual(Exception):
    """The document is not of the common shape: leave it to the tree reader."""


class _StreamParser(_Parser):
    """The defused driver with our expat handlers in place of the SAX content handler's."""

    def __init__(self, install) -> None:
        super().__init__(forbid_dtd=False, forbid_entities=True, forbid_external=True)
        self._install = install

    def reset(self) -> None:
        super().reset()  # a new expat parser, the defused handlers set on it
        self._install(self._parser)


def _attr(attrs: list[str], name: str) -> str | None:
    """The value of attribute ``name`` in expat's ordered ``[name, value, name, value…]`` list."""
    for i in range(0, len(attrs), 2):
        if attrs[i] == name:
            return attrs[i + 1]
    return None


def _memo(parse, path: str, cache: dict):
    """``parse(value, path, None)`` remembered per value; a value it rejects is _Unusual."""
    def get(value: str):
        found = cache.get(value)
        if found is None:
            try:
                found = cache[value] = parse(value, path, None)
            except GlossaryError:
                raise _Unusual from None
        return found
    return get


def stream_terms(data: bytes, path: str) -> list[Term] | None:
    """The terms of a TBX document of the common shape, exactly as the tree reader gives them
    (lines included); None for any other document."""
    rows: list[tuple] = []
    kinds: dict[str, int] = {}  # element name (prefix included) -> kind
    langs: dict[str, str] = {}
    statuses: dict[str, str] = {}
    lang_of = _memo(parse_lang, path, langs)
    status_of = _memo(lambda v, p, n: _NORMATIVE.get(v) or parse_status(v, p, n), path, statuses)
    override_of = _memo(parse_status, path, {})
    case_of = _memo(lambda v, p, n: parse_bool(v, p, n, X_CASE), path, {})
    text: list[str] = []  # character data of the open term or note
    keep_text = text.append
    expat = None
    root_seen = in_entry = in_lang = in_holder = active = False
    concept = lang = None  # of the open entry; of the open section, when inside an entry
    text_kind, note_type, inline = _OTHER, "", 0  # inline: open elements inside the term or note
    term, term_line, status, part_of_speech, override, case, note = None, 0, "", "", "", False, ""

    def kind_of(name: str) -> int:
        nonlocal root_seen
        local = name.rpartition(":")[2]
        if not root_seen:
            root_seen = True
            if local not in ("tbx", "martif"):
                raise _Unusual
        kind = kinds[name] = _KINDS.get(local, _OTHER)
        return kind

    def start(name: str, attrs: list[str]) -> None:
        nonlocal in_entry, in_lang, in_holder, active, concept, lang, text_kind, note_type, inline
        nonlocal term, term_line, status, part_of_speech, override, case, note
        kind = kinds.get(name)
        if kind is None:
            kind = kind_of(name)
        if text_kind:
            if kind:
                raise _Unusual  # a section, term or note inside a term or note
            inline += 1  # <hi> and the like: their text is part of the term or note
            return
        if not kind:
            return
        if kind >= _TERM:
            if active:
                if kind == _TERM:
                    if term is not None:
                        raise _Unusual  # a second <term>
                    term_line = expat.CurrentLineNumber
                elif kind == _NOTE:
                    note_type = (attrs[1] if attrs and attrs[0] == "type" else
                                 _attr(attrs, "type") or "")
                text_kind = kind
                text.clear()
                expat.CharacterDataHandler = keep_text
        elif kind == _HOLDER_KIND:
            if in_holder:
                raise _Unusual
            in_holder, active = True, lang is not None
            term, status, part_of_speech, override, case, note = None, "admitted", "", "", False, ""
        elif kind == _LANG_KIND:
            if in_lang or in_holder:
                raise _Unusual
            in_lang = True
            if in_entry:
                tag = (attrs[1] if attrs and attrs[0] == "xml:lang" and attrs[1] else
                       _attr(attrs, "xml:lang") or _attr(attrs, "lang") or "")
                lang = langs.get(tag) or lang_of(tag)
        else:
            if in_entry or in_lang or in_holder:
                raise _Unusual
            in_entry = True
            concept = (attrs[1] if attrs and attrs[0] == "id" and attrs[1] else
                       _attr(attrs, "id") or _attr(attrs, "xml:id") or "").strip()
            if not concept:
                raise _Unusual

    def end(name: str) -> None:
        nonlocal in_entry, in_lang, in_holder, active, concept, lang, text_kind, inline
        nonlocal term, status, part_of_speech, override, case, note
        if text_kind:
            if inline:
                inline -= 1
                return
            expat.CharacterDataHandler = None  # the end of the term or note
            value = "".join(text).strip()
            if text_kind == _TERM:
                term = value
            elif text_kind == _PLAIN_NOTE:
                if value:
                    note = f"{note}\n{value}" if note else value
            elif note_type in _STATUS_NOTES:
                status = statuses.get(value) or status_of(value)
            elif note_type == "partOfSpeech":
                part_of_speech = value.lower()
            elif note_type == X_STATUS:
                override = override_of(value)
            elif note_type == X_CASE:
                case = case_of(value)
            text_kind = _OTHER
            return
        kind = kinds[name]
        if kind == _HOLDER_KIND:
            if active:
                if not term:
                    raise _Unusual
                rows.append((concept, lang, term, override or status, note, case, part_of_speech,
                             term_line))
            in_holder = active = False
        elif kind == _LANG_KIND:
            in_lang, lang = False, None
        elif kind == _ENTRY_KIND:
            in_entry, concept = False, None

    def install(parser) -> None:
        nonlocal expat
        expat = parser
        parser.buffer_text = True
        parser.ordered_attributes = True
        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = None  # switched on inside terms and notes only

    parser = _StreamParser(install)
    parser.setErrorHandler(ErrorHandler())
    try:
        parser.parse(io.BytesIO(data))
    except (SAXParseException, DefusedXmlException, _Unusual):
        return None
    return terms_from_columns(*zip(*rows)) if rows else []
