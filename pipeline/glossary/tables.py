"""Read and write glossary tables: csv, tsv (any text encoding rule of SPEC) and xlsx."""
from __future__ import annotations

import csv
import io
import warnings
from collections.abc import Iterator
from operator import itemgetter
from pathlib import Path

from ..errors import GlossaryError
from .model import Term
from .rows import Row, rows_to_terms, table_to_terms

COLUMNS = ["concept_id", "lang", "term", "status", "note", "case_sensitive", "part_of_speech"]


def decode(data: bytes, path: str) -> str:
    """Decode UTF-8 (BOM optional) or BOM-marked UTF-16; name line and byte offset on failure."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encoding, skip = "utf-16", 0
    else:
        encoding, skip = "utf-8", 3 if data[:3] == b"\xef\xbb\xbf" else 0
    try:
        text = data[skip:].decode(encoding)
    except UnicodeDecodeError as exc:
        offset = exc.start + skip
        line = data[:offset].count(b"\n") + 1
        raise GlossaryError(f"cannot decode as {encoding} at byte {offset} (save the glossary "
                            "as UTF-8)", path=path, line=line) from None
    return text.lstrip("\ufeff")


def _delimiter(text: str, default: str) -> str:
    # Spreadsheet programs in many locales save "csv" with ';' or tabs; the header tells which.
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return default if counts[default] or not counts[best] else best


def text_rows(text: str, path: str, delimiter: str) -> Iterator[Row]:
    """``(line, cells)`` for each csv/tsv record; a quoted cell may span lines."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    try:
        for cells in reader:
            yield start, cells
            start = reader.line_num + 1
    except csv.Error as exc:
        raise GlossaryError(f"malformed {'tsv' if delimiter == chr(9) else 'csv'}: {exc}",
                            path=path, line=reader.line_num or start) from None


def read_text_table(data: bytes, path: str, tsv: bool = False) -> list[Term]:
    """Load the bytes of a .csv or .tsv long or wide table."""
    text = decode(data, path)
    delimiter = _delimiter(text, "\t" if tsv else ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = list(reader)
    except csv.Error:
        # Malformed somewhere: read row by row, so that a bad row before it is reported first.
        return rows_to_terms(text_rows(text, path, delimiter), path)
    if reader.line_num == len(records):  # one line per record: record i is on line i + 1
        return table_to_terms(records, path)
    rows = list(text_rows(text, path, delimiter))  # a quoted cell spans lines: track them
    return table_to_terms(list(map(itemgetter(1), rows)), path, list(map(itemgetter(0), rows)))


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx(path: Path) -> list[Term]:
    """Load the first sheet of an .xlsx workbook as a long or wide table."""
    try:
        import openpyxl
    except ImportError as exc:  # pragma: no cover - openpyxl is a core dependency
        raise GlossaryError("reading .xlsx needs openpyxl (pip install openpyxl)",
                            path=str(path)) from exc
    try:
        with warnings.catch_warnings():
            # openpyxl warns about workbook features it skips (styles, validation); none matter here.
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
            try:
                sheet = book.worksheets[0]
                records = [[_cell(v) for v in values] for values in sheet.iter_rows(values_only=True)]
            finally:
                book.close()
    except GlossaryError:
        raise
    except Exception as exc:  # noqa: BLE001 - zip, xml, openpyxl errors: "not a readable workbook"
        raise GlossaryError(f"cannot read xlsx workbook: {exc}", path=str(path)) from None
    return table_to_terms(records, str(path))


def term_record(t: Term) -> list[str]:
    """One long-table row for ``t`` in COLUMNS order."""
    return [t.concept_id, t.lang, t.term, t.status, t.note,
            "true" if t.case_sensitive else "false", t.part_of_speech]


def write_text_table(terms: tuple[Term, ...], out, delimiter: str = ",") -> None:
    """Write a long table to the open text stream ``out``."""
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(term_record(t) for t in terms)


def write_xlsx(terms: tuple[Term, ...], out: Path) -> None:
    """Write a long table as the first sheet of a new workbook.

    Raises:
        GlossaryError: a value holds a control character that worksheets cannot store.
    """
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    records = [term_record(t) for t in terms]
    # Checked before the workbook exists: a write-only workbook cannot be abandoned cleanly.
    for t, record in zip(terms, records):
        for value in record:
            if ILLEGAL_CHARACTERS_RE.search(value):
                raise GlossaryError(f"cannot write xlsx: {value!r} (concept {t.concept_id!r}) holds "
                                    "a control character that worksheets cannot store",
                                    line=t.line)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("glossary")
    sheet.append(COLUMNS)
    for record in records:
        row = []
        for value in record:
            cell = WriteOnlyCell(sheet, value=value)
            # A term or note that starts with '=' is text, not a formula.
            cell.data_type = "s"
            row.append(cell)
        sheet.append(row)
    book.save(out)
