"""README promises that tests can hold it to."""
from __future__ import annotations

import re
from pathlib import Path

from pipeline.checks.registry import all_checks

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def test_checks_table_matches_the_registry():
    table = README.split("<!-- checks-table")[1].split("<!-- /checks-table -->")[0]
    rows = re.findall(r"^\| `([a-z-]+)` \| (\w+) \| ([^|]+) \|", table, flags=re.M)
    registry = {}
    for spec in all_checks():
        registry.setdefault(spec.id, (spec.severity, spec.title))
    assert {r[0]: (r[1], r[2].strip()) for r in rows} == registry


def test_ci_runs_exactly_the_readme_test_command():
    blocks = re.findall(r"```bash\n(.+?)\n```", README)
    install_and_run, tests = blocks[0], blocks[1]
    assert install_and_run.endswith("abstract-qa run")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert tests in ci
