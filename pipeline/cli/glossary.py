"""``abstract-qa glossary validate|stats|convert``."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .base import console, cli
@cli.group(cls=click.Group)
def glossary():
    """Validate, summarise or convert a glossary."""


@glossary.command("validate")
@click.argument("path", type=click.Path())
def glossary_validate(path):
    """Load a glossary and report problems (exit 1 when any is an error)."""
    from ..api import load_glossary
    from ..glossary import validate
    g = load_glossary(path)
    issues = validate(g)
    for issue in issues:
        click.echo(str(issue))
    n_err = sum(getattr(i, "severity", "error") == "error" for i in issues)
    console().info(f"{g.path}: {len(g.concept_ids())} concepts, {len(g.terms)} terms, "
                    f"{len(issues)} problems")
    return 1 if n_err else 0


@glossary.command("stats")
@click.argument("path", type=click.Path())
def glossary_stats(path):
    """Concepts per language, statuses, duplicates and conflicts."""
    from ..api import load_glossary
    from ..glossary import stats
    click.echo(stats(load_glossary(path)).to_string(index=False))
    return 0


@glossary.command("convert")
@click.argument("path", type=click.Path())
@click.option("--to", "to", type=click.Choice(["csv", "tsv", "tbx", "xlsx"]), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Output file (default: stdout, except xlsx).")
def glossary_convert(path, to, output):
    """Convert a glossary between csv, tsv, tbx and xlsx without loss."""
    import tempfile

    from ..api import load_glossary
    from ..glossary import convert
    g = load_glossary(path)
    if output:
        convert(g, to, Path(output))
        return 0
    if to == "xlsx":
        raise click.UsageError("xlsx needs -o FILE")
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / f"glossary.{to}"
        convert(g, to, target)
        sys.stdout.buffer.write(target.read_bytes())
    return 0
