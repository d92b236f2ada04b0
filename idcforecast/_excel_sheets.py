"""An Excel sheet read as the user sees it: the sheet picked, cells checked and filled.

pandas reads a sheet's stored values; the functions here, given the openpyxl workbook or its
path, pick the sheet a ``sheet_name`` names (:func:`pick_sheet`), read percentage-formatted
numbers as the text shown (:func:`percent_cells_as_text`), give a vertically merged cell's
text (or year) to every row it covers (:func:`fill_vertical_merges`) and a header cell merged
down from the row above it its header (:func:`merged_header_cells`), refuse a blank that is an
Excel error or a formula without a stored result (:func:`no_blank_formulas_or_errors`)
(the rows and columns Excel hides: :mod:`idcforecast._hidden_cells`).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from idcforecast._caller import caller_stacklevel
from idcforecast.errors import DataError

if TYPE_CHECKING:
    from collections.abc import Iterator

    import pandas as pd

__all__ = [
    "fill_vertical_merges",
    "merged_across_header",
    "merged_header_cells",
    "no_blank_formulas_or_errors",
    "percent_cells_as_text",
    "pick_sheet",
    "scaled_format",
    "sheet_xml_findall",
    "warn_scaled_cells",
]


def no_blank_formulas_or_errors(
    path: Path, sheet: str, table: pd.DataFrame, header_row: int, name: str
) -> None:
    """A blank cell that holds an Excel error or a formula without a stored result is an
    error, not a gap.

    pandas reads an error cell ("#DIV/0!", "#N/A", a typed or a formula's stored result) as
    a blank, and workbooks written by programs (openpyxl, pandas) keep formulas
    uncalculated until Excel or LibreOffice saves them: read as blanks, either would become
    an interpolated gap year, the broken figure never named.
    """
    from idcforecast._cells import is_blank

    blank = table.map(is_blank).to_numpy()
    if not blank.any():
        return
    import openpyxl
    from openpyxl.utils import get_column_letter

    first = header_row + 2  # 1-based sheet row of the first data row

    def place(i: int, j: int) -> str:
        return f"{name} sheet {sheet!r} cell {get_column_letter(j + 1)}{first + i}"

    def error(i: int, j: int, value: Any, formula: str | None = None) -> DataError:
        what = f"the formula {formula!r} gives" if formula else "the cell holds"
        return DataError(
            f"{place(i, j)}: {what} the Excel error {value!r}, not a value; expected a "
            "number: fix the formula or the figure it reads, or clear the cell if the year "
            "was not published",
            place=place(i, j),
        )

    def cells(stored: bool) -> Iterator[tuple[int, int, Any]]:
        book = openpyxl.load_workbook(path, read_only=True, data_only=stored)
        try:
            rows = book[sheet].iter_rows(
                min_row=first, max_row=first + len(table) - 1, max_col=table.shape[1]
            )
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    # a formula's stored result of "" (=IF(..., "", ...)) is text and None
                    shown = cell.value is not None or getattr(cell, "data_type", None) == "str"
                    if blank[i, j] and shown:
                        yield i, j, cell
        finally:
            book.close()

    # one pass over the formulas as written: a typed error ("#N/A") is one; a formula's
    # stored result is read only when a blank cell holds a formula (a second, rarer pass)
    formulas: dict[tuple[int, int], str] = {}
    for i, j, cell in cells(stored=False):
        if getattr(cell, "data_type", None) == "e":
            raise error(i, j, cell.value)
        if isinstance(cell.value, str) and cell.value.startswith("="):
            formulas[i, j] = cell.value
    if not formulas:
        return
    results = {(i, j): cell for i, j, cell in cells(stored=True)}
    unstored = []
    for (i, j), formula in formulas.items():
        result = results.get((i, j))
        if result is not None and getattr(result, "data_type", None) == "e":
            raise error(i, j, result.value, formula)
        if result is None:  # (an empty text result is a blank the sheet shows: a blank)
            unstored.append((i, j))
    if not unstored:
        return
    i, j = unstored[0]
    raise DataError(
        f"{place(i, j)}: the formula {formulas[i, j]!r} has no stored result (the workbook "
        "was written by a program and never recalculated); expected values: open and save it "
        "in Excel or LibreOffice, or write the numbers",
        place=place(i, j),
    )


def pick_sheet(
    names: list[str],
    sheet_name: str | int,
    name: str,
    path: Path,
    hidden: frozenset[str] = frozenset(),
) -> str:
    """The sheet ``sheet_name`` (a name, or a 0-based position) names, or a typed error
    listing the workbook's sheets.

    A position counts the sheets Excel shows as tabs: the ``hidden`` ones (a lookup or
    calculation sheet hidden first in the workbook) are read by name only. Position 0,
    the default, was a hidden sheet the analyst never saw, read in silence.

    Chart sheets are tabs too (an .xlsx's, found in its workbook part, as ``names`` from
    pandas leaves them out): position 1 of "Chart, China, US" is 'China' (it read 'US').
    A chart sheet has no cells, so naming one is an error pointing to the worksheets;
    position 0, the default, is then the first worksheet shown."""
    book_tabs = _workbook_sheets(path)
    charts = frozenset(sheet for sheet, chart, _ in book_tabs if chart)
    if charts:  # a hidden chart sheet is no tab either
        hidden = hidden | frozenset(sheet for sheet, _, hides in book_tabs if hides)
        tabs = [sheet for sheet, _, _ in book_tabs if sheet not in hidden]
        picked = _picked_tab(tabs, charts, sheet_name, names, name, path)
        if picked is not None:
            return picked
    shown = [sheet for sheet in names if sheet not in hidden]
    if isinstance(sheet_name, int) and not isinstance(sheet_name, bool):
        if not charts and 0 <= sheet_name < len(shown):
            return shown[sheet_name]
    elif sheet_name in names:
        return str(sheet_name)
    every = [sheet for sheet, _, _ in book_tabs] if charts else names
    listed = ", ".join(
        f"{s!r} (hidden)" if s in hidden else f"{s!r} (chart)" if s in charts else repr(s)
        for s in every
    )
    counted = (
        f" ({len(every) - len(hidden)} shown, counted by position)" if hidden or charts else ""
    )
    raise DataError(
        f"{name}: no sheet {sheet_name!r}; expected a sheet name or a 0-based position; the "
        f"workbook holds {len(every)} sheet(s){counted}: {listed}",
        path=str(path),
        sheet=repr(sheet_name),
        valid=tuple(names),
    )


def _picked_tab(
    tabs: list[str],
    charts: frozenset[str],
    sheet_name: str | int,
    names: list[str],
    name: str,
    path: Path,
) -> str | None:
    """The worksheet ``sheet_name`` names among the shown ``tabs`` (chart sheets counted),
    None when it names no tab, or a DataError when it names a chart sheet."""
    position = isinstance(sheet_name, int) and not isinstance(sheet_name, bool)
    if position and 0 <= int(sheet_name) < len(tabs):
        tab = tabs[int(sheet_name)]
    elif not position and sheet_name in charts:
        tab = str(sheet_name)
    else:
        return None
    if tab not in charts:
        return tab
    worksheets = [sheet for sheet in tabs if sheet not in charts]
    if position and sheet_name == 0 and worksheets:
        return worksheets[0]  # the default: the first tab that has cells
    listed = ", ".join(f"{sheet!r} (position {tabs.index(sheet)})" for sheet in worksheets)
    which = f"sheet position {sheet_name} is {tab!r}," if position else f"sheet {tab!r} is"
    raise DataError(
        f"{name}: {which} a chart sheet: it holds no cells to read; expected a worksheet: "
        f"pass the sheet of the chart's data by name or position (chart sheets count as "
        f"tabs): {listed or 'none shown'}",
        path=str(path),
        sheet=repr(sheet_name),
        valid=tuple(names),
    )


_SHEET_TAG = re.compile(r"<(?:\w+:)?sheet\b([^>]*)/?>")
_ATTRIBUTE = re.compile(r'([\w:]+)="([^"]*)"')
_RELATIONSHIP_TAG = re.compile(r"<(?:\w+:)?Relationship\b([^>]*)/?>")


def _workbook_sheets(path: Path) -> list[tuple[str, bool, bool]]:
    """An .xlsx's sheets in tab order, each with whether it is a chart sheet and whether
    it is hidden ([] when the file is no such workbook)."""
    from html import unescape

    if path.suffix.lower() not in (".xlsx", ".xlsm") or not path.is_file():
        return []
    try:
        with zipfile.ZipFile(path) as book:
            workbook = book.read("xl/workbook.xml").decode("utf-8")
            rels = book.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    except (OSError, KeyError, zipfile.BadZipFile, UnicodeDecodeError):
        return []
    chart_ids = set()
    for tag in _RELATIONSHIP_TAG.findall(rels):
        attributes = dict(_ATTRIBUTE.findall(tag))
        if attributes.get("Type", "").endswith("/chartsheet"):
            chart_ids.add(attributes.get("Id"))
    sheets = []
    for tag in _SHEET_TAG.findall(workbook):
        attributes = {key.split(":")[-1]: value for key, value in _ATTRIBUTE.findall(tag)}
        if "name" in attributes:
            chart = attributes.get("id") in chart_ids
            hidden = attributes.get("state", "visible") != "visible"
            sheets.append((unescape(attributes["name"]), chart, hidden))
    return sheets


# parts of an Excel number format shown as written: "quoted text", \\x escapes, [colour]
_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def percent_cells_as_text(
    table: pd.DataFrame, worksheet: Any, header_row: int, *, units: bool = False
) -> None:
    """Numbers shown as percentages (format "0.0%") become the text Excel shows, "27.8%".

    A bare ``%`` in the format multiplies by 100 (0.278 shows as 27.8%); a quoted or escaped
    one (``0.0"%"``, ``0.0\\%``) only appends the sign (27.8 shows as 27.8%).

    pandas reads such a cell as the stored fraction (0.278), which would be taken for 0.278
    of the series' unit; the text carries the percent sign. Decimal arithmetic keeps the
    digits (0.278 -> "27.8%", not 27.800000000000004).

    With ``units``, in the same pass over the cells, numbers whose format writes a unit
    after them (``#,##0.0"亿元"``, ``0"MW"``: :func:`format_unit`) become the text shown,
    "1562.5亿元": pandas drops the unit (1562.5 read under ``unit="CNY bn"`` was 1562.5 CNY
    bn, 10x too large).
    """
    from decimal import Decimal

    first = header_row + 2  # 1-based sheet row of the table's first data row
    rows = worksheet.iter_rows(min_row=first, max_row=first + len(table) - 1)
    for i, cells in enumerate(rows):
        for j, cell in enumerate(cells[: table.shape[1]]):
            value = cell.value
            number_format = str(getattr(cell, "number_format", ""))
            if not isinstance(value, int | float) or isinstance(value, bool):
                continue
            if "%" in number_format and table.iat[i, j] == value:
                shown = Decimal(repr(value))
                if "%" in _LITERALS.sub("", number_format):
                    shown *= 100  # a bare % scales; a quoted or escaped one is only a sign
                table.iat[i, j] = f"{shown.normalize():f}%"
            elif units and ('"' in number_format or "\\" in number_format):
                unit = format_unit(number_format)  # literal text: most cells have none
                if unit is not None and table.iat[i, j] == value:  # 1.5e11 written whole
                    table.iat[i, j] = f"{Decimal(repr(value)).normalize():f}{unit}"


def format_unit(number_format: str) -> str | None:
    """The unit an Excel number format's first section writes as literal text after the
    number, when it is one to read, else None: not money without a magnitude (a currency
    sign or code alone, ``"$"#,##0``, ``#,##0"元"``, Excel's currency and accounting
    formats, says nothing of the scale the table is in), nor a count, nor with a format that
    also divides the number for display (``#,##0,"千元"``: :func:`warn_scaled_cells`).

    Examples
    --------
    >>> format_unit('#,##0.0"亿元"'), format_unit('0" MW"'), format_unit('"$"#,##0')
    ('亿元', 'MW', None)
    """
    from idcforecast.errors import IdcForecastError
    from idcforecast.units import parse_unit

    section = number_format.split(";")[0]
    if "%" in _LITERALS.sub("", section) or scaled_format(section):
        return None  # a percentage, or a number shown divided
    literal = "".join(
        part[1:-1] if part.startswith('"') else part[1:]
        for part in _LITERALS.findall(section)
        if not part.startswith("[")
    ).strip()
    if not literal or "%" in literal:
        return None
    try:
        unit = parse_unit(literal)
    except IdcForecastError:
        return None
    if unit.base == "count" or (unit.dimension == "money" and unit.magnitude is None):
        return None
    return literal


# a number format's thousands scaling: commas right after its last digit placeholder
# ("#,##0," shows 1234567 as 1,235; "0.0,,\"m\"" as 1.2m), not a grouping comma ("#,##0")
_SCALING_COMMAS = re.compile(r"[0#?](?:\.[0#?]*)?(,+)(?![0#?,])")


def scaled_format(number_format: str) -> int:
    """The power of 1,000 an Excel number format divides a number by for display (0 when it
    shows the number as stored), from its first (positive) section.

    Examples
    --------
    >>> [scaled_format(f) for f in ("#,##0", '#,##0,"k"', '0.0,,"m"', "General", '0,"x,"')]
    [0, 1, 2, 0, 1]
    """
    section = _LITERALS.sub("", number_format).split(";")[0]
    found = _SCALING_COMMAS.search(section)
    return len(found.group(1)) if found else 0


def warn_scaled_cells(
    table: pd.DataFrame, worksheet: Any, header_row: int, name: str, sheet: str
) -> None:
    """An :class:`~idcforecast.errors.AmbiguousNumberWarning` naming the number cells whose
    format shows them divided by 1,000 or 1,000,000 (``#,##0,``, ``0.0,,"m"``, as financial
    models show yuan in thousands or millions): they are read as stored (1234567), not as
    shown (1,235), and a unit chosen from what the sheet shows would be 1,000 times off."""
    import warnings

    from openpyxl.utils import get_column_letter

    from idcforecast.errors import AmbiguousNumberWarning

    first = header_row + 2  # 1-based sheet row of the table's first data row
    found = []
    rows = worksheet.iter_rows(min_row=first, max_row=first + len(table) - 1)
    for i, cells in enumerate(rows):
        for j, cell in enumerate(cells[: table.shape[1]]):
            value = cell.value
            if not isinstance(value, int | float) or isinstance(value, bool):
                continue
            number_format = str(getattr(cell, "number_format", "") or "")
            power = scaled_format(number_format)
            if power and table.iat[i, j] == value:
                found.append(
                    (f"{get_column_letter(j + 1)}{first + i}", value, power, number_format)
                )
    if not found:
        return
    shown = "; ".join(
        f"cell {ref} holds {value:,.15g}, shown divided by {1000**power:,}"
        for ref, value, power, _ in found[:3]
    ) + ("; ..." if len(found) > 3 else "")
    count = f"{len(found)} number{'s' if len(found) > 1 else ''}"
    warnings.warn(
        AmbiguousNumberWarning(
            f"{name}, sheet {sheet!r}: {count} shown divided by 1,000 or more by "
            f"{'its' if len(found) == 1 else 'their'} number format ({shown}; format "
            f"{found[0][3]!r}) {'was' if len(found) == 1 else 'were'} read as stored, not as "
            "shown; the unit given (unit=, a unit column or the header's) is taken as the "
            "stored number's: if it was chosen from what the sheet shows (thousands, "
            "millions), give the stored number's unit instead"
        ),
        stacklevel=caller_stacklevel(),
    )


_MERGE_CELL = re.compile(rb'<(?:\w+:)?mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def fill_vertical_merges(
    table: pd.DataFrame,
    header_row: int,
    path: Path,
    sheet: Any,
    year_headers: frozenset[str] = frozenset(),
) -> None:
    """A cell merged down over several rows ("China" over its segments' rows, 2019 over the
    rows of that year) gives its value to every row it covers, as the sheet shows it.

    pandas reads such a range as the value in its first row and blanks below, which would
    name the rows below "colocation" instead of "China / colocation" (or leave them without
    a series, or a year). Only vertical merges (one column) of text, and of a year in a
    column headed by one of ``year_headers`` (case-folded), are filled: a range merged
    across columns (a heading over several years) is not a value of each year, a number
    merged over rows is not each row's number, and a range that starts in the header row is
    a header's.
    """
    from idcforecast._cells import is_blank, year_label

    first = header_row + 2  # 1-based sheet row of the table's first data row
    for min_col, min_row, max_col, max_row in _merged_ranges(path, sheet):
        top = min_row - first
        if min_col != max_col or top < 0 or top >= len(table) or min_col > table.shape[1]:
            continue  # across columns, or starting in the header or above it
        j = min_col - 1
        value = table.iat[top, j]
        year = str(table.columns[j]).strip().casefold() in year_headers and (
            year_label(value) is not None
        )
        if not isinstance(value, str) and not year:
            continue  # a number merged over rows is no value of each year: left to the reader
        for i in range(top + 1, min(max_row - first + 1, len(table))):
            if is_blank(table.iat[i, j]):
                table.iat[i, j] = value


def merged_header_cells(header_row: int, path: Path, sheet: Any) -> dict[int, Any]:
    """``{0-based column: text}`` of the header cells covered by a range merged down from a
    row above the header ("地区" merged over rows 1-2, a unit heading "市场规模（亿元）"
    across the year columns of row 1 and the years in row 2): the sheet shows the text in
    the header's column, pandas reads the header cell blank. Only ranges of one column
    whose first cell holds text or a number are given."""
    header = header_row + 1  # 1-based sheet row of the header
    found: dict[int, Any] = {}
    for min_col, min_row, max_col, max_row in _merged_ranges(path, sheet):
        if min_col == max_col and min_row < header <= max_row:
            value = sheet.cell(row=min_row, column=min_col).value
            if value is not None and not (isinstance(value, str) and not value.strip()):
                found[min_col - 1] = value
    return found


def merged_across_header(header_row: int, path: Path, sheet: Any) -> dict[int, str]:
    """``{0-based column: hint}`` for the header cells covered by a range merged across
    columns from another cell ("2019" merged over its "规模" and "增速" sub-columns): pandas
    reads them blank, and the reader's "a column without a header" error says why."""
    from openpyxl.utils import get_column_letter

    header = header_row + 1  # 1-based sheet row of the header
    found: dict[int, str] = {}
    for min_col, min_row, max_col, max_row in _merged_ranges(path, sheet):
        if max_col == min_col or not min_row <= header <= max_row:
            continue
        anchor = f"{get_column_letter(min_col)}{min_row}"
        value = sheet.cell(row=min_row, column=min_col).value
        span = f"{get_column_letter(min_col)}-{get_column_letter(max_col)}"
        for column in range(min_col + 1, max_col + 1):
            found[column - 1] = (
                f" (its header cell is merged into {anchor} ({value!r}) across columns "
                f"{span}, as a heading over sub-columns is in a two-row header; expected one "
                "column per heading: delete the other sub-columns, or unmerge the cells and "
                "give each column its own header)"
            )
    return found


def sheet_xml_findall(
    path: Path, worksheet: Any, pattern: re.Pattern[bytes], overlap: int = 300
) -> set[Any]:
    """Every match of ``pattern`` in the sheet's XML part (empty when the part cannot be
    found): pandas opens workbooks read-only, where openpyxl parses neither merges nor row
    and column properties. The part is read in chunks, so a large sheet is not held in
    memory twice; the last ``overlap`` bytes of a chunk are searched again with the next
    (a match longer than that, cut at a chunk's end, is missed)."""
    part = getattr(worksheet, "_worksheet_path", None)  # openpyxl's read-only sheets
    if not part:
        return set()
    found: set[Any] = set()
    with zipfile.ZipFile(path) as archive, archive.open(part) as stream:
        tail = b""
        while chunk := stream.read(1 << 20):
            text = tail + chunk
            found.update(pattern.findall(text))
            tail = text[-overlap:]  # a tag cut at the chunk's end is found next time
    return found


def _merged_ranges(path: Path, worksheet: Any) -> list[tuple[int, int, int, int]]:
    """``(min_col, min_row, max_col, max_row)`` of the sheet's merged ranges (1-based)."""
    from openpyxl.utils import column_index_from_string

    return sorted(
        (
            column_index_from_string(c1.decode()),
            int(r1),
            column_index_from_string(c2.decode()),
            int(r2),
        )
        for c1, r1, c2, r2 in sheet_xml_findall(path, worksheet, _MERGE_CELL)
    )


def other_sheets_with_data(
    book: Any, names: list[str], sheet: str, hidden: frozenset[str]
) -> list[str]:
    """The worksheets of ``book`` (an openpyxl workbook; ``names`` its sheets in tab order)
    other than ``sheet`` that are shown and hold figures: two cells or more with a number
    (or a number written as text, "1,562.5", "1562亿元"). A tab of notes or sources, or a
    title sheet ("Overview", its release date written in words), holds none."""
    import numbers

    found = []
    for other in names:
        if other == sheet or other in hidden:
            continue
        figures = 0
        for row in book[other].iter_rows(values_only=True):
            for value in row:
                if isinstance(value, bool):
                    continue
                if isinstance(value, numbers.Real) or (
                    isinstance(value, str) and _FIGURE_TEXT.fullmatch(value)
                ):
                    figures += 1
            if figures >= 2:
                found.append(other)
                break
    return found


# a number written as text, with a unit or a percent sign after it: "1,562.5", "27.8%", "1562亿元"
_FIGURE_TEXT = re.compile(r"\s*[-+(]?\d[\d,.\s]*\)?\s*(?:%|[^\x00-\x7f\d\s]{1,3})?\s*")


def warn_unread_sheets(name: str, sheet: str, position: int, others: list[str]) -> None:
    """An UnreadSheetsWarning naming the tabs with data that a read of ``sheet`` (at
    ``position``, as ``sheet_name`` gave it) leaves unread, and how to read one."""
    if not others:
        return
    import warnings

    from idcforecast.errors import UnreadSheetsWarning

    listed = ", ".join(map(repr, others[:5])) + (
        f" and {len(others) - 5} more" if len(others) > 5 else ""
    )
    tabs = "tab" if len(others) == 1 else "tabs"
    hold = "holds" if len(others) == 1 else "hold"
    warnings.warn(
        f"{name}: read sheet {sheet!r} (sheet position {position}) only; the workbook's other "
        f"{tabs} {listed} {hold} data too, not read: pass sheet_name={others[0]!r} to read "
        f"one, or sheet_name={sheet!r} to read this one and silence this note",
        UnreadSheetsWarning,
        stacklevel=caller_stacklevel(),
    )
