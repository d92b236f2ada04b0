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

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from idcforecast._frame_shape_hints import (
    check_ids_not_in_index,
    check_yearly_index,
    years_in_index_hint,
)
from idcforecast._series_cells import (  # the cells' checks, kept importable from here
    NOT_CONVERTED,
    STALE_MARK_FIX,
    VALUE_UNREAD,
    YEAR_MAX,
    YEAR_MIN,
    YEAR_REPEATED,
    YEAR_UNREAD,
    bad_year_message,
    cell_repr,
    duplicate_year_message,
    marked_message,
    missing_id_message,
    mixed_units_message,
    no_values_message,
    not_published_mask,
    one_unit_now,
    true_false_cells,
    unpublished_label,
    unread_file_years,
    value_not_finite_message,
    year_numbers,
)
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
    "short_after_gap",
    "split_series",
    "true_false_cells",
    "unpublished_label",
    "value_not_finite_message",
    "year_numbers",
]

GAP_POLICIES = ("interpolate", "span", "error")


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

    def bound_mask(self, years: Iterable[int]) -> np.ndarray | None:
        """``forecast_array(bound=...)``: True at each of ``years`` (values published as a
        bound, "more than 300") inside ``first_year .. last_year``; None when none is.

        Examples
        --------
        >>> prepared = PreparedSeries(2020, np.array([1.0, 2.0, 3.0]), "")
        >>> prepared.bound_mask([2019, 2022]), prepared.bound_mask([2018])
        (array([False, False,  True]), None)
        """
        where = [int(y) - self.first_year for y in years if self.first_year <= y <= self.last_year]
        if not where:
            return None
        mask = np.zeros(self.values.size, dtype=bool)
        mask[where] = True
        return mask


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


def short_after_gap(gap_note: str) -> str:
    """The reason a series was too short to forecast, from the note of its gap policy
    (``PreparedSeries.note``): " (NOTE)", and, when ``gaps='span'`` dropped the years
    before a gap, the policy that keeps them (it said "add years" only, for a series
    whose years were there).

    Examples
    --------
    >>> short_after_gap("gap before 2022: fitted on 2022 only (dropped 2015-2019)")
    " (gap before 2022: fitted on 2022 only (dropped 2015-2019)); or pass gaps='interpolate' to fit the years before the gap too"
    >>> short_after_gap("gap year 2020 filled log-linearly for fitting only")
    ' (gap year 2020 filled log-linearly for fitting only)'
    >>> short_after_gap("")
    ''
    """  # noqa: E501
    if not gap_note:
        return ""
    span = "; or pass gaps='interpolate' to fit the years before the gap too"
    return f" ({gap_note})" + (span if gap_note.startswith("gap before ") else "")


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
        # monthly, quarterly: said with the aggregation (was "12 values for year 2020")
        check_yearly_index(index, years, "series" if data.name is None else str(data.name))
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
        from os import PathLike

        # a file's path (forecast("market.csv", 5)) said only "got str"
        read_first = (
            f" ({str(data)!r} looks like a file: read it first, "
            f"idcforecast.read_series({str(data)!r}, unit=...), or read_long_table for a "
            "file of many series)"
            if isinstance(data, (str, PathLike))
            else ""
        )
        raise DataError(
            f"data must be a tidy DataFrame (series_id, year, value) or a year-indexed "
            f"Series; got {type(data).__name__}{read_first}",
            found=type(data).__name__,
        )
    if len(frame) == 0:
        raise EmptyDataError("data has no rows; pass at least one series", n_rows=0)
    missing = [c for c in ("year", "value") if c not in frame.columns]
    if missing:
        raise DataError(
            f"data is missing column(s) {', '.join(repr(c) for c in missing)}; expected a "
            f"tidy frame with series_id, year, value; found columns {list(frame.columns)}"
            + years_in_index_hint(frame, missing),
            missing=missing,
        )
    check_ids_not_in_index(frame)
    if "series_id" not in frame.columns:
        frame = frame.assign(series_id="series")
    no_id = np.flatnonzero(frame["series_id"].isna().to_numpy())
    if no_id.size:  # groupby would drop these rows without a word
        row = int(no_id[0])
        raise DataError(missing_id_message(row, frame["year"].iloc[row]), row=row)
    out: list[SeriesData] = []
    check_ids_not_joined_as_equal(frame["series_id"])
    check_ids_distinct_as_text(frame["series_id"].drop_duplicates().tolist())
    in_index = isinstance(data, pd.Series)  # its years are the index, not a column
    for sid, group in frame.groupby("series_id", sort=False):
        out.append(_one_series(str(sid), group, in_index=in_index))
    return out


