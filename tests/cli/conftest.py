from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def invoke(runner):
    def run(*args: str):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return run


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the bundled default (inputs/ + glossaries/), as a newcomer's checkout has it."""
    shutil.copytree(REPO / "inputs", tmp_path / "inputs")
    shutil.copytree(REPO / "glossaries", tmp_path / "glossaries")
    return tmp_path
