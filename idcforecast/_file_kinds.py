"""What a file named like a workbook really holds, told from its first bytes.

A claims file is read by its suffix, and files are often misnamed: a system's "Excel
export" that is a CSV or an HTML table named ``.xls``, an ``.xlsx`` renamed ``.xls`` by
hand, an Excel 97-2003 workbook named ``.xlsx``. :func:`file_kind` names what the bytes are
and the suffix that reads them, so that an error can say "it is a CSV: rename it to
claims.csv" instead of "expected an .xlsx file".
"""

from __future__ import annotations

import dataclasses
import zipfile
from pathlib import Path

__all__ = ["FileKind", "file_kind"]

_OLE2 = bytes.fromhex("d0cf11e0a1b11ae1")  # the header of an Excel 97-2003 .xls
_SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}


@dataclasses.dataclass(frozen=True)
class FileKind:
    """What a file holds.

    Attributes
    ----------
    what
        Words for it: "an .xlsx workbook", "a CSV (comma-separated text; its first line
        is 'subject,kind,year,value')".
    suffix
        The suffix that reads it (".xlsx", ".xls", ".csv"), or None when nothing here
        reads it as it is (a web page, an .ods, a zip with no workbook, binary bytes).
    """

    what: str
    suffix: str | None


def file_kind(path: Path) -> FileKind:
    """Name what ``path`` holds from its bytes (not its name).

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / "claims.xls").write_text("subject,kind,year,value\\n")
    24
    >>> file_kind(folder / "claims.xls")
    FileKind(what="a CSV (comma-separated text; its first line is 'subject,kind,year,value')", suffix='.csv')
    """  # noqa: E501
    with path.open("rb") as handle:
        head = handle.read(4096)
    if not head:
        return FileKind("an empty file (0 bytes)", None)
    if head.startswith(_OLE2):
        return FileKind("an Excel 97-2003 workbook (.xls)", ".xls")
    if zipfile.is_zipfile(path):
        return _zip_kind(path)
    if head.startswith(b"PK\x03\x04"):  # a zip's first entry, but no readable archive
        return FileKind("a damaged zip archive (an .xlsx cut short?)", None)
    text = _as_text(head)
    if text is None:
        shown = " ".join(f"{b:02x}" for b in head[:8])
        return FileKind(f"binary data, not a workbook (its first bytes are {shown})", None)
    start = text.lstrip().lower()
    if start.startswith("<?xml") and "urn:schemas-microsoft-com:office:spreadsheet" in start:
        return FileKind("an Excel 2003 XML spreadsheet", None)
    if start.startswith(("<!doctype html", "<html", "<table", "<meta", "<head", "<body")):
        return FileKind("a web page (HTML), as some systems export 'Excel' tables", None)
    if start.startswith("<"):
        return FileKind("an XML or HTML file, not a workbook", None)
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    shown = first if len(first) <= 60 else first[:57] + "..."
    counts = {sep: first.count(sep) for sep in _SEPARATORS}
    sep = max(counts, key=lambda s: counts[s])
    if counts[sep]:
        return FileKind(
            f"a CSV ({_SEPARATORS[sep]}-separated text; its first line is {shown!r})", ".csv"
        )
    return FileKind(f"a text file (its first line is {shown!r})", None)


def _zip_kind(path: Path) -> FileKind:
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            mimetype = (
                archive.read("mimetype").decode("ascii", "replace") if ("mimetype" in names) else ""
            )
    except (zipfile.BadZipFile, OSError, KeyError):
        return FileKind("a damaged zip archive (an .xlsx cut short?)", None)
    if "xl/workbook.xml" in names or any(n.startswith("xl/") for n in names):
        return FileKind("an .xlsx workbook", ".xlsx")
    if "spreadsheet" in mimetype:
        return FileKind("an OpenDocument spreadsheet (.ods)", None)
    listed = ", ".join(names[:3]) + (", ..." if len(names) > 3 else "")
    return FileKind(f"a zip archive with no workbook in it (it holds {listed or 'nothing'})", None)


def _as_text(head: bytes) -> str | None:
    """The bytes as text when they read as text (UTF-8, UTF-16 with its mark, GB18030),
    None for binary bytes."""
    if len(head) == 4096 and b"\n" in head:  # whole lines: a character may be cut at the end
        head = head[: head.rindex(b"\n") + 1]
    codecs = ["utf-16"] if head.startswith((b"\xff\xfe", b"\xfe\xff")) else ["utf-8", "gb18030"]
    for codec in codecs:
        try:
            text = head.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            return None
        return text.lstrip("\ufeff")
    return None
