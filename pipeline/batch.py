"""Run the per-document stage over a batch and reduce across documents."""
from __future__ import annotations

import dataclasses
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable, Iterable, Sequence

from .checks.context import BatchContext
from .models import DocumentError, DocumentResult, Document, Finding
from .errors import PipelineError
from .process import Settings, with_severity_override, process_document
from .report import Report, build_report, signature

_worker: dict[str, Any] = {}


def make_matcher(glossary: Any) -> Any:
    """One term matcher for the glossary (None without a glossary)."""
    if glossary is None:
        return None
    from .glossary import TermMatcher
    return TermMatcher(glossary)


def _init_worker(glossary: Any, settings: Settings) -> None:
    _worker.update(glossary=glossary, matcher=make_matcher(glossary), settings=settings)


def _process_in_worker(doc: Document) -> DocumentResult | DocumentError:
    return _safe_process(doc, _worker["glossary"], _worker["matcher"], _worker["settings"])


def _safe_process(doc: Document, glossary: Any, matcher: Any,
                  settings: Settings) -> DocumentResult | DocumentError:
    try:
        return process_document(doc, glossary, matcher, settings)
    except PipelineError as exc:  # one bad document must not stop the batch
        return DocumentError(exc.path or doc.path, str(exc), doc.doc_id)


def process_all(documents: Sequence[Document], glossary: Any = None,
                settings: Settings = Settings(), *, jobs: int = 1,
                progress: Callable[[int, int], None] | None = None) -> Iterable[DocumentResult | DocumentError]:
    """Per-document results in input order, in ``jobs`` processes."""
    if jobs > 1 and len(documents) > 1 and settings.embedder is None:
        with ProcessPoolExecutor(jobs, initializer=_init_worker,
                                 initargs=(glossary, settings)) as pool:
            for k, result in enumerate(pool.map(_process_in_worker, documents, chunksize=8), 1):
                if progress:
                    progress(k, len(documents))
                yield result
        return
    matcher = make_matcher(glossary)
    for k, doc in enumerate(documents, 1):
        yield _safe_process(doc, glossary, matcher, settings)
        if progress:
            progress(k, len(documents))


def batch_findings(results: Sequence[DocumentResult], glossary: Any,
                   settings: Settings) -> list[Finding]:
    """Findings that need every document: reductions registered with scope ``batch``."""
    uses = [(r.doc_id,) + use for r in results for use in r.term_uses]
    out: list[Finding] = []
    for spec in settings.selected():
        if spec.scope == "batch":
            ctx = BatchContext(uses, glossary, severity=settings.severity(spec))
            out += [f for f in with_severity_override(spec.func(ctx), spec, settings)
                    if f.finding_id not in settings.ignore]
    return out


def run_batch(documents: Sequence[Document], glossary: Any = None,
              settings: Settings = Settings(), *, load_errors: Sequence[DocumentError] = (),
              jobs: int = 1, progress: Callable[[int, int], None] | None = None) -> Report:
    """Process every document and build the report tables."""
    results: list[DocumentResult] = []
    errors = list(load_errors)
    for r in process_all(documents, glossary, settings, jobs=jobs, progress=progress):
        (errors if isinstance(r, DocumentError) else results).append(r)
    sig = signature(glossary_sha1=getattr(glossary, "sha1", ""),
                    embedder=getattr(settings.embedder, "name", "") if settings.embedder else "",
                    checks=[s.id for s in settings.selected()], presegmented=settings.presegmented)
    return build_report(results, errors, batch_findings(results, glossary, settings), sig)


def with_ignore(settings: Settings, ids: Iterable[str]) -> Settings:
    return dataclasses.replace(settings, ignore=frozenset(settings.ignore) | frozenset(ids))
