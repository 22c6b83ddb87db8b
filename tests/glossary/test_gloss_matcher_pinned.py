"""Pinned matches of a generated 1,500-concept glossary: a speed-up of loading or of building the
matcher must not change a single match.

The glossary and the texts come from a seeded generator that exercises every matching rule
(inflection, case-sensitive acronyms, hyphen/slash/space variants, nested terms, a term shared by
two concepts, traditional characters, half-width kana, middle dots, a dropped or dashed ー). The
expected matches live in ``data/matcher_pinned.json``; after a deliberate change of matching,
regenerate them with ``python tests/glossary/test_gloss_matcher_pinned.py`` and review the diff.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from pipeline.glossary import Glossary, Term, TermMatcher, convert, load_glossary

PINNED = Path(__file__).parent / "data" / "matcher_pinned.json"

_SYLLABLES = ["pe", "er", "sup", "port", "work", "re", "co", "ve", "ry", "ser", "vi", "ce", "in",
              "te", "gra", "ted", "care", "com", "mu", "ni", "ty", "stop", "use", "sta", "ff"]
_HAN = "同伴工作者支持服务使用康复健康心理精神社区整合照护专业赋权经历劳动力行为物质障碍"
_TRADITIONAL = str.maketrans("务区护复劳动碍专权经历为质业", "務區護復勞動礙專權經歷為質業")
_KATA = "ピアサポートワーカーリカバリービスユザメンタルヘケコミュニティァィェォッャュョ"
_HALF = {ord(k): v for k, v in zip("アイカサタハピポトワリーバ", [*"ｱｲｶｻﾀﾊ", "ﾋﾟ", "ﾎﾟ", *"ﾄﾜﾘｰ", "ﾊﾞ"])}
_FILLER = {"en": ["the", "of", "and", "in", "with", "for", "to", "study", "results", "showed",
                  "that", "a", "was", "were", "among"],
           "zh": list("的在和与研究结果表明一个对于中"), "ja": list("のにはをとがでした研究結果")}


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 3)))


def make_glossary(n: int, seed: int = 11) -> Glossary:
    """``n`` concepts, each with en, zh and ja terms and the odd variant, acronym or clash."""
    rng = random.Random(seed)
    terms: list[Term] = []
    previous_en = "peer"
    for i in range(n):
        cid = f"c{i:05d}"
        roll = rng.random()
        if roll < 0.05:
            en = "".join(rng.choice("ABCDEFGHIKLMNPRSTU") for _ in range(rng.randint(2, 4)))
            terms.append(Term(cid, "en", en, "preferred", case_sensitive=True))
        elif roll < 0.08:
            terms.append(Term(cid, "en", f"{_word(rng).upper()}-{rng.randint(1, 99)}", "preferred"))
        else:
            en = " ".join(_word(rng) for _ in range(rng.randint(1, 3)))
            if rng.random() < 0.2:
                en = en.replace(" ", "-", 1)
            if rng.random() < 0.1:
                en = f"{previous_en} {en}"  # nested: the shorter term is inside the longer one
            pos = rng.choice(["", "", "", "noun", "verb", "adjective"])
            terms.append(Term(cid, "en", en, "preferred", part_of_speech=pos))
            previous_en = en
            if i % 4 == 0:
                terms.append(Term(cid, "en", en + " staff", "admitted"))
        if i % 50 == 7:
            terms.append(Term(cid, "en", previous_en.title(), "admitted"))  # shared with another
        zh = "".join(rng.choice(_HAN) for _ in range(rng.randint(2, 5)))
        terms.append(Term(cid, "zh", zh, "preferred"))
        if i % 3 == 0:
            terms.append(Term(cid, "zh", zh[::-1], rng.choice(["deprecated", "forbidden"])))
        if i % 97 == 0:
            terms.append(Term(cid, "zh-Hant", zh.translate(_TRADITIONAL), "preferred"))
        if i % 41 == 0:
            terms.append(Term(cid, "zh", rng.choice(["AI", "FAIR", "HIV"]), "admitted"))
        ja = "".join(rng.choice(_KATA) for _ in range(rng.randint(3, 7)))
        if rng.random() < 0.15:
            ja = ja[:2] + "・" + ja[2:]
        terms.append(Term(cid, "ja", ja, "preferred"))
        if i % 5 == 0:
            terms.append(Term(cid, "ja", "".join(rng.choice(_HAN) for _ in range(2)), "admitted"))
    return Glossary.from_terms(terms)


def _surface(term: Term, rng: random.Random) -> str:
    """``term`` as a text might write it."""
    text = term.term
    if term.lang in ("en",):
        form = rng.randrange(12)
        if form == 0:
            text += "s"
        elif form == 1:
            text = text[:-1] + "ies" if text.endswith("y") else text + "es"
        elif form == 2:
            text += "ed" if not text.endswith("e") else "d"
        elif form == 3:
            text += "ing"
        elif form == 4:
            text = text.upper()
        elif form == 5:
            text = text.title()
        elif form == 6:
            text = text.replace(" ", rng.choice(["-", "/", "\u2013", "  ", "\n"]))
        elif form == 7:
            text = text.replace("-", " ")
        elif form == 8:
            text += "\u2019s"
        elif form == 9:
            text = rng.choice(["com", "x", "2"]) + text  # inside a word: no match
        elif form == 10:
            text = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
        return text
    if term.lang.startswith("zh"):
        return text.translate(_TRADITIONAL) if rng.random() < 0.3 else text
    form = rng.randrange(6)
    if form == 0:
        text = "・".join(text[:2]) + text[2:]
    elif form == 1:
        text = text.translate(_HALF)
    elif form == 2 and text.endswith("ー"):
        text = text[:-1]
    elif form == 3:
        text = text.replace("ー", "－")
    return text


def make_texts(g: Glossary, count: int, seed: int = 12) -> dict[str, list[str]]:
    """``count`` segments per language, each with a few glossary terms among filler words, and
    half of the zh ones again in traditional characters (zh-Hant)."""
    rng = random.Random(seed)
    by_lang: dict[str, list[Term]] = {}
    for t in g.terms:
        by_lang.setdefault("zh" if t.lang == "zh-Hant" else t.lang, []).append(t)
    texts: dict[str, list[str]] = {}
    for lang, sep in (("en", " "), ("zh", ""), ("ja", "")):
        texts[lang] = []
        for _ in range(count):
            words = [rng.choice(_FILLER[lang]) for _ in range(12)]
            for _ in range(4):
                words.insert(rng.randrange(len(words) + 1), _surface(rng.choice(by_lang[lang]), rng))
            texts[lang].append(sep.join(words))
    texts["zh-Hant"] = [t.translate(_TRADITIONAL) for t in texts["zh"][:count // 2]]
    return texts


def _matches(matcher: TermMatcher, texts: dict[str, list[str]]) -> list[list]:
    return [[lang, i, m.start, m.end, m.concept_id, m.term.lang, m.term.term, m.term.status, m.kind]
            for lang, segments in texts.items() for i, text in enumerate(segments)
            for m in matcher.find(text, lang)]


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return make_glossary(1500)


@pytest.fixture(scope="module")
def texts(glossary) -> dict[str, list[str]]:
    return make_texts(glossary, 60)


def test_matches_are_pinned(glossary, texts):
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))
    assert len(pinned) > 500
    assert _matches(TermMatcher(glossary), texts) == pinned


def test_loaded_glossary_gives_the_pinned_matches(tmp_path, glossary, texts):
    convert(glossary, "csv", tmp_path / "g.csv")
    loaded = load_glossary(tmp_path / "g.csv")
    assert [t.key() for t in loaded.terms] == [t.key() for t in glossary.terms]
    assert [t.line for t in loaded.terms] == list(range(2, len(glossary.terms) + 2))
    assert _matches(TermMatcher(loaded), texts) == json.loads(PINNED.read_text(encoding="utf-8"))


if __name__ == "__main__":  # regenerate after a deliberate change of matching
    g = make_glossary(1500)
    rows = _matches(TermMatcher(g), make_texts(g, 60))
    PINNED.write_text("[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n]\n",
                      encoding="utf-8")
    print(f"{len(rows)} matches written to {PINNED}")
