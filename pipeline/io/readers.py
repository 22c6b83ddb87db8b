"""Load a batch of documents from any mix of files and directories (SPEC "Input").

Each file yields versions (sibling and mixed files) or whole documents (tables); versions are then
merged by ``doc_id`` across files, so ``d.txt`` holding en+zh and ``d.ja.txt`` make one document.
A bad file, row or document is reported in ``LoadResult.errors`` and the rest of the batch loads.
"""
from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from ..errors import InputError, PipelineError
from ..languages import SUPPORTED
from ..models import Document, DocumentError, Version
from .encoding import read_text
from .mixed import SplitFn, dominant_language, read_mixed
from .siblings import (LANGUAGE_NAMES, TEXT_SUFFIXES, name_parts, read_sibling, require_text,
                       supported_language)
from .tables import TABLE_SUFFIXES, read_table

#: File types read from directories (and accepted when named explicitly).
INPUT_SUFFIXES = TEXT_SUFFIXES + TABLE_SUFFIXES


@dataclass(frozen=True, slots=True)
class LoadResult:
    """A loaded batch.

    Attributes:
        documents: The documents, sorted by ``doc_id``.
        errors: Files, rows and documents that could not be loaded, in input order. ``message``
            is the one-line error without the path (``line 4: duplicate doc_id 'd1'``).
    """

    documents: list[Document]
    errors: list[DocumentError]


@dataclass(frozen=True, slots=True)
class _Failure:
    doc_id: str
    error: PipelineError


def load_documents(inputs: Sequence[str | Path], *, recursive: bool = False,
                   encoding: str | None = None, split: SplitFn | None = None) -> LoadResult:
    """Load every document from files and directories.

    Args:
        inputs: Files (sibling, mixed or table) and directories, in any mix.
        recursive: Descend into subdirectories (hidden ones are skipped).
        encoding: Encoding of every text file that is not UTF-8/UTF-16 with BOM.
        split: Stand-in for ``pipeline.detect.split_versions`` (tests); None uses the real one.

    Returns:
        The documents and the per-file/row/document errors.

    Raises:
        InputError: an input path does not exist, a directory cannot be listed, or nothing at
            all could be loaded (then the error is the first problem found).
    """
    files, failures = _collect(inputs, recursive)
    versions: list[Version] = []
    for path in files:
        file_versions, file_failures = _read_file(path, encoding, split)
        versions.extend(file_versions)
        failures.extend(file_failures)
    documents, merge_failures = _merge(versions)
    failures.extend(merge_failures)
    if not documents:
        _raise_nothing_loaded(inputs, failures)
    return LoadResult(documents=documents, errors=[_to_document_error(f) for f in failures])


def load_version_file(path: Path, lang: str | None = None, *, encoding: str | None = None,
                      split: SplitFn | None = None) -> Version:
    """Read one text file as one version (``align SRC TGT``).

    The language is ``lang`` when given (``"auto"`` counts as not given), else the tag in the
    file name (``abs.zh.txt``), else the language with most text according to the detector.

    Raises:
        InputError: the file cannot be read, is empty or a table, or its language is unknown.
        UnsupportedLanguageError: ``lang`` or the file name's tag is not en, zh or ja.
    """
    path = Path(path)
    if path.suffix.lower() in TABLE_SUFFIXES:
        raise InputError("a table holds many documents, not one version; "
                         "use `align INPUT... --out DIR`", path=str(path))
    text = read_text(path, encoding)
    require_text(text, path)
    doc_id, tag = name_parts(path)
    if lang is not None and lang.strip().lower() != "auto":
        code = supported_language(lang, path=str(path))
    elif tag is not None:
        code = supported_language(tag, path=str(path))
    else:
        found = dominant_language(text, split)
        if found is None:
            raise InputError("cannot tell the language; name the file <doc_id>.<lang>.txt "
                             "or pass --lang", path=str(path))
        code = found
    return Version(doc_id=doc_id, lang=code, text=text, path=str(path), base=0, line=1)


def iter_input_files(inputs: Sequence[str | Path], *, recursive: bool = False) -> list[Path]:
    """The files ``load_documents`` would read, in the order it reads them.

    Raises:
        InputError: an input does not exist or a directory cannot be listed.
    """
    files, failures = _collect(inputs, recursive)
    if failures:
        raise failures[0].error
    return files


def read_table_texts(path: Path, *, encoding: str | None = None) -> Iterator[tuple[str, str]]:
    """``(doc_id, text)`` for every non-empty language cell of a table, row by row (en, zh, ja).

    Used where each text is processed on its own (line-level detection). The good rows are
    yielded first; then the first bad row, if any, is raised.

    Raises:
        InputError: the table cannot be read, or (after the good rows) a row is bad.
    """
    documents, row_errors = read_table(Path(path), encoding)
    for doc in documents:  # in row order
        for version in doc.versions:
            yield doc.doc_id, version.text
    if row_errors:
        first = row_errors[0].error
        more = f" (and {len(row_errors) - 1} more bad rows)" if len(row_errors) > 1 else ""
        raise InputError(first.message + more, path=first.path, line=first.line)


