"""Commands on the stages one by one: ``segment``, ``detect``, ``align``."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..errors import PipelineError
from .base import (check_out_dir, cli, console, emit_table, exit_code, input_options,
                   load_inputs, make_embedder)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("--lang", type=click.Choice(["auto", "en", "zh", "ja"]), default="auto",
              show_default=True, help="Language of plain files (auto: from file names / detection).")
@click.option("--format", "format", type=click.Choice(["txt", "jsonl"]), default="txt", show_default=True)
@click.option("--presegmented", is_flag=True, help="Each input line is one segment.")
@input_options
def segment(inputs, lang, format, presegmented, recursive, encoding):
    """Split abstracts into sentence segments."""
    from ..api import segment_documents
    docs, n_errors = _documents_for_lang(inputs, lang, recursive, encoding)
    df = segment_documents(docs, presegment=presegmented)
    if format == "jsonl":
        emit_table(df, "jsonl")
    else:
        out = sys.stdout
        for text in df["text"]:
            out.write(" ".join(text.split()) + "\n")
    return exit_code(n_errors, None, "never")


def _documents_for_lang(inputs, lang, recursive, encoding):
    """Documents as the loader reads them; with --lang, plain files are one version of that language."""
    if lang == "auto":
        loaded = load_inputs(inputs, recursive, encoding)
        return loaded.documents, len(loaded.errors)
    from ..io.readers import load_version_file
    from ..models import Document
    docs, n_errors, tables = [], 0, []
    for item in inputs:
        p = Path(item)
        if p.suffix.lower() in (".txt", ".md") and p.is_file():
            try:
                v = load_version_file(p, lang, encoding=encoding)
            except PipelineError as exc:
                console().error(str(exc))
                n_errors += 1
                continue
            docs.append(Document(v.doc_id, (v,), str(p)))
        else:
            tables.append(item)
    if tables:
        loaded = load_inputs(tables, recursive, encoding)
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

    from ..api import detect_languages, detect_lines
    if level == "line":
        frames, n_errors = [], 0
        for doc_id, text, err in _raw_texts(inputs, recursive, encoding):
            if err:
                console().error(err)
                n_errors += 1
            else:
                frames.append(detect_lines(doc_id, text))
        if not frames and n_errors:
            return 2
        df = pd.concat(frames, ignore_index=True) if frames else detect_lines("", "")
        emit_table(df, format)
        return 2 if n_errors else 0
    loaded = load_inputs(inputs, recursive, encoding)
    emit_table(detect_languages(loaded.documents, level=level), format)
    return exit_code(len(loaded.errors), None, "never")


def _raw_texts(inputs, recursive, encoding):
    """(doc_id, text, error) per input text file or table cell, for line-level detection."""
    from ..io.readers import iter_input_files, read_table_texts
    from ..io.encoding import read_text
    for path in iter_input_files(list(inputs), recursive=recursive):
        try:
            if path.suffix.lower() in (".txt", ".md"):
                yield path.stem, read_text(path, encoding), None
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
    from ..api import align_pair, load_glossary
    glossary = load_glossary(glossary) if glossary else None
    emb = make_embedder(embedder)
    if out is None:
        if len(inputs) != 2:
            raise click.UsageError("give SRC and TGT, or several inputs with --out DIR")
        from ..align import format_vecalign
        from ..io.readers import load_version_file
        src = load_version_file(Path(inputs[0]), encoding=encoding)
        tgt = load_version_file(Path(inputs[1]), encoding=encoding)
        alignment, src_segs, tgt_segs = align_pair(src, tgt, presegment=presegmented,
                                                   glossary=glossary, embedder=emb)
        stdout = sys.stdout
        if format == "vecalign":
            stdout.write(format_vecalign(alignment.beads))
        elif format == "tmx":
            from ..io.tmx import tmx_bytes
            from ..languages import join_texts
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
    from ..api import check as run_check
    from ..process import Settings
    check_out_dir(Path(out), inputs)
    loaded = load_inputs(inputs, recursive, encoding)
    report = run_check(loaded.documents, glossary, Settings(checks=frozenset(), embedder=emb,
                                                            presegmented=presegmented),
                       load_errors=loaded.errors)
    from ..io.report_files import write_alignment_outputs
    write_alignment_outputs(Path(out), report)
    console().info(f"{len(report.alignments)} beads written to {out}")
    return exit_code(len(loaded.errors), None, "never")
