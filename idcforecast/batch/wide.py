"""Wide tables (one row per series, years as column headers) as the long table of a batch.

Research tables of many markets are usually wide: a row per country x segment x metric, a
column per year. :func:`melt_wide` turns one into the ``series_id, year, value [, unit]``
rows that :func:`idcforecast.batch.read_long_table` reads, keeping each cell's place in the
file for error messages, so that the number rules and per-series failures of the long
reader apply unchanged. :func:`melt_rows` does the same for the transposed layout, a row
per year and a column per series.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from idcforecast._cells import (
    KEY_SEPARATOR,
    has_year_headers,
    is_blank,
    is_not_published,
    is_number_column,
    joined_keys,
    year_columns,
)
from idcforecast._history_notes import estimate_note
from idcforecast._layout_checks import above_hint, index_hint, stacked_table_error
from idcforecast.errors import DataError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DESCRIBING",
    "KEY_SEPARATOR",
    "SHARED_NAME",
    "is_wide",
    "is_years_as_rows",
    "melt_rows",
    "melt_wide",
    "warn_formula_values_read",
    "with_name_units",
]

# how a wide table's row whose name another row has is marked in the long frame's note
SHARED_NAME = "name shared with other rows: "
# columns of a wide row that describe it rather than name the series
DESCRIBING = ("unit", "qualifier", "as_of", "source", "quote", "confidence", "scope", "note")


def is_wide(table: pd.DataFrame) -> bool:
    """True when some column header is a year (2019, "2019年", "2020A", "2021E")."""
    return has_year_headers(table.columns)


def melt_wide(
    table: pd.DataFrame, name: str, place_of: Callable[..., str], *, estimates: str
) -> tuple[pd.DataFrame, Callable[..., str]]:
    """The long rows of a wide ``table`` and a place function for them.

    The series id is the ``series_id`` column, or else the cells of every other column that
    is neither a year nor a describing column (``unit``, ``note``, ``source``...), joined by
    :data:`KEY_SEPARATOR` ("China / colocation / revenue"); columns holding only numbers
    ("CAGR 2019-21": 18.3%) are statistics, not names, when a text column is there. A blank
    year cell is a year not published (no row); a wholly blank line is skipped. Years marked
    as estimates ("2021E") follow ``estimates`` as in :func:`idcforecast.read_series`. A
    cell marked as not published ("n/a", "—", "..", "暂无") is a gap like a blank one. A
    named row without any value gives one row with a NaN value (its series fails, named,
    instead of vanishing). Rows that share one name (told apart only by a describing
    column such as ``unit``) get a ``note`` starting with :data:`SHARED_NAME` that names
    them, and their series fails with it.

    Returns
    -------
    tuple
        The long frame (``series_id, year, value``, ``unit`` when the table has one, and
        ``note`` when estimate columns are kept: ``"estimate (year written '2022E')"`` on
        their rows, as :func:`idcforecast.read_series` notes them, "" on the others), in
        file order, and ``place(i, column)`` naming the file cell behind long row ``i``.

    Examples
    --------
    >>> import pandas as pd
    >>> wide = pd.DataFrame({"country": ["cn", "us"], "2020": [1.0, 3.0], "2021": [2.0, None]})
    >>> long, place = melt_wide(wide, "t.csv", lambda i, c=None: f"row {i}, {c}", estimates="error")
    >>> long.values.tolist(), place(2, "value")
    ([['cn', 2020, 1.0], ['cn', 2021, 2.0], ['us', 2020, 3.0]], 'row 1, 2020')
    """
    import pandas as pd

    from idcforecast._table_headers import is_headerless

    years, estimated = year_columns(table.columns, name=name, estimates=estimates)
    others = [c for c in table.columns if c not in years and c not in estimated]
    from idcforecast._layout_checks import names_without_header

    names = names_without_header(table, others, DESCRIBING)  # ",2019" over "China IDC,..."
    for column in others:  # a value under no header: a year whose header was lost, or ...
        if column == names or not is_headerless(column):
            continue
        if (filled_at := table[column].map(_is_gap).eq(False)).any():
            i = int(np.argmax(filled_at.to_numpy()))
            where = place_of(i, column)
            raise DataError(
                f"{where}: a column without a header holds {table[column].iloc[i]!r}; "
                "expected a year or the name of what the column holds in its header; write "
                "it there, or delete the column"
                + (index_hint(table[column]) or above_hint(table, column)),
                place=where,
            )
    keys = ["series_id"] if "series_id" in others else [c for c in others if c not in DESCRIBING]
    if names is not None:
        keys = [names]
    named = [c for c in keys if not is_number_column(table[c])]
    from idcforecast._layout_checks import no_second_header_row
    from idcforecast._table_layouts import _warn_number_columns

    if named:  # "单位" over "亿元, 亿元" under the years: the error read_series gives
        no_second_header_row(table, named, [*years, *estimated], place_of, "years_as_columns")

    if keys == ["series_id"]:  # its other number columns ("2019年6月30日"): not read, said
        _warn_number_columns(
            [
                c
                for c in others
                if c not in (*DESCRIBING, "series_id")
                and not is_headerless(c)
                and is_number_column(table[c])
            ],
            name,
        )
    elif named:  # numbers beside text columns are statistics ("CAGR 2019-21"), not names
        _warn_number_columns([c for c in keys if c not in named], name)
        keys = named
    if not keys:
        raise DataError(
            f"{name}: no column names the series beside the year columns "
            f"{', '.join(repr(str(c)) for c in years)}; expected a series_id column, or text "
            "columns such as country and segment (joined into the series id)",
            source=name,
        )
    _no_stacked_header(table, keys, years, place_of)
    columns = list(years)
    numeric = all(
        pd.api.types.is_numeric_dtype(table[c].dtype) and table[c].dtype != bool for c in columns
    )  # a typed CSV of plain numbers: no per-cell test
    cells = table[columns].to_numpy(dtype=np.float64 if numeric else object)
    ids = _joined_ids(table, keys)
    filled = ~pd.isna(cells)
    if not numeric:  # "n/a", "—": a year not published, as a blank cell
        filled &= ~np.vectorize(_is_gap, otypes=[bool])(cells)
    # a named row without any value keeps one (blank) cell, so that its series is reported
    # as failed instead of vanishing from the batch
    unnamed = np.array([i is None for i in ids])
    empty = ~filled.any(axis=1) & ~unnamed
    filled[empty, 0] = True
    rows, cols = np.nonzero(filled)  # row-major: series in file order, then years
    long = pd.DataFrame(
        {
            "series_id": ids[rows],
            "year": np.asarray([years[c] for c in columns], dtype=np.int64)[cols],
            "value": pd.Series(cells[rows, cols]).where(
                pd.Series(~empty[rows] | (cols != 0)), np.nan
            ),
        }
    )
    if "unit" in others:
        long["unit"] = table["unit"].to_numpy(dtype=object)[rows]
    if estimates == "keep" and estimated:  # read_series' note on each estimate read as data
        notes = np.asarray([estimate_note(c) if c in estimated else "" for c in columns], object)
        long["note"] = np.where(~empty[rows] | (cols != 0), notes[cols], "")
    shared = _shared_name_notes(ids, place_of)
    if shared:  # their series fails with this note (was: the rows read as one series)
        row_notes = np.array([shared.get(int(r), "") for r in rows], dtype=object)
        before = long["note"].to_numpy(dtype=object) if "note" in long.columns else None
        long["note"] = (
            row_notes
            if before is None
            else ["; ".join(filter(None, pair)) for pair in zip(row_notes, before, strict=True)]
        )
    if not numeric and long["value"].map(_is_number).all():
        long["value"] = long["value"].astype(np.float64)
    long.attrs["source_rows"] = rows  # the wide row of each long row: its hidden rows named

    def place(i: int, column: Any = None) -> str:
        row = int(rows[i])
        if column in ("value", "year"):
            return place_of(row, columns[cols[i]])
        if column == "series_id":
            return place_of(row, keys[0])
        return place_of(row) if column is None else place_of(row, column)

    return long, place


def _no_stacked_header(
    table: pd.DataFrame, keys: list[Any], years: dict[Any, int], place_of: Callable[..., str]
) -> None:
    """The DataError of :func:`idcforecast._layout_checks.no_repeated_header_rows`, found
    with column operations (a batch table has 100,000 rows): a row whose name cells repeat
    the name headers ("地区" under "地区"), or whose year cells are all years, each the
    header's year shifted alike ("2021, 2022" under "2019, 2020"), is the header of a second
    table stacked below the first; read as data it was a series "地区" of values 2021 and
    2022, and the rows below it were read under the first table's years, in silence."""
    import pandas as pd

    if table.empty:
        return
    repeated = np.ones(len(table), dtype=bool)
    for column in keys:
        cells = table[column].astype(str).str.strip().str.casefold().to_numpy()
        repeated &= cells == str(column).strip().casefold()
    values = np.column_stack(
        [pd.to_numeric(table[c], errors="coerce").to_numpy(dtype=np.float64) for c in years]
    )
    finite = np.isfinite(values)
    shift = values - np.asarray(list(years.values()), dtype=np.float64)
    with np.errstate(invalid="ignore"):
        year = (values == np.round(values)) & (values >= 1900) & (values <= 2100)
    yearlike = np.where(finite, year, True).all(axis=1)
    low = np.where(finite, shift, np.inf).min(axis=1)
    high = np.where(finite, shift, -np.inf).max(axis=1)
    shifted = (finite.sum(axis=1) >= 2) & yearlike & (low == high)
    found = np.flatnonzero((repeated & bool(keys)) | shifted)
    if found.size:
        i = int(found[0])
        shown = [
            str(int(cell)) if isinstance(cell, float) and cell.is_integer() else str(cell).strip()
            for cell in table.iloc[i]
            if not _is_gap(cell)
        ]
        raise stacked_table_error(place_of(i), shown)


