"""Terminology-QA benchmark: the pipeline's checks against a labelled set of injected errors.

Runs ``pipeline.check`` in-process on ``tests/data/qa/clean`` (every finding there is a false
alarm) and on ``tests/data/qa/injected`` (findings are matched one-to-one to ``gold.csv``), and,
in the same run and scored the same way, a naive Xbench-style baseline. Prints one table::

    python bench/qa.py [--data tests/data/qa] [--glossary glossaries/peer-workforce.csv]

The matching rule is stated in ``tests/data/qa/README.md`` and implemented in :func:`matches`.
``tests/test_qa_benchmark.py`` loads this file by path and asserts the targets of issue 7.
"""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "qa"
GLOSSARY = ROOT / "glossaries" / "peer-workforce.csv"

TERM_CHECKS = ("term-missing", "term-forbidden", "term-inconsistent")
GOLD_CHECKS = TERM_CHECKS + ("number-mismatch", "untranslated", "omission")
APPROVED = ("preferred", "admitted")
BAD = ("deprecated", "forbidden")
FINDING_KEYS = ["doc_id", "tgt_lang", "check", "concept_id", "src_index", "tgt_index"]


@dataclass(frozen=True)
class Score:
    """Counts for one check (or a group of checks) on the injected set."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def __add__(self, other: "Score") -> "Score":
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True)
class Run:
    """One system's findings on both sets, and how long it took."""

    name: str
    clean: pd.DataFrame
    injected: pd.DataFrame
    seconds: float


def _indices(value) -> frozenset[int]:
    """``"3;4"`` (as in findings.csv and gold.csv) -> {3, 4}; empty or NaN -> {}."""
    if value is None or (isinstance(value, float) and value != value):
        return frozenset()
    if isinstance(value, (tuple, list, set, frozenset)):
        return frozenset(int(v) for v in value)
    text = str(value).strip()
    return frozenset(int(float(v)) for v in text.split(";") if v.strip()) if text else frozenset()


def load_gold(path: str | Path = DATA / "gold.csv") -> pd.DataFrame:
    """The gold rows with empty cells as empty strings."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def matches(finding: dict, gold: dict) -> bool:
    """Whether one finding reports one gold error.

    doc_id, tgt_lang and check must agree; for the term checks concept_id too. Position: when the
    gold row has a target index, the finding's target indices must overlap it; when it has none
    (an omission: nothing in the target to point at), the finding's source indices must overlap the
    gold ``src_index``. A finding with neither index (a whole-document finding) covers any position.
    """
    if (finding["doc_id"], finding["tgt_lang"], finding["check"]) != \
            (gold["doc_id"], gold["tgt_lang"], gold["check"]):
        return False
    if gold["check"] in TERM_CHECKS and finding["concept_id"] != gold["concept_id"]:
        return False
    f_tgt, f_src = _indices(finding["tgt_index"]), _indices(finding["src_index"])
    if not f_tgt and not f_src:
        return True
    g_tgt = _indices(gold["tgt_index"])
    if g_tgt:
        return bool(f_tgt & g_tgt)
    return bool(f_src & _indices(gold.get("src_index", "")))


def score(findings: pd.DataFrame, gold: pd.DataFrame) -> tuple[dict[str, Score], pd.DataFrame]:
    """Per-check scores on the injected set, and every finding marked ``matched`` or not.

    One-to-one: each gold row is credited to at most one finding and each finding to at most one
    gold row, so a duplicate finding is a false positive. Findings of checks with no gold rows
    (alignment-disagreement…) are false positives of their own check.
    """
    records = findings[FINDING_KEYS].fillna("").to_dict("records")
    used = [False] * len(records)
    hit_gold = []
    for g in gold.to_dict("records"):
        k = next((k for k, f in enumerate(records) if not used[k] and matches(f, g)), None)
        if k is not None:
            used[k] = True
        hit_gold.append(k is not None)
    checks = list(dict.fromkeys([*GOLD_CHECKS, *sorted(set(findings["check"]) - set(GOLD_CHECKS))]))
    gold_checks = gold["check"].tolist()
    out = {}
    for c in checks:
        tp = sum(1 for gc, h in zip(gold_checks, hit_gold) if gc == c and h)
        fn = sum(1 for gc, h in zip(gold_checks, hit_gold) if gc == c and not h)
        fp = sum(1 for f, u in zip(records, used) if f["check"] == c and not u)
        out[c] = Score(tp, fp, fn)
    marked = findings.assign(matched=used)
    return out, marked


def total(scores: dict[str, Score], checks: Iterable[str]) -> Score:
    result = Score(0, 0, 0)
    for c in checks:
        result = result + scores.get(c, Score(0, 0, 0))
    return result


# --- the systems -----------------------------------------------------------------------------

def per_document(findings: pd.DataFrame) -> pd.DataFrame:
    """Drop batch-level findings (doc_id ``*``: renderings counted across documents), which are
    not about one document and so cannot match a gold row."""
    return findings[findings["doc_id"] != "*"].reset_index(drop=True)


def load_set(directory: Path):
    from pipeline import load_documents

    loaded = load_documents([directory])
    if loaded.errors:
        raise RuntimeError(f"{directory}: could not load {loaded.errors}")
    return loaded.documents


def run_pipeline(data: Path = DATA, glossary_path: Path = GLOSSARY) -> Run:
    """The pipeline's findings on the clean and injected sets (library API, one process)."""
    from pipeline import check, load_glossary

    start = time.perf_counter()
    glossary = load_glossary(glossary_path)
    clean = check(load_set(data / "clean"), glossary).findings
    injected = check(load_set(data / "injected"), glossary).findings
    return Run("abstract-qa", clean, injected, time.perf_counter() - start)


