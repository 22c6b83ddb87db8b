"""The ``abstract-qa`` command: each command parses options, calls one library function, writes.

Exit codes (SPEC): 0 ran, no finding at or above --fail-on; 1 findings at or above it; 2 usage or
input error (one line on stderr, never a traceback).
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Sequence

import click

from . import __version__
from .errors import InputError, PipelineError
from .models import SEVERITY_RANK

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


def _console() -> Console:
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


def _load(inputs: Sequence[str], recursive: bool, encoding: str | None):
    from .io.readers import load_documents
    loaded = load_documents(list(inputs), recursive=recursive, encoding=encoding)
    for err in loaded.errors:
        _console().error(err.message if err.path in err.message else f"{err.path}: {err.message}")
    if not loaded.documents and loaded.errors:
        raise click.exceptions.Exit(2)
    return loaded


def _emit_table(df, format: str) -> None:
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


def _exit_code(loaded_errors: int, findings, fail_on: str) -> int:
    if loaded_errors:
        return 2
    if fail_on == "never" or findings is None or not len(findings):
        return 0
    worst = max(SEVERITY_RANK[s] for s in findings["severity"])
    return 1 if worst >= SEVERITY_RANK[fail_on] else 0


def _check_out_dir(out: Path, inputs: Sequence[str]) -> None:
    """Refuse to mix outputs with inputs (a re-run would read them as input)."""
    target = out.resolve()
    for item in inputs:
        p = Path(item).resolve()
        folder = p if p.is_dir() else p.parent
        if target == folder or (p.is_dir() and folder in target.parents):
            raise InputError("refusing to write outputs inside an input folder; choose another --out",
                             path=str(out))


# -- commands -----------------------------------------------------------------------------------

@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("--lang", type=click.Choice(["auto", "en", "zh", "ja"]), default="auto",
              show_default=True, help="Language of plain files (auto: from file names / detection).")
@click.option("--format", "format", type=click.Choice(["txt", "jsonl"]), default="txt", show_default=True)
@click.option("--presegmented", is_flag=True, help="Each input line is one segment.")
@input_options
def segment(inputs, lang, format, presegmented, recursive, encoding):
    """Split abstracts into sentence segments."""
    from .api import segment_documents
    docs, n_errors = _documents_for_lang(inputs, lang, recursive, encoding)
    df = segment_documents(docs, presegment=presegmented)
    if format == "jsonl":
        _emit_table(df, "jsonl")
    else:
        out = sys.stdout
        for text in df["text"]:
            out.write(" ".join(text.split()) + "\n")
    return _exit_code(n_errors, None, "never")


def _documents_for_lang(inputs, lang, recursive, encoding):
    """Documents as the loader reads them; with --lang, plain files are one version of that language."""
    if lang == "auto":
        loaded = _load(inputs, recursive, encoding)
        return loaded.documents, len(loaded.errors)
    from .io.readers import load_documents, load_version_file
    from .models import Document
    docs, n_errors, tables = [], 0, []
    for item in inputs:
        p = Path(item)
        if p.suffix.lower() in (".txt", ".md") and p.is_file():
            try:
                v = load_version_file(p, lang, encoding=encoding)
            except PipelineError as exc:
                _console().error(str(exc))
                n_errors += 1
                continue
            docs.append(Document(v.doc_id, (v,), str(p)))
        else:
            tables.append(item)
    if tables:
        loaded = _load(tables, recursive, encoding)
        n_errors += len(loaded.errors)
        docs += [Document(d.doc_id, tuple(v for v in d.versions if v.lang == lang), d.path)
                 for d in loaded.documents]
    if not docs and n_errors:
        raise click.exceptions.Exit(2)
    return docs, n_errors


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("--level", type=click.Choice(["document", "paragraph", "segment", "line"]),
              default="segment", show_default=True)
@click.option("--format", "format", type=click.Choice(["tsv", "jsonl"]), default="tsv", show_default=True)
@input_options
def detect(inputs, level, format, recursive, encoding):
    """Detect the language of each document, paragraph, segment or line."""
    import pandas as pd

    from .api import detect_languages, detect_lines
    if level == "line":
        frames, n_errors = [], 0
        for doc_id, text, err in _raw_texts(inputs, recursive, encoding):
            if err:
                _console().error(err)
                n_errors += 1
            else:
                frames.append(detect_lines(doc_id, text))
        if not frames and n_errors:
            return 2
        df = pd.concat(frames, ignore_index=True) if frames else detect_lines("", "")
        _emit_table(df, format)
        return 2 if n_errors else 0
    loaded = _load(inputs, recursive, encoding)
    _emit_table(detect_languages(loaded.documents, level=level), format)
    return _exit_code(len(loaded.errors), None, "never")


def _raw_texts(inputs, recursive, encoding):
    """(doc_id, text, error) per input text file or table cell, for line-level detection."""
    from .io.readers import iter_input_files, read_table_texts
    from .io.encoding import read_text
    for path in iter_input_files(list(inputs), recursive=recursive):
        try:
            if path.suffix.lower() in (".txt", ".md"):
                name = path.name[: -len(path.suffix)]
                yield name, read_text(path, encoding), None
            else:
                for doc_id, text in read_table_texts(path, encoding=encoding):
                    yield doc_id, text, None
        except PipelineError as exc:
            yield "", "", str(exc)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("--presegmented", is_flag=True, help="Each input line is one segment, used as is.")
@click.option("--format", "format", type=click.Choice(["jsonl", "vecalign", "tmx"]), default="jsonl",
              show_default=True, help="Output format for SRC TGT (stdout).")
@click.option("--glossary", "glossary", type=click.Path(), default=None,
              help="Glossary whose concepts anchor the alignment.")
@click.option("--embedder", default=None, metavar="PATH_OR_ID",
              help="Multilingual sentence-embedding model (needs abstract-qa[neural]).")
@click.option("--out", "out", type=click.Path(file_okay=False), default=None,
              help="Align all versions of each document into DIR (alignments.jsonl, aligned.tmx).")
@input_options
def align(inputs, presegmented, format, glossary, embedder, out, recursive, encoding):
    """Align SRC TGT (two versions), or all versions of each document with --out DIR."""
    from .api import align_pair, load_glossary
    glossary = load_glossary(glossary) if glossary else None
    emb = _embedder(embedder)
    if out is None:
        if len(inputs) != 2:
            raise click.UsageError("give SRC and TGT, or several inputs with --out DIR")
        from .align import format_vecalign
        from .io.readers import load_version_file
        src = load_version_file(Path(inputs[0]), encoding=encoding)
        tgt = load_version_file(Path(inputs[1]), encoding=encoding)
        alignment, src_segs, tgt_segs = align_pair(src, tgt, presegment=presegmented,
                                                   glossary=glossary, embedder=emb)
        stdout = sys.stdout
        if format == "vecalign":
            stdout.write(format_vecalign(alignment.beads))
        elif format == "tmx":
            from .io.tmx import tmx_bytes
            from .languages import join_texts
            units = [{"doc_id": alignment.doc_id, "texts": {
                src.lang: join_texts([src_segs[i].text for i in b.src], src.lang),
                tgt.lang: join_texts([tgt_segs[i].text for i in b.tgt], tgt.lang)}}
                for b in alignment.beads]
            stdout.flush()
            sys.stdout.buffer.write(tmx_bytes(units, srclang=src.lang))
        else:
            for rec in alignment.to_records():
                stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
        return 0
    from .api import check as run_check
    from .process import Settings
    _check_out_dir(Path(out), inputs)
    loaded = _load(inputs, recursive, encoding)
    report = run_check(loaded.documents, glossary, Settings(checks=frozenset(), embedder=emb,
                                                            presegmented=presegmented),
                       load_errors=loaded.errors)
    from .io.report_files import write_alignment_outputs
    write_alignment_outputs(Path(out), report)
    _console().info(f"{len(report.alignments)} beads written to {out}")
    return _exit_code(len(loaded.errors), None, "never")


def _embedder(name: str | None):
    if not name:
        return None
    from .align import load_embedder
    return load_embedder(name)


def _apply_config(ctx: click.Context, _param, value):
    """Load the project profile before the other options, so that it supplies their defaults
    and anything given on the command line still wins."""
    from .config import find_config, load_config
    path = Path(value) if value else find_config(Path.cwd())
    if path is None:
        return None
    try:
        config = load_config(path)
    except PipelineError as exc:
        raise click.BadParameter(str(exc), param_hint="--config") from None
    from .checks.registry import check_ids
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
    from .api import check as run_check
    from .api import load_glossary
    from .ignore import read_ignore, write_ignore
    from .process import Settings
    console = _console()
    out = Path(opts["out"]) if opts["out"] else None
    if out is not None:
        _check_out_dir(out, inputs)
    checks = _parse_checks(opts["checks"])
    glossary = load_glossary(glossary_source)
    ignore = read_ignore(Path(opts["ignore"])) if opts["ignore"] else frozenset()
    config = click.get_current_context().meta.get("abstract_qa.config")
    settings = Settings(checks=checks, presegmented=opts["presegmented"],
                        embedder=_embedder(opts["embedder"]), ignore=ignore,
                        severities=dict(config.severities) if config else {},
                        pairs=config.pairs if config else None)
    loaded = _load(inputs, opts["recursive"], opts["encoding"])
    report = run_check(loaded.documents, glossary, settings, load_errors=loaded.errors,
                       jobs=opts["jobs"], progress=console.progress)
    if out is not None and loaded.documents:
        from .io.report_files import write_report
        write_report(out, report)
    if opts["write_ignore"]:
        write_ignore(Path(opts["write_ignore"]), report.findings)
    if print_findings:
        cols = ["doc_id", "src_lang", "tgt_lang", "check", "severity", "src_index", "tgt_index",
                "found", "message"]
        _emit_table(report.findings[cols], "tsv")
    if print_summary:
        click.echo(format_summary(report))
    if out is not None:
        console.info(f"{len(report.findings)} findings ({report.count('error')} errors, "
                     f"{report.count('warning')} warnings) — report: {out / 'report.html'}")
    return _exit_code(len(loaded.errors), report.findings, opts["fail_on"])


def _parse_checks(value: str | None) -> frozenset[str] | None:
    if not value:
        return None
    from .checks.registry import check_ids
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
    from .checks.registry import all_checks
    seen = set()
    for spec in all_checks():
        if spec.id in seen:
            continue
        seen.add(spec.id)
        extra = " (optional: select with --checks)" if spec.optional else ""
        click.echo(f"{spec.id:<22} {spec.severity:<8} {spec.title}{extra}")
    return 0


@cli.group(cls=click.Group)
def glossary():
    """Validate, summarise or convert a glossary."""


@glossary.command("validate")
@click.argument("path", type=click.Path())
def glossary_validate(path):
    """Load a glossary and report problems (exit 1 when any is an error)."""
    from .api import load_glossary
    from .glossary import validate
    g = load_glossary(path)
    issues = validate(g)
    for issue in issues:
        click.echo(str(issue))
    n_err = sum(getattr(i, "severity", "error") == "error" for i in issues)
    _console().info(f"{g.path}: {len(g.concept_ids())} concepts, {len(g.terms)} terms, "
                    f"{len(issues)} problems")
    return 1 if n_err else 0


@glossary.command("stats")
@click.argument("path", type=click.Path())
def glossary_stats(path):
    """Concepts per language, statuses, duplicates and conflicts."""
    from .api import load_glossary
    from .glossary import stats
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

    from .api import load_glossary
    from .glossary import convert
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


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point."""
    try:
        cli.main(args=argv, prog_name="abstract-qa")
    except BrokenPipeError:
        # `abstract-qa segment x | head`: the reader left; nothing more to say.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