def is_years_as_rows(table: pd.DataFrame) -> bool:
    """True for a table with a year per row and a column per series: a ``year`` column,
    neither ``series_id`` nor ``value``, and some column that does not describe a row."""
    columns = set(table.columns)
    return (
        "year" in columns
        and not columns & {"series_id", "value"}
        and any(c != "year" and c not in DESCRIBING for c in table.columns)
    )


def melt_rows(
    table: pd.DataFrame, name: str, place_of: Callable[..., str]
) -> tuple[pd.DataFrame, Callable[..., str]]:
    """The long rows of a table with a year per row and a column per series.

    Each column but ``year`` and the describing ones (``unit``, ``note``, ``source``...)
    is a series named by its header, as :func:`idcforecast.read_series` reads the layout
    ``years_as_rows``; a row's ``unit`` cell is the unit of each of its values. A blank
    cell, or one marked as not published ("n/a", "—"), is a year not published (no row);
    a wholly blank line is skipped; a series column without any value gives one row with
    a NaN value (its series fails, named).
    Year cells are kept as written, for the long reader's year rules.

    Returns
    -------
    tuple
        The long frame (``series_id, year, value``, and ``unit`` when the table has one),
        series in column order and years in file order, and ``place(i, column)`` naming
        the file cell behind long row ``i``.

    Raises
    ------
    DataError
        For a column without a header that holds values, naming its first cell.

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"year": [2019, 2020], "north": [1.0, 2.0], "south": [3.0, None]})
    >>> long, place = melt_rows(rows, "t.csv", lambda i, c=None: f"row {i}, {c}")
    >>> long.values.tolist(), place(2, "value")
    ([['north', 2019, 1.0], ['north', 2020, 2.0], ['south', 2019, 3.0]], 'row 0, south')
    """
    import pandas as pd

    from idcforecast._table_headers import is_headerless

    series = [c for c in table.columns if c != "year" and c not in DESCRIBING]
    cells = table[series].to_numpy(dtype=object)
    filled = ~np.vectorize(_is_gap, otypes=[bool])(cells) if cells.size else cells.astype(bool)
    for j, column in enumerate(series):
        if is_headerless(column) and filled[:, j].any():
            i = int(np.argmax(filled[:, j]))
            where = place_of(i, column)
            raise DataError(
                f"{where}: a column without a header holds {cells[i, j]!r}; expected the "
                "series' name in the header (each column of a table with a year per row is a "
                "series named by its header); write a name there, or delete the column",
                place=where,
            )
    empty = ~filled.any(axis=0)  # a named column without any value keeps its first cell
    filled[0, empty] = True
    cols, rows = np.nonzero(filled.T)  # column-major: series in column order, then years
    values = pd.Series(cells[rows, cols], dtype=object).where(
        pd.Series(~empty[cols] | (rows != 0)), np.nan
    )
    long = pd.DataFrame(
        {
            "series_id": np.asarray([str(c) for c in series], dtype=object)[cols],
            "year": table["year"].to_numpy(dtype=object)[rows],
            "value": values,
        }
    )
    if "unit" in table.columns:
        long["unit"] = table["unit"].to_numpy(dtype=object)[rows]
    if long["value"].map(_is_number).all():
        long["value"] = long["value"].astype(np.float64)
    if long["year"].map(_is_number).all():
        long["year"] = pd.to_numeric(long["year"])

    def place(i: int, column: Any = None) -> str:
        row = int(rows[i])
        if column in ("value", "series_id"):
            return place_of(row, series[cols[i]])
        return place_of(row) if column is None else place_of(row, column)

    return long, place


