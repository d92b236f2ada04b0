"""What a file holds, told from its first bytes (not its name), for advice on a misnamed file.

Files are often misnamed: a system's "Excel export" that is a CSV or an HTML table named
``.xls``, an ``.xlsx`` renamed ``.xls`` by hand, an Excel 97-2003 workbook named ``.xlsx``.
:func:`what_it_holds` gives the series readers' advice on a file no reader here opens (a
legacy workbook, an .xlsx under another name, an HTML table or text saved under a
spreadsheet's name); :func:`file_kind` names what the bytes are and the suffix that reads
them, for the claims reader ("it is a CSV: rename it to claims.csv").
"""

from __future__ import annotations

import dataclasses
import re
import zipfile
from pathlib import Path

from idcforecast._xls_books import OLE2_MAGIC

__all__ = ["FileKind", "file_kind", "starts_with", "what_it_holds"]


def starts_with(path: Path, magic: bytes) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(magic)) == magic
    except OSError:
        return False


# the first bytes of what a file named .xls (or .xlsb, .ods...) holds: data portals and
# terminals export HTML tables and tab-separated text under that name
_OLE2 = OLE2_MAGIC  # a legacy Excel 97-2003 (.xls) workbook (OLE2 compound file)
_ZIP = b"PK\x03\x04"  # .xlsx, .xlsm, .xlsb, .ods
_HTML = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html|table|meta|head)\b", re.I)


def what_it_holds(path: Path) -> str:
    """The advice for a file no reader here opens, from what its first bytes are: a
    legacy workbook (save it as .xlsx, how), an .xlsx under another name (rename it), an
    HTML table or text saved under a spreadsheet's name (as web exports are: save it as
    .xlsx or CSV, or rename the text), else the general advice.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> export = pathlib.Path(tempfile.mkdtemp()) / "idc.xls"
    >>> _ = export.write_text("year;value")
    >>> advice = what_it_holds(export)
    >>> "holds text, not a workbook" in advice, "rename it idc.txt" in advice
    (True, True)
    """
    head = b""
    if path.suffix.lower() in (".xls", ".xlsb", ".ods", ".et", ""):  # sheets, WPS, no suffix
        try:
            with open(path, "rb") as handle:
                head = handle.read(2048)
        except OSError:
            pass
    if head.startswith(_OLE2):  # (one named .xls is read: this is another name's)
        return (
            f" ({path.name} is a legacy Excel 97-2003 workbook: rename it {path.stem}.xls "
            "and read that, or open it in Excel and save it as .xlsx)"
        )
    if head.startswith(_ZIP) and path.suffix.lower() in (".xls", ""):
        return (
            f" ({path.name} is a zip archive, as an .xlsx workbook is: if Excel opens it, "
            f"rename it {path.stem}.xlsx and read that)"
        )
    if _HTML.match(head):
        return (
            f" ({path.name} is a web page (HTML), not a workbook, as web exports often are: "
            "open it in Excel and save it as .xlsx, or save the table as CSV)"
        )
    if _is_text(head):
        return (
            f" ({path.name} holds text, not a workbook, as web exports often do: rename it "
            f"{path.stem}.txt (or .csv) and read that)"
        )
    return " (save it as .xlsx or CSV; or pass a DataFrame)"


def _is_text(head: bytes) -> bool:
    """Whether a file's first bytes read as text (UTF-8 or GB18030, no control characters
    but tabs and line ends; the last character may be cut)."""
    for codec in ("utf-8", "gb18030"):
        try:
            text = head.decode(codec)
        except UnicodeDecodeError:
            try:
                text = head[:-4].decode(codec)  # a character cut at 2048 bytes
            except UnicodeDecodeError:
                continue
        return bool(text.strip()) and all(c.isprintable() or c in "\t\r\n" for c in text)
    return False


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
