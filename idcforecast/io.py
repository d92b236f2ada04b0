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
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from idcforecast._caller import caller_stacklevel
from idcforecast._cells import has_year_headers, unread_year
from idcforecast._decimal_marks import file_decimal_mark
from idcforecast._folder_files import TABLE_SUFFIXES, every_file_holds, file_at, folder_files
from idcforecast._format_options import check_format_options
from idcforecast._frame_sources import check_yearly_index, index_of_years, series_as_table
from idcforecast._layout_checks import years_without_header
from idcforecast._magnitude_jumps import warn_magnitude_jumps
from idcforecast._normalize import Observation, to_frame
from idcforecast._series import no_missing_values
from idcforecast._table_files import read_table
from idcforecast._table_headers import header_hint, header_over_years, is_headerless
from idcforecast._table_layouts import (
    META,
    read_long,
    read_years_as_columns,
    read_years_as_rows,
    unpublished_series,
    value_header_unit,
    with_note,
    with_unit,
)
from idcforecast._unit_lines import (
    bare_series,
    no_rate_in_a_table_unit,
    no_unit_against_the_footnotes,
    no_unit_against_the_line_above,
    unit_line_above,
)
from idcforecast.datasets import _did_you_mean
from idcforecast.errors import DataError, EmptyDataError, UnitError, UnknownSeriesError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["read_series"]

Layout = Literal["auto", "long", "years_as_rows", "years_as_columns"]
_LAYOUTS = ("auto", "long", "years_as_rows", "years_as_columns")


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
        A ``.csv``/``.txt``, ``.xlsx``/``.xlsm`` or ``.xls`` path (Excel 97-2003, read with
        the ``xls`` extra's ``xlrd``, checked as an ``.xlsx``), a folder of such files, a DataFrame
        (years in a column, as its index named ``year_column``, or a yearly
        ``PeriodIndex``/``DatetimeIndex``), or a year-indexed Series (its name is the series
        id). A folder's files (``.csv``, ``.txt``, ``.xlsx``, ``.xlsm``, ``.xls``, in
        name order; Excel's ``~$`` lock files, hidden files and subfolders skipped, an
        ``.xlsb`` or ``.ods`` workbook an error) are read with the same
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
        Excel sheet: its name, or its 0-based position among the tabs Excel shows (a
        chart sheet counts as one but has no cells to read; a hidden sheet is read by
        name only; the default, 0, is the first worksheet shown).
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
        with ``sep=";"``) "1.234,5" is 1234.5 and "12.5" is a ``ParseError``. With the
        default, a CSV separated by ``;``, a tab or ``|`` whose numbers read only with a
        decimal comma ("1,5", "1.234,5"; none that reads both ways, "1,500" or "1.562", nor
        one with a decimal point, "12.5") is read with ``","``.
    header_row
        0-based line (CSV) or row (Excel) of the header; the lines above it (a title,
        notes) are skipped. Row numbers in messages stay those of the file.
    estimates
        What to do with years marked as estimates, the way broker and research tables head
        them ("2021E", "E2021", "2022F", "2023P", "2024 (est.)", "2025年预测"; "2020A", an
        actual, is simply 2020, and "2021R", revised, 2021 with a note saying so):
        ``"error"`` (default) names them and asks; ``"drop"`` reads the history only;
        ``"keep"`` reads them as their years, each noted as an estimate (they are then
        fitted as if published).
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
    MagnitudeJumpWarning
        Naming each value 300 times or more (or 1/300 or less) the published year beside it
        (the bound doubles per year of a gap), after conversion to the series' unit: "$1,300"
        under a "USD bn" heading beside 1.2 and 1.4, a magnitude slip (thousands for
        millions, 万 for 亿) rather than growth. Read as written; a series in % is not checked.
    FormulaCellsWarning
        Naming an Excel sheet's values computed by formulas (read as their stored results,
        marked ``derived``), and the cells of a wide table whose formula gives empty text
        (``=IF(...,"",...)``), read as years not published.

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

    source_given = source_name is not None
    if isinstance(source, pd.Series):  # named as a Series, its values by year
        source_name = source_name or (
            "Series" if source.name is None else f"Series {str(source.name)!r}"
        )
    if isinstance(source, pd.Series | pd.DataFrame) and year_column not in getattr(
        source, "columns", ()
    ):
        check_yearly_index(source.index, source_name or "DataFrame")
    if isinstance(source, pd.Series):  # a year-indexed Series, as forecast() takes one
        no_missing_values(source, source_name or "Series")
        source = series_as_table(source, year_column, value_column)
        # an unnamed Series is "series", as before it was named "Series" in messages
        series_id = series_id or source.attrs["name"] or (None if source_given else "series")
    if isinstance(source, pd.DataFrame) and year_column not in source.columns:
        if source.index.name == year_column:
            source = source.reset_index()  # df.set_index("year") is a common shape
        elif isinstance(source.index, pd.PeriodIndex | pd.DatetimeIndex):
            years = pd.Series(source.index.year, name=year_column)  # DESIGN.md's yearly index
            source = pd.concat([years, source.reset_index(drop=True)], axis=1)
        elif index_of_years(source, year_column):  # df.index = [2019, 2020], as a Series is read
            years = pd.Series(list(source.index), name=year_column)
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
        "unit": unit,  # checked against a unit a footnote states
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
        if series_id is not None:
            every_file_holds(series_id, files, [(obs, layout) for obs, _, layout, _ in read], name)
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
                f"{name}: series {series_id!r} is not in the {where};"
                f"{_did_you_mean(series_id, held, spelling=False)} expected one of "
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
    if isinstance(source, str | os.PathLike) and header_row > 0 and unit is not None:
        no_unit_against_the_line_above(observations, unit, Path(source), options)
    if isinstance(unit, str) and series_id is None:  # "Growth" beside "Revenue": not CNY bn
        no_rate_in_a_table_unit(observations, unit)
    try:
        frame = to_frame(observations, unit=unit, kw_per_rack=kw_per_rack)
    except UnitError as err:
        stated = (
            unit_line_above(file_at(source, err), header_row, sheet_name, encoding)
            if isinstance(source, str | os.PathLike) and "no unit for this series" in str(err)
            else None
        )
        if stated is None:
            raise
        line, said = stated  # "单位：亿元" in the rows header_row skips: never read
        fields = {key: getattr(err, key) for key in err.fields}
        # one unit for the whole table would also be given to its other series (a "%"):
        # a dict naming the series of bare numbers, unless every series is one
        ids = list(dict.fromkeys(o.series_id for o in observations))
        bare = bare_series(observations)
        sid = getattr(err, "series_id", ids[0])
        passing = (
            f"unit={said!r}"
            if bare == ids
            else f"unit={ {b: said for b in bare}!r}"
            + (f" (or series_id={sid!r}, unit={said!r})" if len(bare) == 1 else "")
        )
        raise UnitError(
            f"{err}; a line above the header says {line!r}: pass {passing}", **fields
        ) from err
    from idcforecast._percent_fractions import warn_percent_fractions

    warn_percent_fractions(frame, name)
    places = {(o.series_id, o.year): o.place for o in observations}  # each value's cell
    warn_magnitude_jumps(
        frame,
        name=name,
        place_at=lambda i: places.get((frame.at[i, "series_id"], int(frame.at[i, "year"])), ""),
    )
    wide = [layout for _, _, layout, _ in read if layout != "long"]
    if wide and series_id is None:  # a "Total"/合计 line read as a series
        from idcforecast._totals import warn_total_series

        line = "row" if wide[0] == "years_as_columns" else "column"
        warn_total_series(frame, name=name, line=line)
    return frame


