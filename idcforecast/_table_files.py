"""Reading a CSV, Excel sheet or DataFrame into a raw table of cells, for ``read_series``.

Format options (``sep``, ``header_row``, ``encoding``) are applied here (checked by
:mod:`idcforecast._format_options`); the cells are read by :mod:`idcforecast._cells`
and the layouts by :mod:`idcforecast.io`. Every table comes with a function naming the
place of a cell in the user's own terms ("sales.csv row 4, column 'value'", "x.xlsx
sheet 'S' cell C3"), row numbers as in the file.

The parts :func:`read_table` relies on live beside it: :mod:`idcforecast._text_files`
(encodings, decoding errors, the separator and ragged lines of a CSV),
:mod:`idcforecast._excel_sheets` (sheet picking, percent cells, merged cells, formula and
error cells), :mod:`idcforecast._table_headers` (tidied headers, header hints) and
:mod:`idcforecast._table_footnotes` (footnote rows under the table). A unit stated on a
line above the header is found by :func:`idcforecast._unit_lines.unit_line_above`.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from idcforecast._cells import is_blank
from idcforecast._excel_formulas import formula_cells
from idcforecast._excel_sheets import (
    _merged_ranges,
    fill_vertical_merges,
    merged_across_header,
    merged_header_cells,
    no_blank_formulas_or_errors,
    other_sheets_with_data,
    percent_cells_as_text,
    pick_sheet,
    warn_scaled_cells,
    warn_unread_sheets,
)
from idcforecast._file_kinds import starts_with, what_it_holds
from idcforecast._footnoted_years import with_footnoted_years
from idcforecast._header_brackets import with_bracket_cells_joined
from idcforecast._hidden_cells import hidden_cells, warn_hidden_cells
from idcforecast._statista_years import years_under_characteristic
from idcforecast._table_footnotes import without_footnotes
from idcforecast._table_headers import (
    HEADER_ALIASES,
    is_headerless,
    tidy_headers,
    without_unused_columns,
)
from idcforecast._text_files import (
    decode_error,
    detect_separator,
    excel_sep_line,
    file_encoding,
    first_ragged_line,
    legacy_as_utf8_error,
    not_utf8_error,
    text_codec,
)
from idcforecast._traditional_yuan import SIGNS as TRADITIONAL_YUAN
from idcforecast._traditional_yuan import check_file_traditional_yuan, check_traditional_yuan
from idcforecast._unit_headings import headings_above
from idcforecast._xls_books import OLE2_MAGIC
from idcforecast._yen_signs import SIGNS as YEN_SIGNS
from idcforecast._yen_signs import check_file_yen_signs, check_yen_signs, signs_in_file
from idcforecast.errors import DataError, EmptyDataError, IdcForecastError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["read_table", "require_rows", "row_place"]


def _text_dtypes(
    path: Path,
    sep: str,
    header_row: int,
    encoding: str,
    text_columns: tuple[str, ...] | Callable[[str], bool],
) -> dict[str, type]:
    """``read_csv``'s dtype for a typed read: ``str`` for the text columns."""
    if not callable(text_columns):
        return dict.fromkeys(text_columns, str)
    import pandas as pd

    header = pd.read_csv(
        path, sep=sep, skiprows=header_row, nrows=0, encoding=text_codec(encoding)
    ).columns
    return {name: str for name in header if text_columns(str(name))}


