"""The streaming TBX pass gives exactly the tree reader's terms (lines included) or declines, on
random TBX-like documents, and takes every glossary that ``convert`` writes (hypothesis)."""
from __future__ import annotations

import random

from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from pipeline.errors import GlossaryError
from pipeline.glossary import Glossary, Term, convert
from pipeline.glossary.tbx import _read_tree, read_tbx
from pipeline.glossary.tbx_stream import stream_terms

# Documents that mostly follow the TBX shape, with every kind of deviation now and then: sections
# in and out of place or nested, prefixed names, inline markup, unknown notes, values that do and
# do not parse, DOCTYPEs, CR LF line ends, broken XML. Plain random from a seed: drawing each node
# through hypothesis is ten times slower.
_WORDS = ["peer worker", "同伴工作者", "リカバリー", " spaced ", "a &amp; b", "<![CDATA[<a>]]>",
          "x<!-- c -->y", "in<hi>line</hi>", "\n  ", ""]
_NOTES = {"administrativeStatus": ["preferredTerm-admn-sts", "admittedTerm-admn-sts",
                                   "deprecatedTerm-admn-sts", "popular", ""],
          "normativeAuthorization": ["deprecatedTerm", "standardizedTerm", "nice"],
          "partOfSpeech": ["Noun", "verb"], "x-abstractQA-status": ["forbidden", "deprecated", "never"],
          "x-abstractQA-caseSensitive": ["yes", "false", "maybe"], "termType": ["fullForm"]}
_ODD = ["conceptEntry", "langSec", "termSec", "tig", "term", "termNote", "note", "hi", "p"]
_PROLOGS = ['<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n',
            '<!DOCTYPE tbx [<!ATTLIST langSec xml:lang CDATA "ja">]>\n',
            '<!DOCTYPE tbx [<!ENTITY e "x">]>\n', '<!DOCTYPE tbx [<!ENTITY e SYSTEM "file:///x">]>\n']


class _Generator:
    """Random TBX-like documents; ``odd`` is how often each choice takes an unusual value."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.odd = self.rng.choice([0.0, 0.003, 0.02, 0.1])

    def pick(self, usual: list[str], odd: list[str]) -> str:
        return self.rng.choice(odd if self.rng.random() < self.odd else usual)

    def element(self, tag: str, attrs: str, children: list[str]) -> str:
        rng = self.rng
        if rng.random() < self.odd:  # something out of place, perhaps holding a term holder
            stray = [rng.choice(_WORDS)] + ([self.holder()] if rng.random() < 0.5 else [])
            children.insert(rng.randint(0, len(children)),
                            self.element(rng.choice(_ODD), "", stray))
        sep = rng.choice(["", "\n", "\n    ", "\r\n  "])
        return f"<{tag}{attrs}>{sep}{sep.join(children)}{sep}</{tag}>"

    def holder(self) -> str:
        rng = self.rng
        parts = [] if rng.random() < self.odd else [
            self.element(self.pick(["term"], ["t:term", "hi"]), "", [self.pick(_WORDS[:8], _WORDS)])]
        for _ in range(rng.randint(0, 3)):
            kind = rng.choice(list(_NOTES))
            tag = rng.choice(["termNote", "termNote", "admin", "descrip"])
            value = self.pick(_NOTES[kind][:2], _NOTES[kind])
            parts.append(self.element(tag, f' type="{kind}"', [value]))
        parts += [self.element("note", "", [rng.choice(_WORDS)]) for _ in range(rng.randint(0, 1))]
        rng.shuffle(parts)
        tag = rng.choice(["termSec", "tig", "ntig"])
        return self.element(tag, "", [self.element("termGrp", "", parts)] if tag == "ntig" else parts)

    def section(self) -> str:
        attr = self.pick(["xml:lang", "xml:lang", "lang"], ["xml:id"])
        tag = self.pick(["en", "zh-CN", "ja", "zh-TW", "EN"], ["fr", ""])
        return self.element(self.pick(["langSec", "langSet"], ["t:langSec"]), f' {attr}="{tag}"',
                            [self.holder() for _ in range(self.rng.randint(1, 3))])

    def document(self) -> bytes:
        rng = self.rng
        entries = []
        for n in range(rng.randint(1, 5)):
            attr = self.pick(["id", "id", "xml:id"], ["lang"])
            cid = self.pick([f"c{n}", f" c {n} "], ["", " "])
            entries.append(self.element(self.pick(["conceptEntry", "termEntry"], ["t:conceptEntry"]),
                                        f' {attr}="{cid}"',
                                        [self.section() for _ in range(rng.randint(1, 3))]))
        body = "\n".join(entries)
        if rng.random() < self.odd:  # a broken document
            body = body[: rng.randint(0, len(body))]
        root = self.pick(["tbx", "martif"], ["glossary"])
        prolog = self.pick([""], _PROLOGS)
        return (f'<?xml version="1.0"?>\n{prolog}<{root} xmlns:t="urn:t"><text><body>\n{body}\n'
                f"</body></text></{root}>\n").encode()


def _outcome(read, data: bytes):
    """The terms (Term equality takes in the line), or the error as the CLI shows it."""
    try:
        return read(data, "g.tbx")
    except GlossaryError as exc:
        return str(exc)


@settings(max_examples=300, deadline=None)
@given(seed=st.integers(0, 2**32))
def test_stream_gives_the_tree_readers_terms_or_declines(seed):
    data = _Generator(seed).document()
    note(data.decode("utf-8"))
    streamed = stream_terms(data, "g.tbx")
    tree = _outcome(_read_tree, data)
    if streamed is not None:
        assert streamed == tree
    assert _outcome(read_tbx, data) == tree


_terms = st.builds(
    Term, concept_id=st.text(st.characters(categories=("L", "N", "P")), min_size=1, max_size=6)
    .map(str.strip).filter(bool),
    lang=st.sampled_from(["en", "zh", "ja", "zh-Hant"]),
    term=st.text(st.characters(categories=("L", "N", "P", "S", "Zs"), exclude_characters="\x85\xa0"),
                 min_size=1, max_size=12).map(str.strip).filter(bool),
    status=st.sampled_from(["preferred", "admitted", "deprecated", "forbidden"]),
    note=st.sampled_from(["", "a note", "two\nlines"]), case_sensitive=st.booleans(),
    part_of_speech=st.sampled_from(["", "noun", "verb"]))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(terms=st.lists(_terms, min_size=1, max_size=10))
def test_every_written_glossary_takes_the_stream(tmp_path, terms):
    out = tmp_path / "g.tbx"
    convert(Glossary.from_terms(terms), "tbx", out)
    data = out.read_bytes()
    streamed = stream_terms(data, str(out))
    assert streamed is not None
    assert streamed == _read_tree(data, str(out))
