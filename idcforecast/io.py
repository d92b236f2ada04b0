"""Read user tables (CSV, Excel, DataFrame; long or wide) into the tidy history frame.

Blank-cell policy (no silent NaN):

- long layout (one row per observation): a wholly blank row is skipped; a row with a blank
  value (or year) but other cells filled is an error;
- wide layouts (years as columns, or several series as columns beside a year column): each
  cell is one observation, and a blank cell is a year that was not published. It is left
  out (a gap), never filled; a series with no values at all is an error.

Gaps are kept as gaps: nothing is interpolated.

Footnotes under a file's table ("Note: 2020 not published.", "Source: ...", "资料来源：...")
are skipped and named in a ``FootnoteWarning`` when they are text alone in the table's first
column below its last row, and the first opens like a footnote ("Note:", "Source:", "注：",
"*") or follows a blank row and reads as a remark (a colon, a closing period, three words or
more). A row that also holds another cell, or a word right under the data ("India"), is
never skipped: the layout reader names its row (see ``_table_footnotes.without_footnotes``).
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from idcforecast._cells import (
    ACTUAL_MARKS,
    estimate_note,
    has_year_headers,
    is_blank,
    is_not_published,
    is_number_column,
    joined_keys,
    marked_year,
    read_figure,
    read_year_or_estimate,
    year_columns,
)
from idcforecast._normalize import Observation, to_frame
from idcforecast._table_files import check_format_options, read_table
from idcforecast._table_headers import header_hint, is_headerless
from idcforecast._wording import counted
from idcforecast.datasets import _did_you_mean
from idcforecast.errors import (
    DataError,
    EmptyDataError,
    IdcForecastError,
    UnknownSeriesError,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["read_series"]

Layout = Literal["auto", "long", "years_as_rows", "years_as_columns"]
_LAYOUTS = ("auto", "long", "years_as_rows", "years_as_columns")
# columns that describe an observation rather than hold one
_META = ("series_id", "unit", "qualifier", "as_of", "source", "quote", "confidence", "scope",
         "derived", "note")  # fmt: skip


def read_series(
    source: str | os.PathLike[str] | pd.DataFrame | pd.Series,
    *,
    unit: str | dict[str, str] | None = None,
    series_id: str | None = None,
    layout: Layout = "auto",
    year_column: str = "year",
    value_column: str = "value",
    sheet_name: str | int = 0,
    source_name: str | None = None,
    kw_per_rack: float = 2.5,
    sep: str | None = None,
    decimal: str = ".",
    header_row: int = 0,
    estimates: str = "error",
    encoding: str = "utf-8",
) -> pd.DataFrame:
    """Read a CSV, Excel or DataFrame table of yearly figures into the tidy history frame.

    Parameters
    ----------
    source
        A ``.csv``/``.txt`` or ``.xlsx``/``.xlsm`` path, a folder of such files, a DataFrame
        (years in a column, as its index named ``year_column``, or a yearly
        ``PeriodIndex``/``DatetimeIndex``), or a year-indexed Series (its name is the series
        id). A folder's files (``.csv``, ``.txt``, ``.xlsx``, ``.xlsm``, in name
        order; Excel's ``~$`` lock files, hidden files and subfolders skipped, an ``.xls`` or
        ``.ods`` workbook an error) are read with the same
        options and joined: a series may take its years from several files (figures from
        several reports), each row keeping its own file's source, and a year given twice is
        a ``DuplicateYearError`` naming both files. ``series_id`` names every file's
        unnamed series, so files of one series' figures join into it.
    unit
        Target unit of every series (``"CNY bn"``), or a dict ``series_id -> unit``;
        series not named get their most common unit (a key naming no series of the table
        is an ``UnknownSeriesError``, unless ``series_id`` picks one). Bare numbers with no
        ``unit`` cell are taken to be in this unit; without it they are a ``UnitError``
        (never a guess).
    series_id
        If the table holds several series, keep only this one (``UnknownSeriesError`` if
        absent); if it holds one unnamed series, its name (default: the file's stem).
    layout
        ``"long"`` (``year_column`` and ``value_column``, optional ``series_id``, ``unit``
        and provenance columns), ``"years_as_columns"`` (headers 2019, 2020... ; one row
        per series, named by a ``series_id`` column or by its other text columns joined,
        "China / colo", as ``forecast-many`` names them; number columns such as a CAGR
        are statistics, not names),
        ``"years_as_rows"`` (``year_column`` plus one column per series, named by its
        header; provenance columns such as ``source``, ``note``, ``unit`` are not series:
        their cell describes every value of its row), or ``"auto"``: year headers mean
        years_as_columns, else a value column means long, else years_as_rows. In every
        layout, a column with neither a header nor a value (a trailing separator, a
        spacer column, a sheet whose table starts at column C) is ignored.
    year_column, value_column
        Column names for the long layout.
    sheet_name
        Excel sheet (name or 0-based index).
    source_name
        Name used in ``source`` and in error messages (default: the file name, or
        ``"DataFrame"``).
    kw_per_rack
        kW per standard rack when converting racks to power or back.
    sep
        CSV field separator; default: detected from the header row and the lines below it
        (``,``, ``;``, tab or ``|``: the one that splits the header into most fields and
        every line into as many; ``,`` if none does).
    decimal
        ``"."`` or ``","``, the decimal mark of numbers written as text (CSV cells, text
        cells of a sheet or frame). With ``","`` (continental Europe's exports, usually
        with ``sep=";"``) "1.234,5" is 1234.5 and "12.5" is a ``ParseError``.
    header_row
        0-based line (CSV) or row (Excel) of the header; the lines above it (a title,
        notes) are skipped. Row numbers in messages stay those of the file.
    estimates
        What to do with years marked as estimates, the way broker and research tables head
        them ("2021E", "2022F", "2023P", "2024 (est.)", "2025年预测"; "2020A", an actual,
        is simply 2020): ``"error"`` (default) names them and asks; ``"drop"`` reads the
        history only; ``"keep"`` reads them as their years, each noted as an estimate
        (they are then fitted as if published).
    encoding
        Text encoding of a CSV file (default UTF-8, with or without a byte-order mark);
        ``"gb18030"`` reads a CSV saved by Excel on Chinese Windows (GBK).

    Returns
    -------
    pandas.DataFrame
        Columns ``series_id, year, value, unit, qualifier, as_of, source, quote,
        confidence, scope, derived, note``, one row per series and year, series in order of
        appearance and years ascending. ``source`` defaults to the place of the value
        (``"sales.csv row 4"``); ``quote`` keeps figure text; ``note`` records conversions
        and ranges (a range's ``value`` is its midpoint).

    Warns
    -----
    FootnoteWarning
        Naming the rows under a file's table that were skipped as its footnotes ("Note:
        2020 not published." alone in the first column, below the last row; see the
        module's notes for the rule). A footnote that could be data stays an error.

    Raises
    ------
    EmptyDataError, DataError, NonNumericValueError, ParseError, UnknownUnitError,
    UnitError, MissingFxRateError, MixedUnitsError, IncompatibleUnitsError,
    DuplicateYearError, UnknownSeriesError
        Each names the value, its row and column, and what was expected.

    Examples
    --------
    >>> import pandas as pd
    >>> from idcforecast import read_series
    >>> table = pd.DataFrame({"year": [2019, 2020], "value": ["1,562.5亿元", "223.87 CNY bn"]})
    >>> out = read_series(table, series_id="cidc", unit="CNY bn")
    >>> out[["year", "value", "unit"]].values.tolist()
    [[2019, 156.25, 'CNY bn'], [2020, 223.87, 'CNY bn']]
    """
    if layout not in _LAYOUTS:
        raise DataError(
            f"read_series: layout {layout!r} is not known; expected one of {', '.join(_LAYOUTS)}",
            layout=layout,
        )
    import pandas as pd

    if isinstance(source, pd.Series):  # a year-indexed Series, as forecast() takes one
        source = _series_as_table(source, year_column, value_column)
        series_id = series_id or (None if source.attrs["name"] is None else source.attrs["name"])
    if isinstance(source, pd.DataFrame) and year_column not in source.columns:
        if source.index.name == year_column:
            source = source.reset_index()  # df.set_index("year") is a common shape
        elif isinstance(source.index, pd.PeriodIndex | pd.DatetimeIndex):
            years = pd.Series(source.index.year, name=year_column)  # DESIGN.md's yearly index
            source = pd.concat([years, source.reset_index(drop=True)], axis=1)
    check_format_options(
        source,
        sep=sep,
        decimal=decimal,
        header_row=header_row,
        encoding=encoding,
        estimates=estimates,
    )
    options: dict[str, Any] = {
        "layout": layout,
        "year_column": year_column,
        "value_column": value_column,
        "sheet_name": sheet_name,
        "sep": sep,
        "decimal": decimal,
        "header_row": header_row,
        "estimates": estimates,
        "encoding": encoding,
    }
    if isinstance(source, str | os.PathLike) and Path(source).is_dir():
        if source_name is not None:
            raise DataError(
                f"read_series: source_name={source_name!r} names one file; the rows read from "
                f"folder {Path(source).name} are named by their own files; drop source_name=",
                source=str(source),
            )
        files = folder_files(Path(source))
        name = f"folder {Path(source).name}"
        read = [_folder_file_observations(file, series_id, options) for file in files]
    else:
        read = [_observations(source, series_id, source_name, **options)]
        name = read[0][1]
    observations = [o for obs, _, _, _ in read for o in obs]
    read_ids = {o.series_id for o in observations}
    for _, _, _, unpublished in read:  # a series whose every row says "n/a"
        for sid, message in unpublished.items():
            if sid not in read_ids and series_id in (None, sid):
                raise EmptyDataError(message, series_id=sid)
    held = list(dict.fromkeys(o.series_id for o in observations))
    if series_id is not None:  # unnamed series already carry series_id as their name
        observations = [o for o in observations if o.series_id == series_id]
        if not observations:
            where = "table" if len(read) == 1 else f"files of the {name}"
            raise UnknownSeriesError(
                f"{name}: series {series_id!r} is not in the {where}; expected one of "
                f"{', '.join(map(repr, held))}; drop series_id= to read them all",
                series_id=series_id,
                valid=tuple(held),
            )
    if isinstance(unit, dict) and series_id is None:
        stray = [key for key in unit if key not in held]
        if stray:  # a misspelt id would otherwise leave its series in its own unit
            raise UnknownSeriesError(
                f"{name}: read_series(unit=...) names series {stray[0]!r}, which is not in "
                f"the table;{_did_you_mean(stray[0], held)} expected one of "
                f"{', '.join(map(repr, held))}; fix the key or drop it",
                series_id=stray[0],
                valid=tuple(held),
            )
    if not observations:
        raise EmptyDataError(
            f"{name} has no values; expected at least one year with a value", source=name
        )
    frame = to_frame(observations, unit=unit, kw_per_rack=kw_per_rack)
    wide = [layout for _, _, layout, _ in read if layout != "long"]
    if wide and series_id is None:  # a "Total"/合计 line read as a series
        from idcforecast._totals import warn_total_series

        line = "row" if wide[0] == "years_as_columns" else "column"
        warn_total_series(frame, name=name, line=line)
    return frame


# files a folder given to read_series is read from (Excel's "~$" lock files and hidden
# files are not tables)
TABLE_SUFFIXES = (".csv", ".txt", ".xlsx", ".xlsm")
# spreadsheets read_series cannot open: in a folder, their figures would be lost unseen
_UNREADABLE_SHEETS = (".xls", ".xlsb", ".ods", ".numbers")


def _folder_file_observations(
    file: Path, series_id: str | None, options: dict[str, Any]
) -> tuple[list[Observation], str, str, dict[str, str]]:
    """One file of a folder, read as :func:`_observations` reads a table; a DataError
    raised on a file that is no table (a README.txt beside the CSVs) says that every
    table-suffixed file of the folder is read, and to move it out."""
    try:
        return _observations(file, series_id, None, **options)
    except DataError as err:
        if type(err) not in (DataError, EmptyDataError):
            raise  # a bad value in a real table: its own message says it all
        fields = {key: getattr(err, key) for key in err.fields}
        raise type(err)(
            f"{err.message}; it is read as one of the tables of folder {file.parent.name} "
            f"(every {', '.join(TABLE_SUFFIXES)} file in it): if {file.name} is no table, "
            "move it out of the folder",
            **fields,
        ) from None


def folder_files(folder: Path) -> list[Path]:
    """The table files of ``folder``, sorted by name (subfolders are not read); an
    EmptyDataError naming what the folder holds when there is none, a DataError naming a
    spreadsheet that cannot be read (``.xls``, ``.xlsb``, ``.ods``, ``.numbers``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("b.csv", "a.xlsx", "~$a.xlsx", ".hidden.csv", "notes.pdf"):
    ...     _ = (folder / name).write_text("")
    >>> [p.name for p in folder_files(folder)]
    ['a.xlsx', 'b.csv']
    """
    files = sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in TABLE_SUFFIXES and not p.name.startswith(("~$", "."))
    )
    unreadable = sorted(
        p.name
        for p in folder.iterdir()
        if p.is_file()
        and p.suffix.lower() in _UNREADABLE_SHEETS
        and not p.name.startswith(("~$", "."))
    )
    if unreadable:  # skipping it would drop its figures without a word
        raise DataError(
            f"folder {folder}: {', '.join(unreadable)} cannot be read (expected "
            f"{', '.join(TABLE_SUFFIXES)} files); save it as .xlsx or .csv, or move it out "
            "of the folder",
            source=str(folder),
            file=unreadable[0],
        )
    if not files:
        found = sorted(p.name for p in folder.iterdir())
        raise EmptyDataError(
            f"folder {folder}: no table file to read (found "
            f"{', '.join(found[:8]) + (' ...' if len(found) > 8 else '') if found else 'nothing'}"
            f"); expected {', '.join(TABLE_SUFFIXES)} files, one or more series each",
            source=str(folder),
        )
    return files


def _observations(
    source: Any,
    series_id: str | None,
    source_name: str | None,
    *,
    layout: str,
    year_column: str,
    value_column: str,
    sheet_name: str | int,
    sep: str | None,
    decimal: str,
    header_row: int,
    estimates: str,
    encoding: str,
) -> tuple[list[Observation], str, str, dict[str, str]]:
    """One table's observations, its name for messages, the layout read, and the messages
    for its series without a value (:func:`_unpublished_series`)."""
    table, name, place_of = read_table(
        source,
        sheet_name=sheet_name,
        source_name=source_name,
        sep=sep,
        header_row=header_row,
        known_columns=(year_column, value_column, *_META),
        encoding=encoding,
        year_column=year_column,
    )
    if table.attrs.get("sep") == ";" and decimal == ".":
        _warn_dot_thousands(table, year_column, name)
    default_id = series_id or (Path(name).stem if name != "DataFrame" else "series")
    value_unit = None
    if layout in ("auto", "long") and not has_year_headers(table.columns):
        table, value_unit = _value_header_unit(table, value_column, place_of)
    chosen = _choose_layout(table, layout, year_column, value_column, name, header_row)
    if chosen == "long":
        observations = _long(
            table, year_column, value_column, default_id, place_of, decimal, estimates, name
        )
        unpublished = _unpublished_series(table, value_column, default_id, place_of, observations)
        if value_unit is not None:  # "value (CNY bn)": the unit of every value
            observations = [
                replace(o, meta=_with_unit(o.meta, value_unit, o.place)) for o in observations
            ]
    else:
        unpublished = {}
    if chosen == "years_as_columns":
        observations = _years_as_columns(table, default_id, place_of, name, decimal, estimates)
    elif chosen == "years_as_rows":
        observations = _years_as_rows(table, year_column, place_of, decimal, estimates)
    _warn_markers(observations, name)
    return observations, name, chosen, unpublished


def _warn_markers(observations: list[Observation], name: str) -> None:
    """A FootnoteWarning naming the values read without the footnote marker after them
    ("320①" as 320): the footnote may say what they are (an estimate, another scope)."""
    marked = [o for o in observations if o.figure.marker]
    if not marked:
        return
    import warnings

    from idcforecast.errors import FootnoteWarning

    shown = "; ".join(f"{o.place} {o.figure.quote!r} as {o.figure.value:g}" for o in marked[:3])
    shown += "; ..." if len(marked) > 3 else ""
    count = f"{len(marked)} value{'s' if len(marked) > 1 else ''}"
    warnings.warn(
        f"{name}: {count} with a footnote marker after the figure, read without it "
        f"({shown}); each keeps it in its note and quote; check what the footnote says of "
        "them (an estimate, another scope?), and delete the marker to silence this note",
        FootnoteWarning,
        stacklevel=4,
    )


def _value_header_unit(
    table: pd.DataFrame, value_column: str, place_of: Any
) -> tuple[pd.DataFrame, str | None]:
    """A long table's value column headed with its unit ("value (CNY bn)", "数值（亿元）"):
    the table with the column named ``value_column``, and that unit (else the table as it
    is and None). Read as a series named "value (CNY bn)", a ``series_id`` column beside it
    was an error that asked to rename the column and so lose the unit."""
    from idcforecast._table_headers import HEADER_ALIASES

    if value_column in table.columns:
        return table, None
    names = {value_column.casefold()}
    names |= {a for a, known in HEADER_ALIASES.items() if known == value_column}
    found = [
        (column, unit)
        for column in table.columns
        if isinstance(column, str)
        and _BRACKETED_END.sub("", column).strip().casefold() in names
        and (unit := header_unit(column, place_of(0, column))) is not None
    ]
    if len(found) != 1:
        return table, None
    column, unit = found[0]
    return table.rename(columns={column: value_column}), unit


_DOT_THOUSANDS = re.compile(r"\s*[+-]?\d{1,3}(?:\.\d{3})+\s*")
_PLAIN_NUMBER = re.compile(r"\s*[+-]?[\d.,]+\s*")


def _warn_dot_thousands(table: pd.DataFrame, year_column: str, name: str) -> None:
    """Every plain number of a ';'-separated file written like 1.562 or 12.345.678: read
    with '.' as the decimal mark (the default) it is 1000 times smaller than a continental
    export meant; say so, and how to read it the other way."""
    import warnings

    from idcforecast.errors import AmbiguousNumberWarning

    cells = [
        str(cell)
        for column in table.columns
        if column != year_column
        for cell in table[column]
        if isinstance(cell, str) and _PLAIN_NUMBER.fullmatch(cell)
    ]
    if len(cells) >= 2 and all(_DOT_THOUSANDS.fullmatch(cell) for cell in cells):
        shown = ", ".join(repr(c.strip()) for c in cells[:3])
        warnings.warn(
            f"{name}: every number ({shown}...) has exactly three digits after its dot in a "
            "';'-separated file, as files that group thousands with '.' write them; they were "
            "read with '.' as the decimal mark (1.562 as 1.562, not 1562); if the dots group "
            "thousands, pass decimal=','",
            AmbiguousNumberWarning,
            stacklevel=3,
        )


def _series_as_table(data: pd.Series, year_column: str, value_column: str) -> pd.DataFrame:
    """A year-indexed Series (integer years, a yearly PeriodIndex or a DatetimeIndex) as a
    ``year, value`` table; ``attrs["name"]`` keeps its name (None when it has none)."""
    import pandas as pd

    index = data.index
    years = index.year if isinstance(index, pd.PeriodIndex | pd.DatetimeIndex) else index
    table = pd.DataFrame({year_column: list(years), value_column: list(data)})
    table.attrs["name"] = None if data.name is None else str(data.name)
    return table


def _choose_layout(
    table: pd.DataFrame,
    layout: str,
    year_column: str,
    value_column: str,
    name: str,
    header_row: int = 0,
) -> str:
    years_as_headers = has_year_headers(table.columns)
    if layout == "auto":
        if years_as_headers:
            return "years_as_columns"
        layout = "long" if value_column in table.columns else "years_as_rows"
    if layout == "years_as_columns":
        if not years_as_headers:
            raise DataError(
                f"{name}: no column header is a year; expected headers such as 2019, 2020 "
                f"for layout 'years_as_columns'; found {_columns(table)}",
                source=name,
            )
        return layout
    if year_column not in table.columns:
        hint = header_hint(table, header_row=header_row, names=(year_column,))
        # a header row below (a title above it) first; else a column holding years
        held = None if "looks like the header" in hint else _column_of_years(table)
        passing = f"pass year_column={held!r}" if held is not None else "pass year_column=..."
        if held is not None:
            hint = f" (the years are in column {held!r})"
        raise DataError(
            f"{name}: no {year_column!r} column; expected a year column ({passing}) or years "
            f"as column headers (2019, 2020, ...); found {_columns(table)}{hint}",
            source=name,
            column=year_column,
        )
    if layout == "long" and value_column not in table.columns:
        raise DataError(
            f"{name}: no {value_column!r} column for layout 'long'; expected a value column "
            f"(pass value_column=...); found {_columns(table)}",
            source=name,
            column=value_column,
        )
    return layout


def _column_of_years(table: pd.DataFrame) -> str | None:
    """The first column (by its header) whose cells hold two years or more ("Date",
    "指标名称" over "2019-12-31", "2020-12-31"), else None: the year column to pass."""
    from idcforecast._cells import estimate_year, year_label

    for column in table.columns:
        if not isinstance(column, str) or is_headerless(column):
            continue
        cells = table[column].head(200)
        if sum(year_label(c) is not None or estimate_year(c) is not None for c in cells) >= 2:
            return column
    return None


def _columns(table: pd.DataFrame) -> str:
    """The headers found, for messages; a headerless column by its position ("column 1 (no
    header)"), not the "Unnamed: 0" pandas gives it."""
    from idcforecast._table_headers import is_headerless

    return ", ".join(
        f"column {j + 1} (no header)" if is_headerless(c) else repr(c)
        for j, c in enumerate(table.columns)
    )


def _long(
    table: pd.DataFrame,
    year_column: str,
    value_column: str,
    default_id: str,
    place_of: Any,
    decimal: str,
    estimates: str,
    name: str,
) -> list[Observation]:
    meta_columns = [c for c in _META if c in table.columns]
    _no_split_thousands(table, value_column, place_of)
    if "series_id" not in table.columns:
        _no_hidden_series(table, (year_column, value_column, *_META), place_of)
    _warn_ignored(table, (year_column, value_column, *_META), name)
    observations = []
    for i, row in enumerate(table.to_dict("records")):
        if all(is_blank(cell) for cell in row.values()):
            continue
        place = place_of(i, value_column)
        if is_not_published(row[value_column]):
            continue  # "—", "n/a": a year not published, a gap
        if is_blank(row[value_column]):
            raise DataError(
                f"{place}: the value is blank but the row is not; expected a number or a "
                "figure (blank a whole row to skip it)",
                place=place,
            )
        if "series_id" in row and is_blank(row["series_id"]):  # else it joins default_id
            raise DataError(
                f"{place_of(i, 'series_id')}: the series name is blank; expected a series id",
                place=place_of(i, "series_id"),
            )
        read = read_year_or_estimate(
            row[year_column], place=place_of(i, year_column), estimates=estimates
        )
        if read is None:
            continue  # an estimate, dropped as asked
        year, estimated = read
        figure = read_figure(row[value_column], place=place, decimal_mark=decimal)
        meta = _with_note({c: row[c] for c in meta_columns if not is_blank(row[c])}, estimated)
        sid = str(meta.pop("series_id", default_id)).strip()
        observations.append(Observation(sid, year, figure, place_of(i), meta))
    return observations


def _unpublished_series(
    table: pd.DataFrame,
    value_column: str,
    default_id: str,
    place_of: Any,
    observations: list[Observation],
) -> dict[str, str]:
    """The series of a long table whose every row is marked not published ("n/a", "—"),
    each with the message of the EmptyDataError that :func:`read_series` raises for it
    (unless a value of it comes from another file of a folder): its rows are gaps, and it
    would vanish from the result, and series_id= would call it "not in the table", where a
    wide table's empty row and a year-per-row table's empty column are this error."""
    read = {o.series_id for o in observations}
    ids = (
        [None if is_blank(c) else str(c).strip() for c in table["series_id"]]
        if "series_id" in table.columns
        else [default_id] * len(table)
    )
    rows: dict[str, list[int]] = {}
    for i, sid in enumerate(ids):
        if sid is not None and sid not in read and not is_blank(table[value_column].iloc[i]):
            rows.setdefault(sid, []).append(i)  # (a wholly blank row is skipped, no gap)
    cells = table[value_column]
    found = {}
    for sid, positions in rows.items():
        if not all(is_not_published(cells.iloc[i]) for i in positions):
            continue  # an estimate dropped as asked, or no value row at all
        shown = ", ".join(dict.fromkeys(repr(str(cells.iloc[i]).strip()) for i in positions))
        found[sid] = (
            f"{place_of(positions[0], value_column)}: series {sid!r} has no value: its "
            f"{counted(len(positions), 'row')} {'is' if len(positions) == 1 else 'are all'} "
            f"marked not published ({shown}); expected at least one year with a value "
            "(delete its rows if the series is not wanted)"
        )
    return found


_SMALL_WHOLE = re.compile(r"\s*[+-]?\d{1,3}\s*")
_THREE_DIGITS = re.compile(r"\d{3}(?:\.\d+)?")  # what follows a thousands comma
_TEXT_META = ("qualifier", "as_of", "source", "quote", "confidence", "scope", "note")


def _no_split_thousands(table: pd.DataFrame, value_column: str, place_of: Any) -> None:
    """'2019,1,562.5,' in a comma-separated file with an optional text column after the value
    splits 1,562.5 into value 1 and note '562.5' with the right number of fields: an error,
    not a silent 1."""
    columns = list(table.columns)
    position = columns.index(value_column)
    if position + 1 >= len(columns):
        return
    after = columns[position + 1]
    if after not in (*_TEXT_META, "unit"):
        return
    match = _THREE_DIGITS.fullmatch if after != "unit" else _THREE_DIGITS.match
    for i, (value, next_cell) in enumerate(zip(table[value_column], table[after], strict=True)):
        if not (isinstance(value, str) and isinstance(next_cell, str)):
            continue  # typed cells (Excel, a DataFrame) were not split by a separator
        text = next_cell.strip()
        if _SMALL_WHOLE.fullmatch(value) and match(text):
            joined = f"{str(value).strip()},{text}"
            raise DataError(
                f"{place_of(i, value_column)}: value {str(value).strip()!r} and {after} "
                f"{text!r} look like one number split at its thousands comma ({joined}); "
                f'quote it in the file ("{joined}") or save with another separator; if the '
                f"{after} is meant to be {text!r}, add a word to it",
                place=place_of(i, value_column),
            )


def _no_headerless_values(
    table: pd.DataFrame, columns: list[Any], place_of: Any, expected: str
) -> None:
    """A DataError for the first value in a column of ``columns`` that has no header: a
    value there belongs to nothing the reader can name (a wide table's year whose header was
    deleted; a series with no name), so it is never dropped or guessed."""
    for column in columns:
        if not is_headerless(column):
            continue
        for i, cell in enumerate(table[column]):
            if not is_blank(cell):
                place = place_of(i, column)
                raise DataError(
                    f"{place}: a column without a header holds {cell!r}; expected {expected} "
                    "in its header; write it there, or delete the column",
                    place=place,
                )


def _warn_ignored(table: pd.DataFrame, known: tuple[str, ...], name: str) -> None:
    """Columns of a long table with a value that are not read: named in a warning, as a
    unit column under a header not known ("Einheit") would otherwise vanish in silence."""
    import warnings

    from idcforecast.errors import IgnoredColumnWarning

    ignored = [
        column
        for column in table.columns
        if column not in known and any(not is_blank(cell) for cell in table[column])
    ]
    if ignored:
        position = {c: j for j, c in enumerate(table.columns)}
        shown = ", ".join(
            f"{position[c] + 1} (no header)" if is_headerless(c) else repr(str(c)) for c in ignored
        )
        numbers = [c for c in ignored if is_number_column(table[c])]
        series_hint = (
            f"; {'it holds' if len(ignored) == 1 else 'some hold'} numbers: a growth rate is "
            "computed from the values (idcforecast.yoy), and a second series is read with "
            "layout='years_as_rows' (a column per series)"
            if numbers
            else ""
        )
        warnings.warn(
            f"{name}: {'column' if len(ignored) == 1 else 'columns'} {shown} not read; a long "
            "table is read as series_id, year, value and "
            f"the provenance columns {', '.join(_META[1:])}; rename a column to one of those "
            f"if it is one (a unit column above all), or delete it{series_hint}",
            IgnoredColumnWarning,
            stacklevel=4,
        )


def _is_statistic_column(cells: Any) -> bool:
    """A column of numbers that cannot be series codes: percentages or fractions ("27.2%",
    0.272), as a growth column beside a long table's values; whole numbers (1, 2) may be
    codes naming series, and stay the error of :func:`_no_hidden_series`."""
    if not is_number_column(cells):
        return False
    filled = [cell for cell in cells if not is_blank(cell)]
    return any(
        "%" in cell or "." in cell if isinstance(cell, str) else float(cell) % 1 != 0
        for cell in filled
    )


def _no_hidden_series(table: pd.DataFrame, known: tuple[str, ...], place_of: Any) -> None:
    """A long table without ``series_id`` whose other column varies may hold several series
    ("market": A, B): an error, not one series merged from them."""
    for column in table.columns:
        if column in known or str(column).startswith("Unnamed: "):
            continue
        if _is_statistic_column(table[column]):
            continue  # a growth rate ("yoy": 27.2%, 43.3%) names no series: _warn_ignored does
        filled = [(i, cell) for i, cell in enumerate(table[column]) if not is_blank(cell)]
        kinds = list(dict.fromkeys(str(cell).strip() for _, cell in filled))
        if len(kinds) > 1:
            where = place_of(filled[0][0], column)
            shown = ", ".join(repr(k) for k in kinds[:3]) + (", ..." if len(kinds) > 3 else "")
            if _actual_and_estimate_marks(kinds):
                raise DataError(
                    f"{where}: column {column!r} marks actuals and estimates ({shown}); "
                    "expected the mark in the year ('2021E'; '2020A' is read as 2020), so "
                    "that estimates= decides what is read; write it there and delete the "
                    "column",
                    place=where,
                    column=str(column),
                )
            raise DataError(
                f"{where}: column {column!r} holds {len(kinds)} different values ({shown}) "
                "and the table has no 'series_id' column; if it names the series, rename it "
                "series_id; if it is a remark, rename it note (or drop it)",
                place=where,
                column=str(column),
            )


def _years_as_columns(
    table: pd.DataFrame, default_id: str, place_of: Any, name: str, decimal: str, estimates: str
) -> list[Observation]:
    years, estimated = year_columns(table.columns, name=name, estimates=estimates)
    others = [c for c in table.columns if c not in years and c not in estimated]
    _no_headerless_values(table, others, place_of, "a year or the name of what the column holds")
    # the series id: the series_id column, or else the cells of the other columns that do
    # not describe the row, joined ("China / colo"), as forecast-many reads a wide table;
    # numbers beside text columns are statistics ("CAGR 2019-21"), not names
    keys = ["series_id"] if "series_id" in others else [c for c in others if c not in _META]
    named = [c for c in keys if not is_number_column(table[c])]
    if named:
        keys = named
    ids = joined_keys(table[c] for c in keys) if keys else None
    meta_columns = [c for c in _META if c in others and c != "series_id"]
    if keys:
        _no_second_header_row(table, keys, list(years), place_of, "years_as_columns")
    observations = []
    for i, row in enumerate(table.to_dict("records")):
        if all(is_blank(row[c]) or is_not_published(row[c]) for c in years):
            if all(is_blank(cell) for cell in row.values()):
                continue
            raise EmptyDataError(
                f"{place_of(i, next(iter(years)))}: the row has no value in any year column; "
                "expected at least one value (delete the row if the series is not wanted)",
                place=place_of(i, next(iter(years))),
            )
        sid = default_id if ids is None else ids[i]
        if sid is None:
            raise DataError(
                f"{place_of(i, keys[0])}: the series name is blank; expected a series id",
                place=place_of(i, keys[0]),
            )
        meta = {c: row[c] for c in meta_columns if not is_blank(row[c])}
        meta = _with_unit(meta, header_unit(sid, place_of(i)), place_of(i))
        for column, year in years.items():
            if is_blank(row[column]) or is_not_published(row[column]):
                continue  # a year not published ("", "—", "n/a"): a gap, not a NaN
            place = place_of(i, column)
            figure = read_figure(row[column], place=place, decimal_mark=decimal)
            note = estimate_note(column) if column in estimated else ""
            observations.append(Observation(sid, year, figure, place, _with_note(meta, note)))
    return observations


def _actual_and_estimate_marks(texts: list[str]) -> bool:
    """True when every text is a mark of an actual or an estimate as broker tables write
    them after a year ("A", "E", "实际", "预测"), with both kinds among them: series named
    "A" and "B" are not marks (B, a budget, is an estimate mark too)."""
    marks = [marked_year(f"2000{text}") for text in texts]
    kinds = {mark[1].lower() for mark in marks if mark is not None}
    return (
        None not in marks
        and bool(kinds & ACTUAL_MARKS)
        and bool(kinds - ACTUAL_MARKS - {"b", "budget"})
    )


def _no_description_rows(
    table: pd.DataFrame, year_column: str, series_columns: list[Any], place_of: Any
) -> None:
    """A DataError for rows between the header and the first year that describe the series
    ("频率", "单位", "指标ID", "来源", as Wind and iFinD export a series per column): read
    as data, the first was "'频率' is not a year; a note under the table?"."""
    from idcforecast._cells import estimate_year, year_label
    from idcforecast._table_headers import HEADER_ALIASES

    labels: list[tuple[int, str]] = []
    for i, cell in enumerate(table[year_column]):
        if year_label(cell) is not None or estimate_year(cell) is not None:
            break
        if is_blank(cell):
            continue
        if not isinstance(cell, str) or any(ch.isdigit() for ch in cell):
            return  # a bad year cell: read_year names it
        labels.append((i, cell.strip()))
    else:
        return  # no year at all: read_year names the first cell
    if not labels or len(labels) > 10:
        return
    shown = ", ".join(repr(label) for _, label in labels)
    unit_row = next(
        (i for i, label in labels if HEADER_ALIASES.get(label.casefold(), label) == "unit"),
        None,
    )
    example = ""
    if unit_row is not None and series_columns:
        first = series_columns[0]
        unit = table[first].iloc[unit_row]
        if not is_blank(unit):
            example = f" ('{first}（{str(unit).strip()}）')"
    rows = f"the {len(labels)} rows" if len(labels) > 1 else "the row"
    place = place_of(labels[0][0], year_column)
    raise DataError(
        f"{place}: {rows} under the header before the first year ({shown}) describe the "
        "series, as Wind and iFinD exports write them; expected the years right under the "
        f"header: write each series' unit in brackets after its name{example} and delete "
        f"{'those rows' if len(labels) > 1 else 'the row'}",
        place=place,
    )


def _no_second_header_row(
    table: pd.DataFrame, label_columns: list[Any], cells: list[Any], place_of: Any, layout: str
) -> None:
    """A DataError for a first row that is a second header row: blank under the names
    (``label_columns``: the year column, or a wide table's name columns) and, in ``cells``,
    only units ("亿元", "万架") or marks of actuals and estimates ("A", "E"). Read as data,
    it was "the series name is blank" or "a blank cell is not a year", which point nowhere
    near the fix."""
    from idcforecast.units import parse_unit

    if table.empty or not all(
        is_blank(table.iat[0, table.columns.get_loc(c)]) for c in label_columns
    ):
        return
    filled = [(c, table[c].iloc[0]) for c in cells if not is_blank(table[c].iloc[0])]
    if not filled or not all(isinstance(cell, str) for _, cell in filled):
        return
    texts = [str(cell).strip() for _, cell in filled]
    shown = ", ".join(map(repr, texts[:4])) + (", ..." if len(texts) > 4 else "")
    place = place_of(0)
    if _actual_and_estimate_marks(texts):
        raise DataError(
            f"{place}: the row holds {shown}, a second header row marking actuals and "
            "estimates; expected one header row: write each mark into the year it marks "
            "('2021E'; '2020A' is read as 2020) and delete this row (estimates= then says "
            "what to do with the estimates)",
            place=place,
        )
    units = []
    for text in texts:
        try:
            unit = parse_unit(text)
        except IdcForecastError:
            return
        if unit.base == "count" and unit.magnitude is None:
            return
        units.append(unit)
    example = f"{filled[0][0]}（{texts[0]}）" if layout == "years_as_rows" else None
    target = (
        f"the unit in brackets after each series' name in the header ({example!r})"
        if example is not None
        else "the unit in brackets after each series' name ('China (USD bn)') or a 'unit' column"
    )
    raise DataError(
        f"{place}: the row holds {shown}, a second header row of units; expected one header "
        f"row: write {target} and delete this row",
        place=place,
    )


_BRACKETED_END = re.compile(r"[(（\[]\s*([^()（）\[\]]+?)\s*[)）\]]\s*$")


def header_unit(label: Any, place: str = "") -> str | None:
    """The unit a series' name states in brackets at its end, if it reads as one:
    "IDC market (CNY bn)" -> "CNY bn", "市场规模（亿元）" -> "CNY 100m"; None for "(est.)",
    "(2020)" or no brackets. A magnitude alone ("racks (10k)") is an error naming
    ``place``: read with a unit given elsewhere, the numbers would be 10,000 times off.

    Examples
    --------
    >>> header_unit("IDC market (CNY bn)"), header_unit("市场规模（亿元）")
    ('CNY bn', 'CNY 100m')
    >>> header_unit("East (est.)") is None
    True
    """
    match = _BRACKETED_END.search(str(label))
    if match is None:
        return None
    from idcforecast.errors import IdcForecastError
    from idcforecast.units import parse_unit

    try:
        parsed = parse_unit(match.group(1))
    except IdcForecastError:
        return None
    if parsed.base == "count" and parsed.magnitude is not None:
        raise DataError(
            f"{place or repr(str(label))}: the name {str(label)!r} states the magnitude "
            f"{match.group(1)!r} but no unit, so its numbers would be read in a unit given "
            f"elsewhere without it; write the unit with it, e.g. '({parsed.magnitude} racks)', "
            "'（万架）', '(USD bn)' or '（亿元）'",
            place=place,
        )
    return None if parsed.base == "count" else parsed.canonical


def _with_unit(meta: dict[str, Any], unit: str | None, place: str) -> dict[str, Any]:
    """A row's provenance cells with the unit its series' name states (``header_unit``);
    a ``unit`` cell of another unit is an error (which one holds?)."""
    if unit is None:
        return dict(meta)
    if "unit" in meta:
        from idcforecast.units import canonical_unit

        if canonical_unit(str(meta["unit"])) != unit:
            raise DataError(
                f"{place}: the series' name states the unit {unit!r} but the unit column says "
                f"{str(meta['unit']).strip()!r}; expected one unit; correct one of them",
                place=place,
            )
        return dict(meta)
    return {**meta, "unit": unit}


def _with_note(meta: dict[str, Any], note: str) -> dict[str, Any]:
    """A copy of a row's provenance cells with ``note`` appended to its note."""
    if not note:
        return dict(meta)
    return {**meta, "note": "; ".join(filter(None, [str(meta.get("note", "")), note]))}


def _years_as_rows(
    table: pd.DataFrame, year_column: str, place_of: Any, decimal: str, estimates: str
) -> list[Observation]:
    """One observation per filled cell of a series column; the row's provenance cells
    (``source``, ``note``, ``unit``... the ``_META`` columns) describe every value of that
    row, as a wide row's describe every year of its series."""
    if "series_id" in table.columns:
        raise DataError(
            f"{place_of(0, 'series_id')}: a 'series_id' column in a table with a year per row "
            "and no 'value' column; expected either a long table (series_id, year, value) or "
            "a column per series (year, then one column headed by each series' name); rename "
            "the value column to 'value', or drop the series_id column",
            column="series_id",
        )
    meta_columns = [c for c in _META if c in table.columns]
    series_columns = [c for c in table.columns if c != year_column and c not in _META]
    for column in series_columns:
        _no_split_thousands(table, column, place_of)
    _no_second_header_row(table, [year_column], series_columns, place_of, "years_as_rows")
    _no_description_rows(table, year_column, series_columns, place_of)
    header_units = {
        c: u for c in series_columns if (u := header_unit(c, place_of(0, c))) is not None
    }
    observations = []
    for i, row in enumerate(table.to_dict("records")):
        if all(is_blank(cell) for cell in row.values()):
            continue
        read = read_year_or_estimate(
            row[year_column], place=place_of(i, year_column), estimates=estimates
        )
        if read is None:
            continue  # an estimate, dropped as asked
        year, estimated = read
        meta = _with_note({c: row[c] for c in meta_columns if not is_blank(row[c])}, estimated)
        for column in series_columns:
            if is_blank(row[column]) or is_not_published(row[column]):
                continue  # a year not published for this series ("", "—", "n/a")
            place = place_of(i, column)
            if is_headerless(column):
                _no_headerless_values(table, [column], place_of, "the series' name")
            figure = read_figure(row[column], place=place, decimal_mark=decimal)
            unit = header_units.get(column)
            observations.append(
                Observation(str(column), year, figure, place, _with_unit(meta, unit, place))
            )
    empty = [c for c in series_columns if not any(o.series_id == str(c) for o in observations)]
    if empty and observations:
        raise EmptyDataError(
            f"{place_of(0, empty[0])}: column {empty[0]!r} has no value in any year; expected "
            "at least one value per series column (delete the column if it is not wanted)",
            column=str(empty[0]),
        )
    return observations