def read_table(
    source: Any,
    *,
    sheet_name: str | int,
    source_name: str | None,
    sep: str | None = None,
    header_row: int = 0,
    typed: bool = False,
    text_columns: tuple[str, ...] | Callable[[str], bool] = (),
    known_columns: tuple[str, ...] = (),
    encoding: str = "utf-8",
    year_column: str = "year",
    warn_hidden: bool = True,
) -> tuple[pd.DataFrame, str, Any]:
    """The raw table (object cells) and a function (row position, column) -> place text.

    With ``typed``, a comma-separated CSV's columns are parsed by pandas (a column of plain
    numbers becomes float or int, an empty field NaN; text columns stay text): several times
    faster on large files, for callers that read numbers only with ``.`` as the decimal
    mark. A file separated by ``;``, a tab or ``|`` stays text even then, so that its
    decimal mark is told from its cells as :func:`idcforecast.read_series` tells it
    (``"1,5"``: a decimal comma). Columns named
    in ``text_columns`` (or for which it returns True, when it is a function of the header)
    stay text even then (ids such as "001" keep their zeros).

    Headers lose surrounding spaces, and one spelled as a name of ``known_columns`` in other
    letter case ("Unit", "YEAR") or in other words ("单位", "Sources": ``HEADER_ALIASES``)
    takes that name; a header repeated in the file is an error
    (pandas would rename the second "2020" to "2020.1" and its column would be ignored).
    In a workbook, a cell merged down over rows gives them its text, or its year in the
    column headed ``year_column`` ("year", "年份"...): see ``fill_vertical_merges``.
    A sheet's hidden rows and columns are named in a ``HiddenCellsWarning`` (with
    ``warn_hidden=False``, kept in ``table.attrs["hidden"]`` for the caller to name:
    ``(table position, Excel row)`` pairs and ``(column or None, label)`` pairs).
    """
    import pandas as pd

    if isinstance(source, pd.DataFrame):
        name = source_name or "DataFrame"
        require_rows(source, name)
        table = source.reset_index(drop=True)
        labels = list(source.index)
        if table.columns.duplicated().any():
            raise DataError(f"{name}: duplicate column names; expected unique headers")
        if isinstance(table.columns, pd.MultiIndex):
            raise DataError(
                f"{name}: the columns have {table.columns.nlevels} header rows; expected one "
                "header row; flatten them first, e.g. frame.columns = "
                "frame.columns.get_level_values(0)",
                source=name,
            )

        unnamed = {c: j for j, c in enumerate(table.columns) if is_headerless(c)}
        table = tidy_headers(
            without_unused_columns(table, unnamed), known_columns, name, raw_header=None
        )

        by_year = bool(source.attrs.get("year_index"))  # a Series read by read_series
        repeated = len(set(map(str, labels))) < len(labels)  # places must differ

        def place_df(i: int, column: Any = None) -> str:
            if by_year:  # "Series 'cidc' year 2020", not "DataFrame row 1, column 'value'"
                return f"{name} year {labels[i]}" + (f" (entry {i + 1})" if repeated else "")
            row = f"{name} row {labels[i]!r}"
            return row if column is None else f"{row}, column {column!r}"

        return table, name, place_df
    path = Path(source)
    name = source_name or path.name
    if not path.is_file():
        found = (
            "a directory, not a file"
            if path.is_dir()
            else "not a regular file (a pipe or a device, which is read once: save it to a "
            "file and pass that)"
            if path.exists()  # was "no such file" for <(cmd) or /dev/stdin
            else "no such file"
        )
        folder = (
            " (read_series and --data on show, forecast and report read a folder's files "
            "joined; for a batch, put the folder's series in one long or wide file)"
            if path.is_dir()
            else ""
        )
        raise DataError(
            f"{path}: {found}; expected a CSV or Excel file path or a DataFrame{folder}",
            path=str(path),
        )
    suffix = path.suffix.lower()
    if suffix == ".xls" and starts_with(path, OLE2_MAGIC):
        # a legacy workbook: read as the .xlsx it would be saved as, with the same checks
        import tempfile

        from idcforecast._xls_books import xls_as_xlsx

        with tempfile.TemporaryDirectory(prefix="idcforecast-xls-") as folder:
            return read_table(
                xls_as_xlsx(path, Path(folder), name),
                sheet_name=sheet_name,
                source_name=name,
                sep=sep,
                header_row=header_row,
                typed=typed,
                text_columns=text_columns,
                known_columns=known_columns,
                encoding=encoding,
                year_column=year_column,
                warn_hidden=warn_hidden,
            )
    sheet, sheets = None, []
    unread: list[str] = []  # a workbook's other tabs with data, when read by position
    hidden_rows: list[int] = []
    hidden_columns: list[tuple[int, str]] = []
    formulas: dict[tuple[int, int], str] = {}
    merged_across: dict[int, str] = {}  # header cells merged across columns: their hint
    heading_at: list[tuple[tuple[int, int, int, int], Any]] = []  # merged right above it
    above_header: list[Any] = []
    rows_above: list[tuple[Any, ...]] = []  # a sheet's rows above its header: titles, units
    raw_header: list[Any] = []
    try:
        if suffix in (".csv", ".txt"):
            # blank lines stay rows so that row numbers match the file's lines; a row longer
            # than the header must fail, not silently become an index (index_col=False)
            encoding = file_encoding(path, encoding)
            misread = not_utf8_error(name, path, encoding) or legacy_as_utf8_error(
                name, path, encoding
            )
            if misread is not None:
                raise misread
            said = excel_sep_line(path, encoding)  # "sep=;", Excel's line above the header
            if said is not None:
                sep = said if sep is None else sep
                header_row = max(header_row, 1)
            header_row += _blank_lines_from(path, header_row, encoding)  # margins above
            sep = sep if sep is not None else detect_separator(path, header_row, encoding)
            # a ';' (tab, '|') file stays text: its decimal mark is checked on the cells
            typed = typed and sep == ","
            with warnings.catch_warnings():
                warnings.simplefilter("error", pd.errors.ParserWarning)
                table = pd.read_csv(
                    path,
                    sep=sep,
                    skiprows=header_row,
                    dtype=_text_dtypes(path, sep, header_row, encoding, text_columns)
                    if typed
                    else str,
                    keep_default_na=False,
                    na_values=[""] if typed else None,
                    low_memory=not typed,  # one type per column, not per chunk
                    skip_blank_lines=False,
                    index_col=False,
                    encoding=text_codec(encoding),
                )
                table.attrs["sep"] = sep  # for read_series' decimal-mark check
                raw_header = (
                    pd.read_csv(
                        path,
                        sep=sep,
                        skiprows=header_row,
                        header=None,
                        nrows=1,
                        dtype=str,
                        keep_default_na=False,
                        encoding=text_codec(encoding),
                    )
                    .iloc[0]
                    .tolist()
                )
                # "Market size (CNY bn, est.)" unquoted: one column again, or an error
                table, raw_header = with_bracket_cells_joined(
                    table, raw_header, sep, name, header_row + 1
                )
                if header_row > 0:  # the row above the header, for a blank header's hint
                    above_header = _row_above(path, sep, header_row, encoding)
        elif suffix in (".xlsx", ".xlsm"):
            with pd.ExcelFile(path, engine="openpyxl") as book:
                sheets = list(book.sheet_names)
                hidden = frozenset(
                    ws.title for ws in book.book.worksheets if ws.sheet_state != "visible"
                )
                sheet = pick_sheet(sheets, sheet_name, name, path, hidden)
                if not isinstance(sheet_name, str):  # by position: the others unread, unsaid
                    unread = other_sheets_with_data(book.book, sheets, sheet, hidden)
                header_row += _blank_rows_from(book.book[sheet], header_row)  # margins above
                table = pd.read_excel(
                    book,
                    sheet_name=sheet,
                    header=header_row,
                    dtype=object,
                    keep_default_na=False,
                )
                # a header cell merged down from the row above is that cell's header
                merged_header = merged_header_cells(header_row, path, book.book[sheet])
                merged_across = merged_across_header(header_row, path, book.book[sheet])
                table = table.rename(
                    columns={
                        table.columns[j]: value
                        for j, value in merged_header.items()
                        if j < table.shape[1] and str(table.columns[j]).startswith("Unnamed: ")
                    }
                )
                # "27.8%" and, with units, 0.0"亿元": the text the sheet shows
                percent_cells_as_text(table, book.book[sheet], header_row, units=True)
                warn_scaled_cells(table, book.book[sheet], header_row, name, sheet)
                # a year merged down over its rows is every row's year
                year_headers = frozenset(
                    name.casefold()
                    for name in (year_column, "year", *HEADER_ALIASES)
                    if name in (year_column, "year") or HEADER_ALIASES[name] == "year"
                )
                fill_vertical_merges(table, header_row, path, book.book[sheet], year_headers)
                no_blank_formulas_or_errors(path, sheet, table, header_row, name)
                worksheet = book.book[sheet]
                formulas = formula_cells(path, worksheet)
                hidden_rows, hidden_columns = hidden_cells(table, worksheet, path, header_row)
                if warn_hidden:
                    warn_hidden_cells(name, sheet, hidden_rows, (c for _, c in hidden_columns))
                raw_header = [
                    cell.value for cell in next(worksheet.iter_rows(min_row=header_row + 1), ())
                ]
                _no_unstored_header_formulas(formulas, raw_header, header_row, name, sheet)
                if header_row > 0:  # the row above the header, for a blank header's hint
                    above_header = [
                        cell.value for cell in next(worksheet.iter_rows(min_row=header_row), ())
                    ]
                    rows_above = list(worksheet.iter_rows(max_row=header_row, values_only=True))
                    heading_at = headings_above(
                        _merged_ranges(path, worksheet), worksheet, header_row
                    )
                for j, value in merged_header.items():
                    if j < table.shape[1]:
                        raw_header += [None] * (j + 1 - len(raw_header))
                        raw_header[j] = value if is_blank(raw_header[j]) else raw_header[j]
        else:
            raise DataError(
                f"{name}: cannot read {suffix or 'extensionless'} files; expected .csv, "
                f".txt, .xlsx, .xlsm or .xls{what_it_holds(path)}",
                path=str(path),
            )
    except pd.errors.EmptyDataError:
        table = pd.DataFrame()
    except UnicodeDecodeError as err:
        raise decode_error(name, path, encoding, err) from err
    except (pd.errors.ParserError, pd.errors.ParserWarning) as err:
        title_hint = (
            " (a title or note above the header? pass header_row=N, the 0-based row of the header)"
            if header_row == 0
            else ""
        )
        ragged = first_ragged_line(path, sep or ",", header_row, encoding)
        if ragged is not None and ragged[2] == 1:
            line, fields, _ = ragged  # one field above: a title line, the header below
            title_hint = (
                f"; line {line} has {fields} fields, the lines above it one: a title above the "
                f"header? if line {line} is the header, pass header_row={line - 1}"
            )
        elif ragged is not None:
            line, fields, width = ragged
            title_hint = (
                f"; line {line} has {fields} fields, the header {width}: quote a cell that "
                f'holds the separator {sep or ","!r} ("1,562.5"){title_hint}'
            )
        detail = " ".join(str(err).split())  # pandas' message spans lines
        # pandas' "Try engine='python'" names a read_csv option no reader here takes (and the
        # command line turned it into --engine python, forecast-many's batch engine option)
        detail = re.sub(r"[.;,]?\s*Try engine='python'\.?", "", detail)
        raise DataError(
            f"{name}: not a well-formed CSV ({detail}); expected one header row and the same "
            f"number of fields on every row{title_hint}",
            path=str(path),
        ) from err
    except (zipfile.BadZipFile, KeyError, SyntaxError) as err:
        # .xlsx is a zip archive of XML parts; openpyxl lets through a bad zip, a zip without
        # the workbook parts (KeyError: an .ods renamed) and broken XML (a SyntaxError)
        if suffix not in (".xlsx", ".xlsm"):
            raise
        raise DataError(
            f"{name}: not a readable Excel workbook ({err}); expected an .xlsx/.xlsm file "
            "saved by Excel or LibreOffice; re-save it as .xlsx, or export the sheet as CSV",
            path=str(path),
        ) from err
    except (IndexError, ValueError) as err:
        if isinstance(err, IdcForecastError):
            raise
        raise DataError(
            f"{name}: cannot read sheet {sheet_name!r} ({err}); expected an existing sheet "
            "name or 0-based index",
            path=str(path),
        ) from err
    from openpyxl.utils import column_index_from_string, get_column_letter

    # spreadsheet letters of the columns as read, before unused ones are dropped
    letters = {c: get_column_letter(j + 1) for j, c in enumerate(table.columns)}
    headerless = {
        c: j for j, c in enumerate(table.columns) if j >= len(raw_header) or is_blank(raw_header[j])
    }
    table = without_unused_columns(table, headerless)
    as_read = list(table.columns)
    table = tidy_headers(table, known_columns, name, raw_header=raw_header, above=above_header)
    table, year_note = years_under_characteristic(table, year_column)  # Statista's
    letters = {new: letters[old] for old, new in zip(as_read, table.columns, strict=True)}
    # the header as written, for a column read under another name ('年份' as 'year')
    written = {new: old for old, new in zip(as_read, table.columns, strict=True)}
    if sheet is None:
        require_rows(table, name, header_row)

        def place_file(i: int, column: Any = None) -> str:
            if column in headerless:  # pandas' 'Unnamed: 2' is no name the user wrote
                row = row_place(name, i, header_row=header_row)
                return f"{row}, column {headerless[column] + 1} (no header)"
            return row_place(name, i, written.get(column, column), header_row=header_row)

        table = without_footnotes(table, name, place_file)
        table = with_footnoted_years(table, year_column)  # "2019*" over "* Forecast"
        table.attrs["above_header"] = above_header
        table.attrs["header_row"] = header_row
        table.attrs["year_note"] = year_note
        _check_file_currency_signs(path, name, text_codec(encoding))
        return table, name, place_file
    others = [s for s in sheets if s != sheet]
    hint = f" (the workbook also holds {', '.join(map(repr, others))}: pass sheet_name=)"
    require_rows(table, f"{name} sheet {sheet!r}", header_row, hint if others else "")

    def place_sheet(i: int, column: Any = None) -> str:
        if column is None:
            return f"{name} sheet {sheet!r} row {i + 2 + header_row}"
        if column not in letters:  # renamed since: "value (CNY bn)" is read as "value"
            return f"{name} sheet {sheet!r} row {i + 2 + header_row}, column {column!r}"
        return f"{name} sheet {sheet!r} cell {letters[column]}{i + 2 + header_row}"

    table = without_footnotes(table, name, place_sheet)
    table = with_footnoted_years(table, year_column)  # "2019*" over "* Forecast"
    if unread:
        warn_unread_sheets(name, sheet, int(sheet_name), unread)
    _check_sheet_currency_signs(table, name, place_sheet, raw_header, rows_above, sheet)
    table.attrs["workbook"] = True  # text cells "1.562": file_decimal_mark's warning
    table.attrs["year_note"] = year_note
    table.attrs["above_header"] = above_header
    table.attrs["merged_across_header"] = merged_across
    table.attrs["header_row"] = header_row
    if heading_at:  # "RMB bn" merged over the year columns: their unit
        from idcforecast._cells import estimate_year, year_label
        from idcforecast._unit_headings import merged_unit_heading

        column_of = {c: column_index_from_string(letters[c]) - 1 for c in table.columns}
        years = [
            column_of[c]
            for c in table.columns
            if year_label(c) is not None or estimate_year(c) is not None
        ]
        heading = merged_unit_heading(heading_at, years)
        if heading is not None:
            table.attrs["unit_heading"] = heading
    if hidden_rows or hidden_columns:  # by table position and column, for read_series
        column_at = {column_index_from_string(letters[c]): c for c in table.columns}
        table.attrs["sheet"] = sheet
        table.attrs["hidden"] = (
            [(row - header_row - 2, row) for row in hidden_rows],
            [(column_at.get(j), label) for j, label in hidden_columns],
        )
    if formulas:  # by 0-based (row, column) position in the table, for read_series' notes
        position = {column_index_from_string(letters[c]): j for j, c in enumerate(table.columns)}
        first = header_row + 2  # 1-based sheet row of the first data row
        table.attrs["formulas"] = {
            (row - first, position[column]): formula
            for (row, column), formula in formulas.items()
            if 0 <= row - first < len(table) and column in position
        }
    return table, name, place_sheet


