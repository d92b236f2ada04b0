"""Read a long CSV/Excel file of many series for :func:`forecast_many`.

The file is read as :func:`idcforecast.read_series` reads it (separator detected, ``header_row``
for title lines, percent-formatted Excel cells as shown, typed errors naming the file), and
value cells are read by the same number rules: ``"1,000"`` is a thousand, with
``decimal=","`` ``"1.234,5"`` is 1234.5 (a ``;``, tab or ``|`` separated file whose numbers
read only with a decimal comma, ``"1,5"``, is read so without it, as ``read_series`` reads
it), and a number the chosen decimal mark contradicts
(``"12,5"`` read with ``decimal="."``, ``"12.5"`` with ``decimal=","``) is a ``ParseError``
naming its cell, never a silent factor of ten. Without ``unit`` every series is forecast in
the unit its rows are written in; with it, every row is converted to it. A cell marked as
not published (``"n/a"``, ``"—"``, ``".."``, ``"暂无"``) is a gap like a blank cell, as
``read_series`` reads it; a
number with a bound or "about" before it and no unit (``"超过520"``, ``"> 1500"``, ``"约300"``)
is that number, its qualifier in the ``qualifier`` column, as ``read_series`` reads it;
figure text with a unit (``"1000亿元"``) is its number in its own unit, as ``read_series``
reads it (over the row's unit, noted); another cell that is not one number (a range
``"300-340"``, ``"TBD"``) is kept as written, so that only its series fails, with a note
quoting it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from idcforecast._cells import (
    has_year_headers,
    is_blank,
)
from idcforecast._decimal_marks import file_decimal_mark
from idcforecast._format_options import check_format_options
from idcforecast._magnitude_jumps import warn_magnitude_jumps
from idcforecast._table_files import read_table
from idcforecast._table_headers import header_hint
from idcforecast._table_layouts import value_header_unit
from idcforecast._unit_lines import (
    no_rows_against_the_footnotes,
    no_rows_against_the_line_above,
    rate_rows_marked,
    warn_rows_without_a_stated_unit,
)
from idcforecast._unit_marks import record_units_as_read
from idcforecast.batch.cell_marks import repeated_years, values_not_read, years_not_read
from idcforecast.batch.reading_columns import (
    _canonical_units,
    _cell_qualifiers,
    _gaps,
    _in_unit,
    _interrupt_kept,
    _is_numeric,
    _marker_notes,
    _stripped_ids,
    _stripped_text,
    _text_column,
    _warn_hidden,
    _warn_percent_fractions,
    _whole_years,
    _with_quotes,
    _with_value_unit,
    _years,
)
from idcforecast.batch.series_units import (
    one_unit_per_series,
)
from idcforecast.batch.value_cells import (
    cell_units_read,
    percent_unit,
    value_numbers,
)
from idcforecast.batch.wide import (
    is_wide,
    is_years_as_rows,
    melt_rows,
    melt_wide,
    warn_formula_values_read,
    with_name_units,
)
from idcforecast.errors import DataError

if TYPE_CHECKING:
    from collections.abc import Callable

    import pandas as pd

__all__ = ["read_long_table"]

LONG_COLUMNS = ("series_id", "year", "value")


def read_long_table(
    path: str | os.PathLike[str],
    *,
    sep: str | None = None,
    decimal: str = ".",
    header_row: int = 0,
    sheet_name: str | int = 0,
    unit: str | None = None,
    kw_per_rack: float = 2.5,
    estimates: str = "error",
    encoding: str = "utf-8",
    year_column: str = "year",
    source_name: str | None = None,
) -> pd.DataFrame:
    """Read a table of many series (long, wide with years as headers, or a row per year).

    Parameters
    ----------
    path
        A ``.csv``/``.txt`` or ``.xlsx``/``.xlsm`` file: long, one row per series and year
        (``series_id, year, value`` and optionally ``unit``), or wide, one row per series
        and a column per year (headers 2019, 2020, ...; the series named by a ``series_id``
        column or by its other text columns joined, "China / colocation"; see
        :func:`idcforecast.batch.wide.melt_wide`), or a row per year: a ``year`` column
        and one column per series named by its header, without ``series_id`` and
        ``value`` (see :func:`idcforecast.batch.wide.melt_rows`; ``unit`` and provenance
        columns such as ``source`` and ``note`` are not series), as
        :func:`idcforecast.read_series` reads the three. A long file without ``series_id``
        holds one series, named after the file (``markets.csv``: "markets"), as
        :func:`idcforecast.read_series` names it.
    sep, decimal, header_row, sheet_name
        As in :func:`idcforecast.read_series`: the field separator (``None``: detected),
        the decimal mark (``"."`` or ``","``), the 0-based row of the header (rows above it
        are skipped) and the Excel sheet.
    year_column
        The header of a long table's year column when it is not ``year`` (``"年份"``), as
        in :func:`idcforecast.read_series`.
    unit
        Convert every row to this unit (``"USD bn"``): from the unit in its ``unit`` column,
        currencies with the FX rate of the row's year, magnitudes, racks and power
        (through ``kw_per_rack``, kW per rack), and figure text from its own unit
        (``"1000亿元"``). A row without a unit is taken to be in ``unit`` already. A row
        whose unit does not convert (unknown, another dimension, a year without an FX
        rate) keeps its value and unit, and its series is reported as failed by
        :func:`forecast_many` with the error naming the row (in its ``note``).
        ``None`` (default): values are kept in their unit, except in a series whose rows
        carry different units that convert (MW and GW, currencies at each year's FX rate,
        racks and power through ``kw_per_rack``): it is converted to its most common unit
        (a tie: its first row's), as :func:`idcforecast.read_series` converts it, each
        converted row noted ("converted from 'GW' (x1000)", named in the series' forecast
        ``note``); a unit that does not convert to it (another dimension, a year without an
        FX rate), or a unit beside bare numbers, fails that series alone in
        :func:`forecast_many`, with the error naming the row and the fix.
        Such a row's note ends with the unit it was left with ("unit as read: 'kg'"): a
        unit set in the frame since (``frame.loc[row, "unit"] = "MW"``) is read as your
        correction, and the row is forecast in it.
    kw_per_rack
        kW per standard rack for converting racks and power (default 2.5, the MIIT standard
        rack), with ``unit``.
    estimates
        Years marked as estimates ("2021E", "2022F") in headers or year cells: ``"error"``
        (default) names them, ``"drop"`` leaves them out, ``"keep"`` reads them as years,
        each noted as an estimate in a ``note`` column.
    encoding
        Text encoding of a CSV file (default UTF-8; ``"gb18030"`` for GBK).
    source_name
        Name used in messages instead of the file's name, as in
        :func:`idcforecast.read_series` (``forecast-many -`` reads standard input as
        "standard input"); a long table without ``series_id`` is named after it.

    Returns
    -------
    pandas.DataFrame
        Columns ``series_id, year, value`` (and ``unit`` when the file has one, or its value
        column's header states one: "value (CNY bn)", or a wide table's series names do:
        "北京（亿元）", as :func:`idcforecast.read_series` reads them; ``qualifier`` when it
        has one or a value cell writes one, "超过520" being 520 ``at_least`` as in
        :func:`idcforecast.read_series` (``exact`` on the other rows; a column's
        ``exact`` or blank cell takes the value's word, another word is a ``DataError``),
        from which :func:`forecast_many` names the values published as bounds in a series'
        ``note``; ``quote`` when a value cell writes more than a number, the cell as
        published, "1000亿元", "超过520", "3,200*", "27.8%", on its row and "" on the
        others, as :func:`idcforecast.read_series` keeps it, or when the file has a
        ``quote`` column, whose filled cells are kept), rows in file order without wholly
        blank lines, ready for
        :func:`forecast_many`. ``value`` holds
        floats; a row whose value cell is marked as not published ("n/a", "—", "..",
        "暂无") is left out, a gap, as :func:`idcforecast.read_series` reads it (a series
        with no other row keeps one, NaN, so that it fails by name); a blank value cell is
        NaN (its series fails, "the value is blank"); a cell that is not a plain number keeps
        its text, so that its series alone is reported as failed. When
        ``estimates="keep"`` kept some year, a ``note`` column follows: ``"estimate (year
        written '2022E')"`` on its rows (the note :func:`idcforecast.read_series` gives
        them), "" on the others; from it :func:`forecast_many` names those years in the
        series' ``note``. Rows of a wide table that share one name get a ``note`` naming
        them, from which :func:`forecast_many` fails their series with it. A row whose
        year or value cell could not be read, whose unit did not convert, or whose series
        repeats its year gets a ``note`` naming its place in the file
        (:mod:`idcforecast.batch.cell_marks`), from which :func:`forecast_many` and
        :func:`idcforecast.forecast` name that line where the row fails their checks. A
        ``note`` column of the file itself is not read.

    Warns
    -----
    FootnoteWarning
        Naming the rows under the table skipped as its footnotes, as
        :func:`idcforecast.read_series` skips them ("Source: ..." alone in the first
        column, below the last row).
    AmbiguousNumberWarning
        For a series in "%" whose every value is a plain number below 1 (0.125, 0.111:
        12.5% typed without the percent format, read as 0.125%), as
        :func:`idcforecast.read_series` warns; and for a ``;`` file whose numbers all read
        both ways ("1.562").
    MagnitudeJumpWarning
        Naming the values 300 times or more (or 1/300 or less) the published year beside
        them, as :func:`idcforecast.read_series` names them ("$1,300" under "USD bn" beside
        1.2 and 1.4: a magnitude slip?); they are read as written.
    HiddenCellsWarning
        Naming an Excel sheet's hidden rows and columns, read as data; each hidden row of a
        table with a row per series is followed by the series it holds ("rows 4, 5 (series
        'india')"), as all the series are read.
    TotalRowWarning
        For a wide table's row (or a column of a table with a year per row) named like a
        total line ("Total", "合计", "总计"; "China / Total" among "China / ..." rows): it
        is read as a series of its own, and the warning says whether it is the sum of the
        others in every year they all have (within 0.5%) or where it is not.

    Raises
    ------
    DataError, EmptyDataError
        For a missing or unreadable file, bad options, a missing column or a blank series
        id, naming the file and row.
    UnknownUnitError, IncompatibleUnitsError, MissingFxRateError
        For a ``unit`` that cannot be read, or when no row's unit converts to it (the first
        row named; a wrong ``unit``).
    UnitError
        For a ``unit`` that rows without one would be taken to be in while a line above the
        header or a footnote under the table states another ("Note: figures in US$ m"), as
        :func:`idcforecast.read_series` refuses it.
    ParseError
        For a number the decimal mark contradicts, naming the cell.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "m.csv").write_text(
    ...     'Market sizes\\nseries_id;year;value\\nde;2020;"1.000,5"\\nde;2021;1.100,5\\n')
    >>> read_long_table(folder / "m.csv", decimal=",", header_row=1)["value"].tolist()
    [1000.5, 1100.5]
    """
    check_format_options(
        path,
        sep=sep,
        decimal=decimal,
        header_row=header_row,
        caller="read_long_table",
        encoding=encoding,
        estimates=estimates,
    )
    # typed parsing is 5-10x faster on large files, but would read "1.234" (a thousand with
    # a grouping dot) as 1.234 when the decimal mark is ","
    with _interrupt_kept():
        table, name, place_of = read_table(
            path,
            sheet_name=sheet_name,
            source_name=source_name,
            sep=sep,
            header_row=header_row,
            typed=decimal == ".",
            text_columns=_text_column,
            known_columns=(*LONG_COLUMNS, "unit"),
            encoding=encoding,
            year_column=year_column,  # its merged cells, its "2019*" under "* Forecast"
            warn_hidden=False,  # named below with the series each hidden row holds
        )
    formulas = table.attrs.get("formulas")  # values computed in the workbook: named below
    year_note = table.attrs.get("year_note")  # years under Statista's "Characteristic"
    heading = table.attrs.get("unit_heading")  # a unit merged over the year columns
    footnotes = table.attrs.get("footnotes")  # skipped under the table: a unit they state
    hidden, sheet = table.attrs.get("hidden"), table.attrs.get("sheet")
    if year_column != "year" and year_column in table.columns:
        if "year" in table.columns:
            raise DataError(
                f"{name}: has both a 'year' column and the year column {year_column!r} asked "
                "for; drop or rename one of them",
                source=name,
                column=year_column,
            )
        table = table.rename(columns={year_column: "year"})
    # a ';' (tab, '|') file whose numbers read only with a decimal comma ("1,5", "1.234,5")
    # is read so, as read_series reads it; one whose numbers all read both ways is warned of
    decimal = file_decimal_mark(table, year_column="year", decimal=decimal, name=name)
    value_unit = value_remark = None
    if "value" not in table.columns and not has_year_headers(table.columns):
        # "value (CNY bn)", "数值（亿元）": the value column, in that unit, as read_series reads it
        table, value_unit, value_remark = value_header_unit(table, "value", place_of)
    if "year" not in table.columns and not has_year_headers(table.columns):
        # ",China IDC,US colo" over "2019,1562.5,...": the years' header cell left blank
        table, place_of = _headerless_years_read(table, place_of)
    missing = [c for c in LONG_COLUMNS if c not in table.columns]
    header = table.iloc[:0]  # the file's own columns, for an error about its rows
    if formulas:
        warn_formula_values_read(table, formulas, missing, name, place_of, estimates)
    # qualifier: bounds are noted; quote: a file's own, the cell as published
    kept_columns = [*LONG_COLUMNS, "unit", "qualifier", "quote"]
    total_line = ""  # a wide table's "Total" row (or column): warned about once read
    corner = None  # a wide table's name column headed with a unit: "地区（亿元）"
    ids_in_file = "series_id" in table.columns  # a long table's ids (not the file's name)
    if missing and is_wide(table):
        from idcforecast._unit_headings import corner_unit

        corner = None if heading is not None else corner_unit(list(table.columns))
        table, place_of = melt_wide(table, name, place_of, estimates=estimates)
        kept_columns.append("note")  # melt_wide's: the notes of estimates read as data
        total_line = "row"
    elif missing == ["series_id"]:  # one unnamed series: named after the file, as
        table = table.assign(series_id=Path(name).stem)  # read_series names it
    elif missing and is_years_as_rows(table):  # year, north, south: as read_series reads it
        from idcforecast._layout_checks import no_description_rows
        from idcforecast.batch.wide import DESCRIBING

        # "频率", "单位" rows above the years (a Wind export): the error read_series gives
        series_columns = [c for c in table.columns if c != "year" and c not in DESCRIBING]
        no_description_rows(table, "year", series_columns, place_of)
        table, place_of = melt_rows(table, name, place_of)
        total_line = "column"
    elif missing:
        # only the years missing: most likely under another header (年份, Year of report)
        other_header = (
            "; if the years are under another header, pass year_column=NAME (--year-column NAME)"
            if missing == ["year"]
            else ""
        )
        # a 'year' header found means the header row is right: no hint about title rows
        title_hint = (
            header_hint(table, header_row=header_row, names=LONG_COLUMNS)
            if "year" in missing
            else ""
        )
        from idcforecast._table_headers import header_over_years, is_headerless
        from idcforecast.io import _column_of_years, _columns

        held = _column_of_years(table) if "year" in missing else None
        below = (
            None
            if held is None or "looks like the header" in title_hint
            else header_over_years(table, held, table.attrs.get("header_row", header_row))
        )
        if held is None or "looks like the header" in title_hint:
            pass  # a header row below (a title above it) first
        elif below is not None:  # a title over the years' column, the header lower
            row, label, cells = below
            title_hint = (
                f" (a title above the header? row {row + 1} looks like the header "
                f"({', '.join(map(repr, cells))}) over the years: pass header_row={row}"
                + ("" if label == "year" else f" and year_column={label!r}")
                + ")"
            )
        elif is_headerless(held):  # a blank top-left cell over the years
            position = list(table.columns).index(held) + 1
            title_hint = (
                f" (column {position} has no header and holds the years: write 'year' in its "
                "header cell)"
            )
        else:  # "指标名称" over the dates of a Wind export: as read_series names it
            title_hint = f" (the years are in column {held!r}: pass year_column={held!r})"
        raise DataError(
            f"{name}: no column(s) {', '.join(map(repr, missing))}; expected a long table "
            f"with columns series_id, year, value (and optionally unit), a wide one with "
            f"years as column headers, or one with a year per row and a column per series "
            f"(year, north, south; without series_id and value); found "
            f"{_columns(table)}{other_header}{title_hint}",
            source=name,
            missing=missing,
        )
    source_rows = table.attrs.get("source_rows")  # a wide table's row of each long row
    if total_line:  # melted: "北京（亿元）" names its unit, as read_series reads it
        table = with_name_units(table, place_of)
    if total_line == "row" and heading is not None:  # "RMB bn" merged over the year columns
        from idcforecast._unit_headings import rows_with_heading_unit

        table = rows_with_heading_unit(table, heading, place_of)
    elif corner is not None and "unit" in table.columns:  # rows without one take the corner's
        blank = table["unit"].map(is_blank).to_numpy(dtype=bool)
        table = table.assign(unit=table["unit"].astype(object).where(~blank, corner[0]))
    elif corner is not None:
        table = table.assign(unit=corner[0])
    table = table[[c for c in kept_columns if c in table.columns]]
    ids, blank_id, id_numbers = _stripped_ids(table["series_id"])
    if ids_in_file and not total_line:  # a long table's "north (GW)": as read_series reads it
        table = with_name_units(table, place_of, id_numbers)

    def series_numbers(frame: pd.DataFrame, rows: pd.Index = table.index) -> np.ndarray | None:
        """Each row's series as a number (read above, stripped ids), for the checks that
        group rows by series: the ids are hashed once, not per check (0.3-1 s each on 2
        million rows); None if a row is not one of the table's."""
        if not rows.is_unique:
            return None
        at = rows.get_indexer(frame.index)
        return id_numbers[at] if (at >= 0).all() else None

    if hidden is not None:
        _warn_hidden(hidden, sheet, ids, source_rows, name, by_row=total_line != "column")
    if blank_id.any():  # wholly blank rows (blank lines) are skipped; others are an error
        rows = np.flatnonzero(blank_id)
        filled = [i for i in rows if not all(is_blank(cell) for cell in table.iloc[i])]
        if filled:
            where = place_of(int(filled[0]), "series_id")
            raise DataError(
                f"{where}: the series name is blank; expected a series id (blank a whole row "
                "to skip it)",
                place=where,
            )
    if blank_id.all():  # was: "forecast_many: data has no rows", the file not named
        from idcforecast._table_files import require_rows

        require_rows(header, name, header_row, hint=" (every line below the header is blank)")
    out = table.assign(series_id=ids)
    if "unit" in out.columns:
        out["unit"] = _canonical_units(_stripped_text(out["unit"])[0])
    if value_unit is not None:
        out = _with_value_unit(out, value_unit, place_of)
    dropped = np.zeros(len(out), dtype=bool)
    signed = None  # the value cells written with a percent sign ("12.5%"): no fraction
    if not _is_numeric(out["value"]):
        out["value"], percent, unpublished, qualifiers, cell_units, markers = value_numbers(
            table["value"], decimal, place_of
        )
        if markers.notna().any():  # "3,200*": read 3200, the marker said in the note
            out["note"] = _marker_notes(out, markers, table["value"], place_of, name)
        if percent.any():
            out = percent_unit(out, percent, place_of)
            signed = percent
        if cell_units.notna().any():
            out = cell_units_read(out, cell_units, table["value"], place_of)
        if qualifiers.notna().any():
            out = _cell_qualifiers(out, qualifiers, table["value"], place_of)
        if unpublished.any():
            dropped = _gaps(unpublished.to_numpy(), out["series_id"])
        quoted = percent | qualifiers.notna() | cell_units.notna() | markers.notna()
        if quoted.any() or "quote" in out.columns:  # "2023亿元": the cell as published
            out = _with_quotes(out, table["value"], quoted)
    if not _is_numeric(out["year"]):
        out["year"], estimate_rows, notes = _years(table["year"], place_of, estimates)
        dropped |= estimate_rows
        if notes is not None:
            out["note"] = notes
    if corner is not None and value_remark is None:  # "地区（亿元，估计）": 估计 kept too
        from idcforecast._unit_headings import corner_remark_note

        value_remark = corner_remark_note(corner[1])
    if year_note:  # "Characteristic" read as the year column: said on every value
        value_remark = "; ".join(filter(None, [value_remark, year_note]))
    if value_remark is not None:  # "value (CNY bn, est.)": est. kept on every value
        from idcforecast.batch.series_units import with_notes

        out["note"] = with_notes(out, {value_remark: [np.arange(len(out))]})
    out = out[~blank_id & ~dropped]
    # ids as read_series types them (pandas' text dtype): forecast_many() gives the ids
    # back in the dtype it was given, so the two readers' results are alike
    out = out.assign(year=_whole_years(out["year"]), series_id=out["series_id"].infer_objects())
    if unit is not None and header_row > 0:
        no_rows_against_the_line_above(
            out, unit, Path(path), name, header_row, sheet_name, encoding
        )
    if unit is not None and footnotes:  # "Note: figures in US$ m" under bare numbers
        no_rows_against_the_footnotes(out, unit, footnotes, name)
    if unit is not None:  # "Growth" of bare numbers: not in unit=, its series fails
        out = rate_rows_marked(out, unit, place_of, series_numbers(out))
        written = table["unit"] if "unit" in table.columns else None  # "亿" as written
        out = _in_unit(out, unit, kw_per_rack, place_of, written)
    else:  # MW and GW in one series: converted to one of them, as read_series does
        warn_rows_without_a_stated_unit(
            out,
            Path(path) if header_row > 0 else None,
            name,
            header_row,
            sheet_name,
            encoding,
            footnotes,
        )
        out = one_unit_per_series(out, kw_per_rack, place_of)
    out = values_not_read(out, place_of)
    out = repeated_years(out, place_of, series_numbers(out))
    out = years_not_read(out, place_of, in_a_file=True)  # last of the marks: its note ends
    # the row's note ... but the unit a row not converted was left with, against which a unit
    # set in the frame since is read as the user's correction (idcforecast._unit_marks)
    out = record_units_as_read(out)
    # in one order, whatever added unit (a percent value, the value's header) or note
    out = out[
        [c for c in (*LONG_COLUMNS, "unit", "qualifier", "quote", "note") if c in out.columns]
    ]
    _warn_percent_fractions(out, signed, name)
    warn_magnitude_jumps(
        out, name=name, place_at=lambda i: place_of(i, "value"), codes=series_numbers(out)
    )
    out = out.reset_index(drop=True)
    if total_line:
        from idcforecast._totals import warn_total_series

        warn_total_series(out, name=name, line=total_line)
    # the wide table's row numbers (an array) were for the messages above: left in attrs,
    # pandas compares attrs with == when it combines frames, so `.astype({...})` of a wide
    # file's frame raised "The truth value of an array ... is ambiguous"
    out.attrs.pop("source_rows", None)
    return out


def _headerless_years_read(
    table: pd.DataFrame, place_of: Callable[..., str]
) -> tuple[pd.DataFrame, Callable[..., str]]:
    """The table with its first column named ``year`` when its header cell is blank but it
    can only hold the years (:func:`~idcforecast._layout_checks.years_without_header`), as
    :func:`idcforecast.read_series` reads it, and a place function that still names that
    column as the file has it ("column 1 (no header)"); else both as they are."""
    from idcforecast._layout_checks import years_without_header

    years = years_without_header(table)
    if years is None:
        return table, place_of

    def place(i: int, column: Any = None) -> str:
        return place_of(i, years if column == "year" else column)

    return table.rename(columns={years: "year"}), place