def _shared_name_notes(ids: np.ndarray, place_of: Callable[..., str]) -> dict[int, str]:
    """Row -> the note of a row whose series name another row of the wide table has too.

    Rows told apart only by a describing column ("China, colo, USD bn" and "China, colo,
    MW": the unit is not part of the name) would be read as one series, which then fails
    as mixing units or giving a year twice; the note (:data:`SHARED_NAME`, then the message,
    which holds no "; ", the separator of notes)
    makes :func:`idcforecast.batch.chunks.group_series` fail it for what it is, naming the
    rows, as :func:`idcforecast.read_series` refuses such a table.

    Examples
    --------
    >>> ids = np.array(["cn / colo", "cn / colo", "us / colo", None], dtype=object)
    >>> notes = _shared_name_notes(ids, lambda i: f"t.csv row {i + 2}")
    >>> sorted(notes), notes[1][len(SHARED_NAME) :]  # doctest: +NORMALIZE_WHITESPACE
    ([0, 1], "series 'cn / colo' is the name of 2 rows of the table (t.csv row 2, t.csv
    row 3): give each row its own name (a column that tells them apart, such as the
    metric), or delete the extra rows (this row: t.csv row 3)")
    """
    import pandas as pd

    names = pd.Series(ids, dtype=object)
    repeated = names.notna() & names.duplicated(keep=False)
    if not repeated.any():
        return {}
    out: dict[int, str] = {}
    for name, group in names[repeated].groupby(names[repeated], sort=False):
        places = ", ".join(place_of(int(i)) for i in group.index)
        message = (
            f"series {name!r} is the name of {len(group)} rows of the table ({places}): give "
            "each row its own name (a column that tells them apart, such as the metric), or "
            "delete the extra rows"
        )
        for i in map(int, group.index):  # each row's own: a frame filtered to one row is
            out[i] = f"{SHARED_NAME}{message} (this row: {place_of(i)})"  # not failed
    return out