def _folder_file_observations(
    file: Path, series_id: str | None, options: dict[str, Any]
) -> tuple[list[Observation], str, str, dict[str, str]]:
    """One file of a folder, read as :func:`_observations` reads a table; a DataError
    raised on a file that is no table (a README.txt beside the CSVs) says that every
    table-suffixed file of the folder is read, and to move it out."""
    from idcforecast._text_files import not_utf8_error

    if file.suffix.lower() in (".csv", ".txt") and not_utf8_error(
        file.name, file, options["encoding"]
    ):  # encoding="gb18030" for a GBK export: a UTF-8 file beside it stays UTF-8
        options = {**options, "encoding": "utf-8"}
    try:
        read = _observations(file, series_id, None, **options)
    except DataError as err:
        if type(err) not in (DataError, EmptyDataError):
            raise  # a bad value in a real table: its own message says it all
        fields = {key: getattr(err, key) for key in err.fields}
        title = (  # one header_row= for all: right for this file, wrong for the others
            " (header_row= applies to every file of the folder: pass it when all their "
            f"headers are on that row, else delete the lines above the header of {file.name})"
            if "header_row=" in err.message
            else ""
        )
        raise type(err)(
            f"{err.message}; it is read as one of the tables of folder {file.parent.name} "
            f"(every {', '.join(TABLE_SUFFIXES)} file in it): if {file.name} is no table, "
            f"move it out of the folder{title}",
            **fields,
        ) from None
    if options["header_row"] > 0 and options["unit"] is not None:  # as for one file
        # "Unit: US$ millions" in the lines header_row skips, under unit="CNY 100m"
        no_unit_against_the_line_above(read[0], options["unit"], file, options)
    return read


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
    unit: str | dict[str, str] | None = None,
) -> tuple[list[Observation], str, str, dict[str, str]]:
    """One table's observations, its name for messages, the layout read, and the messages
    for its series without a value (:func:`~idcforecast._table_layouts.unpublished_series`).
    A ``unit`` for bare numbers that a footnote under the table contradicts ("Note: figures
    in US$ m") is a UnitError."""
    table, name, place_of = read_table(
        source,
        sheet_name=sheet_name,
        source_name=source_name,
        sep=sep,
        header_row=header_row,
        known_columns=(year_column, value_column, *META),
        encoding=encoding,
        year_column=year_column,
        warn_hidden=False,  # named below: only those of the series read
    )
    # a ';' file whose numbers read only with a decimal comma ("1,5", "1.234,5") is read so
    decimal = file_decimal_mark(table, year_column=year_column, decimal=decimal, name=name)
    default_id = series_id or (Path(name).stem if name != "DataFrame" else "series")
    year_note = table.attrs.get("year_note")  # years under Statista's "Characteristic"
    value_unit = value_remark = None
    if layout in ("auto", "long") and not has_year_headers(table.columns):
        table, value_unit, value_remark = value_header_unit(table, value_column, place_of)
    if (
        layout != "years_as_columns"
        and year_column not in table.columns
        and not has_year_headers(table.columns)
    ):  # ",China IDC,US colo" over "2019,1562.5,...": the years' header cell left blank
        year_column = years_without_header(table) or year_column
    chosen = _choose_layout(
        table,
        layout,
        year_column,
        value_column,
        name,
        table.attrs.get("header_row", header_row),  # past a blank margin above the table
        is_frame=not isinstance(source, str | os.PathLike),
    )
    if chosen == "long":
        observations = read_long(
            table, year_column, value_column, default_id, place_of, decimal, estimates, name
        )
        unpublished = unpublished_series(table, value_column, default_id, place_of, observations)
        if value_unit is not None:  # "value (CNY bn)": the unit of every value
            observations = [
                replace(o, meta=with_unit(o.meta, value_unit, o.place)) for o in observations
            ]
        if value_remark is not None:  # "value (CNY bn, est.)": est. kept on every value
            observations = [replace(o, meta=with_note(o.meta, value_remark)) for o in observations]
    else:
        unpublished = {}
    if chosen == "years_as_columns":
        observations = read_years_as_columns(table, default_id, place_of, name, decimal, estimates)
        from idcforecast._unit_headings import corner_unit, with_corner_unit, with_heading_unit

        if "unit_heading" in table.attrs:  # "RMB bn" merged over the year columns
            heading = table.attrs["unit_heading"]
            observations = with_heading_unit(observations, heading, series_id)
        elif (corner := corner_unit(list(table.columns))) is not None:  # "地区（亿元）"
            observations = with_corner_unit(observations, corner)
    elif chosen == "years_as_rows":
        observations = read_years_as_rows(table, year_column, place_of, decimal, estimates)
    if year_note:
        observations = [replace(o, meta=with_note(o.meta, year_note)) for o in observations]
    _warn_markers(observations, name)
    if table.attrs.get("footnotes"):
        asked = [o for o in observations if series_id in (None, o.series_id)]
        no_unit_against_the_footnotes(asked, unit, table.attrs["footnotes"])
    if "hidden" in table.attrs:
        from idcforecast._hidden_cells import hidden_cells_read, warn_hidden_cells

        rows, columns = hidden_cells_read(
            table, observations, place_of, layout=chosen, series_id=series_id
        )
        warn_hidden_cells(name, table.attrs["sheet"], rows, columns)
    if table.attrs.get("formulas") and chosen != "long":
        _warn_empty_formulas(observations, table, place_of, chosen, year_column, name, series_id)
    if table.attrs.get("formulas"):
        observations = _formula_values(
            observations, table, place_of, chosen, value_column, name, series_id
        )
    return observations, name, chosen, unpublished