def _read_file(path: Path, encoding: str | None,
               split: SplitFn | None) -> tuple[list[Version], list[_Failure]]:
    """The versions one file holds, and what went wrong in it (a table's bad rows…)."""
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        try:
            documents, row_errors = read_table(path, encoding)
        except PipelineError as exc:
            return [], [_Failure("", exc)]
        return ([v for doc in documents for v in doc.versions],
                [_Failure(r.doc_id, r.error) for r in row_errors])
    if suffix not in TEXT_SUFFIXES:
        return [], [_Failure("", InputError(
            f"unsupported file type {suffix or '(none)'!r} (expected "
            f"{', '.join(INPUT_SUFFIXES)})", path=str(path)))]
    doc_id, tag = name_parts(path)
    try:
        if tag is not None:
            lang = supported_language(tag, path=str(path))
            return [read_sibling(path, doc_id, lang, encoding)], []
        text = read_text(path, encoding)
        require_text(text, path)
        return read_mixed(path, doc_id, text, split), []
    except PipelineError as exc:
        return [], [_Failure(doc_id, exc)]


def _collect(inputs: Sequence[str | Path], recursive: bool) -> tuple[list[Path], list[_Failure]]:
    """Expand the inputs into files (each once, in order); unlistable subdirectories fail."""
    if not inputs:
        raise InputError("no input given")
    files: list[Path] = []
    failures: list[_Failure] = []
    seen: set[Path] = set()
    for given in inputs:
        path = Path(given)
        if not path.exists():
            raise InputError("no such file or directory", path=str(path))
        found = _scan(path, recursive, failures) if path.is_dir() else [path]
        for file in found:
            key = file.resolve()
            if key not in seen:  # a file named twice, or a file and its directory
                seen.add(key)
                files.append(file)
    return files, failures


def _scan(root: Path, recursive: bool, failures: list[_Failure]) -> list[Path]:
    """The input files under ``root``, sorted by relative path (the order is part of the output)."""
    def unlistable(exc: OSError) -> None:
        where = exc.filename or root
        if Path(where) == root:
            raise InputError(f"cannot list directory: {exc.strerror or exc}", path=str(root))
        failures.append(_Failure("", InputError(f"cannot list directory: {exc.strerror or exc}",
                                                path=str(where))))

    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=unlistable):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")) if recursive else []
        found.extend(Path(dirpath, name) for name in filenames if _wanted(name))
    return sorted(found, key=lambda p: p.relative_to(root).parts)


#: Files a folder of abstracts commonly carries that are not abstracts (only skipped when a
#: directory is scanned; named explicitly, they are read).
_NOT_ABSTRACTS = ("readme", "license", "licence", "changelog", "notice")


def _wanted(name: str) -> bool:
    # "~$book.xlsx" is the lock file Excel/LibreOffice leave next to an open workbook.
    stem = os.path.splitext(name)[0].lower()
    return (not name.startswith((".", "~$")) and stem not in _NOT_ABSTRACTS
            and os.path.splitext(name)[1].lower() in INPUT_SUFFIXES)


def _merge(versions: list[Version]) -> tuple[list[Document], list[_Failure]]:
    """Group versions by doc_id; a language given twice for one document fails that document."""
    by_doc: dict[str, dict[str, list[Version]]] = {}
    for version in versions:
        by_doc.setdefault(version.doc_id, {}).setdefault(version.lang, []).append(version)
    documents: list[Document] = []
    failures: list[_Failure] = []
    for doc_id in sorted(by_doc):
        langs = by_doc[doc_id]
        twice = [lang for lang in SUPPORTED if len(langs.get(lang, ())) > 1]
        if twice:
            a, b = langs[twice[0]][:2]
            failures.append(_Failure(doc_id, InputError(
                f"document {doc_id!r} has two {LANGUAGE_NAMES[twice[0]]} versions: "
                f"{_where(a)} and {_where(b)}", path=a.path)))
            continue
        ordered = tuple(langs[lang][0] for lang in SUPPORTED if lang in langs)
        documents.append(Document(doc_id=doc_id, versions=ordered, path=ordered[0].path))
    return documents, failures


def _where(version: Version) -> str:
    return version.path if version.line == 1 else f"{version.path}:{version.line}"


def _to_document_error(failure: _Failure) -> DocumentError:
    error = failure.error
    message = error.message if error.line is None else f"line {error.line}: {error.message}"
    return DocumentError(path=str(error.path or ""), message=message, doc_id=failure.doc_id)


def _raise_nothing_loaded(inputs: Sequence[str | Path], failures: list[_Failure]) -> NoReturn:
    if len(failures) == 1:
        raise failures[0].error
    if failures:
        first = failures[0].error
        raise InputError(f"no document could be loaded ({len(failures)} errors; first: "
                         f"{first})")
    raise InputError(f"no input files found (expected {', '.join(INPUT_SUFFIXES)})",
                     path=str(inputs[0]))
