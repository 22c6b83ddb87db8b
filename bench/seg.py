"""Sentence segmentation benchmark: ours vs pySBD vs BlingFire, boundary P/R/F1 and speed.

Usage: python bench/seg.py [--ntrex PATH] [--gold DIR] [--repeat N] [--heldout | --set NAME]

Prints one Markdown table. Data sets:
- ``ntrex``: NTREX-128 (en, zh, ja, zh-Hant). Each document's lines are joined (a space for en,
  nothing for zh/ja) and the gold boundaries are the line joins. NTREX lines often hold several
  sentences, so extra splits inside a line are counted as false positives although many are
  right: recall is the meaningful number there, precision is a lower bound.
- ``labelled``: tests/data/seg (our hand-labelled abstracts; see its README).
- ``heldout``: tests/data/seg/heldout (same format, written independently of the segmenter and
  of ``labelled``; see its README). ``--heldout`` prints only this set.
- ``heldout2``: tests/data/seg/heldout2 (a second independent held-out set, same format; see its
  README). ``--set heldout2`` prints only this set (``--set`` names any folder under ``--gold``).
"""
from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.segment import split_spans  # noqa: E402
from pipeline.segmentation.evaluate import GoldDocument, join_segments, read_gold, score  # noqa: E402

Spans = Callable[[str], list[tuple[int, int]]]
NTREX_COLUMNS = {"en": "eng", "zh": "zho_Hans", "ja": "jpn", "zh-Hant": "zho_Hant"}


def ntrex_documents(path: Path, lang: str) -> list[GoldDocument]:
    """NTREX documents of one language, lines joined as the module docstring says."""
    by_doc: dict[str, list[str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            by_doc.setdefault(row["doc_id"], []).append(row[NTREX_COLUMNS[lang]].strip())
    joiner = " " if lang == "en" else ""
    return [join_segments(lines, joiner) for lines in by_doc.values()]


def _offsets(text: str, sentences: list[str]) -> list[tuple[int, int]]:
    # Peers return strings; locate them left to right (never from the start, so repeats map to
    # their own occurrence).
    spans, cursor = [], 0
    for sent in sentences:
        sent = sent.strip()
        if not sent:
            continue
        at = text.find(sent, cursor)
        if at == -1:
            continue
        spans.append((at, at + len(sent)))
        cursor = at + len(sent)
    return spans


def systems(lang: str) -> dict[str, Spans]:
    """The segmenters compared, as text -> spans functions."""
    out: dict[str, Spans] = {"abstract-qa": lambda t: split_spans(t, lang)}
    try:
        import pysbd
        seg = pysbd.Segmenter(language="en" if lang == "en" else lang[:2], clean=False)
        out["pysbd"] = lambda t: _offsets(t, seg.segment(t))
    except ImportError:
        pass
    try:
        import blingfire
        out["blingfire"] = lambda t: list(blingfire.text_to_sentences_and_offsets(t)[1])
    except ImportError:
        pass
    return out


def chars_per_second(spans_of: Spans, docs: list[GoldDocument], repeat: int) -> float:
    """Throughput over the documents: the best of ``repeat`` timings."""
    chars = sum(len(d.text) for d in docs)
    best = float("inf")
    for _ in range(repeat):
        # small sets are passed over several times per timing, so the clock's noise is negligible
        passes, started = 0, time.perf_counter()
        while passes == 0 or time.perf_counter() - started < 0.2:
            for doc in docs:
                spans_of(doc.text)
            passes += 1
        best = min(best, (time.perf_counter() - started) / passes)
    return chars / best if best > 0 else float("inf")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ntrex", type=Path,
                        default=Path("/work/shared/data/ntrex/ntrex_en_zh_ja.tsv"))
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "data" / "seg")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--heldout", action="store_true", help="only the held-out set")
    parser.add_argument("--set", dest="only", metavar="NAME",
                        help="only the held-out set in this folder under --gold (e.g. heldout2)")
    args = parser.parse_args()

    if args.only:
        sets = [(args.only, lang, read_gold(args.gold / args.only / f"{lang}.txt", lang))
                for lang in ("en", "zh", "ja") if (args.gold / args.only / f"{lang}.txt").exists()]
        print_table(sets, args.repeat)
        return

    sets: list[tuple[str, str, list[GoldDocument]]] = []
    if args.ntrex.exists() and not args.heldout:
        sets += [("ntrex", lang, ntrex_documents(args.ntrex, lang)) for lang in NTREX_COLUMNS]
    if not args.heldout:
        sets += [("labelled", lang, read_gold(args.gold / f"{lang}.txt", lang))
                 for lang in ("en", "zh", "ja")]
    sets += [("heldout", lang, read_gold(args.gold / "heldout" / f"{lang}.txt", lang))
             for lang in ("en", "zh", "ja") if (args.gold / "heldout" / f"{lang}.txt").exists()]
    if not args.heldout:
        sets += [("heldout2", lang, read_gold(args.gold / "heldout2" / f"{lang}.txt", lang))
                 for lang in ("en", "zh", "ja") if (args.gold / "heldout2" / f"{lang}.txt").exists()]
    print_table(sets, args.repeat)


def print_table(sets: list[tuple[str, str, list[GoldDocument]]], repeat: int) -> None:
    """One Markdown row per data set, language and system."""
    print("| data | lang | docs | gold bnd | system | P | R | F1 | chars/s | × pysbd |")
    print("| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    for name, lang, docs in sets:
        rows = []
        for system, spans_of in systems(lang).items():
            sc = score(docs, spans_of)
            rows.append((system, sc, chars_per_second(spans_of, docs, repeat)))
        pysbd_speed = next((cps for s, _, cps in rows if s == "pysbd"), None)
        for system, sc, cps in rows:
            ratio = f"{cps / pysbd_speed:.1f}" if pysbd_speed else "–"
            print(f"| {name} | {lang} | {len(docs)} | {sc.gold} | {system} | {sc.precision:.3f} "
                  f"| {sc.recall:.3f} | {sc.f1:.3f} | {cps:,.0f} | {ratio} |")


if __name__ == "__main__":
    main()
