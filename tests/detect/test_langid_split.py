"""split_versions: every line of a mixed file lands in the right version."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.detect import split_versions

DATA = Path(__file__).parent.parent / "data" / "langid"


def _line_langs(text: str) -> list[str | None]:
    """The run language of each line of ``text`` (None for lines outside every run)."""
    langs: list[str | None] = [None] * len(text.split("\n"))
    for lang, start, end, first in split_versions(text):
        for k in range(text[start:end].count("\n") + 1):
            langs[first - 1 + k] = lang
    return langs


@pytest.mark.parametrize("path", sorted((DATA / "mixed").glob("*.txt")), ids=lambda p: p.stem)
def test_mixed_files(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    expected = path.with_suffix(".labels").read_text(encoding="utf-8").splitlines()
    got = _line_langs(text)
    for number, (want, lang) in enumerate(zip(expected, got), 1):
        if want != "-":
            assert lang == want, f"line {number}: {text.splitlines()[number - 1]}"


def _docs() -> list[list[tuple[str, str]]]:
    docs = []
    for path in sorted((DATA / "docs").glob("d*.tsv")):
        rows = [tuple(line.split("\t", 1)) for line in path.read_text(encoding="utf-8").splitlines()
                if line and not line.startswith("#")]
        if {lang for lang, _ in rows} >= {"en", "zh", "ja"}:
            docs.append(rows)
    return docs


@pytest.mark.parametrize("blank", [False, True], ids=["dense", "blank-lines"])
@pytest.mark.parametrize("langs", [("en", "zh"), ("en", "zh", "ja"), ("ja", "en")])
def test_versions_built_from_labelled_documents(langs: tuple[str, ...], blank: bool) -> None:
    for rows in _docs():
        chosen = []
        for lang in langs:
            version = [text for row_lang, text in rows if row_lang == lang]
            chosen.append(("\n\n" if blank else "\n").join(version))
        text = "\n\n".join(chosen) if blank else "\n".join(chosen)
        runs = split_versions(text)
        assert [r[0] for r in runs] == list(langs), runs
        for (lang, start, end, _), version in zip(runs, chosen):
            assert text[start:end] == version


def test_run_offsets_and_line_numbers() -> None:
    text = "\n  Results were good.\n\n结果良好。\n"
    runs = split_versions(text)
    assert runs == [("en", 3, 21, 2), ("zh", 23, 28, 4)]
    assert text[3:21] == "Results were good." and text[23:28] == "结果良好。"


def test_same_language_runs_separated_are_kept_apart() -> None:
    text = "The results were good.\n结果良好。\nThe methods were sound."
    assert [r[0] for r in split_versions(text)] == ["en", "zh", "en"]


def test_no_letters_only() -> None:
    assert split_versions("2018\n10:44\n") == [("und", 0, 10, 1)]
    assert split_versions("") == []


LINES = st.sampled_from(["The results were good.", "结果良好。", "結論", "2018", "", "  ",
                         "本研究では追跡した。", "doi: 10.1000/x.1", "Methods"])


@given(st.lists(LINES, max_size=12), st.sampled_from(["\n", "\r\n"]))
@settings(max_examples=100, deadline=None)
def test_runs_cover_every_nonblank_line_in_order(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    runs = split_versions(text)
    covered = sorted(n for lang, start, end, first in runs
                     for n in range(first, first + text[start:end].count("\n") + 1))
    nonblank = [i for i, line in enumerate(lines, 1) if line.strip()]
    assert set(nonblank) <= set(covered)
    assert all(a[2] <= b[1] for a, b in zip(runs, runs[1:]))
    assert all(a[0] != b[0] for a, b in zip(runs, runs[1:]))
    for _, start, end, _ in runs:
        assert text[start:end] == text[start:end].strip()
