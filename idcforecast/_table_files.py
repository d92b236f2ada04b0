"""Reading a CSV, Excel sheet or DataFrame into a raw table of cells, for ``read_series``.

Format options (``sep``, ``header_row``) are checked and applied here; the cells are read
by :mod:`idcforecast._cells` and the layouts by :mod:`idcforecast.io`. Every table comes
with a function naming the place of a cell in the user's own terms ("sales.csv row 4,
column 'value'", "x.xlsx sheet 'S' cell C3"), row numbers as in the file.
"""

from __future__ import annotations

import functools
import itertools
import re
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from idcforecast._wording import counted
from idcforecast.errors import DataError, EmptyDataError, IdcForecastError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "SEPARATORS",
    "check_encoding",
    "check_format_options",
    "decode_error",
    "detect_separator",
    "header_hint",
    "is_headerless",
    "read_table",
    "row_place",
    "text_codec",
]

SEPARATORS = (",", ";", "\t", "|")


def check_format_options(
    source: Any,
    *,
    sep: Any,
    decimal: Any,
    header_row: Any,
    caller: str = "read_series",
    encoding: Any = "utf-8",
    estimates: Any = "error",
) -> None:
    """Typed errors for unusable ``sep``/``decimal``/``header_row``/``encoding``/
    ``estimates`` values (``caller`` names the function the user called)."""
    import pandas as pd

    from idcforecast._cells import check_estimates_policy

    check_estimates_policy(estimates, caller=caller)
    check_encoding(encoding, caller=caller)
    if decimal not in (".", ","):
        raise DataError(
            f"{caller}: decimal={decimal!r} is not supported; expected '.' or ','",
            decimal=repr(decimal),
        )
    if sep is not None and (not isinstance(sep, str) or len(sep) != 1 or sep in '"\r\n'):
        raise DataError(
            f"{caller}: sep={sep!r} is not a field separator; expected one character "
            "such as ',' or ';' (or None to detect it)",
            sep=repr(sep),
        )
    if sep is not None and sep == decimal:
        raise DataError(
            f"{caller}: sep and decimal are both {sep!r}; expected different characters "
            "(a decimal-comma CSV is usually separated by ';')",
            sep=repr(sep),
        )
    if isinstance(header_row, bool) or not isinstance(header_row, int) or header_row < 0:
        raise DataError(
            f"{caller}: header_row={header_row!r} is not a row; expected a 0-based row number >= 0",
            header_row=repr(header_row),
        )
    if isinstance(source, pd.DataFrame) and (
        sep is not None or header_row != 0 or text_codec(encoding) != "utf-8-sig"
    ):
        raise DataError(
            f"{caller}: sep, header_row and encoding apply to files; a DataFrame already has "
            "its columns (drop the options, or set the frame's columns yourself)",
            source="DataFrame",
        )


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


def check_encoding(encoding: Any, *, caller: str) -> None:
    """A typed error when ``encoding`` names no text codec (``caller`` names the function
    the user called).

    Raises
    ------
    DataError
        Naming the value and the usual encodings of spreadsheet exports.

    Examples
    --------
    >>> check_encoding("gb18030", caller="read_series")
    >>> check_encoding("gbk18030", caller="read_claims")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    idcforecast.errors.DataError: read_claims: encoding='gbk18030' is not a text encoding; ...
    """
    import codecs

    try:
        codecs.lookup(encoding)
    except (LookupError, TypeError):
        raise DataError(
            f"{caller}: encoding={encoding!r} is not a text encoding; expected a name such as "
            "'utf-8' (the default), 'gb18030' (a CSV saved by Excel on Chinese Windows) or "
            "'cp1252' (Western Windows)",
            encoding=repr(encoding),
        ) from None


def text_codec(encoding: str) -> str:
    """The codec to open a text file with: UTF-8 also drops a byte-order mark (Excel writes
    one).

    Examples
    --------
    >>> text_codec("UTF8"), text_codec("GBK")
    ('utf-8-sig', 'gbk')
    """
    import codecs

    name = codecs.lookup(encoding).name
    return "utf-8-sig" if name in ("utf-8", "utf-8-sig") else name