def _formula_values(
    observations: list[Observation],
    table: pd.DataFrame,
    place_of: Any,
    layout: str,
    value_column: str,
    name: str,
    series_id: str | None = None,
) -> list[Observation]:
    """The observations read from Excel formula cells (``table.attrs["formulas"]``,
    ``{(row, column position): formula}``) noted and marked derived, the computed ones
    named in a FormulaCellsWarning (:mod:`idcforecast._excel_formulas`), those of series
    ``series_id`` alone when it is given."""
    from idcforecast._excel_formulas import mark_formula_values, warn_formula_values

    at_place = {}
    for (i, j), formula in table.attrs["formulas"].items():
        column = table.columns[j]
        if layout != "long":
            at_place[place_of(i, column)] = formula
        elif column == value_column:  # a long row's observation is named by its row
            at_place[place_of(i)] = formula
    # in the order read (the sheet's XML was searched as a set); of the series asked for
    found = {o.place: at_place[o.place] for o in observations if o.place in at_place}
    if not found:
        return observations
    warn_formula_values(
        {
            o.place: found[o.place]
            for o in observations
            if o.place in found and series_id in (None, o.series_id)
        },
        name,
    )
    return mark_formula_values(observations, found)


def _warn_empty_formulas(
    observations: list[Observation],
    table: pd.DataFrame,
    place_of: Any,
    layout: str,
    year_column: str,
    name: str,
    series_id: str | None,
) -> None:
    """A FormulaCellsWarning naming the value cells of a wide table whose formula gives
    empty text (``=IF(C2>200, C2*1.1, "")``; ``table.attrs["formulas"]`` at a blank cell):
    the sheet shows them blank and they are read as years not published, though a formula
    stands there (a figure it reads may be missing); of series ``series_id`` alone when
    given. (A long table's such blank is an error naming the formula: ``read_long``.)"""
    from idcforecast._cells import is_blank, year_label

    series_at = {o.place: o.series_id for o in observations}
    found = []
    for (i, j), formula in sorted(table.attrs["formulas"].items()):
        column = table.columns[j]
        if not is_blank(table.iat[i, j]):
            continue  # a value, noted by _formula_values
        if layout == "years_as_columns":
            if year_label(column) is None:
                continue  # a name or note column: no year's value
            row = {series_at.get(place_of(i, c)) for c in table.columns} - {None}
            if series_id is not None and row and series_id not in row:
                continue
        elif column == year_column or column in META or series_id not in (None, str(column)):
            continue
        found.append(f"{place_of(i, column)} {formula!r}")
    if not found:
        return
    import warnings

    from idcforecast.errors import FormulaCellsWarning

    shown = "; ".join(found[:3]) + ("; ..." if len(found) > 3 else "")
    count = f"{len(found)} cell{'s' if len(found) > 1 else ''}"
    warnings.warn(
        f"{name}: {count} with a formula that gives empty text, read as years not published "
        f"(gaps) as the sheet shows them blank ({shown}); check the figures the formula "
        "reads (one may be missing); write the figure in its place, or clear the cell if the "
        "year was not published, to silence this note",
        FormulaCellsWarning,
        stacklevel=caller_stacklevel(),
    )


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
        stacklevel=caller_stacklevel(),
    )


