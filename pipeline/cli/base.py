"""The ``abstract-qa`` group and what every command shares: console, loading, output, exit codes.

Exit codes (SPEC): 0 ran, no finding at or above --fail-on; 1 findings at or above it; 2 usage or
input error (one line on stderr, never a traceback); 3 an internal error.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Sequence

import click

from .. import __version__
from ..errors import InputError, PipelineError
from ..models import SEVERITY_RANK

CONTEXT = {"auto_envvar_prefix": "ABSTRACT_QA", "help_option_names": ["-h", "--help"],
           "max_content_width": 100}


class Console:
    """Where messages go: results on stdout, everything else on stderr."""

    def __init__(self, verbosity: int = 0) -> None:
        self.verbosity = verbosity

    def info(self, msg: str) -> None:
        if self.verbosity >= 0:
            click.echo(msg, err=True)

    def error(self, msg: str) -> None:
        click.echo(f"abstract-qa: error: {msg}", err=True)

    def progress(self, done: int, total: int) -> None:
        if self.verbosity > 0 and (done == total or done % 50 == 0):
            click.echo(f"  {done}/{total} documents", err=True)


def console() -> Console:
    return click.get_current_context().find_object(Console) or Console()


class QAGroup(click.Group):
    """Maps library errors to SPEC's exit codes: one line on stderr, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            rv = super().invoke(ctx)
        except PipelineError as exc:
            click.echo(f"abstract-qa: error: {exc}", err=True)
            ctx.exit(2)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort,
                BrokenPipeError):
            raise
        except Exception as exc:  # a bug: one line unless -vv asks for the traceback
            console = ctx.find_object(Console)
            if console is not None and console.verbosity > 1:
                raise
            click.echo(f"abstract-qa: internal error: {type(exc).__name__}: {exc} "
                       "(run with -vv for the traceback)", err=True)
            ctx.exit(3)
        if isinstance(rv, int) and ctx.parent is None:
            ctx.exit(rv)
        return rv


@click.group(cls=QAGroup, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="abstract-qa")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
@click.option("-v", "--verbose", count=True, help="Progress on stderr (-vv: tracebacks).")
@click.pass_context
def cli(ctx: click.Context, quiet: bool, verbose: int) -> None:
    """Segment, language-check, align and terminology-check en/zh/ja abstracts."""
    ctx.obj = Console(-1 if quiet else verbose)


# -- shared options ---------------------------------------------------------------------------

def input_options(fn):
    fn = click.option("--encoding", default=None, metavar="NAME",
                      help="Text encoding when not UTF-8/UTF-16 with BOM (e.g. shift_jis, gb18030).")(fn)
    fn = click.option("--recursive", "-r", is_flag=True, help="Descend into subdirectories.")(fn)
    return fn


def load_inputs(inputs: Sequence[str], recursive: bool, encoding: str | None):
    from ..io.readers import load_documents
    loaded = load_documents(list(inputs), recursive=recursive, encoding=encoding)
    for err in loaded.errors:
        console().error(err.message if err.path in err.message else f"{err.path}: {err.message}")
    if not loaded.documents and loaded.errors:
        raise click.exceptions.Exit(2)
    return loaded


def emit_table(df, format: str) -> None:
    """Write a DataFrame to stdout as TSV (tabs/newlines in text folded) or JSON lines."""
    out = sys.stdout
    if format == "jsonl":
        for rec in df.to_dict(orient="records"):
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        return
    out.write("\t".join(df.columns) + "\n")
    for rec in df.itertuples(index=False):
        out.write("\t".join(_tsv_cell(v) for v in rec) + "\n")


def _tsv_cell(value) -> str:
    text = f"{value:.4f}" if isinstance(value, float) else str(value)
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def exit_code(loaded_errors: int, findings, fail_on: str) -> int:
    if loaded_errors:
        return 2
    if fail_on == "never" or findings is None or not len(findings):
        return 0
    worst = max(SEVERITY_RANK[s] for s in findings["severity"])
    return 1 if worst >= SEVERITY_RANK[fail_on] else 0


def check_out_dir(out: Path, inputs: Sequence[str]) -> None:
    """Refuse to mix outputs with inputs (a re-run would read them as input)."""
    target = out.resolve()
    for item in inputs:
        p = Path(item).resolve()
        folder = p if p.is_dir() else p.parent
        if target == folder or (p.is_dir() and folder in target.parents):
            raise InputError("refusing to write outputs inside an input folder; choose another --out",
                             path=str(out))


# -- commands -----------------------------------------------------------------------------------


def make_embedder(name: str | None):
    if not name:
        return None
    from ..align import load_embedder
    return load_embedder(name)