def _check_file_currency_signs(path: Path, name: str, codec: str) -> None:
    """The checks of a text file's bare "¥" (yuan, or yen in a Japanese file) and bare
    億元 / 萬元 (yuan, or a Taiwan or Hong Kong dollar), when its bytes hold one: a file
    without either costs one bytes search."""
    found = signs_in_file(path, codec, (*YEN_SIGNS, *TRADITIONAL_YUAN))
    if not found:
        return
    text = path.read_text(encoding=codec, errors="replace")
    if found & set(YEN_SIGNS):  # "¥bn": yuan, or yen in Japan
        check_file_yen_signs(text, name)
    if found & set(TRADITIONAL_YUAN):  # "億元": yuan, or a Taiwan or Hong Kong dollar
        check_file_traditional_yuan(text, name)


def _check_sheet_currency_signs(
    table: pd.DataFrame,
    name: str,
    place_of: Callable[..., str],
    header: list[Any],
    rows_above: list[tuple[Any, ...]],
    sheet: str,
) -> None:
    """:func:`~idcforecast._yen_signs.check_yen_signs` and
    :func:`~idcforecast._traditional_yuan.check_traditional_yuan` on a sheet's text: its
    rows above the header, its header, its text cells and the footnotes under it."""
    texts = [("the file name", name), ("the sheet name", sheet)]
    texts += [
        (f"{name} sheet {sheet!r} row {i}", " ".join(str(c) for c in row if not is_blank(c)))
        for i, row in enumerate(rows_above, start=1)
    ]
    texts.append((f"{name} sheet {sheet!r} header", " ".join(str(c) for c in header if c)))
    for column in table.columns:
        cells = table[column]
        if cells.dtype != object:
            continue
        texts.extend(
            (place_of(i, column), cell) for i, cell in enumerate(cells) if isinstance(cell, str)
        )
    texts.extend(
        (f"{name} sheet {sheet!r} footnote", note) for note in table.attrs.get("footnotes", ())
    )
    check_yen_signs(texts, name)
    check_traditional_yuan(texts, name)