def _choose_layout(
    table: pd.DataFrame,
    layout: str,
    year_column: str,
    value_column: str,
    name: str,
    header_row: int = 0,
    *,
    is_frame: bool = False,
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
        unread = [
            (column, why) for column in table.columns if (why := unread_year(column)) is not None
        ]
        if unread and "looks like the header" not in hint:
            # headers that would be years but for their form ("FY19", "2021*", "2021 Q4")
            column, why = unread[0]
            hint = f" (column {str(column).strip()!r} {why})"
        elif is_frame and "a title above the header" in hint:
            hint = ""  # a DataFrame's columns are its header: header_row= is refused
        # a header row below (a title above it) first; else a column holding years
        held = None if "looks like the header" in hint else _column_of_years(table)
        passing = (
            f"pass year_column={held!r}"
            if held is not None and not is_headerless(held)
            else "pass year_column=..."
        )
        below = None if held is None else header_over_years(table, held, header_row)
        if below is not None:  # a title over the column, the header lower: "Characteristic"
            row, label, cells = below
            passing = f"pass header_row={row}, year_column={label!r}"
            hint = (
                f" (a title above the header? row {row + 1} looks like the header "
                f"({', '.join(map(repr, cells))}) over the years: pass header_row={row}"
                + ("" if label == year_column else f" and year_column={label!r}")
                + ")"
            )
        elif held is not None and is_headerless(held):
            # a blank top-left cell over the years (an Excel chart's data range)
            position = list(table.columns).index(held) + 1
            hint = (
                f" (column {position} has no header and holds the years: write "
                f"{year_column!r} in its header cell)"
            )
        elif held is not None:
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
    "指标名称" over "2019-12-31", "2020-12-31"), else None: the year column to pass (a
    column without a header too, which the caller names by its position)."""
    from idcforecast._cells import estimate_year, year_label

    for column in table.columns:
        if not isinstance(column, str) and not is_headerless(column):
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
