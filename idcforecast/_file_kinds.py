"""What a file holds, from its first bytes, for the advice on one no reader here opens: a
legacy workbook, an .xlsx under another name, an HTML table or text saved under a
spreadsheet's name (:func:`what_it_holds`)."""

from __future__ import annotations

import re
from pathlib import Path

from idcforecast._xls_books import OLE2_MAGIC

__all__ = ["starts_with", "what_it_holds"]


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