def _as_float(number: Any) -> float:
    """``number`` as a float, NaN for a missing value (``pd.NA`` included)."""
    import pandas as pd

    return float("nan") if pd.isna(number) else float(number)


def _file_message(group: pd.DataFrame, pos: int, marker: str) -> str | None:
    """The message naming the file's cell of ``group``'s row ``pos`` that
    :func:`idcforecast.batch.read_long_table` could not read (``marker`` in its ``note``),
    or None: a frame built otherwise, or a cell the reader read."""
    if "note" not in group.columns:
        return None
    return marked_message(group["note"].iloc[pos], marker)


def _check_converted(series_id: str, group: pd.DataFrame) -> None:
    """Raise the reader's error for a row :func:`idcforecast.batch.read_long_table` could
    not convert to the unit asked for (``NOT_CONVERTED`` in its note), naming the file's
    row, as forecast_many() fails the series: a series none of whose rows converted (all
    in 'kg' where 'MW' was asked) was forecast in 'kg' without a word, and one with some
    rows unconverted said only "mixes units 'MW', 'kg'"."""
    import pandas as pd

    if "note" not in group.columns:
        return
    from idcforecast._unit_marks import marks_standing

    column = group["unit"] if "unit" in group.columns else None
    note_codes, distinct = pd.factorize(group["note"].to_numpy(dtype=object))
    # a row whose unit was set in the frame since it was read: corrected, read as it is now
    marked = marks_standing(note_codes, distinct, None if column is None else column.to_numpy())
    if not marked.any():
        return
    messages = [
        marked_message(note, NOT_CONVERTED) if standing else None
        for note, standing in zip(group["note"], marked, strict=True)
    ]
    units = [str(u) for u in pd.unique(column.dropna())] if column is not None else []
    kind = MixedUnitsError if len(units) > 1 else DataError
    # one unit in every row, the marked row's as read ('800 MW' under 'racks' keeps
    # 'racks'): the mark is what fails the series, and the error said only "fix the unit"
    fix = STALE_MARK_FIX if one_unit_now(column, marked) else ""
    first = next(message for message in messages if message is not None)
    raise kind(first + fix, series_id=series_id)  # worded as forecast_many() notes it


def _one_series(series_id: str, group: pd.DataFrame, *, in_index: bool = False) -> SeriesData:
    import pandas as pd

    years_raw = year_numbers(group["year"])
    outside = (years_raw > YEAR_MAX) | (years_raw < YEAR_MIN)
    bad_year = (years_raw.isna() | (years_raw % 1 != 0) | outside).to_numpy()
    if "note" in group.columns:  # '19' read from a file: marked by read_long_table
        bad_year = bad_year | unread_file_years(group["note"].to_numpy(), years_raw.to_numpy(float))
    if bad_year.any():
        pos = int(np.flatnonzero(bad_year)[0])
        raw = group["year"].iloc[pos]
        raw = raw.item() if isinstance(raw, np.generic) else raw
        raise NonNumericValueError(
            # the file's cell, where read_long_table marked it (was "row 2 of the data")
            _file_message(group, pos, YEAR_UNREAD)
            # an Int64 column's blank is pd.NA, which float() refuses (was a TypeError)
            or bad_year_message(
                series_id,
                raw,
                _as_float(years_raw.iloc[pos]),
                row=None if in_index else group.index[pos],
                in_index=in_index,
            ),
            series_id=series_id,
            value=raw,
        )
    _check_converted(series_id, group)
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
            _file_message(group, pos, VALUE_UNREAD)
            or value_not_finite_message(
                series_id,
                int(years_raw.iloc[pos]),
                group["value"].iloc[pos],
                in_index=in_index,
            ),
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
        places = None
        if "note" in group.columns:  # the file's rows, where read_long_table marked them
            notes = group["note"].to_numpy()[order][years == year]
            places = [marked_message(note, YEAR_REPEATED) for note in notes]
        raise DuplicateYearError(
            duplicate_year_message(series_id, year, both, places),
            series_id=series_id,
            year=year,
        )
    unit = ""
    if "unit" in group.columns:
        units = [str(u) for u in pd.unique(group["unit"].dropna())]
        unit = units[0] if len(units) == 1 else ""
        if len(units) > 1:
            # the reader's reason, naming the file's row, when it could not convert one
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