def _is_gap(cell: Any) -> bool:
    """A blank cell, or one marked as not published ("n/a", "—", "..", "暂无")."""
    return is_blank(cell) or is_not_published(cell)


def _is_number(cell: Any) -> bool:
    return isinstance(cell, float | int) and not isinstance(cell, bool)


def _joined_ids(table: pd.DataFrame, keys: list[str]) -> np.ndarray:
    """Each row's series id: its key cells, stripped, joined; None when all are blank."""
    return np.asarray(joined_keys(table[key] for key in keys), dtype=object)


# besides brackets at its end, what header_unit reads a name's unit from: a percent sign
# ("Growth %", "% share"), a unit after its last comma ("Revenue, US$ m", "市场规模，亿元")
# or a spaced dash ("Revenue - USD bn") or a slash ("规模/亿元"), or after "in" ("Revenue in
# billion U.S. dollars") or a colon ("Capacity: MW", "单位：亿元") or "单位为" ("规模 单位为亿元")
_MAY_STATE_UNIT = re.compile(r"[%％,，/／:：]|\s[-–—]\s|\sin\s|单位|單位|単位|단위", re.IGNORECASE)


# a character every name that states a unit holds (a bracket, a space, "%", a comma...):
# most ids of a long file ("series_000123") hold none, and are passed over at once
_MAY_NAME_A_UNIT = re.compile(r"[\s(（\[%％,，/／:：单單単단]")