def naive_findings(documents, glossary, segment: Callable) -> pd.DataFrame:
    """Xbench-style QA: plain case-insensitive substrings over whole documents.

    For each concept whose English term occurs anywhere in the English version, ``term-missing``
    when no approved target term occurs anywhere in the target version (a whole-document finding);
    ``term-forbidden`` for every occurrence of a deprecated or forbidden term, in the segment it
    occurs in (Xbench reports per segment).
    """
    by_lang: dict[tuple[str, str], list[str]] = {}
    for t in glossary.terms:
        key = (t.concept_id, t.lang, "ok" if t.status in APPROVED else "bad")
        by_lang.setdefault(key, []).append(t.term.casefold())
    concepts = sorted({t.concept_id for t in glossary.terms})
    rows = []
    for doc in documents:
        texts = {v.lang: v.text for v in doc.versions}
        if "en" not in texts:
            continue
        en = texts["en"].casefold()
        for lang in sorted(set(texts) - {"en"}):
            tgt = texts[lang].casefold()
            for c in concepts:
                if any(t in en for t in by_lang.get((c, "en", "ok"), ())) and \
                        by_lang.get((c, lang, "ok")) and \
                        not any(t in tgt for t in by_lang[(c, lang, "ok")]):
                    rows.append(_row(doc.doc_id, lang, "term-missing", c, ""))
            segments = segment(doc, lang)
            for c in concepts:
                for bad in by_lang.get((c, lang, "bad"), ()):
                    for seg in segments:
                        rows += [_row(doc.doc_id, lang, "term-forbidden", c, seg.index)] * \
                            seg.text.casefold().count(bad)
    return pd.DataFrame.from_records(rows, columns=FINDING_KEYS)


def _row(doc_id: str, lang: str, check: str, concept: str, tgt_index) -> dict:
    return {"doc_id": doc_id, "tgt_lang": lang, "check": check, "concept_id": concept,
            "src_index": "", "tgt_index": str(tgt_index)}


def run_baseline(data: Path = DATA, glossary_path: Path = GLOSSARY) -> Run:
    """The naive baseline on both sets, on the pipeline's segments."""
    from pipeline import load_glossary
    from pipeline.process import segment_document

    start = time.perf_counter()
    glossary = load_glossary(glossary_path)

    def segment(doc, lang):
        return segment_document(doc)[lang]

    clean = naive_findings(load_set(data / "clean"), glossary, segment)
    injected = naive_findings(load_set(data / "injected"), glossary, segment)
    return Run("naive substring", clean, injected, time.perf_counter() - start)


# --- the table -------------------------------------------------------------------------------

