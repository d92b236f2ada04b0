"""Frames to per-series numpy arrays, and the gap policy, for the forecast front door.

Only this module and :mod:`idcforecast.forecasting` / :mod:`idcforecast.evaluation` touch
pandas; models see consecutive yearly values as 1-D arrays.

Gap policy (years missing inside a series), chosen with ``gaps=``:

``"interpolate"`` (default)
    Fill each interior missing year for FITTING ONLY: log-linearly (constant growth between
    the neighbours) when every value is positive, linearly otherwise. The filled years are
    named in the forecast's ``note``; they never appear as data in any output, never count
    toward a method's minimum and are never scored by the interval calibration
    (``PreparedSeries.observed``). A series with more missing than observed years is a
    ``DataError`` (it would be mostly invented).
``"span"``
    Fit only the most recent run of consecutive years (the older years are dropped and
    named in the ``note``).
``"error"``
    Raise :class:`~idcforecast.errors.DataError` naming the missing years.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from idcforecast._series_ids import check_ids_distinct_as_text, check_ids_not_joined_as_equal
from idcforecast._wording import year_span
from idcforecast.errors import (
    DataError,
    DuplicateYearError,
    EmptyDataError,
    MixedUnitsError,
    NonNumericValueError,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "GAP_POLICIES",
    "YEAR_MAX",
    "YEAR_MIN",
    "PreparedSeries",
    "SeriesData",
    "bad_year_message",
    "cell_repr",
    "check_gap_policy",
    "duplicate_year_message",
    "mixed_units_message",
    "no_values_message",
    "not_published_mask",
    "prepare_values",
    "split_series",
    "true_false_cells",
    "unpublished_label",
    "value_not_finite_message",
    "year_numbers",
]

GAP_POLICIES = ("interpolate", "span", "error")
# At most four digits: a typo (20210) or a date read as nanoseconds must not become
# thousands of interpolated gap years. No lower bound: benchmarks index years 1..n.
YEAR_MIN, YEAR_MAX = 1, 9999  # years below 1 are index positions, not years (0, 1, 2...)


@dataclass(frozen=True)
class SeriesData:
    """One series as numpy arrays: sorted integer ``years`` and float ``values``.

    ``estimates``: the labels ("2022E") of years that are estimates read as data, in year
    order, from a ``note`` column as :func:`idcforecast.read_series` and
    :func:`idcforecast.batch.read_long_table` write it with ``estimates="keep"``.
    ``fx_years``: the years (as text) whose value the reader converted between currencies
    at that year's FX rate, from the same ``note`` column.
    ``unpublished``: the years whose value cell was marked as not published ("n/a", "—"),
    read as gaps (left out of ``years``), each with its mark: ``"2018 ('n/a')"``.
    ``bounds``: the years whose value was published as a bound (a ``qualifier`` column of
    ``at_least`` / ``at_most``, as ``read_series`` writes "超过520万"), fitted as that
    number: ``"2021 (at least)"``, in year order.
    """

    series_id: str
    years: np.ndarray
    values: np.ndarray
    unit: str
    estimates: tuple[str, ...] = ()
    fx_years: tuple[str, ...] = ()
    unpublished: tuple[str, ...] = ()
    bounds: tuple[str, ...] = ()


@dataclass(frozen=True)
class PreparedSeries:
    """Consecutive values ready for a model, with what the gap policy did to get them.

    ``observed`` is the boolean mask of ``values`` that were observed (None when every year
    was). Pass it on as ``forecast_array(observed=...)`` so that filled years never count as
    data: not toward a model's minimum, not as a rolling-origin target of the interval
    calibration, not in the prior scale of the intervals.
    """

    first_year: int
    values: np.ndarray
    note: str
    observed: np.ndarray | None = None

    @property
    def last_year(self) -> int:
        """The last observed year (the forecast origin)."""
        return self.first_year + int(self.values.size) - 1


def cell_repr(value: Any) -> str:
    """A cell as the user typed it: ``2021`` not ``np.float64(2021.0)``, text quoted.

    Examples
    --------
    >>> cell_repr(np.float64(2021.0)), cell_repr("n/a"), cell_repr(2020.5)
    ('2021', "'n/a'", '2020.5')
    """
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return repr(value)


def year_numbers(column: pd.Series) -> pd.Series:
    """A ``year`` column as numbers (NaN where a cell is not a number).

    Dates and yearly periods count by their calendar year (a ``datetime64`` column from an
    Excel sheet would otherwise become nanoseconds, a period column its offset from 1970).

    Examples
    --------
    >>> import pandas as pd
    >>> year_numbers(pd.Series(pd.to_datetime(["2021-12-31", None]))).tolist()
    [2021.0, nan]
    >>> year_numbers(pd.Series(["2021", "x"])).tolist()
    [2021.0, nan]
    """
    import pandas as pd

    if isinstance(column.dtype, pd.PeriodDtype) or pd.api.types.is_datetime64_any_dtype(
        column.dtype
    ):
        return column.dt.year.astype("float64")
    return pd.to_numeric(column, errors="coerce")


def true_false_cells(column: pd.Series, numbers: np.ndarray) -> np.ndarray:
    """Which cells hold True/False (an Excel TRUE, a flag column): no value, though pandas
    reads them as 1 and 0 (a True among the values was forecast as the value 1).

    ``numbers`` is ``column`` read as float64 (``pandas.to_numeric``): only a cell read as
    0 or 1 can be a flag, so a large column is scanned only there.

    Examples
    --------
    >>> import pandas as pd
    >>> cells = pd.Series([2.0, True, 0, "x"], dtype=object)
    >>> true_false_cells(cells, np.array([2.0, 1.0, 0.0, np.nan])).tolist()
    [False, True, False, False]
    """
    import pandas as pd

    if column.dtype == bool or isinstance(column.dtype, pd.BooleanDtype):
        return np.ones(len(column), dtype=bool)
    flags = np.zeros(len(column), dtype=bool)
    if column.dtype != object:
        return flags
    rows = np.flatnonzero((numbers == 0) | (numbers == 1))
    cells = column.to_numpy()[rows]
    flags[rows] = [isinstance(cell, bool | np.bool_) for cell in cells]
    return flags


# The per-series input messages below are the one source of their wording: ``forecast()``
# raises them (via split_series) and ``forecast_many`` records them as a series' note.


def bad_year_message(series_id: str, cell: Any, number: float) -> str:
    """Message for a ``year`` cell that is not an integer year from 1 to 9999.

    ``number`` is the cell read as a number (NaN when it is not one).

    Examples
    --------
    >>> bad_year_message("s", 2020.5, 2020.5)
    "series 's': year 2020.5 is not an integer year; use integers such as 2021"
    >>> bad_year_message("s", "20210", 20210.0)
    "series 's': year 20210 is above 9999; use four-digit years such as 2021"
    >>> bad_year_message("s", 0, 0.0)  # doctest: +NORMALIZE_WHITESPACE
    "series 's': year 0 is not a year; use calendar years such as 2021 (positions 0, 1,
    2... instead of years? a Series needs its years as the index: s.index = range(2019,
    2019 + len(s)))"
    >>> bad_year_message("s", float("nan"), float("nan"))
    "series 's': a row has no year (a blank year cell); give its year, or drop the row"
    """
    from idcforecast._cells import is_blank

    if is_blank(cell):  # was "year nan is not an integer year"
        return (
            f"series {series_id!r}: a row has no year (a blank year cell); give its year, or "
            "drop the row"
        )
    if np.isfinite(number) and float(number).is_integer() and number < YEAR_MIN:
        return (
            f"series {series_id!r}: year {int(number)} is not a year; use calendar years such "
            "as 2021 (positions 0, 1, 2... instead of years? a Series needs its years as the "
            "index: s.index = range(2019, 2019 + len(s)))"
        )
    if np.isfinite(number) and float(number).is_integer():
        return (
            f"series {series_id!r}: year {int(number)} is above {YEAR_MAX}; "
            "use four-digit years such as 2021"
        )
    return (
        f"series {series_id!r}: year {cell_repr(cell)} is not an integer year; "
        "use integers such as 2021"
    )


def missing_id_message(row: int, year: Any) -> str:
    """Message for a row (0-based position) whose ``series_id`` is missing.

    Examples
    --------
    >>> missing_id_message(0, 2010)
    'row 0 (year 2010) has no series_id; every row needs one: fill it or drop the row'
    """
    return (
        f"row {row} (year {cell_repr(year)}) has no series_id; every row needs one: fill it "
        "or drop the row"
    )


def value_not_finite_message(series_id: str, year: int, cell: Any) -> str:
    """Message for a ``value`` cell (in ``year``) that is missing, text or infinite.

    A missing cell (NaN, None: a blank cell of a file) is called blank "but the row is
    not", as :func:`idcforecast.read_series` words a long table's blank value: an error,
    never a gap in silence (a blank cell may be a value lost in an export); the fix names
    the two ways to say a year was not published, dropping the row or marking it "n/a"
    (in a wide table a blank cell is a year not published, no row). Text or an infinite
    number gets a fix for either layout.

    Examples
    --------
    >>> value_not_finite_message("s", 2020, "abc").split(";")[0]
    "series 's' year 2020: value 'abc' is not a finite number"
    >>> value_not_finite_message("s", 2020, "1,562.5").split(":")[1]
    " value '1,562.5' is a number written with thousands separators, text to pandas; pass 1562.5"
    >>> value_not_finite_message("s", 2020, float("nan"))  # doctest: +NORMALIZE_WHITESPACE
    "series 's' year 2020: the value is blank (NaN) but the row is not; expected a number;
    for a year not published, drop the row or write 'n/a' as its value (pandas.read_csv
    reads 'n/a' as NaN unless given keep_default_na=False; read_series and read_long_table
    keep it)"
    """
    from idcforecast._cells import is_blank

    if is_blank(cell):
        return (
            f"series {series_id!r} year {int(year)}: the value is blank (NaN) but the row is "
            "not; expected a number; for a year not published, drop the row or write 'n/a' "
            "as its value (pandas.read_csv reads 'n/a' as NaN unless given "
            "keep_default_na=False; read_series and read_long_table keep it)"
        )
    message = (
        f"series {series_id!r} year {int(year)}: value {cell_repr(cell)} is not a finite "
        "number; give a number, or leave the year out (a missing year is allowed: drop its "
        "row, or blank its cell in a wide table)"
    )
    if isinstance(cell, str) and _GROUPED_NUMBER.match(cell):
        number = float(cell.replace(",", ""))
        return (
            f"series {series_id!r} year {int(year)}: value {cell_repr(cell)} is a number "
            f"written with thousands separators, text to pandas; pass {number:g}: read the "
            "file with pandas.read_csv(..., thousands=',') or with idcforecast.read_series, "
            "which read such numbers, or convert the column (pandas.to_numeric("
            "df['value'].str.replace(',', ''))"
        )
    if isinstance(cell, str) and _FIGURE_TEXT.search(cell):
        message += (
            " (figure text, such as '1,562.5亿元', '800 MW' or '超过520', is read by "
            "idcforecast.read_series, idcforecast.read_long_table and the commands reading a "
            "file, `forecast --data` and `forecast-many`; forecast() and forecast_many() take "
            "numbers, the unit in a 'unit' column and a bound in a 'qualifier' column, "
            "'at_least' or 'at_most')"
        )
    return message


def no_values_message(series_id: str) -> str:
    """Message for a series every value of which is blank (a wide row of blank or "n/a"
    cells, read by :func:`idcforecast.batch.read_long_table` as one blank row).

    Examples
    --------
    >>> no_values_message("s").split(";")[0]
    "series 's' has no values: every year is blank (NaN) or not published"
    """
    return (
        f"series {series_id!r} has no values: every year is blank (NaN) or not published; "
        "give its values, or leave the series out"
    )


def not_published_mask(column: pd.Series) -> np.ndarray:
    """The cells of a ``value`` column marked as not published ("n/a", "—", "..", "暂无";
    see :func:`idcforecast._cells.is_not_published`), as a boolean array.

    A numeric column has none; otherwise only the distinct cells are tested.

    Examples
    --------
    >>> import pandas as pd
    >>> not_published_mask(pd.Series([1.0, " N/A", "—", None, "TBD"])).tolist()
    [False, True, True, False, False]
    """
    import pandas as pd

    from idcforecast._cells import is_not_published

    if pd.api.types.is_numeric_dtype(column.dtype):
        return np.zeros(len(column), dtype=bool)
    codes, uniques = pd.factorize(column, sort=False)
    marked = np.array([*(is_not_published(cell) for cell in uniques), False], dtype=bool)
    return marked[codes]  # code -1 (a missing cell) picks the trailing False


def unpublished_label(year: Any, cell: Any) -> str:
    """How a forecast's note names a year marked as not published: its year and the mark.

    Examples
    --------
    >>> unpublished_label(2018.0, " n/a ")
    "2018 ('n/a')"
    """
    return f"{cell_repr(year)} ({str(cell).strip()!r})"


# a number with a unit or magnitude after it ("1562.5亿元", "800 MW", "$71.2bn")
# a number with a unit after it ("800 MW") or a word or sign before it ("超过520", ">520")
# "1,200", "-12,345.6": a number with comma thousands separators, which pandas reads as text
_GROUPED_NUMBER = re.compile(r"^\s*[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?\s*$")
_FIGURE_TEXT = re.compile(r"\d\s*[^\d\s.,+\-eE]|[^\d\s.,+\-eE]\s*\d")


def mixed_units_message(series_id: str, units: list[str]) -> str:
    """Message for a series whose rows carry more than one unit (in order of appearance).

    Examples
    --------
    >>> mixed_units_message("s", ["MW", "GW"])
    "series 's' mixes units 'MW', 'GW'; convert to one unit first (idcforecast.convert)"
    """
    return (
        f"series {series_id!r} mixes units {', '.join(repr(str(u)) for u in units)}; "
        "convert to one unit first (idcforecast.convert)"
    )


def duplicate_year_message(series_id: str, year: int, values: Any) -> str:
    """Message for a series with several ``values`` for one ``year``.

    Examples
    --------
    >>> duplicate_year_message("s", 2021, [2.0, 3.0])
    "series 's' has 2 values for year 2021 (2.0, 3.0); keep one row per year"
    """
    listed = [float(v) for v in values]
    return (
        f"series {series_id!r} has {len(listed)} values for year {int(year)} "
        f"({', '.join(repr(v) for v in listed)}); keep one row per year"
    )


def _fmt_years(years: list[int]) -> str:
    """Sorted years, runs as ranges: [2011, 2012, 2013, 2016] -> "2011-2013, 2016"."""
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}" for run in runs)


def check_gap_policy(gaps: Any, caller: str) -> None:
    """A :class:`DataError` for ``gaps`` that is not one of :data:`GAP_POLICIES`, in the
    words of ``caller`` (an argument of the call, checked once before any series: it was
    named as a fault of the first series, "series 's': gaps='fill' ...").

    Examples
    --------
    >>> check_gap_policy("span", "forecast")
    >>> check_gap_policy("fill", "forecast")
    Traceback (most recent call last):
    ...
    idcforecast.errors.DataError: forecast: gaps='fill' is not a gap policy; expected one of 'interpolate', 'span', 'error'
    """  # noqa: E501
    if not isinstance(gaps, str) or gaps not in GAP_POLICIES:
        raise DataError(
            f"{caller}: gaps={gaps!r} is not a gap policy; expected one of "
            f"{', '.join(repr(p) for p in GAP_POLICIES)}",
            gaps=gaps,
        )


def prepare_values(
    years: Any, values: Any, *, gaps: str = "interpolate", series_id: str = "series"
) -> PreparedSeries:
    """Apply the gap policy to one series' sorted, unique ``years`` and ``values``.

    Parameters
    ----------
    years, values
        Observed years (sorted ascending, unique integers) and their values (finite).
    gaps
        ``"interpolate"``, ``"span"`` or ``"error"`` (see the module docstring).
    series_id
        Named in notes and error messages.

    Returns
    -------
    PreparedSeries
        Consecutive values from ``first_year``, and a note naming filled or dropped years.

    Examples
    --------
    >>> p = prepare_values([2018, 2019, 2021], [100.0, 121.0, 146.41])
    >>> p.values.round(2).tolist(), p.note
    ([100.0, 121.0, 133.1, 146.41], 'gap year 2020 filled log-linearly for fitting only')
    >>> prepare_values([2018, 2019, 2021], [100.0, 121.0, 146.41], gaps="span").note
    'gap before 2021: fitted on 2021 only (dropped 2018-2019)'
    """
    check_gap_policy(gaps, f"series {series_id!r}")
    yrs = np.asarray(years, dtype=np.int64)
    vals = np.asarray(values, dtype=np.float64)
    if yrs.size == 0:
        raise EmptyDataError(
            f"series {series_id!r} has no observations; pass at least one year and value",
            series_id=series_id,
        )
    if int(yrs[-1]) - int(yrs[0]) + 1 == yrs.size:  # sorted and unique: no year missing
        return PreparedSeries(first_year=int(yrs[0]), values=vals.copy(), note="")
    full = np.arange(int(yrs[0]), int(yrs[-1]) + 1)
    missing = sorted(set(full.tolist()) - set(yrs.tolist()))
    if not missing:
        return PreparedSeries(first_year=int(yrs[0]), values=vals.copy(), note="")
    if gaps == "error":
        label = "year" if len(missing) == 1 else "years"
        verb = "is" if len(missing) == 1 else "are"
        raise DataError(
            f"series {series_id!r}: {label} {_fmt_years(missing)} {verb} missing inside "
            f"{int(yrs[0])}-{int(yrs[-1])}; fill them, or pass gaps='interpolate' (fit on "
            "interpolated values, flagged) or gaps='span' (fit the latest consecutive run)",
            series_id=series_id,
            missing_years=missing,
        )
    if gaps == "span":
        breaks = np.flatnonzero(np.diff(yrs) > 1)
        start = int(breaks[-1]) + 1
        note = (
            f"gap before {int(yrs[start])}: fitted on {year_span(int(yrs[start]), int(yrs[-1]))} "
            f"only (dropped {year_span(int(yrs[0]), int(yrs[start - 1]))})"
        )
        return PreparedSeries(first_year=int(yrs[start]), values=vals[start:].copy(), note=note)
    if len(missing) > yrs.size:
        # filling more years than were observed would invent most of the series (and its
        # smooth filled years would narrow the intervals calibrated on them): a typo'd year
        # such as 2201 for 2021 ends up here
        raise DataError(
            f"series {series_id!r}: {len(missing)} of the {full.size} years in "
            f"{int(yrs[0])}-{int(yrs[-1])} are missing ({_fmt_years(missing)}), more than the "
            f"{yrs.size} observed; gaps='interpolate' fills occasional gaps only; check the "
            "years (a typo?), or pass gaps='span' (fit the latest consecutive run)",
            series_id=series_id,
            missing_years=missing,
        )
    if np.all(vals > 0):
        filled = np.exp(np.interp(full, yrs, np.log(vals)))
        how = "log-linearly"
    else:
        filled = np.interp(full, yrs, vals)
        how = "linearly"
    observed = np.isin(full, yrs)
    filled[observed] = vals  # observed values exactly as given
    label = "gap year" if len(missing) == 1 else "gap years"
    note = f"{label} {_fmt_years(missing)} filled {how} for fitting only"
    return PreparedSeries(first_year=int(yrs[0]), values=filled, note=note, observed=observed)


def no_missing_values(data: pd.Series, name: str) -> None:
    """A NaN in a year-indexed Series (``pd.Series([1.0, None], index=[2019, 2020])``) is
    an error naming its years and the fix a Series has (``series.dropna()``); the words of
    a table's blank cell ("the row is not" blank; "write 'n/a'", "blank a whole row") name
    rows a Series does not have.

    Examples
    --------
    >>> import pandas as pd
    >>> try:
    ...     no_missing_values(pd.Series([1.0, None], index=[2019, 2020]), "Series 'm'")
    ... except NonNumericValueError as err:
    ...     print(str(err).split(";")[0])
    Series 'm': year 2020 is NaN
    """
    import pandas as pd

    missing = data.isna().to_numpy()
    if not missing.any():
        return
    index = data.index
    years = list(index.year if isinstance(index, pd.PeriodIndex | pd.DatetimeIndex) else index)
    gaps = [str(year) for year, gap in zip(years, missing, strict=True) if gap]
    shown = ", ".join(gaps[:5]) + (", ..." if len(gaps) > 5 else "")
    one = len(gaps) == 1
    raise NonNumericValueError(
        f"{name}: {'year' if one else 'years'} {shown} {'is' if one else 'are'} NaN; "
        "expected a number for every year of the index; drop the years not published "
        "(series.dropna()): they are then gaps, never filled",
        source=name,
        year=gaps[0],
    )


def _series_from_pandas_series(data: pd.Series) -> pd.DataFrame:
    import pandas as pd

    no_missing_values(data, "Series" if data.name is None else f"Series {str(data.name)!r}")

    index = data.index
    if isinstance(index, pd.PeriodIndex | pd.DatetimeIndex):
        years = np.asarray(index.year, dtype=np.int64)
    else:
        years = np.asarray(index)
    name = "series" if data.name is None else str(data.name)
    return pd.DataFrame({"series_id": name, "year": years, "value": np.asarray(data)})


def split_series(data: Any) -> list[SeriesData]:
    """Validate ``data`` and split it into one :class:`SeriesData` per series.

    ``data`` is a tidy frame with ``series_id`` (optional when there is one series),
    ``year`` and ``value`` columns (``unit`` optional, other columns ignored), or a
    year-indexed :class:`pandas.Series` (integer years, a yearly ``PeriodIndex`` or a
    ``DatetimeIndex``). Series keep their order of first appearance.

    A value cell marked as not published ("n/a", "—", "..", "暂无", as
    :func:`idcforecast.read_series` reads them) is a gap: its row is left out and named in
    :attr:`SeriesData.unpublished`. A blank value (NaN, None) in a row is an error, as in
    ``read_series``: a year not published is a dropped row or one marked so.

    Raises
    ------
    EmptyDataError, DataError, NonNumericValueError, DuplicateYearError

    Examples
    --------
    >>> import pandas as pd
    >>> [s.series_id for s in split_series(pd.Series([1.0, 2.0], index=[2020, 2021]))]
    ['series']
    """
    import pandas as pd

    if isinstance(data, pd.Series):
        frame = _series_from_pandas_series(data)
    elif isinstance(data, pd.DataFrame):
        frame = data
    else:
        raise DataError(
            f"data must be a tidy DataFrame (series_id, year, value) or a year-indexed "
            f"Series; got {type(data).__name__}",
            found=type(data).__name__,
        )
    if len(frame) == 0:
        raise EmptyDataError("data has no rows; pass at least one series", n_rows=0)
    missing = [c for c in ("year", "value") if c not in frame.columns]
    if missing:
        raise DataError(
            f"data is missing column(s) {', '.join(repr(c) for c in missing)}; expected a "
            f"tidy frame with series_id, year, value; found columns {list(frame.columns)}"
            + _years_in_index_hint(frame, missing),
            missing=missing,
        )
    if "series_id" not in frame.columns:
        frame = frame.assign(series_id="series")
    no_id = np.flatnonzero(frame["series_id"].isna().to_numpy())
    if no_id.size:  # groupby would drop these rows without a word
        row = int(no_id[0])
        raise DataError(missing_id_message(row, frame["year"].iloc[row]), row=row)
    out: list[SeriesData] = []
    check_ids_not_joined_as_equal(frame["series_id"])
    check_ids_distinct_as_text(frame["series_id"].drop_duplicates().tolist())
    for sid, group in frame.groupby("series_id", sort=False):
        out.append(_one_series(str(sid), group))
    return out


def _years_in_index_hint(frame: pd.DataFrame, missing: list[str]) -> str:
    """The fix when the years are the frame's index (``df.set_index("year")``, a column
    per series), the commonest way an analyst's frame misses its ``year`` column."""
    if "year" not in missing:
        return ""
    index = frame.index
    named = index.name is not None and str(index.name).strip().lower() in ("year", "years")
    if not named:
        numbers = _index_numbers(index)  # calendar years, not positions 0, 1, 2 or 1, 2, 3
        named = bool(numbers.notna().all() and numbers.between(1800, 2200).all())
    if not named:
        return ""
    if "value" in missing:  # a column per series
        return (
            "; the years are the frame's index and each column a series: pass "
            "frame.rename_axis('year').reset_index().melt('year', var_name='series_id')"
        )
    return "; the years are the frame's index: pass frame.rename_axis('year').reset_index()"


