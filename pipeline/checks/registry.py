"""The check registry: adding a check is one decorated function in one file of this package.

A check is a function ``fn(ctx) -> Iterable[Finding]`` registered with :func:`check`. Its
docstring's first line is its title (``abstract-qa checks``, README's table). ``scope`` says what
it looks at:

- ``pair``: one source/target version pair (``PairContext``), run for the primary pairs of a
  document (en→zh, en→ja; zh→ja only without English).
- ``version``: one version on its own (``VersionContext``): target-only properties such as a
  deprecated term, reported once per version rather than once per pair.
- ``document``: all versions and alignments of one document together (``DocumentContext``):
  properties no single pair shows, such as the three pairwise alignments disagreeing.
- ``batch``: every document's results together (``BatchContext``), after the per-document stage.

``optional`` checks run only when selected by name. ``gate`` checks run first; a bead they report (untranslated, omitted) is not examined by the other
checks, so one problem yields one finding instead of a cascade (Translate Toolkit's preconditions).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..models import SEVERITIES, Finding


@dataclass(frozen=True, slots=True)
class CheckSpec:
    id: str
    severity: str
    scope: str
    func: Callable[..., Iterable[Finding]]
    skip_langs: frozenset[str] = field(default=frozenset())
    gate: bool = False
    #: run only when asked for by name (--checks, a profile): useful but noisier
    optional: bool = False

    @property
    def title(self) -> str:
        doc = (self.func.__doc__ or "").strip()
        return doc.splitlines()[0].strip() if doc else ""


#: keyed by (check id, scope): one id may be implemented at two scopes (term-inconsistent is
#: checked within each document and, as info, across the batch).
REGISTRY: dict[tuple[str, str], CheckSpec] = {}
SCOPES = ("pair", "version", "document", "batch")


def check(check_id: str, *, severity: str, scope: str = "pair", skip_langs: Iterable[str] = (),
          gate: bool = False, optional: bool = False) -> Callable:
    """Register ``fn`` as the check ``check_id`` with a default severity."""
    if severity not in SEVERITIES:
        raise ValueError(f"bad severity {severity!r} for {check_id}")
    if scope not in SCOPES:
        raise ValueError(f"bad scope {scope!r} for {check_id}")

    def register(fn: Callable) -> Callable:
        key = (check_id, scope)
        if key in REGISTRY and REGISTRY[key].func is not fn:
            raise ValueError(f"check {check_id!r} registered twice for scope {scope}")
        REGISTRY[key] = CheckSpec(check_id, severity, scope, fn, frozenset(skip_langs), gate,
                                  optional)
        return fn

    return register


def all_checks() -> list[CheckSpec]:
    """Every registered check, gates first, then in registration order."""
    from . import alignment, language, numbers, structure, terms  # noqa: F401  (registration side effect)
    specs = list(REGISTRY.values())
    return [s for s in specs if s.gate] + [s for s in specs if not s.gate]


def check_ids() -> list[str]:
    """Every check id once, in run order."""
    return list(dict.fromkeys(s.id for s in all_checks()))
