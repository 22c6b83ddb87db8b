"""Glossary records: one ``Term`` per row or TBX term, a ``Glossary`` holding them in file order."""
from __future__ import annotations

import hashlib
from collections import deque
from dataclasses import dataclass, field, fields
from itertools import repeat

from ..errors import UnsupportedLanguageError
from ..languages import normalize_tag

#: Term statuses, most to least wanted. ``forbidden`` is ``deprecated`` reported as an error.
STATUSES = ("preferred", "admitted", "deprecated", "forbidden")

#: Statuses a translator may use.
APPROVED = frozenset({"preferred", "admitted"})


@dataclass(frozen=True, slots=True)
class Term:
    """One rendering of a concept in one language.

    Attributes:
        concept_id: The concept this term names.
        lang: Pipeline language code (``en``, ``zh``, ``ja`` or ``zh-Hant``).
        term: The term as written in the glossary (surrounding whitespace removed).
        status: One of ``STATUSES``.
        note: Free text for translators.
        case_sensitive: English matching respects case (acronyms such as ``AIDS``).
        part_of_speech: ``noun``, ``verb``, ``adjective``…; verbs and adjectives also match -ed/-ing.
        line: Source line (tables) or line of the term element (TBX), for messages.
    """

    concept_id: str
    lang: str
    term: str
    status: str
    note: str = ""
    case_sensitive: bool = False
    part_of_speech: str = ""
    line: int | None = None

    @property
    def approved(self) -> bool:
        """True for ``preferred`` and ``admitted`` terms."""
        return self.status in APPROVED

    def key(self) -> tuple:
        """Everything but ``line``: two terms with equal keys carry the same information."""
        return (self.concept_id, self.lang, self.term, self.status, self.note,
                self.case_sensitive, self.part_of_speech)


# Each field's slot descriptor, in field order: storing through it is what a frozen dataclass's
# generated __init__ does via object.__setattr__, minus one Python call per field and object.
_STORE = tuple(Term.__dict__[f.name].__set__ for f in fields(Term))


def terms_from_columns(*columns) -> list[Term]:
    """Many terms at once from parallel columns in field order (``concept_id`` … ``line``).

    Gives the same (equal, hashable, frozen) objects as calling ``Term`` on each row, in about
    half the time: a frozen dataclass's ``__init__`` stores each field of each term with a
    separate ``object.__setattr__`` call, while here each column is stored in one C-level pass.
    Values are taken as given, as ``Term`` takes them.

    Raises:
        ValueError: not one column per field, or columns of different lengths.
    """
    if len(columns) != len(_STORE):
        raise ValueError(f"expected {len(_STORE)} columns (one per Term field), got {len(columns)}")
    size = len(columns[0])
    if any(len(c) != size for c in columns):
        raise ValueError("columns differ in length")
    terms = list(map(object.__new__, repeat(Term, size)))
    for store, column in zip(_STORE, columns):
        deque(map(store, terms, column), maxlen=0)  # consume: store column[i] in terms[i]
    return terms


@dataclass(frozen=True, slots=True)
class Issue:
    """A glossary problem that does not stop loading (see ``validate``)."""

    severity: str
    message: str
    line: int | None = None
    concept_id: str = ""


_STATUS_RANK = {"preferred": 0, "admitted": 1}


@dataclass(frozen=True, slots=True)
class Glossary:
    """Terms in file order plus lookups by concept and language.

    Attributes:
        path: The file it was read from (``""`` when built in memory).
        sha1: SHA-1 of the file bytes; report signatures use it to tell glossaries apart.
        terms: Every term, in file order.
    """

    path: str
    sha1: str
    terms: tuple[Term, ...]
    _index: tuple | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "terms", tuple(self.terms))

    def _lookup(self) -> tuple[dict[tuple[str, str], list[Term]], tuple[str, ...], tuple[str, ...]]:
        # Built on first use, not at load: a 50,000-concept glossary loads faster, and the
        # matcher, which only iterates terms, never pays for it.
        if self._index is None:
            by_key: dict[tuple[str, str], list[Term]] = {}
            for t in self.terms:
                key = (t.concept_id, t.lang)
                found = by_key.get(key)
                if found is None:
                    by_key[key] = [t]
                else:
                    found.append(t)
            concepts = tuple(dict.fromkeys(c for c, _ in by_key))
            langs = tuple(dict.fromkeys(t.lang for t in self.terms))
            object.__setattr__(self, "_index", (by_key, concepts, langs))
        return self._index

    @classmethod
    def from_terms(cls, terms, path: str = "") -> Glossary:
        """Build a glossary in memory; ``sha1`` is computed from the terms' content."""
        terms = tuple(terms)
        digest = hashlib.sha1()
        for t in terms:
            digest.update("\x1f".join(map(str, t.key())).encode("utf-8") + b"\x1e")
        return cls(path=path, sha1=digest.hexdigest(), terms=terms)

    def __len__(self) -> int:
        return len(self.terms)

    def concept_ids(self) -> list[str]:
        """Concept ids in first-seen order."""
        return list(self._lookup()[1])

    def languages(self) -> list[str]:
        """Language codes in first-seen order."""
        return list(self._lookup()[2])

    def _lang(self, lang: str) -> str:
        if lang in self._lookup()[2]:
            return lang
        try:
            return normalize_tag(lang)
        except UnsupportedLanguageError:
            return lang

    def terms_for(self, concept_id: str, lang: str) -> list[Term]:
        """Every term of ``concept_id`` in ``lang`` (any status), in file order."""
        return list(self._lookup()[0].get((concept_id, self._lang(lang)), ()))

    def approved(self, concept_id: str, lang: str) -> list[Term]:
        """Preferred then admitted terms of ``concept_id`` in ``lang``, file order within each."""
        found = [t for t in self.terms_for(concept_id, lang) if t.approved]
        return sorted(found, key=lambda t: _STATUS_RANK[t.status])  # stable: keeps file order

    def preferred(self, concept_id: str, lang: str) -> Term | None:
        """The first preferred term, else the first admitted one, else None."""
        approved = self.approved(concept_id, lang)
        return approved[0] if approved else None

    def deprecated(self, concept_id: str, lang: str) -> list[Term]:
        """Deprecated and forbidden terms of ``concept_id`` in ``lang``, in file order."""
        return [t for t in self.terms_for(concept_id, lang) if not t.approved]
