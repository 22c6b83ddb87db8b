"""The QA commands: ``check``, ``run`` and the ``checks`` listing, with project profiles."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import InputError, PipelineError
from .base import (check_out_dir, cli, console, emit_table, exit_code, input_options, load_inputs,
                   make_embedder)


def _apply_config(ctx: click.Context, _param, value):
    """Load the project profile before the other options, so that it supplies their defaults
    and anything given on the command line still wins."""
    from ..config import find_config, load_config
    path = Path(value) if value else find_config(Path.cwd())
    if path is None:
        return None
    try:
        config = load_config(path)
    except PipelineError as exc:
        raise click.BadParameter(str(exc), param_hint="--config") from None
    from ..checks.registry import check_ids
    unknown = sorted(set(config.severities) - set(check_ids()))
    if unknown:
        raise click.BadParameter(f"{path}: unknown check {', '.join(unknown)} in [severity]",
                                 param_hint="--config")
    ctx.default_map = {**(ctx.default_map or {}), **config.values}
    if "glossary" in config.values:
        ctx.default_map["glossary"] = config.values["glossary"]
    ctx.meta["abstract_qa.config"] = config
    return str(path)


def check_options(fn):
    opts = [
        click.option("--config", type=click.Path(dir_okay=False, exists=True), default=None,
                     is_eager=True, expose_value=False, callback=_apply_config,
                     help="Project profile (default: ./abstract-qa.toml or ./abstract-qa.cfg)."),
        click.option("--out", type=click.Path(file_okay=False), default=None,
                     help="Write every output file into DIR."),
        click.option("--checks", "checks", default=None, metavar="ID,...",
                     help="Run only these checks (see `abstract-qa checks`)."),
        click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
                     default="error", show_default=True,
                     help="Exit 1 when a finding at or above this severity exists."),
        click.option("--ignore", "ignore", type=click.Path(dir_okay=False), default=None,
                     help="File of finding ids to drop (see --write-ignore)."),
        click.option("--write-ignore", type=click.Path(dir_okay=False), default=None,
                     help="Write the current findings' ids to FILE as a starting ignore list."),
        click.option("--presegmented", is_flag=True, help="Each input line is one segment."),
        click.option("--embedder", default=None, metavar="PATH_OR_ID",
                     help="Sentence-embedding model for alignment (needs abstract-qa[neural])."),
        click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
                     help="Worker processes."),
    ]
    for opt in reversed(opts):
        fn = opt(fn)
    return input_options(fn)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("--glossary", "glossary", type=click.Path(), required=True)
@check_options
def check(inputs, glossary, **opts):
    """Run segmentation, detection, alignment and every check."""
    return _check_and_write(inputs, glossary, opts, print_findings=opts["out"] is None)


@cli.command()
@click.argument("inputs", nargs=-1, type=click.Path())
@click.option("--glossary", "glossary", type=click.Path(), default="glossaries", show_default=True)
@check_options
def run(inputs, glossary, **opts):
    """The main job: INPUTs (default inputs/) with the glossary into outputs/, plus a summary."""
    inputs = inputs or ("inputs",)
    opts["out"] = opts["out"] or "outputs"
    for item in inputs:
        if not Path(item).exists():
            raise InputError("no such file or directory (run from the project folder, or name "
                             "your inputs)", path=item)
    return _check_and_write(inputs, glossary, opts, print_findings=False, print_summary=True)


def _check_and_write(inputs, glossary_source, opts, *, print_findings: bool,
                     print_summary: bool = False) -> int:
    from ..api import check as run_check
    from ..api import load_glossary
    from ..ignore import read_ignore, write_ignore
    from ..process import Settings
    messages = console()
    out = Path(opts["out"]) if opts["out"] else None
    if out is not None:
        check_out_dir(out, inputs)
    checks = _parse_checks(opts["checks"])
    glossary = load_glossary(glossary_source)
    ignore = read_ignore(Path(opts["ignore"])) if opts["ignore"] else frozenset()
    config = click.get_current_context().meta.get("abstract_qa.config")
    settings = Settings(checks=checks, presegmented=opts["presegmented"],
                        embedder=make_embedder(opts["embedder"]), ignore=ignore,
                        severities=dict(config.severities) if config else {},
                        pairs=config.pairs if config else None)
    loaded = load_inputs(inputs, opts["recursive"], opts["encoding"])
    report = run_check(loaded.documents, glossary, settings, load_errors=loaded.errors,
                       jobs=opts["jobs"], progress=messages.progress)
    if out is not None and loaded.documents:
        from ..io.report_files import write_report
        write_report(out, report)
    if opts["write_ignore"]:
        write_ignore(Path(opts["write_ignore"]), report.findings)
    if print_findings:
        cols = ["doc_id", "src_lang", "tgt_lang", "check", "severity", "src_index", "tgt_index",
                "found", "message"]
        emit_table(report.findings[cols], "tsv")
    if print_summary:
        click.echo(format_summary(report))
    if out is not None:
        messages.info(f"{len(report.findings)} findings ({report.count('error')} errors, "
                     f"{report.count('warning')} warnings) — report: {out / 'report.html'}")
    return exit_code(len(loaded.errors), report.findings, opts["fail_on"])


def _parse_checks(value: str | None) -> frozenset[str] | None:
    if not value:
        return None
    from ..checks.registry import check_ids
    wanted = [c.strip() for c in value.split(",") if c.strip()]
    unknown = [c for c in wanted if c not in check_ids()]
    if unknown:
        raise click.BadParameter(f"unknown check {', '.join(unknown)} (see `abstract-qa checks`)",
                                 param_hint="--checks")
    return frozenset(wanted)


def format_summary(report) -> str:
    """The table `run` prints: one line per document and pair, then totals."""
    s = report.summary
    if not len(s):
        return "no documents"
    table = s.assign(
        pair=[f"{a}→{b}" if b else a for a, b in zip(s["src_lang"], s["tgt_lang"])],
        segments=[f"{a}/{b}" if t else str(a) for a, b, t in
                  zip(s["src_segments"], s["tgt_segments"], s["tgt_lang"])],
        terms=[f"{ok}/{seen}" if seen else "-" for ok, seen in
               zip(s["concepts_correct"], s["concepts_seen"])])
    cols = ["doc_id", "pair", "segments", "beads", "errors", "warnings", "infos", "terms", "status"]
    lines = [table[cols].to_string(index=False)]
    lines.append(f"\n{len(set(s['doc_id']))} documents, {report.count('error')} errors, "
                 f"{report.count('warning')} warnings, {report.count('info')} infos "
                 f"[{report.signature}]")
    return "\n".join(lines)


@cli.command("checks")
def list_checks():
    """List every check id with its default severity and title."""
    from ..checks.registry import all_checks
    seen = set()
    for spec in all_checks():
        if spec.id in seen:
            continue
        seen.add(spec.id)
        extra = " (optional: select with --checks)" if spec.optional else ""
        click.echo(f"{spec.id:<22} {spec.severity:<8} {spec.title}{extra}")
    return 0