def _no_unstored_header_formulas(
    formulas: dict[tuple[int, int], str],
    raw_header: list[Any],
    header_row: int,
    name: str,
    sheet: str,
) -> None:
    """A DataError for a header cell whose formula has no stored result (a year header
    written as =B1+1 by a program, never recalculated): read blank, its column was called
    one "without a header"."""
    from openpyxl.utils import get_column_letter

    row = header_row + 1  # 1-based sheet row of the header
    for (r, column), formula in sorted(formulas.items()):
        if r == row and (column > len(raw_header) or raw_header[column - 1] is None):
            place = f"{name} sheet {sheet!r} cell {get_column_letter(column)}{row}"
            raise DataError(
                f"{place}: the header's formula {formula!r} has no stored result (the "
                "workbook was written by a program and never recalculated); expected a "
                "header: open and save the workbook in Excel or LibreOffice, or write the "
                "header (the year) in the cell",
                place=place,
            )


# a line of a CSV with nothing in it but separators and spaces (",,," as Excel exports a
# sheet's empty margin rows)
_BLANK_LINE = " \t\r\n,;|"
_MARGIN_LIMIT = 1000  # rows looked at for a blank margin above the header


def _blank_lines_from(path: Path, header_row: int, encoding: str) -> int:
    """How many blank lines (spaces and separators only) follow the first ``header_row``
    lines of a CSV before a line with text: a margin above the table, which is no header
    (the file was read as "empty"); 0 when every line is blank (an empty file says so)."""
    try:
        with open(path, encoding=text_codec(encoding), errors="replace", newline="") as handle:
            for k, line in enumerate(handle):
                if k < header_row:
                    continue
                if line.strip(_BLANK_LINE) or k - header_row >= _MARGIN_LIMIT:
                    return k - header_row
    except (OSError, LookupError):
        pass
    return 0


