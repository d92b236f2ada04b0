"""A legacy Excel 97-2003 workbook (``.xls``) read as the ``.xlsx`` it would be saved as.

``read_series`` reads an ``.xlsx`` sheet with the checks of :mod:`idcforecast._excel_sheets`
(percent formats, merged cells, error cells, hidden rows and sheets) and
:mod:`idcforecast._excel_formulas` (values computed by formulas). An ``.xls`` workbook keeps
the same things in another format: :func:`xls_as_xlsx` reads it with ``xlrd`` (the reader
pandas uses for ``.xls``; the ``xls`` extra) and writes an ``.xlsx`` copy that holds each
cell's value, number format, the merged ranges, hidden rows, columns and sheets, and every
formula with its stored result, as Excel writes them; that copy is then read as any
``.xlsx``, so an ``.xls`` is checked as one.

``xlrd`` gives no formulas: they are found in the workbook's records here (each ``FORMULA``
record of a sheet) and their text is written back by ``xlrd``'s own formula reader
(``=D2*1.1``); a formula it cannot write out (one shared by a filled range, say) keeps its
place, noted as an ``.xls`` formula whose text was not read.
"""

from __future__ import annotations

import html
import re
import struct
from pathlib import Path
from typing import Any

from idcforecast.errors import DataError

__all__ = ["OLE2_MAGIC", "xls_as_xlsx", "xls_sheet_lines"]

OLE2_MAGIC = b"\xd0\xcf\x11\xe0"  # a legacy Excel 97-2003 (.xls) workbook (OLE2 compound file)

# BIFF record types: a substream opens with a BOF and closes with an EOF; a FORMULA record
# holds one cell's formula and its stored result
_BOF = frozenset({0x0809, 0x0409, 0x0209, 0x0009})
_EOF = 0x000A
_FORMULA = 0x0006
UNREAD_FORMULA = "[an .xls formula whose text was not read]"


def _xlrd(name: str, path: Path) -> Any:
    """The ``xlrd`` module, or a DataError saying how to get it (or do without it)."""
    try:
        import xlrd
    except ImportError:
        raise DataError(
            f"{name}: reading an .xls workbook (Excel 97-2003) needs the xlrd package: "
            "python -m pip install 'idcforecast[xls]'; or open it in Excel and save it as "
            f".xlsx, or convert it: soffice --headless --convert-to xlsx {path.name}",
            path=str(path),
        ) from None
    return xlrd


def _open(path: Path, name: str) -> Any:
    xlrd = _xlrd(name, path)
    try:
        return xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    except (xlrd.XLRDError, struct.error, AssertionError, IndexError, KeyError) as err:
        raise DataError(
            f"{name}: not a readable Excel 97-2003 workbook ({err}); expected an .xls file "
            "saved by Excel or LibreOffice; re-save it as .xlsx, or export the sheet as CSV",
            path=str(path),
        ) from err


def _formulas(book: Any, sheet_index: int) -> dict[tuple[int, int], str]:
    """``{(0-based row, 0-based column): formula text}`` of a sheet's FORMULA records."""
    from xlrd import formula as xlrd_formula

    mem = book.mem
    pos = book._sh_abs_posn[sheet_index]
    depth = 0
    found: dict[tuple[int, int], str] = {}
    while pos + 4 <= len(mem):
        kind, length = struct.unpack("<HH", mem[pos : pos + 4])
        data = mem[pos + 4 : pos + 4 + length]
        pos += 4 + length
        if kind in _BOF:
            depth += 1  # the sheet's own, or a chart's inside it
        elif kind == _EOF:
            depth -= 1
            if depth <= 0:
                break
        elif kind == _FORMULA and depth == 1 and len(data) >= 22:
            row, column = struct.unpack("<HH", data[:4])
            (size,) = struct.unpack("<H", data[20:22])
            try:
                text = xlrd_formula.decompile_formula(
                    book, data[22:], size, xlrd_formula.FMLA_TYPE_CELL, browx=row, bcolx=column
                )
            except Exception:  # a token its reader does not write out (ptgExp: shared)
                text = None
            found[row, column] = (
                _as_excel_writes(text) if isinstance(text, str) and text else (UNREAD_FORMULA)
            )
    return found


