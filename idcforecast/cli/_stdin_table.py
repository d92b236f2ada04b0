"""A table given as ``-``: standard input's bytes, kept in a temporary file for the readers.

The readers take a path (a CSV is read twice: its separator and header, then its rows; a
workbook is a zip archive read by parts), and a pipe is read once; so the bytes piped in are
written to ``stdin.csv`` (or ``stdin.xlsx`` when they open like a zip archive, as a
workbook does, ``stdin.xls`` for a legacy workbook; ``stdin.toml`` for claims in TOML,
when the caller reads TOML) in a temporary folder, removed when the command is done.
"""

from __future__ import annotations

import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from idcforecast._xls_books import OLE2_MAGIC
from idcforecast.errors import DataError

__all__ = ["STDIN", "STDIN_NAME", "display_name", "looks_like_toml", "table_path"]

STDIN = "-"
STDIN_NAME = "standard input"
_ZIP_MAGIC = b"PK\x03\x04"  # an .xlsx/.xlsm workbook is a zip archive
_FOLDER_PREFIX = "idcforecast-stdin-"
# the first line that is no comment: a table header ("[[claims]]") or a key ("subject = ")
_TOML_START = re.compile(rb"^\s*(?:\[\[?[^\],]+\]\]?\s*(?:#.*)?$|[\w\"'.-]+\s*=)")


def looks_like_toml(data: bytes) -> bool:
    r"""True when ``data`` opens as a TOML document: its first line that is no comment is a
    table header or a ``key = value``; a CSV header ("subject,kind,...") is neither.

    Examples
    --------
    >>> looks_like_toml(b"# claims\n[[claims]]\nsubject = 'm'"), looks_like_toml(b"a = 1")
    (True, True)
    >>> looks_like_toml(b"subject,kind,year,value\nm,level,2022,3200")
    False
    """
    for line in data.lstrip(b"\xef\xbb\xbf").splitlines():
        if not line.strip() or line.lstrip().startswith(b"#"):
            continue
        return bool(_TOML_START.match(line))
    return False


def display_name(path: str | Path) -> str:
    """How messages name ``path``: "standard input" for :func:`table_path`'s temporary copy
    of it (never its "stdin.csv"), else the file's name.

    Examples
    --------
    >>> display_name("/tmp/idcforecast-stdin-x1/stdin.csv"), display_name("data/vn.csv")
    ('standard input', 'vn.csv')
    """
    file = Path(path)
    return STDIN_NAME if file.parent.name.startswith(_FOLDER_PREFIX) else file.name


@contextmanager
def table_path(file: str, what: str = "FILE", *, toml: bool = False) -> Iterator[Path]:
    """The path to read ``file`` from: itself, or for ``-`` a temporary copy of standard
    input (``stdin.csv``, or ``stdin.xlsx`` for a workbook piped in; ``stdin.toml`` for a
    TOML document when ``toml``: a claims file).

    Raises
    ------
    DataError
        For ``-`` at a terminal (nothing piped in) or an empty standard input.
    """
    if file != STDIN:
        yield Path(file)
        return
    try:
        at_terminal = sys.stdin.isatty()
        data = b"" if at_terminal else _read_stdin()
    except (OSError, ValueError):  # no standard input to read (closed)
        at_terminal, data = False, b""
    if at_terminal or not data.strip():
        found = "a terminal, nothing piped in" if at_terminal else "empty"
        raise DataError(
            f"{what} '-' reads the table from standard input, which is {found}; expected a "
            f"CSV{', a TOML document' if toml else ''} or an .xlsx workbook piped in (cmd | "
            "idcforecast ... -, or < table.csv), or a file path",
            file=file,
        )
    suffix = (
        ".xlsx"
        if data.startswith(_ZIP_MAGIC)
        else ".xls"  # a legacy Excel 97-2003 workbook (read with the xls extra)
        if data.startswith(OLE2_MAGIC)
        else ".toml"
        if toml and looks_like_toml(data)
        else ".csv"
    )
    with tempfile.TemporaryDirectory(prefix=_FOLDER_PREFIX) as folder:
        path = Path(folder) / f"stdin{suffix}"
        path.write_bytes(data)
        yield path


def _read_stdin() -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text stream (already decoded): written back as UTF-8
        return str(sys.stdin.read()).encode("utf-8")
    return bytes(stream.read())