def _index_numbers(index: Any) -> Any:
    import pandas as pd

    return pd.Series(pd.to_numeric(pd.Series(index, dtype=object), errors="coerce"))


def _as_float(number: Any) -> float:
    """``number`` as a float, NaN for a missing value (``pd.NA`` included)."""
    import pandas as pd

    return float("nan") if pd.isna(number) else float(number)


def _one_series(series_id: str, group: pd.DataFrame) -> SeriesData:
    import pandas as pd

    years_raw = year_numbers(group["year"])
    outside = (years_raw > YEAR_MAX) | (years_raw < YEAR_MIN)
    bad_year = (years_raw.isna() | (years_raw % 1 != 0) | outside).to_numpy()
    if bad_year.any():
        pos = int(np.flatnonzero(bad_year)[0])
        raw = group["year"].iloc[pos]
        raw = raw.item() if isinstance(raw, np.generic) else raw
        raise NonNumericValueError(
            # an Int64 column's blank is pd.NA, which float() refuses (was a TypeError)
            bad_year_message(series_id, raw, _as_float(years_raw.iloc[pos])),
            series_id=series_id,
            value=raw,
        )
    marked = not_published_mask(group["value"])
    if (group["value"].isna().to_numpy() | marked).all():
        raise NonNumericValueError(no_values_message(series_id), series_id=series_id)
    unpublished: tuple[str, ...] = ()
    if marked.any():  # "n/a", "—": a year not published, a gap, as read_series reads it
        marked_years = years_raw[marked].to_numpy()
        marks = group["value"][marked].to_numpy()
        unpublished = tuple(
            unpublished_label(marked_years[i], marks[i])
            for i in np.argsort(marked_years, kind="stable")
        )
        group, years_raw = group[~marked], years_raw[~marked]
    values_raw = pd.to_numeric(group["value"], errors="coerce")
    numbers = values_raw.to_numpy(dtype=np.float64, na_value=np.nan)
    bad = values_raw.isna() | ~np.isfinite(np.where(np.isnan(numbers), 0.0, numbers))
    bad |= true_false_cells(group["value"], numbers)  # pandas reads True as 1: no number given
    if bad.any():
        pos = int(np.flatnonzero(bad.to_numpy())[0])
        raise NonNumericValueError(
            value_not_finite_message(series_id, int(years_raw.iloc[pos]), group["value"].iloc[pos]),
            series_id=series_id,
            year=int(years_raw.iloc[pos]),
            value=group["value"].iloc[pos],
        )
    years = years_raw.to_numpy(dtype=np.int64)
    values = values_raw.to_numpy(dtype=np.float64)
    order = np.argsort(years, kind="stable")
    years, values = years[order], values[order]
    dup = np.flatnonzero(np.diff(years) == 0)
    if dup.size:
        year = int(years[dup[0]])
        both = values[years == year]
        raise DuplicateYearError(
            duplicate_year_message(series_id, year, both),
            series_id=series_id,
            year=year,
        )
    unit = ""
    if "unit" in group.columns:
        units = [str(u) for u in pd.unique(group["unit"].dropna())]
        unit = units[0] if len(units) == 1 else ""
        if len(units) > 1:
            raise MixedUnitsError(
                mixed_units_message(series_id, units),
                series_id=series_id,
                units=units,
            )
    estimates: tuple[str, ...] = ()
    fx_years: tuple[str, ...] = ()
    if "note" in group.columns:
        from idcforecast._history_notes import estimate_label, fx_label

        notes = group["note"].to_numpy()[order]
        labels = [estimate_label(note) for note in notes]
        estimates = tuple(dict.fromkeys(label for label in labels if label is not None))
        fx = [fx_label(note) for note in notes]
        fx_years = tuple(dict.fromkeys(label for label in fx if label is not None))
    bounds: tuple[str, ...] = ()
    if "qualifier" in group.columns:
        from idcforecast._history_notes import bound_label

        qualifiers = group["qualifier"].to_numpy()[order]
        labels = [bound_label(year, q) for year, q in zip(years, qualifiers, strict=True)]
        bounds = tuple(label for label in labels if label is not None)
    return SeriesData(
        series_id=series_id,
        years=years,
        values=values,
        unit=unit,
        estimates=estimates,
        fx_years=fx_years,
        unpublished=unpublished,
        bounds=bounds,
    )
