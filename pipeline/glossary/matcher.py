"""``TermMatcher``: find glossary terms in one segment, one Aho-Corasick automaton per language."""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import ahocorasick

from ..errors import UnsupportedLanguageError
from ..languages import normalize_tag, profile
from .bulk import paused_gc
from .inflect import variants
from .model import Glossary, Term
from .normalize import (
    Folded,
    fold_cjk,
    fold_cjk_term,
    fold_cjk_terms,
    fold_en,
    fold_en_term,
    fold_en_terms,
)


@dataclass(frozen=True, slots=True)
class TermMatch:
    """A glossary term found in a text.

    Attributes:
        concept_id: The concept of ``term``.
        term: The glossary entry that matched.
        start: Offset of the match in the text passed to ``find``.
        end: End offset; ``surface == text[start:end]``.
        surface: What the text says (``peers``, ``ピア・ワーカー``…).
        kind: ``standard``, or ``traditional`` when a zh text writes the term in traditional
            characters (its own finding, not a missing term).
    """

    concept_id: str
    term: Term
    start: int
    end: int
    surface: str
    kind: str = "standard"


class _Entry(NamedTuple):
    # A named tuple, not a frozen dataclass: a 50,000-concept glossary makes ~180,000 of them.
    term: Term
    tails: frozenset[str]
    exact: str  # folded without casefolding; read for case-sensitive English terms only


_BARE = frozenset({""})


def _spaced(lang: str) -> bool:
    try:
        return profile(lang).spaced
    except KeyError:
        return True


def _word_char(ch: str) -> bool:
    return ch.isalnum()


def _ascii_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


class TermMatcher:
    """Finds glossary terms in segment texts.

    Built once per glossary: one pyahocorasick automaton per language over folded terms
    (``normalize``), so a lookup costs the same for 100 or 50,000 concepts. ``find`` returns
    non-overlapping matches; where candidates overlap the longest wins, each span is used once.

    Args:
        glossary: Every term of every status is matched (checks decide what a status means).
    """

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._automata: dict[str, ahocorasick.Automaton] = {}
        by_lang: dict[str, list[Term]] = {}
        for t in glossary.terms:
            by_lang.setdefault(t.lang, []).append(t)
        with paused_gc():
            for lang, terms in by_lang.items():
                table = self._en_table(terms) if _spaced(lang) else self._cjk_table(terms, lang)
                if not table:
                    continue
                automaton = ahocorasick.Automaton()
                for key, entries in table.items():
                    automaton.add_word(key, (len(key), tuple(entries)))
                automaton.make_automaton()
                self._automata[lang] = automaton

    @staticmethod
    def _en_table(terms: list[Term]) -> dict[str, list[_Entry]]:
        table: dict[str, list[_Entry]] = {}
        for t, key in zip(terms, fold_en_terms([t.term for t in terms])):
            if not key:
                continue
            exact = fold_en_term(t.term, casefold=False) if t.case_sensitive else ""
            for variant, tails in variants(key, t.part_of_speech):
                entries = table.get(variant)
                entry = _Entry(t, tails, exact[:len(variant)])
                if entries is None:
                    table[variant] = [entry]
                else:
                    entries.append(entry)
        for entries in table.values():
            if len(entries) > 1:
                # Case-sensitive entries are the more specific reading of the same letters
                # (AIDS/aids); the sort is stable, so file order holds within each kind.
                entries.sort(key=lambda e: not e.term.case_sensitive)
        return table

    @staticmethod
    def _cjk_table(terms: list[Term], lang: str) -> dict[str, list[_Entry]]:
        table: dict[str, list[_Entry]] = {}
        for t, key in zip(terms, fold_cjk_terms([t.term for t in terms], lang)):
            if key:
                table.setdefault(key, []).append(_Entry(t, _BARE, t.term))
        return table

    def languages(self) -> list[str]:
        """Languages that have at least one matchable term."""
        return list(self._automata)

    def _automaton_for(self, lang: str) -> tuple[str, ahocorasick.Automaton | None]:
        if lang not in self._automata:
            try:
                lang = normalize_tag(lang)
            except UnsupportedLanguageError:
                return lang, None
            if lang == "zh-Hant" and lang not in self._automata:
                lang = "zh"  # simplified terms, found through traditional folding
        return lang, self._automata.get(lang)

    def find(self, text: str, lang: str) -> list[TermMatch]:
        """Glossary terms in ``text`` (one segment), non-overlapping, sorted by start.

        Args:
            text: One segment's text; matches never cross its ends.
            lang: Language of ``text`` (any tag ``normalize_tag`` accepts).

        Returns:
            The matches; empty when the glossary has no terms in ``lang``.
        """
        lang, automaton = self._automaton_for(lang)
        if automaton is None or not text:
            return []
        if _spaced(lang):
            folded = fold_en(text)
            candidates = self._en_candidates(text, folded, automaton)
        else:
            folded = fold_cjk(text, lang)
            candidates = self._cjk_candidates(folded, automaton)
        chosen = _longest_first(candidates, len(folded.text))
        out = []
        for fs, fe, entry in chosen:
            start, end = folded.span(fs, fe)
            surface = text[start:end]
            kind = "standard"
            if lang == "zh" and not _spaced(lang) and \
                    fold_cjk_term(surface, lang, traditional=False) != \
                    fold_cjk_term(entry.term.term, lang, traditional=False):
                kind = "traditional"
            out.append(TermMatch(entry.term.concept_id, entry.term, start, end, surface, kind))
        out.sort(key=lambda m: m.start)
        return out

    @staticmethod
    def _en_candidates(text: str, folded: Folded, automaton) -> list[tuple[int, int, _Entry]]:
        norm = folded.text
        n = len(norm)
        found = []
        for last, (klen, entries) in automaton.iter(norm):
            start = last - klen + 1
            if start > 0 and _word_char(norm[start - 1]):
                continue  # inside a word: "compeer"
            end = last + 1
            while end < n and _word_char(norm[end]):
                end += 1
            tail = norm[last + 1:end]
            for entry in entries:
                if tail not in entry.tails:
                    continue
                if entry.term.case_sensitive:
                    o_start, o_end = folded.span(start, last + 1)
                    if fold_en(text[o_start:o_end], casefold=False).text != entry.exact:
                        continue
                found.append((start, end, entry))
                break
        return found

    @staticmethod
    def _cjk_candidates(folded: Folded, automaton) -> list[tuple[int, int, _Entry]]:
        norm = folded.text
        found = []
        for last, (klen, entries) in automaton.iter(norm):
            start, end = last - klen + 1, last + 1
            # A Latin term inside CJK text ("AI") still needs word edges: not inside "FAIR".
            if _ascii_word(norm[start]) and start > 0 and _ascii_word(norm[start - 1]):
                continue
            if _ascii_word(norm[last]) and end < len(norm) and _ascii_word(norm[end]):
                continue
            found.append((start, end, entries[0]))
        return found

    def concepts(self, text: str, lang: str) -> set[str]:
        """The concept ids whose terms occur in ``text``."""
        return {m.concept_id for m in self.find(text, lang)}


def _longest_first(candidates: list[tuple[int, int, _Entry]], size: int):
    """Keep the longest candidates that do not overlap one already kept (leftmost on ties)."""
    used = bytearray(size)
    chosen = []
    for start, end, entry in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if any(used[start:end]):
            continue
        used[start:end] = b"\x01" * (end - start)
        chosen.append((start, end, entry))
    return chosen