_ONE_CELL_RANGE = re.compile(r"(\$?[A-Z]{1,3}\$?\d+):\1(?![\w$])")
_WHOLE_FLOAT = re.compile(r"(?<![\w.$])(\d+)\.0(?![\d.])")


def _as_excel_writes(text: str) -> str:
    """A formula as ``xlrd`` writes it, as Excel shows it: a one-cell range of another
    sheet is the cell (``Data!B2:B2`` is ``Data!B2``), a whole number has no ``.0``
    (``C4>5.0`` is ``C4>5``); quoted text is left as it is.

    Examples
    --------
    >>> _as_excel_writes('IF(C4>5.0,Lookup!B2:B2,"2.0")')
    'IF(C4>5,Lookup!B2,"2.0")'
    """
    parts = text.split('"')
    for k in range(0, len(parts), 2):  # outside quotes
        parts[k] = _WHOLE_FLOAT.sub(r"\1", _ONE_CELL_RANGE.sub(r"\1", parts[k]))
    return '"'.join(parts)


def xls_sheet_lines(path: Path, sheet_name: str | int, rows: int) -> list[str]:
    """The first ``rows`` rows of a sheet of an ``.xls`` workbook, each its cells' text
    joined by spaces (a unit line above the header, for a hint)."""
    from idcforecast._excel_sheets import pick_sheet

    book = _open(path, path.name)
    try:
        names = book.sheet_names()
        hidden = frozenset(names[k] for k in range(len(names)) if book.sheet_by_index(k).visibility)
        sheet = book.sheet_by_name(pick_sheet(names, sheet_name, path.name, path, hidden))
        return [
            " ".join(str(v) for v in sheet.row_values(r) if v not in ("", None))
            for r in range(min(rows, sheet.nrows))
        ]
    finally:
        book.release_resources()


def xls_as_xlsx(path: Path, folder: Path, name: str) -> Path:
    """An ``.xlsx`` copy of the ``.xls`` workbook ``path``, written in ``folder``.

    Each sheet keeps its name and visibility, each cell its value (a date as a date, an
    error as the error) and number format, and the sheet its merged ranges and hidden rows
    and columns; a formula cell holds its formula and stored result, as Excel writes them.
    """
    import openpyxl
    from openpyxl.utils import get_column_letter

    book = _open(path, name)
    import xlrd

    try:
        out = openpyxl.Workbook()
        out.remove(out.active)
        formulas: dict[str, dict[tuple[int, int], tuple[str, Any, int]]] = {}
        for k, title in enumerate(book.sheet_names()):
            sheet = book.sheet_by_index(k)
            target = out.create_sheet(title)
            target.sheet_state = ("visible", "hidden", "veryHidden")[min(sheet.visibility, 2)]
            written = _formulas(book, k)
            formulas[title] = {}
            for r in range(sheet.nrows):
                for c in range(sheet.ncols):
                    cell = sheet.cell(r, c)
                    value = _value(cell, book, xlrd)
                    formula = written.get((r, c))
                    if value is None and formula is None:
                        continue
                    at = target.cell(row=r + 1, column=c + 1)
                    if formula is not None:
                        formulas[title][r, c] = (formula, value, cell.ctype)
                        at.value = 0  # a placeholder: the cell's XML is written below
                    else:
                        at.value = value
                    number_format = book.format_map[book.xf_list[cell.xf_index].format_key]
                    if number_format.format_str not in ("", "General"):
                        at.number_format = number_format.format_str
            for low_row, high_row, low_col, high_col in sheet.merged_cells:
                if high_row - low_row > 1 or high_col - low_col > 1:
                    target.merge_cells(
                        start_row=low_row + 1,
                        end_row=high_row,
                        start_column=low_col + 1,
                        end_column=high_col,
                    )
            for r, info in sheet.rowinfo_map.items():
                if info.hidden:
                    target.row_dimensions[r + 1].hidden = True
            for c, info in sheet.colinfo_map.items():
                if info.hidden:
                    target.column_dimensions[get_column_letter(c + 1)].hidden = True
        if not out.worksheets:
            out.create_sheet("Sheet1")
        copy = folder / f"{path.stem}.xlsx"
        out.save(copy)
    finally:
        book.release_resources()
    if any(formulas.values()):
        _write_formulas(copy, out, formulas)
    return copy


