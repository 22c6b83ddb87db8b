"""Splitting a mixed file (one language version after another) into its versions."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .core import Verdict, analyse

_LINE = regex.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
#: Languages the pipeline processes; a line in any other language starts a version of its own only
#: when langdetect is nearly certain (a citation line full of abbreviations is not Afrikaans).
_CORE = ("en", "zh", "ja", "zh-Hant", "ko")
_SURE_OTHER = 0.99


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    number: int
    block: int          # paragraph number: blank lines separate blocks
    verdict: Verdict


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    block = 0
    number = 0
    for m in _LINE.finditer(text):
        if m.start() == len(text) and m.start() > 0:
            break
        number += 1
        content = m.group().rstrip("\r\n")
        if not content.strip():
            block += 1
            continue
        lead = len(content) - len(content.lstrip())
        start = m.start() + lead
        out.append(_Line(start, m.start() + len(content.rstrip()), number, block,
                         analyse(content.strip())))
    return out


def _label(v: Verdict) -> str | None:
    if not v.decided or v.lang == "und":
        return None
    if v.lang not in _CORE and v.confidence < _SURE_OTHER:
        return None
    return v.lang


def _choose(line: _Line, prev: tuple[_Line, str] | None, nxt: tuple[_Line, str] | None) -> str:
    """Where an undecided line goes: the run on both sides, else the one its language allows,
    else the one in its paragraph, else (a heading) the next or (a DOI, a page number) the
    previous."""
    options = [o for o in (prev, nxt) if o is not None]
    if not options:
        return line.verdict.lang
    if len(options) == 1 or prev[1] == nxt[1]:
        return options[0][1]
    allowed = [o for o in options if not line.verdict.has_letters
               or o[1] in line.verdict.candidates]
    if len(allowed) == 1:
        return allowed[0][1]
    same_block = [o for o in options if o[0].block == line.block]
    if len(same_block) == 1:
        return same_block[0][1]
    return nxt[1] if line.verdict.has_letters else prev[1]


def split_versions(text: str) -> list[tuple[str, int, int, int]]:
    """Split a mixed file into consecutive runs of one language.

    Args:
        text: The whole file, versions one after another (with or without blank lines, with
            headings, author and citation lines).

    Returns:
        ``(lang, start, end, first_line_number)`` per run, in order: ``text[start:end]`` is the
        run from the first character of its first line to the last of its last line (line numbers
        are 1-based). Lines with no letters, and lines too short or mixed to decide, join the run
        they sit in or next to. Two runs of one language separated by another are returned as
        they are.
    """
    lines = _lines(text)
    labels = [_label(line.verdict) for line in lines]
    decided = [(line, lab) for line, lab in zip(lines, labels) if lab is not None]
    resolved: list[str] = []
    k = 0  # index into decided of the first decided line after the current one
    for line, lab in zip(lines, labels):
        if lab is not None:
            resolved.append(lab)
            k += 1
            continue
        prev = decided[k - 1] if k > 0 else None
        nxt = decided[k] if k < len(decided) else None
        resolved.append(_choose(line, prev, nxt))
    runs: list[tuple[str, int, int, int]] = []
    for line, lang in zip(lines, resolved):
        if runs and runs[-1][0] == lang:
            runs[-1] = (lang, runs[-1][1], line.end, runs[-1][3])
        else:
            runs.append((lang, line.start, line.end, line.number))
    return runs