def decode_error(name: str, path: Path, encoding: str, err: UnicodeDecodeError) -> DataError:
    """The typed error for a file at ``path`` that is not ``encoding`` text: where the
    first undecodable byte is, and the encoding to pass instead.

    ``name`` starts the message (the file as the user knows it).

    Examples
    --------
    >>> err = UnicodeDecodeError("utf-8", b"\\xd6\\xd0", 0, 1, "invalid continuation byte")
    >>> print(decode_error("gbk.csv", Path("gbk.csv"), "utf-8", err))  # doctest: +ELLIPSIS
    gbk.csv: the file is not utf-8 text (invalid continuation byte at byte 0); pass encoding=...
    """
    fix = (
        "pass encoding='gb18030' (--encoding gb18030) for a CSV saved by Excel on Chinese "
        "Windows (GBK), encoding='cp1252' for Western Windows, or save it as 'CSV UTF-8'"
        if text_codec(encoding) == "utf-8-sig"
        else "check the encoding the file was saved in (encoding=, --encoding)"
    )
    try:
        with open(path, "rb") as handle:
            start = handle.read(4)
    except OSError:
        start = b""
    if start.startswith(b"PK\x03\x04"):  # a zip: an .xlsx workbook under a text name
        return DataError(
            f"{name}: the file is an Excel workbook (zip), not CSV text; rename it to .xlsx "
            "(or save it from Excel as 'CSV UTF-8')",
            path=str(path),
        )
    if start.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode Text" export
        fix = (
            "it is UTF-16 text (Excel's 'Unicode Text'); pass encoding='utf-16' (--encoding utf-16)"
        )
    return DataError(
        f"{name}: the file is not {encoding} text ({err.reason} at byte {err.start}); {fix}",
        path=str(path),
        encoding=encoding,
    )


def detect_separator(path: Path, header_row: int, encoding: str = "utf-8") -> str:
    """The separator that splits the header into most fields and the lines below alike.

    Up to three trailing lines may split differently (a "Source: ..." note under the table;
    it then reaches the layout reader, which names its row); every other line must split into
    as many fields as the header. ``,`` when no candidate does.
    """
    import csv
    import itertools

    with path.open(encoding=text_codec(encoding), newline="") as handle:
        lines = [
            line for line in itertools.islice(handle, header_row, header_row + 50) if line.strip()
        ]
    best, best_fields = ",", 1
    limit = csv.field_size_limit()
    csv.field_size_limit(2**31 - 1)  # a long quote or note cell (pandas reads it fine)
    try:
        for candidate in SEPARATORS:
            counts = [len(row) for row in csv.reader(lines, delimiter=candidate)]
            if counts and counts[0] > best_fields and _splits_alike(counts):
                best, best_fields = candidate, counts[0]
    finally:
        csv.field_size_limit(limit)
    return best


def _first_ragged_line(
    path: Path, sep: str, header_row: int, encoding: str = "utf-8"
) -> tuple[int, int, int] | None:
    """(file line, its fields, the header's fields) of the first data line that splits into
    more fields than the header, or None."""
    import csv

    try:
        with path.open(encoding=text_codec(encoding), newline="") as handle:
            rows = csv.reader(handle, delimiter=sep)
            width = 0
            for fields in rows:
                if rows.line_num <= header_row or not fields:
                    continue  # the lines header_row skips, and blank lines
                if not width:
                    width = len(fields)
                elif len(fields) > width:
                    return rows.line_num, len(fields), width
    except (csv.Error, UnicodeDecodeError):
        return None
    return None


def _splits_alike(counts: list[int]) -> bool:
    """Header width ``counts[0]`` shared by every line but at most three trailing ones."""
    width, body = counts[0], counts[1:]
    tail = 0
    while tail < min(3, len(body)) and body[-1 - tail] != width:
        tail += 1
    core = body[: len(body) - tail]
    return bool(core) and all(c == width for c in core)