def _value(cell: Any, book: Any, xlrd: Any) -> Any:
    """A cell's value as openpyxl writes it: None for an empty cell, a datetime for a date,
    the error text ("#DIV/0!") for an error, a bool for a boolean."""
    kind = cell.ctype
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if kind == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
        except (xlrd.xldate.XLDateError, ValueError, OverflowError):
            return cell.value
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, "#N/A")
    if kind == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    return cell.value


def _write_formulas(
    copy: Path, book: Any, formulas: dict[str, dict[tuple[int, int], tuple[str, Any, int]]]
) -> None:
    """Each formula cell's XML in ``copy`` rewritten as Excel writes it: the formula and,
    after it, its stored result (a number, text, a boolean or an error)."""
    import zipfile

    from openpyxl.utils import get_column_letter

    parts = {ws.title: f"xl/worksheets/sheet{k + 1}.xml" for k, ws in enumerate(book.worksheets)}
    with zipfile.ZipFile(copy) as archive:
        items = [(item, archive.read(item.filename)) for item in archive.infolist()]
    rewritten = []
    for item, data in items:
        cells = next(
            (formulas[title] for title, part in parts.items() if part == item.filename), None
        )
        if cells:
            text = data.decode("utf-8")
            at_ref = {
                f"{get_column_letter(c + 1)}{r + 1}": (formula, value)
                for (r, c), (formula, value, _) in cells.items()
            }

            def rewrite(found: re.Match[str], at_ref: dict[str, tuple[str, Any]] = at_ref) -> str:
                if found[1] not in at_ref:
                    return found[0]
                formula, value = at_ref[found[1]]  # the placeholder written for it
                return _formula_cell(found[1], found[2] or "", formula, value)

            data = _CELL.sub(rewrite, text).encode("utf-8")  # one pass over the sheet
        rewritten.append((item, data))
    with zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as archive:
        for item, data in rewritten:
            archive.writestr(item, data)


_CELL = re.compile(r'<c r="([A-Z]+\d+)"( s="\d+")?[^>]*?(?:/>|>.*?</c>)')
_ERRORS = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"})


def _formula_cell(ref: str, style: str, formula: str, value: Any) -> str:
    """``<c>`` of a formula cell with its stored result, as Excel writes one."""
    f = f"<f>{html.escape(formula, quote=False)}</f>"
    if isinstance(value, bool):
        return f'<c r="{ref}"{style} t="b">{f}<v>{int(value)}</v></c>'
    if isinstance(value, str) and value in _ERRORS:
        return f'<c r="{ref}"{style} t="e">{f}<v>{value}</v></c>'
    if isinstance(value, str) or value is None:  # text, or the empty text of =IF(...,"",...)
        return f'<c r="{ref}"{style} t="str">{f}<v>{html.escape(value or "", quote=False)}</v></c>'
    if hasattr(value, "isoformat"):  # a date: its serial number, as the sheet stores it
        from openpyxl.utils.datetime import to_excel

        return f'<c r="{ref}"{style}>{f}<v>{to_excel(value)!r}</v></c>'
    return f'<c r="{ref}"{style}>{f}<v>{value!r}</v></c>'
