"""Han-only text: Simplified Chinese, Traditional Chinese or Japanese, decided on character evidence.

The character classes come from the OpenCC tables shipped in ``opencc-python-reimplemented``
(Simplified→Traditional, Traditional→Simplified, Traditional→Japanese shinjitai) plus short
hand-made lists for what the tables cannot tell (kokuji, Chinese function characters).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

#: Characters only Japanese writes: kokuji and the iteration mark (shinjitai come from OpenCC).
_JA_EXTRA = "々〆込働畑峠枠匂栃搾凪笹躾噺榊樫椛裃鰯説証緑絶録閲顔査殻"
#: Shinjitai-looking characters that Chinese writes too (给予, 欠, 疏, 醋, 麻痺): no evidence.
_JA_NOT = "予欠疏醋弁痺鼈皐"
#: Chinese function characters that Japanese (outside rare set phrases) writes in kana. They
#: count as Chinese evidence in Han-only text, where a Japanese sentence would show its kana.
_ZH_FUNCTION = "的了是在也之其而并並于於着吗嗎呢吧啊她它您很没沒们們这這么麼些哪把"
#: Traditional characters Japanese does not use at all, though OpenCC has no shinjitai for them.
_HANT_EXTRA = "們這嗎麼沒妳祂綫爲裏衹"

#: Evidence weights: a character only one orthography writes counts three times as much as one
#: that merely excludes an orthography.
_DECISIVE = 3.0


def _read_table(name: str) -> dict[str, tuple[str, ...]]:
    path = resources.files("opencc") / "dictionary" / name
    table: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        if key and values:
            table[key] = tuple(values.split())
    return table


@dataclass(frozen=True, slots=True)
class CharClasses:
    """Sets of Han characters that tell the three orthographies apart."""

    simplified_only: frozenset[str]   # Simplified form, used neither in Traditional nor Japanese
    hant_only: frozenset[str]         # Traditional form Japanese replaced (or never used)
    trad_shared: frozenset[str]       # Traditional form Japanese also writes (結, 語): not zh
    ja_only: frozenset[str]           # Japanese shinjitai and kokuji (図, 発, 込)
    simp_shared_ja: frozenset[str]    # Simplified form Japanese also writes (会, 学, 国): not zh-Hant
    zh_function: frozenset[str]


@lru_cache(maxsize=1)
def char_classes() -> CharClasses:
    """Build the character classes once from the OpenCC tables (a few milliseconds)."""
    st = _read_table("STCharacters.txt")
    ts = _read_table("TSCharacters.txt")
    jp = _read_table("JPVariants.txt")
    jp_forms = {v for vs in jp.values() for v in vs}
    # Every form either Chinese orthography writes: keys of both tables and simplified targets.
    chinese_forms = set(st) | set(ts) | {v for vs in ts.values() for v in vs}
    # A character "changes" under a conversion when its own form is not among the targets.
    simp_forms = {c for c, vs in st.items() if c not in vs}
    trad_forms = {c for c, vs in ts.items() if c not in vs}
    ja_only = ((jp_forms - chinese_forms) | set(_JA_EXTRA)) - set(_JA_NOT)
    hant_only = ((trad_forms & set(jp)) | set(_HANT_EXTRA)) - jp_forms
    trad_shared = trad_forms - hant_only - ja_only
    simplified_only = simp_forms - trad_forms - jp_forms - ja_only
    simp_shared_ja = (simp_forms & jp_forms) - trad_forms
    return CharClasses(frozenset(simplified_only), frozenset(hant_only), frozenset(trad_shared),
                       frozenset(ja_only), frozenset(simp_shared_ja), frozenset(_ZH_FUNCTION))


@dataclass(frozen=True, slots=True)
class HanEvidence:
    """Scores for ``zh``, ``zh-Hant`` and ``ja`` from the Han characters of a text."""

    zh: float
    hant: float
    ja: float
    ja_only: int = 0  # characters only Japanese writes

    def ranked(self) -> list[tuple[str, float]]:
        """Languages best first; ties keep the order zh, ja, zh-Hant (the likelier in abstracts)."""
        order = [("zh", self.zh), ("ja", self.ja), ("zh-Hant", self.hant)]
        return sorted(order, key=lambda kv: -kv[1])


def han_evidence(han_chars: str) -> HanEvidence:
    """Score the orthographies ``han_chars`` (Han characters only) is consistent with."""
    cc = char_classes()
    zh = hant = ja = 0.0
    ja_only = 0
    # In a heading of two or three characters 的 is a word part (目的), not a particle.
    count_function = len(han_chars) >= 5
    for ch in han_chars:
        if ch in cc.simplified_only:
            zh += _DECISIVE
        elif ch in cc.hant_only:
            hant += _DECISIVE
        elif ch in cc.ja_only:
            ja += _DECISIVE
            ja_only += 1
        elif ch in cc.trad_shared:
            hant += 1.0
            ja += 1.0
        elif ch in cc.simp_shared_ja:
            zh += 0.5
            ja += 0.5
        if count_function and ch in cc.zh_function:
            zh += 1.0
            hant += 1.0
    return HanEvidence(zh, hant, ja, ja_only)