def header_hint(
    table: pd.DataFrame, *, header_row: int = 0, names: tuple[str, ...] = ("year",)
) -> str:
    """What to pass when the header row read is not the table's header (a sentence tail).

    When a row below looks like the header (a cell named like ``names``, or two or more
    year headers such as 2019, 2020), the hint names its ``header_row``.
    """
    if table.columns.size == 1:
        only = str(table.columns[0])
        for candidate in SEPARATORS[1:]:
            if candidate in only:
                return (
                    f" (one column whose name holds {candidate!r}: the separator was not "
                    f"detected, some line splits differently; pass sep={candidate!r})"
                )
    found = _header_below(table, names)
    if found is not None:
        row = header_row + 1 + found
        if _blank_year_header(table, found):
            return (
                f" (a title above the header? row {row + 1} looks like the header but its "
                f"first cell, over the years, is blank: write {names[0]!r} there and pass "
                f"header_row={row}, the 0-based row of the header)"
            )
        return (
            f" (a title above the header? row {row + 1} looks like the header: pass "
            f"header_row={row}, the 0-based row of the header)"
        )
    return " (a title above the header? pass header_row=N, the 0-based row of the header)"


def _header_below(table: pd.DataFrame, names: tuple[str, ...], rows: int = 30) -> int | None:
    """Position of the first of ``rows`` data rows that looks like a header, else None."""
    from idcforecast._cells import estimate_year, year_label

    wanted = {name.casefold() for name in names}
    for i, row in enumerate(table.head(rows).itertuples(index=False)):
        texts = [cell for cell in row if isinstance(cell, str)]
        if any(cell.strip().casefold() in wanted for cell in texts):
            return i
        # year headers: text ("2019", "2021E") or numbers (an Excel header row of years),
        # rising from left to right: a data row (2021, 1900, 2012.1) holds numbers in the
        # years' range too, in no order
        years = [y for c in row if (y := year_label(c) or estimate_year(c)) is not None]
        if len(years) >= 2 and all(b > a for a, b in itertools.pairwise(years)):
            return i
        if _blank_year_header(table, i):
            return i
    return None


