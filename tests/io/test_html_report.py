"""The HTML report: escaping, highlighting, self-containment, content, determinism."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.io.html_report import highlight, html_report
from pipeline.io.writers import ReportData
from pipeline.models import FINDING_COLUMNS, Finding

EVIL = "<script>alert('x')</script>"
VOID = {"meta", "input", "br", "img", "link", "hr"}


def _finding(**kw) -> Finding:
    base = dict(doc_id="abs-001", src_lang="en", tgt_lang="ja", check="term-forbidden",
                severity="warning", message="Use 深層学習, not ディープラーニング.",
                src_index=(1,), tgt_index=(1, 2), concept_id="C003", expected="深層学習",
                found="ディープラーニング", src_text="We use deep learning.",
                tgt_text="本研究ではディープラーニングを用いる。")
    base.update(kw)
    return Finding(**base)


def _data(findings: list[Finding], errors: pd.DataFrame | None = None, **kw) -> ReportData:
    summary = pd.DataFrame([{"doc_id": "abs-001", "src_lang": "en", "tgt_lang": "ja",
                             "errors": 1, "warnings": 1, "status": "error"},
                            {"doc_id": "abs-009", "src_lang": "en", "tgt_lang": "zh",
                             "errors": 0, "warnings": 0, "status": "ok"}])
    return ReportData(
        segments=pd.DataFrame(), alignments=pd.DataFrame(),
        findings=pd.DataFrame.from_records([f.to_dict() for f in findings],
                                           columns=FINDING_COLUMNS),
        summary=summary, tmx_units=[],
        errors=errors if errors is not None else pd.DataFrame(columns=["path", "doc_id", "message"]),
        signature=kw.pop("signature", "abstract-qa 0.1.0|seg:rules"), **kw)


class _Balance(HTMLParser):
    """Tracks open elements: hostile text must not be able to open or close any."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()


def _parse(page: str) -> _Balance:
    parser = _Balance()
    parser.feed(page)
    parser.close()
    assert parser.stack == []
    return parser


def test_untrusted_text_is_escaped_everywhere():
    hostile = _finding(doc_id=EVIL, check=EVIL, message=EVIL, src_text=EVIL, tgt_text=EVIL,
                       expected=EVIL, found="script", concept_id='"><b>')
    errors = pd.DataFrame([{"path": EVIL, "doc_id": EVIL, "message": "</table>" + EVIL}])
    page = html_report(_data([hostile], errors, title=EVIL, signature=EVIL))
    assert "<script>alert" not in page
    assert page.count("<script>") == 1  # ours, at the end
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert '"><b>' not in page
    assert "b" not in _parse(page).tags


def test_self_contained_no_external_resources():
    page = html_report(_data([_finding()]))
    # Only in-page links; no script, style sheet, font or image fetched from anywhere.
    assert re.findall(r"""(?:src|href)\s*=\s*["']([^"']*)""", page) == ["#doc-1"]
    assert "http" not in page and "url(" not in page and "@import" not in page
    assert "<link" not in page
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page


def test_content_title_signature_totals_summary_errors():
    findings = [_finding(), _finding(check="term-missing", severity="error", found="")]
    errors = pd.DataFrame([{"path": "in/bad.txt", "doc_id": "bad", "message": "cannot decode"}])
    page = html_report(_data(findings, errors, title="Batch 7"))
    assert "<title>Batch 7</title>" in page
    assert "<code>abstract-qa 0.1.0|seg:rules</code>" in page
    totals = dict(re.findall(r'card-(\w+)"><span class="n">(\d+)', page))
    assert totals == {"docs": "2", "error": "1", "warning": "1", "info": "0", "failed": "1"}
    assert '<a href="#doc-1">abs-001</a>' in page  # summary links to the document's findings
    assert 'id="doc-1"' in page and "abs-009" in page
    assert "in/bad.txt" in page and "cannot decode" in page
    # Errors are listed before warnings within a document.
    assert page.index('data-severity="error"') < page.index('data-severity="warning"')


def test_finding_shows_check_indices_terms_and_marks_found():
    page = html_report(_data([_finding()]))
    assert '<code class="check">term-forbidden</code>' in page
    assert "en #1" in page and "ja #1;2" in page and "concept C003" in page
    assert '<mark class="found">ディープラーニング</mark>' in page
    assert 'expected <span class="term expected">深層学習</span>' in page
    assert '<p lang="ja">' in page  # CJK text gets its language for the right glyphs


def test_filter_is_hidden_without_script_and_lists_checks():
    page = html_report(_data([_finding(), _finding(check="number-mismatch", severity="info")]))
    assert '<form id="filters" class="filters" hidden' in page
    assert 'name="check" value="number-mismatch"' in page
    assert 'name="severity" value="info"' in page


def test_no_findings():
    page = html_report(_data([]))
    assert "No findings." in page and 'id="filters"' not in page
    _parse(page)


def test_deterministic():
    data = _data([_finding(), _finding(severity="error")])
    assert html_report(data) == html_report(data)


@pytest.mark.parametrize("text, marks, expected", [
    ("Tom & Jerry", {"amp": "found"}, "Tom &amp; Jerry"),  # never matches inside an entity
    ("rose 30% not 3%", {"3%": "found"}, 'rose 30% not <mark class="found">3%</mark>'),
    ("Deep Learning", {"deep learning": "found"}, '<mark class="found">Deep Learning</mark>'),
    ("a<b>c", {"b": "found"}, 'a&lt;<mark class="found">b</mark>&gt;c'),
    ("注意機構とアテンション機構", {"注意機構": "expected", "アテンション機構; 機構": "found"},
     '<mark class="expected">注意機構</mark>と<mark class="found">アテンション機構</mark>'),
])
def test_highlight(text, marks, expected):
    assert highlight(text, marks) == expected


@given(st.text(), st.text(min_size=1, max_size=4))
def test_highlight_keeps_text_and_escapes(text, term):
    out = highlight(text, {term: "found"})
    bare = re.sub(r'</?mark[^>]*>', "", out)
    assert "<" not in bare and ">" not in bare
    assert html.unescape(bare) == re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]",
                                         "", text)