def _blank_rows_from(worksheet: Any, header_row: int) -> int:
    """How many wholly blank rows of a sheet follow its first ``header_row`` rows before a
    row with a value: an empty margin above a table that starts at row 3 (or C3); 0 when
    no row below has a value."""
    rows = worksheet.iter_rows(
        min_row=header_row + 1, max_row=header_row + _MARGIN_LIMIT, values_only=True
    )
    for k, row in enumerate(rows):
        if not all(is_blank(value) for value in row):
            return k
    return 0


def _row_above(path: Path, sep: str, header_row: int, encoding: str) -> list[Any]:
    """The cells of a CSV's line above its header row (a title or the first row of a
    two-row header), [] when it cannot be split: only a hint is taken from it."""
    import csv

    try:
        with open(path, encoding=text_codec(encoding), newline="") as handle:
            rows = csv.reader(handle, delimiter=sep)
            for k, row in enumerate(rows):
                if k == header_row - 1:
                    return list(row)
    except (OSError, UnicodeDecodeError, csv.Error, ValueError, LookupError):
        pass
    return []


def row_place(name: str, position: int, column: Any = None, *, header_row: int = 0) -> str:
    """The place of a data row of a file, numbered as a spreadsheet shows it.

    ``position`` is the row's 0-based position under the header (blank lines counted); the
    header is row ``header_row + 1``, so the first data row is row ``header_row + 2``.

    Examples
    --------
    >>> row_place("sales.csv", 0)
    'sales.csv row 2'
    >>> row_place("sales.csv", 2, "value", header_row=1)
    "sales.csv row 5, column 'value'"
    """
    row = f"{name} row {position + 2 + header_row}"
    return row if column is None else f"{row}, column {column!r}"


def require_rows(table: pd.DataFrame, name: str, header_row: int = 0, hint: str = "") -> None:
    if table.columns.size == 0 or len(table) == 0:
        where = (
            "" if header_row == 0 else f" from row {header_row + 1} on (header_row={header_row})"
        )
        found = (
            "is empty"
            if table.columns.size == 0
            else f"has a header ({', '.join(map(str, table.columns[:6]))}) but no rows of data"
        )
        raise EmptyDataError(
            f"{name} {found}{where}; expected a header row and at least one row of data{hint}",
            source=name,
        )
