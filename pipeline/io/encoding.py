"""Turn the bytes of an input file into text, or say exactly where and why that failed.

Without an explicit encoding only what can be recognised for certain is accepted: UTF-8 (with or
without a byte-order mark) and UTF-16/UTF-32 with a byte-order mark. Guessing legacy encodings
(Shift_JIS, GB18030…) from bytes is unreliable for short abstracts, so those need ``encoding=``.
The decoded text is returned exactly as it is, newlines included, minus the BOM: segment offsets
point into it.
"""
from __future__ import annotations

import codecs
from pathlib import Path

from ..errors import InputError

# Longest first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Codecs whose encoded text legitimately contains NUL bytes.
_WIDE_CODECS = ("utf-16", "utf-32")


def read_bytes(path: Path) -> bytes:
    """Read a whole input file, turning OS errors into an InputError naming the file.

    Raises:
        InputError: the file does not exist, is a directory or cannot be read.
    """
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=str(path)) from None
    except IsADirectoryError:
        raise InputError("is a directory, expected a file", path=str(path)) from None
    except PermissionError:
        raise InputError("permission denied", path=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path=str(path)) from None


def read_text(path: Path, encoding: str | None = None) -> str:
    """Read and decode one input file.

    Args:
        path: The file to read.
        encoding: A Python codec name (``shift_jis``, ``gb18030``…) for files that are neither
            UTF-8 nor UTF-16/32 with a BOM. ``None`` accepts only those.

    Returns:
        The decoded text, unchanged except that a leading BOM is dropped.

    Raises:
        InputError: the file cannot be read, is binary, cannot be decoded (the message gives the
            byte offset into the file) or ``encoding`` is not a known codec.
    """
    data = read_bytes(path)
    if encoding is not None:
        return _decode_as(data, encoding, path)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode(data, codec, len(bom), path)
    if b"\x00" in data:
        raise InputError(_binary_message(data), path=str(path))
    return _decode(data, "utf-8", 0, path)


def _decode_as(data: bytes, encoding: str, path: Path) -> str:
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        info = None
    # bytes-to-bytes codecs (base64, rot13) are codecs too, but not text encodings.
    if info is None or not getattr(info, "_is_text_encoding", True):
        raise InputError(f"unknown encoding {encoding!r}", path=str(path))
    codec = info.name
    if not codec.startswith(_WIDE_CODECS) and b"\x00" in data:
        raise InputError(_binary_message(data), path=str(path))
    text = _decode(data, codec, 0, path, label=encoding)
    # A BOM is dropped whatever the codec (utf-8 files saved by Notepad, utf-16-le with BOM…).
    return text[1:] if text.startswith("\ufeff") else text


def _decode(data: bytes, codec: str, skip: int, path: Path, label: str | None = None) -> str:
    try:
        return data[skip:].decode(codec)
    except UnicodeDecodeError as exc:
        offset = skip + exc.start
        line = None
        if not codec.startswith(_WIDE_CODECS):
            # In ASCII-compatible encodings byte 0x0A is always a newline, so the line is exact.
            line = data[:offset].count(b"\n") + 1
        name = label or codec
        hint = "" if label else "; pass --encoding"
        raise InputError(f"cannot decode as {name} at byte {offset}{hint}", path=str(path),
                         line=line) from None


def _binary_message(data: bytes) -> str:
    # UTF-16 without a BOM is the usual reason for NULs in a text file: say so, it is fixable.
    head = data[:512]
    if len(head) >= 4:
        even_nuls = head[0::2].count(0) / len(head[0::2])
        odd_nuls = head[1::2].count(0) / len(head[1::2])
        if odd_nuls > 0.3 and even_nuls < 0.05:
            return "binary file (looks like UTF-16-LE without a byte-order mark; " \
                   "pass --encoding utf-16-le)"
        if even_nuls > 0.3 and odd_nuls < 0.05:
            return "binary file (looks like UTF-16-BE without a byte-order mark; " \
                   "pass --encoding utf-16-be)"
    return "binary file"
