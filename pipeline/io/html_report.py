"""The self-contained HTML report (``report.html``) for people reviewing a batch.

One file, no network: CSS and a small script are inline, fonts are the reader's own. Every piece
of document text is untrusted, so it is escaped with :func:`html.escape` before any markup is
added around it; the script never builds markup from data (it only shows and hides rows that the
page already holds), so the filter works offline and the page reads fine with scripts disabled
(the filter controls then simply stay hidden).
"""
from __future__ import annotations

import html
import re
from collections import Counter
from string import Template
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..languages import tmx_tag
from ..models import SEVERITIES, SEVERITY_RANK
from .safety import is_missing, strip_xml_invalid
from .writers import frame_records

if TYPE_CHECKING:
    from .writers import ReportData

_PAGE = Template("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="abstract-qa $version">
<title>$title</title>
<style>$css</style>
</head>
<body>
<header class="page-head">
<h1>$title</h1>
<p class="signature">Signature <code>$signature</code></p>
</header>
<main>
$totals
<section id="summary">
<h2>Summary by document and language pair</h2>
$summary
</section>
<section id="findings">
<h2>Findings</h2>
$filters
$findings
</section>
<section id="errors">
<h2>Documents that could not be processed</h2>
$errors
</section>
</main>
<footer>abstract-qa $version &middot; <code>$signature</code></footer>
<script>$script</script>
</body>
</html>
""")

# Term lists in findings separate alternatives with ";" or "|" (as glossaries do).
_TERM_SPLIT = re.compile(r"\s*[;|]\s*")
# Characters of spaced scripts: a term made of them must match whole words only ("3" not in "30").
_WORDY = re.compile(r"[0-9A-Za-z\u00c0-\u024f]")


def _esc(value: Any) -> str:
    """Escaped text for element content or a quoted attribute value ("" for a missing value)."""
    if is_missing(value):
        return ""
    if isinstance(value, float) and not value.is_integer():
        value = round(value, 3)
    elif isinstance(value, float):
        value = int(value)
    return html.escape(strip_xml_invalid(str(value)), quote=True)


def _term_pattern(term: str) -> str:
    """A regex for ``term`` that, for Latin letters and digits, matches whole words only."""
    left = r"(?<![0-9A-Za-z\u00c0-\u024f])" if _WORDY.match(term[0]) else ""
    right = r"(?![0-9A-Za-z\u00c0-\u024f])" if _WORDY.match(term[-1]) else ""
    return left + re.escape(term) + right


def highlight(text: str, marks: dict[str, str]) -> str:
    """Escape ``text`` and wrap every occurrence of the given terms in ``<mark>``.

    Matching happens on the raw text and each piece is escaped separately, so a term can never
    match inside an entity (``amp`` in ``&amp;``) and no unescaped text reaches the page.

    Args:
        text: The untrusted text.
        marks: Term list (alternatives separated by ``;`` or ``|``) -> CSS class of its marks.
            Earlier entries win where occurrences overlap.

    Returns:
        HTML-safe markup.
    """
    text = strip_xml_invalid(text)
    spans: list[tuple[int, int, str]] = []
    for terms, css_class in marks.items():
        for term in sorted({t for t in _TERM_SPLIT.split(terms) if t}, key=len, reverse=True):
            for m in re.finditer(_term_pattern(term), text, flags=re.IGNORECASE):
                if all(m.end() <= s or m.start() >= e for s, e, _ in spans):
                    spans.append((m.start(), m.end(), css_class))
    out, pos = [], 0
    for start, end, css_class in sorted(spans):
        out.append(html.escape(text[pos:start], quote=True))
        out.append(f'<mark class="{css_class}">{html.escape(text[start:end], quote=True)}</mark>')
        pos = end
    out.append(html.escape(text[pos:], quote=True))
    return "".join(out)


def _severity_class(severity: str) -> str:
    return severity if severity in SEVERITIES else "other"


def _table(rows: list[dict], columns: list[str], cell=None, empty: str = "None.") -> str:
    """A plain table; ``cell(column, value)`` may return markup for a cell (else it is escaped)."""
    if not rows:
        return f'<p class="empty">{html.escape(empty)}</p>'
    # Underscores become spaces on screen only, so long column names can wrap.
    head = "".join(f'<th scope="col">{_esc(c.replace("_", " "))}</th>' for c in columns)
    body = []
    for row in rows:
        tds = []
        for c in columns:
            value = row.get(c)
            numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
            inner = cell(c, value) if cell else None
            # Long text gets room to breathe instead of wrapping one word per line.
            long_text = isinstance(value, str) and len(value) > 24
            attr = ' class="num"' if numeric else ' class="long"' if long_text else ""
            tds.append(f"<td{attr}>{inner if inner is not None else _esc(value)}</td>")
        body.append("<tr>" + "".join(tds) + "</tr>")
    return ('<div class="table-wrap"><table><thead><tr>' + head + "</tr></thead><tbody>"
            + "\n".join(body) + "</tbody></table></div>")


def _totals(data: ReportData, findings: list[dict], doc_count: int) -> str:
    counts = Counter(str(f.get("severity", "")) for f in findings)
    cards = [("docs", doc_count, "documents checked"),
             *((s, counts.get(s, 0), {"error": "errors", "warning": "warnings",
                                     "info": "notes"}[s]) for s in SEVERITIES),
             ("failed", len(data.errors), "documents failed")]
    items = "".join(f'<li class="card card-{kind}"><span class="n">{n}</span>'
                    f'<span class="label">{label}</span></li>' for kind, n, label in cards)
    return f'<ul class="totals" aria-label="Totals">{items}</ul>'


def _summary(data: ReportData, anchors: dict[str, str]) -> str:
    columns = [str(c) for c in data.summary.columns]

    def cell(column: str, value: Any) -> str | None:
        if column == "doc_id" and str(value) in anchors:
            return f'<a href="#{anchors[str(value)]}">{_esc(value)}</a>'
        if column == "status" and not is_missing(value):
            kind = re.sub(r"[^a-z-]", "", str(value).lower())
            return f'<span class="status status-{kind}">{_esc(value)}</span>'
        return None

    return _table(frame_records(data.summary), columns, cell, "No document was checked.")


def _filters(findings: list[dict]) -> str:
    if not findings:
        return ""
    sev = Counter(str(f.get("severity", "")) for f in findings)
    checks = Counter(str(f.get("check", "")) for f in findings)

    def box(group: str, value: str, n: int, extra: str = "") -> str:
        return (f'<label class="chip {extra}"><input type="checkbox" name="{group}" '
                f'value="{_esc(value)}" checked> {_esc(value)} <span class="n">{n}</span></label>')

    sev_boxes = "".join(box("severity", s, sev[s], f"sev-{_severity_class(s)}")
                        for s in sorted(sev, key=lambda s: -SEVERITY_RANK.get(s, -1)))
    check_boxes = "".join(box("check", c, checks[c]) for c in sorted(checks))
    return ('<form id="filters" class="filters" hidden aria-label="Filter findings">'
            f'<fieldset><legend>Severity</legend>{sev_boxes}</fieldset>'
            f'<fieldset><legend>Check</legend>{check_boxes}</fieldset>'
            f'<p class="shown" aria-live="polite"><span id="shown-count">{len(findings)}</span>'
            f' of {len(findings)} findings shown</p></form>')


def _finding(f: dict) -> str:
    severity = str(f.get("severity", ""))
    src_lang, tgt_lang = str(f.get("src_lang", "") or ""), str(f.get("tgt_lang", "") or "")
    marks = {str(f.get("found") or ""): "found", str(f.get("expected") or ""): "expected"}
    marks.pop("", None)
    where = []
    if not is_missing(f.get("src_index")) and str(f.get("src_index")):
        where.append(f"{_esc(src_lang)} #{_esc(f.get('src_index'))}")
    if not is_missing(f.get("tgt_index")) and str(f.get("tgt_index")):
        where.append(f"{_esc(tgt_lang)} #{_esc(f.get('tgt_index'))}")
    concept = _esc(f.get("concept_id"))
    head = (f'<span class="badge sev-{_severity_class(severity)}">{_esc(severity)}</span>'
            f'<code class="check">{_esc(f.get("check"))}</code>'
            f'<span class="pair">{_esc(src_lang)} &rarr; {_esc(tgt_lang)}</span>'
            + (f'<span class="where">segment {" &middot; ".join(where)}</span>' if where else "")
            + (f'<span class="concept">concept {concept}</span>' if concept else ""))
    texts = []
    for side, lang in (("src", src_lang), ("tgt", tgt_lang)):
        text = f.get(f"{side}_text")
        if is_missing(text) or not str(text):
            continue
        texts.append(f'<div class="text {side}"><span class="lang">{_esc(lang)}</span>'
                     f'<p lang="{_esc(tmx_tag(lang))}">{highlight(str(text), marks)}</p></div>')
    terms = []
    if _esc(f.get("expected")):
        terms.append(f'expected <span class="term expected">{_esc(f.get("expected"))}</span>')
    if _esc(f.get("found")):
        terms.append(f'found <span class="term found">{_esc(f.get("found"))}</span>')
    return (f'<article class="finding sev-{_severity_class(severity)}" '
            f'data-severity="{_esc(severity)}" data-check="{_esc(f.get("check"))}">'
            f'<div class="f-head">{head}</div>'
            f'<p class="message">{_esc(f.get("message"))}</p>'
            + (f'<div class="texts">{"".join(texts)}</div>' if texts else "")
            + (f'<p class="terms">{" &middot; ".join(terms)}</p>' if terms else "")
            + "</article>")


def _findings(findings: list[dict], anchors: dict[str, str]) -> str:
    if not findings:
        return '<p class="empty">No findings.</p>'
    by_doc: dict[str, list[dict]] = {}
    for f in findings:
        by_doc.setdefault(str(f.get("doc_id", "")), []).append(f)
    parts = []
    for doc_id, items in by_doc.items():
        # Errors first; sorted() is stable, so the checks' own order survives within a severity.
        items = sorted(items, key=lambda f: -SEVERITY_RANK.get(str(f.get("severity")), -1))
        counts = Counter(str(f.get("severity")) for f in items)
        badges = "".join(f'<span class="badge sev-{_severity_class(s)}">{counts[s]} {_esc(s)}</span>'
                         for s in sorted(counts, key=lambda s: -SEVERITY_RANK.get(s, -1)))
        parts.append(f'<section class="doc" id="{anchors[doc_id]}">'
                     f'<h3><span class="doc-id">{_esc(doc_id)}</span>{badges}</h3>'
                     + "\n".join(_finding(f) for f in items) + "</section>")
    return ('<p class="empty" id="none-shown" hidden>No finding matches the filter.</p>'
            + "\n".join(parts))


def html_report(data: ReportData) -> str:
    """Render the report as one self-contained HTML page.

    The page shows the title and signature, totals by severity, the summary table, the findings
    grouped by document (severity colour, check id, segment indices, source and target text with
    the found and expected terms marked, message), the documents that failed, and an offline
    filter by severity and check.

    Args:
        data: The report content.

    Returns:
        The HTML text; the same data always gives the same text.
    """
    findings = frame_records(data.findings)
    anchors: dict[str, str] = {}
    for f in findings:
        anchors.setdefault(str(f.get("doc_id", "")), f"doc-{len(anchors) + 1}")
    summary_docs = (set(map(str, data.summary["doc_id"])) if "doc_id" in data.summary.columns
                    else set(anchors))
    error_columns = [str(c) for c in data.errors.columns] or ["path", "doc_id", "message"]
    return _PAGE.substitute(
        version=_esc(__version__), title=_esc(data.title), signature=_esc(data.signature),
        css=CSS, script=SCRIPT,
        totals=_totals(data, findings, len(summary_docs)),
        summary=_summary(data, anchors),
        filters=_filters(findings),
        findings=_findings(findings, anchors),
        errors=_table(frame_records(data.errors), error_columns, empty="None."),
    )


# --------------------------------------------------------------------------- inline assets
# Static strings (no data is ever interpolated into them, so they need no escaping).

CSS = """
:root { --ink:#1d2433; --muted:#5b6576; --line:#dde2ea; --bg:#f6f7f9; --card:#fff;
  --error:#b42318; --error-bg:#fef3f2; --warning:#b54708; --warning-bg:#fffaeb;
  --info:#175cd3; --info-bg:#eff8ff; --ok:#067647; --ok-bg:#ecfdf3;
  --found:#fde68a; --expected:#bbf7d0; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; background: var(--bg); color: var(--ink); line-height: 1.5;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  "Noto Sans CJK SC", "Noto Sans CJK JP", "PingFang SC", "Hiragino Sans", "Microsoft YaHei",
  "Yu Gothic", sans-serif; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .86em; }
.page-head { background: #1d2433; color: #fff; padding: 22px 32px 18px; }
.page-head h1 { margin: 0 0 6px; font-size: 1.55rem; font-weight: 650; }
.signature { margin: 0; color: #c5cbd6; font-size: .85rem; }
.signature code { color: #fff; background: rgba(255,255,255,.08); padding: 2px 6px;
  border-radius: 4px; word-break: break-all; }
main { max-width: 1440px; margin: 0 auto; padding: 8px 32px 40px; }
h2 { font-size: 1.2rem; margin: 32px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 0 0 10px; display: flex; gap: 8px; align-items: center;
  flex-wrap: wrap; }
.totals { list-style: none; display: flex; flex-wrap: wrap; gap: 12px; padding: 0; margin: 20px 0 0; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px;
  padding: 12px 18px; min-width: 150px; border-top: 4px solid var(--muted); }
.card .n { display: block; font-size: 1.8rem; font-weight: 700; line-height: 1.2; }
.card .label { color: var(--muted); font-size: .85rem; }
.card-error { border-top-color: var(--error); } .card-error .n { color: var(--error); }
.card-warning { border-top-color: var(--warning); } .card-warning .n { color: var(--warning); }
.card-info { border-top-color: var(--info); } .card-info .n { color: var(--info); }
.card-docs { border-top-color: var(--ink); }
.card-failed { border-top-color: #98a2b3; }
.table-wrap { overflow-x: auto; background: var(--card); border: 1px solid var(--line);
  border-radius: 10px; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { padding: 7px 10px; text-align: left; border-bottom: 1px solid var(--line);
  vertical-align: top; }
th { background: #eef1f5; font-weight: 600; position: sticky; top: 0; }
td:first-child, td .status { white-space: nowrap; }
tbody tr:last-child td { border-bottom: 0; }
tbody tr:nth-child(even) td { background: #fafbfc; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.long { min-width: 14em; }
a { color: var(--info); }
.status { padding: 1px 8px; border-radius: 999px; font-size: .8rem; font-weight: 600;
  background: #eef1f5; }
.status-ok, .status-pass, .status-passed, .status-clean { color: var(--ok); background: var(--ok-bg); }
.status-error, .status-errors, .status-fail, .status-failed { color: var(--error); background: var(--error-bg); }
.status-warning, .status-warnings { color: var(--warning); background: var(--warning-bg); }
.status-info { color: var(--info); background: var(--info-bg); }
.filters { background: var(--card); border: 1px solid var(--line); border-radius: 10px;
  padding: 10px 16px; margin-bottom: 18px; display: flex; flex-wrap: wrap; gap: 6px 24px;
  align-items: center; }
.filters fieldset { border: 0; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 6px;
  align-items: center; }
.filters legend { float: left; font-weight: 600; font-size: .85rem; color: var(--muted);
  margin-right: 4px; }
.chip { display: inline-flex; align-items: center; gap: 5px; border: 1px solid var(--line);
  border-radius: 999px; padding: 2px 10px; font-size: .85rem; cursor: pointer; user-select: none; }
.chip .n { color: var(--muted); font-size: .8rem; }
.chip.sev-error { border-color: #fda29b; } .chip.sev-warning { border-color: #fec84b; }
.chip.sev-info { border-color: #84caff; }
.shown { margin: 0 0 0 auto; color: var(--muted); font-size: .85rem; }
.doc { margin-bottom: 26px; }
.doc-id { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.finding { background: var(--card); border: 1px solid var(--line); border-left: 5px solid var(--muted);
  border-radius: 8px; padding: 10px 14px; margin-bottom: 10px; }
.finding.sev-error { border-left-color: var(--error); }
.finding.sev-warning { border-left-color: var(--warning); }
.finding.sev-info { border-left-color: var(--info); }
.f-head { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; font-size: .85rem;
  color: var(--muted); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: .75rem;
  font-weight: 700; text-transform: uppercase; letter-spacing: .03em; }
.badge.sev-error { color: var(--error); background: var(--error-bg); }
.badge.sev-warning { color: var(--warning); background: var(--warning-bg); }
.badge.sev-info { color: var(--info); background: var(--info-bg); }
.badge.sev-other { color: var(--muted); background: #eef1f5; }
.check { color: var(--ink); font-weight: 600; }
.message { margin: 6px 0 8px; font-weight: 500; }
.texts { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; }
@media (max-width: 800px) { .texts { grid-template-columns: 1fr; } main { padding: 8px 14px 30px; } }
.text { background: var(--bg); border-radius: 6px; padding: 6px 10px; position: relative; }
.text p { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.text .lang { float: right; margin-left: 8px; font-size: .7rem; font-weight: 700;
  color: var(--muted); text-transform: uppercase; }
mark { border-radius: 3px; padding: 0 1px; color: inherit; }
mark.found { background: var(--found); box-shadow: inset 0 -2px 0 #d97706; }
mark.expected { background: var(--expected); box-shadow: inset 0 -2px 0 #16a34a; }
.terms { margin: 8px 0 0; font-size: .85rem; color: var(--muted); }
.term { color: var(--ink); padding: 0 5px; border-radius: 4px; }
.term.expected { background: var(--expected); }
.term.found { background: var(--found); }
.empty { color: var(--muted); font-style: italic; }
footer { text-align: center; color: var(--muted); font-size: .8rem; padding: 10px 20px 30px; }
@media print { .filters { display: none !important; } .page-head { background: none; color: var(--ink); }
  .signature, .signature code { color: var(--ink); } .finding { break-inside: avoid; } }
"""

SCRIPT = """
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  form.hidden = false;
  var findings = document.querySelectorAll("article.finding");
  var docs = document.querySelectorAll("section.doc");
  function selected(name) {
    var on = Object.create(null);
    form.querySelectorAll("input[name='" + name + "']").forEach(function (box) {
      if (box.checked) { on[box.value] = true; }
    });
    return on;
  }
  function apply() {
    var sev = selected("severity"), chk = selected("check"), shown = 0;
    findings.forEach(function (f) {
      var show = sev[f.dataset.severity] === true && chk[f.dataset.check] === true;
      f.hidden = !show;
      if (show) { shown += 1; }
    });
    docs.forEach(function (d) {
      d.hidden = d.querySelector("article.finding:not([hidden])") === null;
    });
    document.getElementById("shown-count").textContent = String(shown);
    document.getElementById("none-shown").hidden = shown > 0;
  }
  form.addEventListener("change", apply);
})();
"""
