"""Term matching speed: documents/s at 100, 5,000 and 50,000 concepts, beside a naive matcher.

The naive matcher is what the automaton replaces: one compiled regex per glossary term, each run
over every segment. Also times loading a 50,000-concept glossary (target < 2 s) and building its
matcher; ``--load`` times only those, ``--runs`` times each (folding tables warmed first: they are
built once per process, whatever the glossary).

    python bench/terms.py [--docs 200] [--sizes 100,5000,50000] [--seed 7]
    python bench/terms.py --load [--runs 3] [--formats csv]
"""
from __future__ import annotations

import argparse
import random
import re
import tempfile
import time
from pathlib import Path

from pipeline.glossary import Glossary, Term, TermMatcher, convert, load_glossary

SYLLABLES = ["pe", "er", "sup", "port", "work", "re", "co", "ve", "ry", "ser", "vi", "ce", "in",
             "te", "gra", "ted", "care", "com", "mu", "ni", "ty", "heal", "th", "so", "cial"]
HAN = "同伴工作者支持服务使用康复健康心理精神社区整合照护刑事司法紧急准专业赋权经历劳动力行为物质障碍"
KATA = "ピアサポートワーカーリカバリービスユザメンタルヘケコミュニティ"
FILLER_EN = ["the", "of", "and", "in", "with", "for", "to", "study", "results", "showed", "that",
             "a", "was", "were", "among"]
FILLER_ZH = "的在和与研究结果表明一个对于中"
FILLER_JA = "のにはをとがでした研究結果"


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def make_glossary(n: int, rng: random.Random) -> Glossary:
    """``n`` concepts shaped like a real one: an en, zh and ja preferred term each, an admitted
    variant for one concept in four and a deprecated rendering for one in three (~3.6 rows per
    concept)."""
    terms = []
    for i in range(n):
        cid = f"c{i:06d}"
        en = " ".join(_word(rng) for _ in range(rng.randint(1, 3)))
        zh = "".join(rng.choice(HAN) for _ in range(rng.randint(3, 6)))
        ja = "".join(rng.choice(KATA) for _ in range(rng.randint(4, 8)))
        terms += [Term(cid, "en", en, "preferred"), Term(cid, "zh", zh, "preferred"),
                  Term(cid, "ja", ja, "preferred")]
        if i % 4 == 0:
            terms.append(Term(cid, "en", en + " staff", "admitted"))
        if i % 3 == 0:
            terms.append(Term(cid, "zh", zh[::-1], "deprecated"))
    return Glossary.from_terms(terms)


def make_documents(g: Glossary, count: int, rng: random.Random) -> list[dict[str, list[str]]]:
    """Documents of 8 segments per language, each segment holding a few glossary terms."""
    by_lang: dict[str, list[str]] = {}
    for t in g.terms:
        by_lang.setdefault(t.lang, []).append(t.term)
    docs = []
    for _ in range(count):
        doc = {}
        for lang, filler, sep in (("en", FILLER_EN, " "), ("zh", FILLER_ZH, ""),
                                  ("ja", FILLER_JA, "")):
            segments = []
            for _ in range(8):
                words = [rng.choice(filler) for _ in range(25)]
                for _ in range(3):
                    words.insert(rng.randrange(len(words)), rng.choice(by_lang[lang]))
                segments.append(sep.join(words) + ("." if lang == "en" else "。"))
            doc[lang] = segments
        docs.append(doc)
    return docs


class NaiveMatcher:
    """One regex per term (case-insensitive, word-bounded for English)."""

    def __init__(self, g: Glossary) -> None:
        self.patterns: dict[str, list[tuple[re.Pattern, Term]]] = {}
        for t in g.terms:
            body = re.escape(t.term)
            pattern = rf"\b{body}(?:s|es)?\b" if t.lang == "en" else body
            self.patterns.setdefault(t.lang, []).append((re.compile(pattern, re.IGNORECASE), t))

    def find(self, text: str, lang: str) -> list[tuple[int, int, Term]]:
        return [(m.start(), m.end(), t) for p, t in self.patterns.get(lang, ())
                for m in p.finditer(text)]


def docs_per_second(matcher, docs, budget: float) -> tuple[float, int]:
    """Process documents until done or ``budget`` seconds pass; return (docs/s, docs done)."""
    start = time.perf_counter()
    done = 0
    for doc in docs:
        for lang, segments in doc.items():
            for seg in segments:
                matcher.find(seg, lang)
        done += 1
        if time.perf_counter() - start > budget:
            break
    return done / (time.perf_counter() - start), done


def speed_table(args: argparse.Namespace) -> None:
    """Documents/s of the automaton and of the naive matcher at each glossary size."""
    print("| concepts | terms | automaton build s | automaton docs/s | naive build s | naive docs/s "
          "| speed-up |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in (int(s) for s in args.sizes.split(",")):
        rng = random.Random(args.seed)
        g = make_glossary(n, rng)
        docs = make_documents(g, args.docs, rng)
        t0 = time.perf_counter()
        matcher = TermMatcher(g)
        build = time.perf_counter() - t0
        fast, _ = docs_per_second(matcher, docs, budget=120)
        t0 = time.perf_counter()
        naive = NaiveMatcher(g)
        naive_build = time.perf_counter() - t0
        slow, done = docs_per_second(naive, docs, budget=args.budget)
        print(f"| {n:,} | {len(g.terms):,} | {build:.2f} | {fast:,.0f} | {naive_build:.2f} | "
              f"{slow:,.1f} (over {done} docs) | {fast / slow:,.0f}× |", flush=True)


def load_table(args: argparse.Namespace) -> None:
    """Load time of a 50,000-concept glossary in each format, and the build time of its matcher."""
    t0 = time.perf_counter()
    TermMatcher(make_glossary(10, random.Random(args.seed)))  # builds the folding tables
    print(f"folding tables (once per process): {time.perf_counter() - t0:.2f} s")
    g = make_glossary(50_000, random.Random(args.seed))
    print()
    print("| 50,000-concept glossary | rows | run | load s | matcher build s | load + matcher s |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in args.formats.split(","):
            path = Path(tmp) / f"g.{fmt}"
            convert(g, fmt, path)
            for run in range(1, args.runs + 1):
                t0 = time.perf_counter()
                loaded = load_glossary(path)
                load = time.perf_counter() - t0
                t1 = time.perf_counter()
                TermMatcher(loaded)
                build = time.perf_counter() - t1
                print(f"| {fmt} | {len(loaded.terms):,} | {run} | {load:.2f} | {build:.2f} | "
                      f"{load + build:.2f} |", flush=True)
                del loaded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--sizes", default="100,5000,50000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--budget", type=float, default=10.0, help="seconds per naive run")
    parser.add_argument("--formats", default="csv,tsv,tbx", help="load-time formats (add xlsx)")
    parser.add_argument("--load", action="store_true",
                        help="only time loading the 50,000-concept glossary and building its matcher")
    parser.add_argument("--runs", type=int, help="load/build runs per format (default 3 with "
                        "--load, else 1)")
    args = parser.parse_args()
    args.runs = args.runs or (3 if args.load else 1)
    if not args.load:
        speed_table(args)
        print()
    load_table(args)


if __name__ == "__main__":
    main()
