"""validate and stats: duplicates, conflicts and gaps a terminologist must fix."""
from pathlib import Path

from pipeline.glossary import (
    Glossary,
    Term,
    clash_table,
    load_glossary,
    stats,
    validate,
)

DATA = Path(__file__).parent / "data"


def T(concept, lang, term, status="preferred", line=None):  # capital: reads like a table row
    return Term(concept, lang, term, status, line=line)


PROBLEMS = Glossary.from_terms([
    T("pw", "en", "peer worker", line=2),
    T("pw", "en", "Peer-Worker", "admitted", line=3),          # duplicate after folding
    T("pw", "zh", "同伴工作者", line=4),
    T("ps", "zh", "同伴工作者", line=5),                         # approved for two concepts
    T("pw", "ja", "ピアワーカー", line=6),
    T("rec", "ja", "ピア・ワーカー", "deprecated", line=7),       # approved and deprecated
    T("su", "zh", "服務使用者", line=8),                         # traditional in zh
    T("dots", "ja", "・", line=9),                               # can never match
    T("old", "en", "consumer", "deprecated", line=10),          # no approved term
    T("two", "en", "recovery", line=11), T("two", "en", "recovery journey", line=12),
])


def _messages(issues, severity):
    return [i.message for i in issues if i.severity == severity]


def test_validate_reports_each_problem_once_errors_first():
    issues = validate(PROBLEMS)
    severities = [i.severity for i in issues]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    errors = _messages(issues, "error")
    assert any("'・'" in m and "no letters" in m for m in errors)
    assert any("both approved and deprecated" in m and "ピアワーカー" in m for m in errors)
    warnings = _messages(issues, "warning")
    assert any("listed 2 times" in m and "lines 2, 3" in m for m in warnings)
    assert any("approved for concepts pw, ps" in m for m in warnings)
    assert any("traditional" in m and "服務使用者" in m for m in warnings)
    assert any("no approved en term" in m and "'old'" in m for m in warnings)
    assert any("2 preferred en terms" in m for m in warnings)


def test_clean_fixture_has_no_errors_or_warnings():
    issues = validate(load_glossary(DATA / "v3.tbx"))
    assert [i for i in issues if i.severity != "info"] == []


def test_stats_counts_per_language():
    table = stats(PROBLEMS).set_index("lang")
    assert list(table.index) == ["en", "zh", "ja", "all"]
    assert table.loc["en", "terms"] == 5 and table.loc["en", "concepts"] == 3
    assert table.loc["en", "deprecated"] == 1 and table.loc["en", "no_approved"] == 1
    assert table.loc["en", "duplicates"] == 1
    assert table.loc["zh", "ambiguous"] == 1
    assert table.loc["ja", "contradictory"] == 1
    assert table.loc["all", "concepts"] == 7 and table.loc["all", "terms"] == 11


def test_clash_table_lists_concepts_and_lines():
    table = clash_table(PROBLEMS)
    row = table[table.kind == "ambiguous"].iloc[0]
    assert (row.lang, row.concept_ids, row.lines) == ("zh", "pw;ps", "4;5")