def _blank_year_header(table: pd.DataFrame, i: int) -> bool:
    """Row ``i`` reads like a header whose year column has no name: a blank first cell,
    text in every other filled cell, and a year first in the row below (",East,West" over
    "2019,1000,562.5")."""
    from idcforecast._cells import is_blank, is_number_column, year_label

    if i + 1 >= len(table):
        return False
    row, below = list(table.iloc[i]), list(table.iloc[i + 1])
    rest = [c for c in row[1:] if not is_blank(c)]
    return (
        is_blank(row[0])
        and bool(rest)
        and not any(is_number_column([c]) for c in rest)
        and year_label(below[0]) is not None
    )


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
) -> tuple[pd.DataFrame, str, Any]:
    """The raw table (object cells) and a function (row position, column) -> place text.

    With ``typed``, a CSV's columns are parsed by pandas (a column of plain numbers becomes
    float or int, an empty field NaN; text columns stay text): several times faster on large
    files, for callers that read numbers only with ``.`` as the decimal mark. Columns named
    in ``text_columns`` (or for which it returns True, when it is a function of the header)
    stay text even then (ids such as "001" keep their zeros).

    Headers lose surrounding spaces, and one spelled as a name of ``known_columns`` in other
    letter case ("Unit", "YEAR") or in other words ("单位", "Sources": ``HEADER_ALIASES``)
    takes that name; a header repeated in the file is an error
    (pandas would rename the second "2020" to "2020.1" and its column would be ignored).
    """
    import pandas as pd

    if isinstance(source, pd.DataFrame):
        name = source_name or "DataFrame"
        _require_rows(source, name)
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
        table = _tidy_headers(
            _without_unused_columns(table, unnamed), known_columns, name, raw_header=None
        )

        def place_df(i: int, column: Any = None) -> str:
            row = f"{name} row {labels[i]!r}"
            return row if column is None else f"{row}, column {column!r}"

        return table, name, place_df
    path = Path(source)
    name = source_name or path.name
    if not path.is_file():
        found = "a directory, not a file" if path.is_dir() else "no such file"
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
    sheet, sheets = None, []
    raw_header: list[Any] = []
    try:
        if suffix in (".csv", ".txt"):
            # blank lines stay rows so that row numbers match the file's lines; a row longer
            # than the header must fail, not silently become an index (index_col=False)
            sep = sep if sep is not None else detect_separator(path, header_row, encoding)
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
        elif suffix in (".xlsx", ".xlsm"):
            with pd.ExcelFile(path, engine="openpyxl") as book:
                sheets = list(book.sheet_names)
                sheet = _pick_sheet(sheets, sheet_name, name, path)
                table = pd.read_excel(
                    book,
                    sheet_name=sheet,
                    header=header_row,
                    dtype=object,
                    keep_default_na=False,
                )
                _percent_cells_as_text(table, book.book[sheet], header_row)
                _fill_vertical_merges(table, header_row, path, book.book[sheet])
                _no_blank_formulas_or_errors(path, sheet, table, header_row, name)
                worksheet = book.book[sheet]
                raw_header = [
                    cell.value for cell in next(worksheet.iter_rows(min_row=header_row + 1), ())
                ]
        else:
            raise DataError(
                f"{name}: cannot read {suffix or 'extensionless'} files; expected .csv, "
                ".txt, .xlsx or .xlsm (re-save an .xls workbook as .xlsx; or pass a DataFrame)",
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
        ragged = _first_ragged_line(path, sep or ",", header_row, encoding)
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
    from openpyxl.utils import get_column_letter

    # spreadsheet letters of the columns as read, before unused ones are dropped
    letters = {c: get_column_letter(j + 1) for j, c in enumerate(table.columns)}
    headerless = {
        c: j
        for j, c in enumerate(table.columns)
        if j >= len(raw_header) or _is_blank(raw_header[j])
    }
    table = _without_unused_columns(table, headerless)
    as_read = list(table.columns)
    table = _tidy_headers(table, known_columns, name, raw_header=raw_header)
    letters = {new: letters[old] for old, new in zip(as_read, table.columns, strict=True)}
    if sheet is None:
        _require_rows(table, name, header_row)

        def place_file(i: int, column: Any = None) -> str:
            if column in headerless:  # pandas' 'Unnamed: 2' is no name the user wrote
                row = row_place(name, i, header_row=header_row)
                return f"{row}, column {headerless[column] + 1} (no header)"
            return row_place(name, i, column, header_row=header_row)

        return _without_footnotes(table, name, place_file), name, place_file
    others = [s for s in sheets if s != sheet]
    hint = f" (the workbook also holds {', '.join(map(repr, others))}: pass sheet_name=)"
    _require_rows(table, f"{name} sheet {sheet!r}", header_row, hint if others else "")

    def place_sheet(i: int, column: Any = None) -> str:
        if column is None:
            return f"{name} sheet {sheet!r} row {i + 2 + header_row}"
        return f"{name} sheet {sheet!r} cell {letters[column]}{i + 2 + header_row}"

    return _without_footnotes(table, name, place_sheet), name, place_sheet


# the words and marks that open a footnote: "Note:", "Sources:", "Note 1:", "N.B.", "注：",
# "资料来源：", "* estimate", "† ..."; a word must be followed by its colon (or the period of
# "N.B."), so that a series named "Sources of revenue" opens no footnote
_FOOTNOTE_START = re.compile(
    r"\s*(?:(?:notes?|sources?|remarks?|footnotes?)(?:\s*\d+)?\s*[:：]"
    r"|n\.\s?b\.|(?:注|备注|说明|来源|资料来源|数据来源)(?:\s*\d+)?\s*[:：]|[*†‡§])",
    re.IGNORECASE,
)
_SENTENCE_END = (".", "。")


def _without_footnotes(table: pd.DataFrame, name: str, place_of: Any) -> pd.DataFrame:
    """``table`` without the footnote rows under it, named in a :class:`FootnoteWarning`.

    A footnote row holds text in the table's first column and nothing in any other; the
    text is no year and no number. The rows below the table's last other row (blank rows
    aside) are its footnotes when all of them are such rows and the first either opens
    like a footnote ("Note:", "Source:", "注：", "*") or follows a blank row and reads as
    a remark (a colon, a closing period, or three words or more: "2020 not published.").
    Anything else there ("India" right under the data, a row that also holds a number)
    is left to the layout reader, which names its row; so a row with a value is never
    dropped. A "Source: CAICT, 2023" that the separator split into two cells is an error
    saying so.
    """
    import numpy as np

    from idcforecast._cells import estimate_year, is_blank, year_label
    from idcforecast.errors import FootnoteWarning

    if table.columns.size < 2 or len(table) < 2:
        return table
    cells = table.to_numpy(dtype=object)

    @functools.cache
    def filled(i: int) -> np.ndarray:
        # row by row from the bottom: the scan stops at the table's last data row, so a
        # 1.9-million-row file is not tested cell by cell (that took 5 s of a 7 s read)
        return np.array([not is_blank(cell) for cell in cells[i]], dtype=bool)

    i = len(table) - 1
    notes: list[int] = []
    while i >= 0:
        first = cells[i, 0]
        if not filled(i).any():
            i -= 1
            continue
        note_like = (
            not filled(i)[1:].any()
            and isinstance(first, str)
            and year_label(first) is None
            and estimate_year(first) is None
            and not _NUMBER_TEXT.fullmatch(first)
        )
        if not note_like:
            break
        notes.append(i)
        i -= 1
    if i < 0 or not filled(i).any():
        return table  # nothing but notes: the layout reader says what is missing
    last = i
    if isinstance(cells[last, 0], str) and _FOOTNOTE_START.match(cells[last, 0]):
        others = [repr(str(c).strip()) for c in cells[last, 1:] if not is_blank(c)]
        raise DataError(
            f"{place_of(last)}: {cells[last, 0].strip()!r} below the table reads as a "
            f"footnote, but the row also holds {', '.join(others)}; expected a footnote in "
            'the first cell alone: quote it in a CSV when it holds the separator ("Source: '
            'CAICT, 2023"), or delete the row',
            place=place_of(last),
        )
    if not notes:
        return table
    notes.reverse()
    opening = str(cells[notes[0], 0]).strip()
    after_blank = notes[0] > last + 1
    remark = (
        ":" in opening
        or "：" in opening
        or opening.endswith(_SENTENCE_END)
        or len(opening.split()) >= 3
    )
    if not (_FOOTNOTE_START.match(opening) or (after_blank and remark)):
        return table
    shown = ", ".join(f"{place_of(j)} ({str(cells[j, 0]).strip()[:60]!r})" for j in notes)
    warnings.warn(
        f"{name}: skipped {counted(len(notes), 'footnote row')} below the table: {shown}; "
        "delete them from the file to silence this note",
        FootnoteWarning,
        stacklevel=4,  # the caller of read_series / read_long_table
    )
    return table.iloc[: last + 1]


_NUMBER_TEXT = re.compile(r"[\s\d.,'%()+-]*\d[\s\d.,'%()+-]*")


def is_headerless(column: Any) -> bool:
    """True for a column read without a header: pandas names it "Unnamed: 2".

    Examples
    --------
    >>> is_headerless("Unnamed: 2"), is_headerless(None), is_headerless("capacity")
    (True, True, False)
    """
    return _is_blank(column) or (isinstance(column, str) and column.startswith("Unnamed: "))


def _without_unused_columns(table: pd.DataFrame, headerless: dict[Any, int]) -> pd.DataFrame:
    """``table`` without the columns that have neither a header nor a value (a trailing
    comma on every CSV line, a sheet whose table starts at column C, a blank spacer
    column): they hold nothing, and pandas would name them "Unnamed: 2"."""
    unused = [c for c in headerless if bool(table[c].map(_is_blank).all())]
    return table.drop(columns=unused) if unused else table


def _is_blank(cell: Any) -> bool:
    from idcforecast._cells import is_blank

    return is_blank(cell)


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


# Other headers analysts give the columns read_series knows (case-folded); a header is
# renamed only when its name is one the reader asked for and the table lacks it
_UNIT_ALIASES = ("units", "单位", "單位", "计量单位", "計量單位", "unit of measure")
_SOURCE_ALIASES = ("sources", "data source", "来源", "來源", "数据来源", "數據來源", "资料来源",
                   "資料來源", "出处", "出處")  # fmt: skip
_NOTE_ALIASES = ("notes", "remark", "remarks", "comment", "comments", "备注", "備註", "注",
                 "说明", "說明")  # fmt: skip
HEADER_ALIASES = {
    **dict.fromkeys(_UNIT_ALIASES, "unit"),
    **dict.fromkeys(_SOURCE_ALIASES, "source"),
    **dict.fromkeys(_NOTE_ALIASES, "note"),
    **dict.fromkeys(("年份", "年度", "年"), "year"),
    **dict.fromkeys(("数值", "數值"), "value"),
}


def _tidy_headers(
    table: pd.DataFrame, known: tuple[str, ...], name: str, *, raw_header: list[Any] | None
) -> pd.DataFrame:
    """Headers without surrounding spaces, known names in their own letter case (and a
    :data:`HEADER_ALIASES` header, "单位" or "Sources", as the known name it means); a header
    that ``raw_header`` (the file's header cells) repeats is an error."""
    from idcforecast._cells import is_blank

    first: dict[str, int] = {}
    for j, cell in enumerate(raw_header or ()):
        if is_blank(cell):
            continue
        key = str(cell).strip()
        if key in first:
            raise DataError(
                f"{name}: the header {key!r} appears twice (columns {first[key] + 1} and "
                f"{j + 1}); expected unique column names; rename or delete one (pandas would "
                "read the second as a different column)",
                source=name,
                column=key,
            )
        first[key] = j
    present = {str(c) for c in table.columns}
    renames: dict[Any, str] = {}
    for column in table.columns:
        if not isinstance(column, str):
            continue
        stripped = column.strip()
        target = next((k for k in known if stripped.lower() == k.lower()), stripped)
        alias = HEADER_ALIASES.get(stripped.casefold())
        if target == stripped and alias in known:
            target = alias
        if target != column and target not in present:
            renames[column] = target
            present.add(target)
    return table.rename(columns=renames) if renames else table


def _no_blank_formulas_or_errors(
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

    for stored in (True, False):  # stored results (errors), then the formulas themselves
        book = openpyxl.load_workbook(path, read_only=True, data_only=stored)
        try:
            rows = book[sheet].iter_rows(
                min_row=first, max_row=first + len(table) - 1, max_col=table.shape[1]
            )
            for i, cells in enumerate(rows):
                for j, cell in enumerate(cells):
                    if not blank[i, j] or cell.value is None:
                        continue
                    if stored and getattr(cell, "data_type", None) == "e":
                        raise DataError(
                            f"{place(i, j)}: the cell holds the Excel error {cell.value!r}, "
                            "not a value; expected a number: fix the formula or the figure it "
                            "reads, or clear the cell if the year was not published",
                            place=place(i, j),
                        )
                    value = cell.value
                    if not stored and isinstance(value, str) and value.startswith("="):
                        raise DataError(
                            f"{place(i, j)}: the formula {value!r} has no stored result (the "
                            "workbook was written by a program and never recalculated); "
                            "expected values: open and save it in Excel or LibreOffice, or "
                            "write the numbers",
                            place=place(i, j),
                        )
        finally:
            book.close()


def _pick_sheet(names: list[str], sheet_name: str | int, name: str, path: Path) -> str:
    """The sheet ``sheet_name`` (a name, or a 0-based position) names, or a typed error
    listing the workbook's sheets."""
    if isinstance(sheet_name, int) and not isinstance(sheet_name, bool):
        if 0 <= sheet_name < len(names):
            return names[sheet_name]
    elif sheet_name in names:
        return str(sheet_name)
    raise DataError(
        f"{name}: no sheet {sheet_name!r}; expected a sheet name or a 0-based position; the "
        f"workbook holds {len(names)} sheet(s): {', '.join(map(repr, names))}",
        path=str(path),
        sheet=repr(sheet_name),
        valid=tuple(names),
    )


# parts of an Excel number format shown as written: "quoted text", \\x escapes, [colour]
_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def _percent_cells_as_text(table: pd.DataFrame, worksheet: Any, header_row: int) -> None:
    """Numbers shown as percentages (format "0.0%") become the text Excel shows, "27.8%".

    A bare ``%`` in the format multiplies by 100 (0.278 shows as 27.8%); a quoted or escaped
    one (``0.0"%"``, ``0.0\\%``) only appends the sign (27.8 shows as 27.8%).

    pandas reads such a cell as the stored fraction (0.278), which would be taken for 0.278
    of the series' unit; the text carries the percent sign. Decimal arithmetic keeps the
    digits (0.278 -> "27.8%", not 27.800000000000004).
    """
    from decimal import Decimal

    first = header_row + 2  # 1-based sheet row of the table's first data row
    rows = worksheet.iter_rows(min_row=first, max_row=first + len(table) - 1)
    for i, cells in enumerate(rows):
        for j, cell in enumerate(cells[: table.shape[1]]):
            value = cell.value
            number_format = str(getattr(cell, "number_format", ""))
            if (
                "%" in number_format
                and isinstance(value, int | float)
                and not isinstance(value, bool)
                and table.iat[i, j] == value
            ):
                shown = Decimal(repr(value))
                if "%" in _LITERALS.sub("", number_format):
                    shown *= 100  # a bare % scales; a quoted or escaped one is only a sign
                table.iat[i, j] = f"{shown.normalize():f}%"


_MERGE_CELL = re.compile(rb'<(?:\w+:)?mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _fill_vertical_merges(table: pd.DataFrame, header_row: int, path: Path, sheet: Any) -> None:
    """A cell merged down over several rows ("China" over its segments' rows) gives its value
    to every row it covers, as the sheet shows it.

    pandas reads such a range as the value in its first row and blanks below, which would
    name the rows below "colocation" instead of "China / colocation" (or leave them without
    a series). Only vertical merges (one column) of text are filled: a range merged across
    columns (a heading over several years) is not a value of each year, a number merged over
    rows is not each row's number, and a range that starts in the header row is a header's.
    """
    from idcforecast._cells import is_blank

    first = header_row + 2  # 1-based sheet row of the table's first data row
    for min_col, min_row, max_col, max_row in _merged_ranges(path, sheet):
        top = min_row - first
        if min_col != max_col or top < 0 or top >= len(table) or min_col > table.shape[1]:
            continue  # across columns, or starting in the header or above it
        j = min_col - 1
        value = table.iat[top, j]
        if not isinstance(value, str):
            continue  # a number merged over rows is no value of each year: left to the reader
        for i in range(top + 1, min(max_row - first + 1, len(table))):
            if is_blank(table.iat[i, j]):
                table.iat[i, j] = value


def _merged_ranges(path: Path, worksheet: Any) -> list[tuple[int, int, int, int]]:
    """``(min_col, min_row, max_col, max_row)`` of the sheet's merged ranges (1-based).

    pandas opens workbooks read-only, where openpyxl does not parse merges; they are read
    from the sheet's XML part (empty when the part cannot be found).
    """
    from openpyxl.utils import column_index_from_string

    part = getattr(worksheet, "_worksheet_path", None)  # openpyxl's read-only sheets
    if not part:
        return []
    found: set[tuple[bytes, ...]] = set()
    with zipfile.ZipFile(path) as archive, archive.open(part) as stream:
        tail = b""
        while chunk := stream.read(1 << 20):  # a large sheet is not held in memory twice
            text = tail + chunk
            found.update(_MERGE_CELL.findall(text))
            tail = text[-200:]  # a reference cut at the chunk's end is found next time
    return sorted(
        (
            column_index_from_string(c1.decode()),
            int(r1),
            column_index_from_string(c2.decode()),
            int(r2),
        )
        for c1, r1, c2, r2 in found
    )


def _require_rows(table: pd.DataFrame, name: str, header_row: int = 0, hint: str = "") -> None:
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