def with_name_units(
    table: pd.DataFrame, place_of: Any, numbers: np.ndarray | None = None
) -> pd.DataFrame:
    """A melted table with the unit its series' names state in brackets ("北京（亿元）",
    "IDC market (USD bn)"), after a comma ("Revenue, US$ m") or "in" ("Revenue in billion
    U.S. dollars") or with a percent sign
    ("Growth %"; :func:`idcforecast._table_layouts.header_unit`) in its ``unit``
    column, where the row has none; a ``unit`` cell of another unit is a DataError, as in
    :func:`idcforecast.read_series`. Left out, the rows had no unit, and ``unit=`` took
    them to be in it already: 100亿元 read as 100 USD bn. A long table's ids too ("north
    (GW)"), with ``numbers``, each row's series as a number (-1 blank), so that 2 million
    ids are not hashed again."""
    import pandas as pd

    from idcforecast._table_layouts import BRACKETED_END, header_unit, with_unit
    from idcforecast._unit_tails import may_end_in_unit

    ids = table["series_id"]
    values = ids.to_numpy(dtype=object)
    keys = ids if numbers is None else pd.Series(numbers, index=ids.index)
    # each series' first row (the melt repeats a name once per year); only a name that ends
    # in brackets, holds a percent sign ("Growth %") or a comma ("Revenue, US$ m") can state
    # a unit, as header_unit reads them (100,000 names: 0.1 s, where naming every row's
    # place and reading each name took ~1 s)
    rows = np.flatnonzero(~keys.duplicated().to_numpy())
    may = _MAY_NAME_A_UNIT.search  # a quick look first: 200,000 long-file ids in 0.1 s
    first = {
        i: name
        for i, name in zip(rows.tolist(), values[rows].tolist(), strict=True)
        if isinstance(name, str)
        and may(name)
        and (
            BRACKETED_END.search(name)
            or _MAY_STATE_UNIT.search(name)
            or may_end_in_unit(name)  # "Capacity MW", "市场规模 亿元"
        )
    }
    key_of = values if numbers is None else numbers
    stated = {key_of[i]: u for i, name in first.items() if (u := header_unit(name, place_of(i)))}
    if not stated:
        return table
    named = keys.map(stated)  # one unit per series, None where its name states none
    if "unit" not in table.columns:
        return table.assign(unit=named.astype(object).where(named.notna(), None))
    cells = table["unit"]
    blank = cells.map(is_blank).to_numpy()
    for i in np.flatnonzero(named.notna().to_numpy() & ~blank):  # both: they must agree
        with_unit({"unit": cells.iloc[i]}, named.iloc[i], place_of(int(i)))
    units = cells.astype(object).where(~blank, named)
    return table.assign(unit=units.where(units.notna(), None))


def warn_formula_values_read(
    table: pd.DataFrame,
    formulas: dict[tuple[int, int], str],
    missing: list[str],
    name: str,
    place_of: Any,
    estimates: str,
) -> None:
    """A FormulaCellsWarning naming the value cells (not a CAGR beside them, not a year
    counted on) that Excel formulas compute, in the table's order: the ``value`` column of a
    long table, the year columns of a wide one (estimates only when kept), the series
    columns of a table with a year per row."""
    from idcforecast._excel_formulas import warn_formula_values

    if missing and is_wide(table):
        years, estimated = year_columns(table.columns, name=name, estimates=estimates)
        read = set(years) | (set(estimated) if estimates == "keep" else set())
    elif not missing or missing == ["series_id"]:
        read = {"value"}
    elif is_years_as_rows(table):
        read = {c for c in table.columns if c != "year" and c not in DESCRIBING}
    else:
        return  # not a table read: its error comes next
    found = {
        place_of(i, table.columns[j]): formula
        for (i, j), formula in sorted(formulas.items())
        if table.columns[j] in read
    }
    warn_formula_values(found, name, marked=False)