def table(runs: Sequence[Run], gold: pd.DataFrame) -> str:
    """Per check TP/FP/FN/P/R for each run side by side, the term checks together, everything
    together, then the false alarms on the clean set by check and the time taken."""
    scored = [score(per_document(r.injected), gold)[0] for r in runs]
    checks = list(dict.fromkeys(c for s in scored for c in s))
    head = f"{'check':<24}" + "".join(f" | {r.name[:28]:^34}" for r in runs)
    sub = f"{'':<24}" + " | {:>4} {:>4} {:>4} {:>9} {:>8}".format(
        "TP", "FP", "FN", "precision", "recall") * len(runs)
    lines = [head, sub, "-" * len(sub)]

    def ratio(value: float, defined: bool, width: int) -> str:
        return f"{value:>{width}.3f}" if defined else f"{'n/a':>{width}}"

    def line(label: str, per_run: list[Score]) -> str:
        return f"{label:<24}" + "".join(
            f" | {s.tp:>4} {s.fp:>4} {s.fn:>4} {ratio(s.precision, bool(s.tp + s.fp), 9)} "
            f"{ratio(s.recall, bool(s.tp + s.fn), 8)}" for s in per_run)

    for c in checks:
        lines.append(line(c, [s.get(c, Score(0, 0, 0)) for s in scored]))
    lines.append("-" * len(sub))
    lines.append(line("term checks together", [total(s, TERM_CHECKS) for s in scored]))
    lines.append(line("all checks", [total(s, checks) for s in scored]))
    lines.append("")
    lines.append("false alarms on the clean set (findings of any kind, batch-level included):")
    for r in runs:
        counts = r.clean["check"].value_counts().sort_index()
        detail = ", ".join(f"{c} {n}" for c, n in counts.items()) or "none"
        lines.append(f"  {r.name:<18} {len(r.clean):>3}  ({detail})")
    batch = [(r.name, int((r.injected["doc_id"] == "*").sum())) for r in runs]
    lines.append("batch-level info findings on the injected set (not scored): "
                 + ", ".join(f"{n} {k}" for n, k in batch))
    lines.append("time (load glossary, both sets): "
                 + ", ".join(f"{r.name} {r.seconds:.1f} s" for r in runs))
    return "\n".join(lines)


def misses(run: Run, gold: pd.DataFrame) -> str:
    """The unmatched gold rows and findings of one run, for whoever fixes the pipeline."""
    findings = per_document(run.injected)
    _, marked = score(findings, gold)
    out = []
    for g in gold.to_dict("records"):
        if not any(matches(f, g) for f in marked[FINDING_KEYS].fillna("").to_dict("records")):
            out.append(f"  FN {g['doc_id']} {g['tgt_lang']} {g['check']} {g['concept_id']} "
                       f"tgt={g['tgt_index']} src={g['src_index']}  ({g['note']})")
    for f in marked[~marked["matched"]].to_dict("records"):
        out.append(f"  FP {f['doc_id']} {f['tgt_lang']} {f['check']} {f['concept_id']} "
                   f"tgt={f['tgt_index']} src={f['src_index']}  {str(f.get('message', ''))[:110]}")
    for f in run.clean.to_dict("records"):
        out.append(f"  clean {f['doc_id']} {f['tgt_lang']} {f['check']} {f['concept_id']} "
                   f"tgt={f['tgt_index']}  {str(f.get('message', ''))[:110]}")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--glossary", type=Path, default=GLOSSARY)
    parser.add_argument("--details", action="store_true",
                        help="also list the pipeline's misses and false alarms")
    args = parser.parse_args(argv)
    gold = load_gold(args.data / "gold.csv")
    pipeline_run = run_pipeline(args.data, args.glossary)
    baseline_run = run_baseline(args.data, args.glossary)
    print(f"labelled set: {args.data} — {gold['doc_id'].nunique()} documents with errors, "
          f"{len(gold)} gold rows")
    print(table([pipeline_run, baseline_run], gold))
    if args.details:
        print("\npipeline misses and false alarms:")
        print(misses(pipeline_run, gold))
    return 0


if __name__ == "__main__":
    sys.exit(main())
